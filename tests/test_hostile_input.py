"""Input meant to break the loader or the output: each gets a located error, never a crash."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from bounded import run_bounded
from conftest import EXAMPLES

from resumefmt import DocumentError, load_text, validate
from resumefmt._jsonschema import Validator, ecma_anchors

HEAD = 'resumefmt: "1.0"\nbasics:\n  name: Ada\n'


def load_problems(text: str, syntax: str = "yaml") -> list[tuple[int, int, str, str]]:
    with pytest.raises(DocumentError) as caught:
        load_text(text, "r", syntax)  # type: ignore[arg-type]
    return [
        (d.location.line, d.location.column, d.code, d.message) for d in caught.value.diagnostics
    ]


def problems(text: str, syntax: str = "yaml") -> list[tuple[int, int, str, str]]:
    doc = load_text(text, "r", syntax)  # type: ignore[arg-type]
    return [(d.location.line, d.location.column, d.code, d.message) for d in validate(doc)]


def run(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "resumefmt", *args]
    return subprocess.run(
        command, capture_output=True, text=True, input=stdin, cwd=cwd, check=False
    )


@pytest.mark.parametrize("depth", [101, 600, 5000])
def test_deep_json_is_refused_at_the_level_that_is_too_deep(depth: int) -> None:
    found = load_problems("[" * depth + "]" * depth, "json")
    message = "the document is nested more than 100 levels deep"
    assert found == [(1, 101 if depth < 1000 else 1, "RF001", message)]


def test_deep_yaml_is_refused() -> None:
    # The root mapping is level 1, so the 100th "[" (column 103) opens level 101.
    assert load_problems("a: " + "[" * 600 + "]" * 600 + "\n") == [
        (1, 103, "RF001", "the document is nested more than 100 levels deep")
    ]


def test_a_hundred_levels_are_still_read() -> None:
    assert load_text("[" * 100 + "]" * 100, "r", "json").data is not None


def test_a_huge_yaml_integer_stays_the_text_typed() -> None:
    digits = "1" + "0" * 5000
    assert load_text(f"x-a: {digits}\n").data == {"x-a": digits}


def test_a_huge_json_integer_is_located() -> None:
    found = load_problems('{"a": 1,\n "b": 1' + "0" * 5000 + "}", "json")
    assert found == [
        (2, 7, "RF001", "a number this long cannot be read: write it as text, in quotes")
    ]


def test_lone_surrogates_in_json_are_refused_and_printable() -> None:
    found = load_problems('{"a": "x\\ud800",\n "\\udfff": 1}', "json")
    assert found == [
        (
            1,
            7,
            "RF001",
            "'x\\ud800' holds \\ud800, half of a surrogate pair: write the whole character",
        ),
        (
            2,
            2,
            "RF001",
            "'\\udfff' holds \\udfff, half of a surrogate pair: write the whole character",
        ),
    ]
    result = run("validate", "-", stdin='{"resumefmt": "1.0", "\\ud800": 1}')
    assert result.returncode == 1
    assert result.stdout.count("\n") == 1 and "Traceback" not in result.stderr


def test_control_characters_are_located_after_wide_characters() -> None:
    assert load_problems('resumefmt: "1.0"\nbasics:\n  name: 成泽毅成泽毅\x01\n') == [
        (3, 15, "RF001", "the character U+0001 is not allowed in YAML text; remove it")
    ]


def test_values_with_line_breaks_stay_on_one_message_line() -> None:
    found = problems(HEAD + '  email: "no\\nat"\n  "a\\nb": 1\n')
    assert found == [
        (
            4,
            10,
            "RF013",
            "basics.email: 'no\\nat' is not an e-mail address: write it as name@example.com",
        ),
        (
            5,
            3,
            "RF011",
            "unknown key 'a\\nb' in basics; expected one of: name, altName, headline, "
            "email, phone, url, location, summary, profiles; your own fields must start with 'x-'",
        ),
    ]


def test_long_values_are_shortened_in_messages() -> None:
    ((_, _, _, message),) = problems(HEAD + f"  email: {'x' * 500}\n")
    assert (
        message
        == f"basics.email: '{'x' * 59}…' is not an e-mail address: write it as name@example.com"
    )


def test_a_byte_order_mark_does_not_shift_positions(tmp_path: Path) -> None:
    from resumefmt import load

    (tmp_path / "r.yaml").write_bytes(b"\xef\xbb\xbfname: \xff\n")
    with pytest.raises(DocumentError) as caught:
        load(tmp_path / "r.yaml")
    ((diagnostic),) = caught.value.diagnostics
    assert str(diagnostic.location).endswith(":1:7")
    assert "byte 0xff" in diagnostic.message
    (tmp_path / "ok.yaml").write_bytes(b"\xef\xbb\xbfa: 1\nb: x\n")
    assert load(tmp_path / "ok.yaml").positions["/b"] == (2, 4)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "",
            [
                (
                    1,
                    1,
                    "RF010",
                    "the file is empty: start from a starter résumé with: resumefmt init NAME",
                )
            ],
        ),
        (
            "# only a comment\n",
            [
                (
                    1,
                    1,
                    "RF010",
                    "the file is empty: start from a starter résumé with: resumefmt init NAME",
                )
            ],
        ),
        (
            "---\n",
            [
                (
                    2,
                    1,
                    "RF010",
                    "the document: expected a mapping of keys to values, found an empty value",
                )
            ],
        ),
        (
            "just text\n",
            [
                (
                    1,
                    1,
                    "RF010",
                    "the document: expected a mapping of keys to values, "
                    "found the text 'just text'",
                )
            ],
        ),
    ],
    ids=["empty", "comment-only", "document-marker-only", "scalar"],
)
def test_documents_that_are_not_mappings(text: str, found: list[tuple[int, int, str, str]]) -> None:
    assert problems(text) == found


def test_numbers_booleans_and_null_as_keys_are_text() -> None:
    assert load_text("1: a\n~: b\ntrue: c\n").data == {"1": "a", "~": "b", "true": "c"}


def test_null_is_described_as_typed() -> None:
    assert problems(HEAD + "  headline: ~\n") == [
        (4, 13, "RF010", "basics.headline: expected text, found ~, which YAML reads as null")
    ]


@pytest.mark.parametrize(
    ("version_line", "message"),
    [
        ("resumefmt:", 'the format version must be text: write resumefmt: "1.1"'),
        ("resumefmt: {a: 1}", 'the format version must be text: write resumefmt: "1.1"'),
        (
            'resumefmt: "01.0"',
            "'01.0' is not a format version: write it as MAJOR.MINOR, such as \"1.1\"",
        ),
        (
            'resumefmt: "1.0\\n"',
            "'1.0\\n' is not a format version: write it as MAJOR.MINOR, such as \"1.1\"",
        ),
    ],
)
def test_version_advice(version_line: str, message: str) -> None:
    ((_, _, code, said),) = problems(version_line + "\nbasics:\n  name: Ada\n")
    assert (code, said) == ("RF005", message)


def test_json_hints_use_the_number_as_typed() -> None:
    text = json.dumps({"resumefmt": "1.0", "basics": {"name": "Ada"}})[:-2] + ', "headline": 1e2}}'
    assert problems(text, "json") == [
        (
            1,
            60,
            "RF010",
            'basics.headline: expected text, found the number 1e2; write it in quotes: "1e2"',
        )
    ]
    found = problems('{"resumefmt": 1.10, "basics": {"name": "A"}}', "json")
    assert found == [
        (1, 15, "RF005", 'the format version must be text: write resumefmt: "1.10" with the quotes')
    ]


@pytest.mark.parametrize("value", ['"CN\\n"', "|\n      CN"])
def test_dollar_is_the_very_end_as_in_ecma_262(value: str) -> None:
    found = problems(HEAD + f"  location:\n    countryCode: {value}\n")
    assert [code for _, _, code, _ in found] == ["RF013"]


def test_ecma_anchors_leave_escaped_and_class_dollars_alone() -> None:
    assert ecma_anchors(r"^a$|^\$[$]$") == r"^a\Z|^\$[$]\Z"


def test_unique_items_compare_as_json_and_scale() -> None:
    validator = Validator({"type": "array", "uniqueItems": True})
    found = [
        e.path for e in validator.iter_errors([1, True, 1.0, [1], [1.0], {"a": 1}, {"a": True}])
    ]
    assert found == [(2,), (4,)]
    many = [f"skill {i}" for i in range(20000)]
    assert list(validator.iter_errors([*many, "skill 7"])) != []
    assert list(validator.iter_errors(many)) == []


def test_standard_input_twice_is_a_usage_error() -> None:
    result = run("validate", "-", "-", stdin=HEAD)
    assert (result.returncode, result.stderr) == (
        2,
        "resumefmt: standard input (-) can be read only once\n",
    )


def test_a_closed_standard_input() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "resumefmt", "validate", "-"],
        capture_output=True,
        text=True,
        stdin=None,
        check=False,
        preexec_fn=lambda: os.close(0),
    )
    assert (result.returncode, result.stderr) == (
        2,
        "resumefmt: cannot read standard input: it is closed\n",
    )


def test_a_reader_that_goes_away_is_not_a_bug(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(HEAD + "".join(f"  x{i}: 1\n" for i in range(3000)), encoding="utf-8")
    command = f"{sys.executable} -m resumefmt validate -q {bad} | head -n 1"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_on_output() -> None:
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "resumefmt", "schema"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert (result.returncode, result.stderr) == (
        2,
        "resumefmt: cannot write the output: No space left on device\n",
    )


@pytest.mark.parametrize("person", ["True", "null", "~", "12", "- x", "O'Brien: Jr"])
def test_init_quotes_names_yaml_would_retype(tmp_path: Path, person: str) -> None:
    assert run("init", "cv", "--name", person, cwd=tmp_path).returncode == 0
    from resumefmt import load

    document = load(tmp_path / "cv.resumefmt.yaml")
    assert document.data["basics"]["name"] == person
    assert validate(document) == []


def test_init_files_get_the_umask_permissions(tmp_path: Path) -> None:
    subprocess.run(
        ["sh", "-c", f"umask 022; {sys.executable} -m resumefmt init cv"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    assert (tmp_path / "cv.resumefmt.yaml").stat().st_mode & 0o777 == 0o644


def test_init_refuses_an_empty_name(tmp_path: Path) -> None:
    result = run("init", "", cwd=tmp_path)
    assert result.returncode == 2
    assert "give init the name of the file to write" in result.stderr
    assert list(tmp_path.iterdir()) == []


# --- inputs without end, or too large: refused at a stated limit, in bounded time and memory

#: The package under test, for the child processes (see tests/test_files_and_streams.py).
CHILD_ENV = {
    "PYTHONPATH": str(Path(__import__("resumefmt").__file__).resolve().parent.parent),
    "PYTHONSAFEPATH": "1",
}
#: resumefmt.loader.MAX_INPUT_BYTES, as documented.
LIMIT = 4 * 1024 * 1024
TOO_LARGE = "it is larger than 4 MiB, the most resumefmt reads (a résumé is rarely over 100 KB)"


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize("command", ["validate", "lint"])
def test_an_endless_device_is_refused_at_the_limit(command: str, tmp_path: Path) -> None:
    zero = tmp_path / "zero"
    os.mknod(zero, 0o444 | stat.S_IFCHR, os.makedev(1, 5))  # our own /dev/zero
    case = run_bounded(f"{command} /dev/zero", command, zero, env=CHILD_ENV)
    assert case.returncode == 2
    assert case.stderr.splitlines()[0] == f"resumefmt: cannot read '{zero}': {TOO_LARGE}"
    assert case.seconds < 10 and case.peak_mib < 150


def test_an_endless_standard_input_is_refused_at_the_limit() -> None:
    with subprocess.Popen(["yes"], stdout=subprocess.PIPE) as yes:
        assert yes.stdout is not None
        try:
            case = run_bounded(
                "yes | validate -", "validate", "-", stdin=yes.stdout.fileno(), env=CHILD_ENV
            )
        finally:
            yes.kill()
    assert (case.returncode, case.stderr) == (
        2,
        f"resumefmt: cannot read standard input: {TOO_LARGE}\n",
    )
    assert case.seconds < 10 and case.peak_mib < 150


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.resumefmt.yaml"
    with huge.open("wb") as handle:
        handle.truncate(64 * 1024**3)  # 64 GiB that take no room: reading it would
    case = run_bounded("validate a 64 GiB file", "validate", huge, env=CHILD_ENV)
    assert (case.returncode, case.stderr) == (2, f"resumefmt: cannot read '{huge}': {TOO_LARGE}\n")
    assert case.seconds < 5 and case.peak_mib < 100


@pytest.mark.parametrize("extra", [0, 1], ids=["at the limit", "one byte over"])
def test_the_limit_is_where_it_is_stated(extra: int) -> None:
    padding = LIMIT - len(HEAD) - len("# \n") + extra
    text = (HEAD + "# " + "x" * padding + "\n").encode("utf-8")
    assert len(text) == LIMIT + extra
    case = run_bounded(
        f"validate - of {len(text)} bytes", "validate", "-", stdin=text, env=CHILD_ENV
    )
    if extra:
        assert (case.returncode, case.stderr) == (
            2,
            f"resumefmt: cannot read standard input: {TOO_LARGE}\n",
        )
    else:
        assert (case.returncode, case.stderr) == (0, "1 file valid\n")
    assert case.seconds < 10 and case.peak_mib < 200


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_a_format_version_of_thousands_of_digits(command: str, tmp_path: Path) -> None:
    """Python turns at most 4,300 digits into an int: a longer version was a traceback."""
    digits = "0" * 5000
    version = tmp_path / "v.resumefmt.yaml"
    version.write_text(f'resumefmt: "1.{digits}"\nbasics:\n  name: Ada\n', encoding="utf-8")
    case = run_bounded(f"{command}: version 1.<5000 digits>", command, version, env=CHILD_ENV)
    assert case.returncode == 1
    assert case.stdout.splitlines()[0] == (
        f"{version}:1:12: error: '1.{'0' * 57}…' is not a format version: "
        'write it as MAJOR.MINOR, such as "1.1" [RF005]'
    )
    assert "Traceback" not in case.stderr
    assert case.seconds < 10


def test_an_unquoted_version_is_advised_to_be_quoted_only_when_that_helps() -> None:
    assert problems("resumefmt: 1.10\nbasics:\n  name: Ada\n")[0][3] == (
        'the format version must be text: write resumefmt: "1.10" with the quotes'
    )
    for typed in ("1", "1e3", "1." + "0" * 5000):
        message = problems(f"resumefmt: {typed}\nbasics:\n  name: Ada\n")[0][3]
        assert message == 'the format version must be text: write resumefmt: "1.1"'


def test_running_out_of_memory_is_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Documents are capped at 50,000 values (below), so no input we can make runs a
    process out of memory any more; the handler is checked where memory runs out."""
    from resumefmt import loader
    from resumefmt.cli import main

    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(loader, "load_text", exhausted)
    assert main(["validate", str(EXAMPLES / "starter.resumefmt.yaml")]) == 2
    assert capsys.readouterr().err == (
        "resumefmt: out of memory: the input is too large for this machine\n"
    )


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_a_document_of_millions_of_values_is_refused_early(command: str, tmp_path: Path) -> None:
    """Under the size limit, 1.9 million one-letter bullets: refused when the 50,001st is read."""
    source = tmp_path / "flow.resumefmt.yaml"
    bullets = ",".join(["a"] * 1_900_000)
    source.write_text(
        'resumefmt: "1.0"\nbasics:\n  name: Ada\nwork:\n  - organization: O\n    role: R\n'
        f'    start: "2020-01"\n    end: "2021-01"\n    highlights: [{bullets}]\n',
        encoding="utf-8",
    )
    result = run_bounded(f"{command}: 1.9 million values in 3.8 MB", command, source, seconds=10)
    assert result.returncode == 1
    assert "the document holds more than 50,000 values" in result.stdout
    assert result.seconds < 2 and result.peak_mib < 100


def test_lint_fix_of_fifty_thousand_findings_is_bounded(tmp_path: Path) -> None:
    """Every placed fix found its line by counting all lines, and was compared with every
    fix taken before it: 10,000 fixes took two minutes, 50,000 would take most of an hour."""
    bullet = (
        "      - Built the the engine on Github with Javascript  and ranked 22th of {} teams.\n"
    )
    entries = "".join(
        f"  - organization: Acme {i}\n    role: Engineer\n    start: 2020-01\n    highlights:\n"
        + "".join(bullet.format(j) for j in range(10))
        for i in range(1000)
    )
    source = tmp_path / "many.resumefmt.yaml"
    source.write_text(HEAD.replace("1.0", "1.1") + "work:\n" + entries, encoding="utf-8")
    case = run_bounded(
        "lint --fix: 50,000 fixes in 0.9 MB", "lint", "--fix", source, env=CHILD_ENV, seconds=90
    )
    assert (case.returncode, case.stdout) == (0, "")
    assert case.stderr == (
        "fixed 50000 findings in 1 file; 1 file linted: 0 errors, 0 warnings, 0 info\n"
    )
    fixed = source.read_text(encoding="utf-8")
    assert fixed.count("Built the engine on GitHub with JavaScript and ranked 22nd of") == 10_000
    assert case.seconds < 30 and case.peak_mib < 300


def test_two_thousand_variants_are_listed_and_linted_in_linear_time(tmp_path: Path) -> None:
    """Each variant's problems are counted from the entries, not by building the variant."""
    lines = ['resumefmt: "1.1"', "basics:", "  name: Ada", "work:"]
    for i in range(50):
        lines += [
            f"  - organization: Org{i}",
            "    role: R",
            '    start: "2020"',
            '    end: "2021"',
        ]
        lines += [f"    tags: [t{i % 5}]"]
    lines.append("variants:")
    for i in range(2000):
        lines += [f"  v{i}:", f"    include: [t{i % 5}]", "    locales: [en, de]"]
    path = tmp_path / "many.resumefmt.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    listed = run_bounded("variants: 2,000 variants", "variants", path, seconds=10)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count("  keeps: work 10/50\n") == 2000
    linted = run_bounded("lint: 2,000 variants", "lint", "-q", path, seconds=10)
    assert linted.returncode == 0, linted.stderr
    assert "RF185" not in linted.stdout and "RF186" not in linted.stdout
