"""Messages a new user meets first, through the real command line, word for word.

Each case is a mistake the format invites (a bullet opening with ``**Lead:**``,
a date typed ``2021-3``, a list typed ``Python, Kafka``) and the message must say
what to change, at the place to change it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bounded import Bounded, run_bounded
from conftest import EXAMPLES, run_resumefmt

import resumefmt

#: The package under test, which the child processes must run too (the shared
#: runners inherit no import path, so they would run whatever is installed).
PACKAGE_ROOT = Path(resumefmt.__file__).resolve().parent.parent


def cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_resumefmt(*args, cwd=cwd, pythonpath=PACKAGE_ROOT)


def bounded(case: str, *args: str, stdin: bytes) -> Bounded:
    return run_bounded(case, *args, stdin=stdin, seconds=20, env={"PYTHONPATH": str(PACKAGE_ROOT)})


HEAD = 'resumefmt: "1.0"\nbasics:\n  name: Ada\n'
ROLE = 'work:\n  - organization: X\n    role: Y\n    start: "2020"\n    end: present\n'


def validate(tmp_path: Path, text: str, name: str = "cv.resumefmt.yaml") -> tuple[int, str]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = cli("validate", name, cwd=tmp_path)
    return result.returncode, result.stdout


# YAML syntax: the advice replaces PyYAML's parser words.
SYNTAX = [
    pytest.param(
        HEAD + ROLE + "    highlights:\n      - **Streaming:** Kafka pipelines\n",
        "cv.resumefmt.yaml:10:9: error: text that starts with '*' must be quoted: "
        '- "**Streaming:** Kafka pipelines" [RF001]',
        id="bold-lead-in",
    ),
    pytest.param(
        HEAD + ROLE + "    highlights:\n      - `resumefmt` keeps résumés as code\n",
        "cv.resumefmt.yaml:10:9: error: text that starts with '`' must be quoted: "
        '- "`resumefmt` keeps résumés as code" [RF001]',
        id="code-span",
    ),
    pytest.param(
        HEAD + ROLE + "    highlights:\n      - [Paper](https://example.com/p) at NeurIPS\n",
        "cv.resumefmt.yaml:10:9: error: text that starts with '[' must be quoted: "
        '- "[Paper](https://example.com/p) at NeurIPS" [RF001]',
        id="link",
    ),
    pytest.param(
        HEAD + "  headline: *Senior* engineer\n",
        "cv.resumefmt.yaml:4:13: error: text that starts with '*' must be quoted: "
        'headline: "*Senior* engineer" [RF001]',
        id="italic-value",
    ),
    pytest.param(
        HEAD + ROLE + "    highlights:\n      - **Streaming:** built a pipeline that moves every "
        "order through Kafka\n",
        "cv.resumefmt.yaml:10:9: error: text that starts with '*' must be quoted: "
        '- "**Streaming:** built a pipeline that moves every…" [RF001]',
        id="long-text-shortened",
    ),
    pytest.param(
        HEAD + ROLE + '    highlights:\n      - "Led" the team\n',
        "cv.resumefmt.yaml:10:9: error: text that starts with a quote must be quoted as a "
        "whole: - '\"Led\" the team' [RF001]",
        id="quoted-start",
    ),
    pytest.param(
        HEAD + "  summary: 'I'm a data engineer'\n",
        "cv.resumefmt.yaml:4:12: error: the ' inside the text ends it early: "
        'summary: "I\'m a data engineer" [RF001]',
        id="apostrophe-in-single-quotes",
    ),
    pytest.param(
        HEAD + "  headline: Data Engineer: streaming\n",
        "cv.resumefmt.yaml:4:26: error: a colon followed by a space inside text needs quotes: "
        'headline: "Data Engineer: streaming" [RF001]',
        id="colon-in-headline",
    ),
    pytest.param(
        HEAD + ROLE + "    highlights:\n      - Streaming: built it: in Kafka\n",
        "cv.resumefmt.yaml:10:28: error: a colon followed by a space inside text needs "
        'quotes: - "Streaming: built it: in Kafka" [RF001]',
        id="colons-in-bullet",
    ),
    pytest.param(
        HEAD + "  summary: I build data systems\n    that scale: fast ones\n",
        "cv.resumefmt.yaml:5:15: error: a colon followed by a space inside text needs "
        "quotes: put the whole text in quotes [RF001]",
        id="colon-on-a-continued-line",
    ),
    pytest.param(
        HEAD + "languages: - language: English\n",
        "cv.resumefmt.yaml:4:12: error: a list starts on the line after its key: put "
        "languages: on a line of its own and each '- ' item on the lines below it, indented "
        "[RF001]",
        id="list-on-the-key-line",
    ),
    pytest.param(
        'resumefmt: "1.0"\nbasics:\n  name:Ada\n  email: ada@example.com\n',
        "cv.resumefmt.yaml:3:7: error: a key needs a space after its colon: name: Ada [RF001]",
        id="no-space-after-colon",
    ),
    pytest.param(
        HEAD + ROLE + "    highlights:\n      - Built things.\n      - More things.\n     - Less\n",
        "cv.resumefmt.yaml:12:6: error: this line is indented differently from the one above "
        "(5 spaces here, 6 spaces on line 11): line it up with the entry it belongs to [RF001]",
        id="bullet-indented-less",
    ),
    pytest.param(
        HEAD + ROLE + "   location: Berlin\n",
        "cv.resumefmt.yaml:9:4: error: this line is indented differently from the one above "
        "(3 spaces here, 4 spaces on line 8): line it up with the entry it belongs to [RF001]",
        id="key-indented-less",
    ),
    pytest.param(
        HEAD + ROLE + "     location: Berlin\n",
        "cv.resumefmt.yaml:9:6: error: this line is indented differently from the one above "
        "(5 spaces here, 4 spaces on line 8): line it up with the entry it belongs to [RF001]",
        id="key-indented-more",
    ),
    pytest.param(
        HEAD + "  headline: [Data, ML\n  email: ada@example.com\n",
        "cv.resumefmt.yaml:4:13: error: this '[' starts a list that is never closed: end it "
        "with ']', or put the text in quotes if it is not a list [RF001]",
        id="unclosed-bracket",
    ),
    pytest.param(
        HEAD + '  summary: "Ships code\n  email: ada@example.com\n',
        'cv.resumefmt.yaml:4:12: error: this quote is never closed: end the text with " [RF001]',
        id="unclosed-quote",
    ),
    pytest.param(
        HEAD + '  summary: "C:\\Users\\ada"\n',
        "cv.resumefmt.yaml:4:15: error: a backslash inside double quotes starts an escape "
        "such as \\n: write \\\\ for a backslash, or use single quotes [RF001]",
        id="backslash-in-double-quotes",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SYNTAX)
def test_yaml_syntax_mistakes_say_what_to_change(tmp_path: Path, text: str, expected: str) -> None:
    assert validate(tmp_path, text) == (1, expected + "\n")


def test_advice_is_the_same_with_the_pure_python_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyYAML without libyaml words its errors differently; the advice must not depend on it."""
    import yaml

    from resumefmt import _yaml_reader

    texts = [param.values[0] for param in SYNTAX]
    with_c = [_yaml_reader.read_yaml(text).problems for text in texts]
    monkeypatch.setattr(_yaml_reader, "_Parser", yaml.SafeLoader)
    assert [_yaml_reader.read_yaml(text).problems for text in texts] == with_c


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            HEAD + "  headline: {a: 1\n    b: 2}\n",
            "cv.resumefmt.yaml:5:6: error: did not find expected ',' or '}' (while parsing a "
            "flow mapping at line 4, column 13) [RF001]\n",
        ),
        (
            HEAD + "  headline: [Data,@ ML]\n",
            "cv.resumefmt.yaml:4:19: error: found character that cannot start any token (while "
            "scanning for the next token at line 4, column 19) [RF001]\n",
        ),
    ],
    ids=["missing-comma", "inside-brackets"],
)
def test_a_mistake_without_certain_advice_keeps_the_parser_words(
    tmp_path: Path, text: str, expected: str
) -> None:
    assert validate(tmp_path, text) == (1, expected)


def test_a_bullet_indented_too_far_is_not_merged_silently(tmp_path: Path) -> None:
    text = HEAD + ROLE + "    highlights:\n      - Built things.\n        - Nested by mistake\n"
    assert validate(tmp_path, text) == (
        1,
        "cv.resumefmt.yaml:11:9: error: this bullet is indented more than the one on line 10, "
        "so YAML joins the two into one text ('Built things. - Nested by mistake'): line up "
        "its '-' with the one above [RF001]\n",
    )


def test_a_list_started_inside_a_text_is_not_merged_silently(tmp_path: Path) -> None:
    text = HEAD + "  summary: Things I build\n    - data pipelines\n"
    assert validate(tmp_path, text) == (
        1,
        "cv.resumefmt.yaml:5:5: error: YAML reads this '-' as more of the text on line 4 "
        "('Things I build - data pipelines'), not as a list item: write a list under its key, "
        "one '- ' line per item, or put the text in quotes [RF001]\n",
    )


@pytest.mark.parametrize(
    "text",
    [
        "  summary: >\n    Things I build\n    - data pipelines\n",
        '  summary: "Things I build\n    - data pipelines"\n',
        "  summary: Ranges from 1\n    -2 to 3 - 4 - all fine\n",
        "  x-notes: {a: b\n    - c}\n",
    ],
    ids=["folded-block", "quoted", "no-bullet-start", "flow-mapping"],
)
def test_a_dash_in_quoted_folded_or_flow_text_is_kept(text: str) -> None:
    from resumefmt import load_text

    load_text(HEAD + text, "cv.resumefmt.yaml")  # no DocumentError


# Values: what to write instead.
VALUES = [
    pytest.param(
        HEAD + ROLE.replace('"2020"', "2021-3"),
        "cv.resumefmt.yaml:7:12: error: work[0].start: '2021-3' is not a date: use YYYY, "
        "YYYY-MM or YYYY-MM-DD (did you mean '2021-03'?) [RF013]",
        id="month-without-zero",
    ),
    pytest.param(
        HEAD + ROLE.replace('"2020"', '"03/2021"'),
        "cv.resumefmt.yaml:7:12: error: work[0].start: '03/2021' is not a date: use YYYY, "
        "YYYY-MM or YYYY-MM-DD (did you mean '2021-03'?) [RF013]",
        id="month-first",
    ),
    pytest.param(
        HEAD + ROLE.replace("present", "Present"),
        "cv.resumefmt.yaml:8:10: error: work[0].end: 'Present' must be in lower case: "
        "present [RF013]",
        id="present-capitalised",
    ),
    pytest.param(
        HEAD + ROLE.replace("present", "2016.5"),
        "cv.resumefmt.yaml:8:10: error: work[0].end: 2016.5 is not a date: use YYYY, YYYY-MM, "
        "YYYY-MM-DD or present [RF010]",
        id="decimal-year",
    ),
    pytest.param(
        HEAD + ROLE.replace('"2020"', "2021.03"),
        "cv.resumefmt.yaml:7:12: error: work[0].start: 2021.03 is not a date: use YYYY, "
        "YYYY-MM or YYYY-MM-DD (did you mean '2021-03'?) [RF010]",
        id="dotted-month",
    ),
    pytest.param(
        HEAD + ROLE.replace('"2020"', "2020"),
        "cv.resumefmt.yaml:7:12: error: work[0].start: expected text, found the number 2020; "
        'write it in quotes: "2020" [RF010]',
        id="unquoted-year-still-says-quote-it",
    ),
    pytest.param(
        HEAD + ROLE.replace('"2020"', "Mar 2021"),
        "cv.resumefmt.yaml:7:12: error: work[0].start: 'Mar 2021' is not a date: use YYYY, "
        "YYYY-MM or YYYY-MM-DD (did you mean '2021-03'?) [RF013]",
        id="month-name",
    ),
    pytest.param(
        HEAD + "projects:\n  - name: X\n    technologies: Python, Kafka\n",
        "cv.resumefmt.yaml:6:19: error: projects[0].technologies: expected a list, found the "
        "text 'Python, Kafka'; write a list: technologies: [Python, Kafka] [RF010]",
        id="comma-separated-list",
    ),
    pytest.param(
        HEAD + "projects:\n  - name: X\n    technologies: C#, true, 3.11\n",
        "cv.resumefmt.yaml:6:19: error: projects[0].technologies: expected a list, found the "
        'text \'C#, true, 3.11\'; write a list: technologies: [C#, "true", "3.11"] [RF010]',
        id="list-items-quoted-where-needed",
    ),
    pytest.param(
        HEAD + ROLE + "    highlights: Built the pipeline, and then ran it for three years\n",
        "cv.resumefmt.yaml:9:17: error: work[0].highlights: expected a list, found the text "
        "'Built the pipeline, and then ran it for three years'; write a list, one item per "
        "line starting with '- ' [RF010]",
        id="sentence-for-a-list",
    ),
    pytest.param(
        HEAD + "work:\n  organization: X\n  role: Y\n",
        "cv.resumefmt.yaml:5:3: error: work: expected a list, found a mapping of keys to "
        "values; start each item of a list with '- ' [RF010]",
        id="list-without-dashes",
    ),
    pytest.param(
        'resumefmt: "1.0"\nbasics:\n  name:Ada\n',
        "cv.resumefmt.yaml:3:3: error: basics: expected a mapping of keys to values, found the "
        "text 'name:Ada'; a key needs a space after its colon: name: Ada [RF010]",
        id="mapping-without-space-after-colon",
    ),
    pytest.param(
        HEAD + 'publications:\n  - title: T\n    authors: [Ada]\n    authorPosition: "1"\n',
        "cv.resumefmt.yaml:7:21: error: publications[0].authorPosition: expected a whole "
        "number, found the text '1'; remove the quotes: 1 [RF010]",
        id="quoted-number",
    ),
    pytest.param(
        HEAD + ROLE + "    highlights:\n      - Streaming: built the pipeline\n",
        "cv.resumefmt.yaml:10:9: error: work[0].highlights[0]: expected text, found a mapping "
        "of keys to values; the colon and space after 'Streaming' make it a key: put the whole "
        'text in quotes: "Streaming: built the pipeline" [RF010]',
        id="colon-made-a-mapping",
    ),
]


@pytest.mark.parametrize(("text", "expected"), VALUES)
def test_values_say_what_to_write(tmp_path: Path, text: str, expected: str) -> None:
    assert validate(tmp_path, text) == (1, expected + "\n")


def test_json_values_get_json_advice(tmp_path: Path) -> None:
    text = (
        '{"resumefmt": "1.0", "basics": {"name": "Ada"},\n'
        ' "projects": [{"name": "X", "technologies": "Python, Kafka"}]}\n'
    )
    assert validate(tmp_path, text, "cv.resumefmt.json") == (
        1,
        "cv.resumefmt.json:2:45: error: projects[0].technologies: expected a list, found the "
        'text \'Python, Kafka\'; write a list: "technologies": ["Python", "Kafka"] [RF010]\n',
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1,}', "cv.resumefmt.json:1:8: error: trailing comma: remove this ',' "),
        ("[1,\n 2,\n ]", "cv.resumefmt.json:2:3: error: trailing comma: remove this ',' "),
    ],
)
def test_a_json_trailing_comma_is_named(tmp_path: Path, text: str, expected: str) -> None:
    closing = text.rstrip()[-1]
    assert validate(tmp_path, text, "cv.resumefmt.json") == (
        1,
        f"{expected}(JSON allows no comma before '{closing}') [RF001]\n",
    )


EMPTY = "error: the file is empty: start from a starter résumé with: resumefmt init NAME [RF010]"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("cv.resumefmt.yaml", ""),
        ("cv.resumefmt.yaml", "# my résumé, to do\n\n"),
        ("cv.resumefmt.json", ""),
        ("cv.resumefmt.json", " \n\n"),
    ],
    ids=["yaml", "yaml-comments", "json", "json-blank"],
)
def test_an_empty_file_points_to_init(tmp_path: Path, name: str, text: str) -> None:
    assert validate(tmp_path, text, name) == (1, f"{name}:1:1: {EMPTY}\n")


def test_empty_standard_input_points_to_init() -> None:
    result = bounded("empty standard input", "validate", "-", stdin=b"")
    assert (result.returncode, result.stdout) == (1, f"-:1:1: {EMPTY}\n")


# init


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("cv", "cv.resumefmt.yaml"),
        ("cv.yaml", "cv.resumefmt.yaml"),
        ("cv.yml", "cv.resumefmt.yml"),
        ("cv.resumefmt", "cv.resumefmt.yaml"),
        ("cv.resumefmt.yaml", "cv.resumefmt.yaml"),
        ("resume.yaml", "resume.resumefmt.yaml"),
    ],
)
def test_init_adds_the_resumefmt_suffix(tmp_path: Path, name: str, written: str) -> None:
    result = cli("init", name, cwd=tmp_path)
    assert (result.returncode, result.stderr.splitlines()[0]) == (
        0,
        f"wrote {written}; check it with: resumefmt validate {written}",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [written, "resumefmt-1.1.schema.json"]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("my cv", "'my cv.resumefmt.yaml'"),
        ("Ada's cv", "'Ada'\"'\"'s cv.resumefmt.yaml'"),
        ("-cv", "./-cv.resumefmt.yaml"),
    ],
)
def test_init_prints_a_command_the_shell_can_run(tmp_path: Path, name: str, shown: str) -> None:
    result = cli("init", "--", name, cwd=tmp_path)
    assert (result.returncode, result.stderr.splitlines()[0]) == (
        0,
        f"wrote {shown}; check it with: resumefmt validate {shown}",
    )
    import shlex

    check = cli(*shlex.split(f"validate {shown}"), cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize("person", ["", "   "])
def test_init_refuses_an_empty_person_name(tmp_path: Path, person: str) -> None:
    result = cli("init", "cv", "--name", person, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        "resumefmt: --name is empty: give your name, or leave --name out for a placeholder\n",
    )
    assert list(tmp_path.iterdir()) == []


# Templates

STARTER = EXAMPLES / "starter.resumefmt.yaml"
SEEDS = sorted(EXAMPLES.glob("*.resumefmt.yaml"))


@pytest.mark.parametrize(
    ("to", "partial", "text", "line"),
    [
        ("markdown", "entry.md.j2", "{{ entry }}\n\n{{ 1 // 0 }}\n", 3),
        ("latex", "header.tex.j2", "((( basics.name )))\n((( 1 // 0 )))\n", 2),
    ],
)
def test_a_failing_user_partial_is_blamed_with_its_file_and_line(
    tmp_path: Path, to: str, partial: str, text: str, line: int
) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / partial).write_text(text, encoding="utf-8")
    result = cli("convert", STARTER, "--to", to, "--template-dir", "mine", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"resumefmt: mine/{partial}:{line}: template error: ZeroDivisionError: integer "
        "division or modulo by zero\n",
    )


def test_an_undefined_name_in_a_user_partial_is_located(tmp_path: Path) -> None:
    (tmp_path / "header.md.j2").write_text("# {{ header.name }}\n{{ nickname }}\n", "utf-8")
    result = cli("convert", STARTER, "--to", "markdown", "--template-dir", ".", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        "resumefmt: header.md.j2:2: template error: 'nickname' is undefined\n",
    )


@pytest.mark.parametrize(("to", "count"), [("latex", 19), ("markdown", 4)])
def test_copied_templates_render_the_same_bytes(tmp_path: Path, to: str, count: int) -> None:
    copied = cli("convert", "--to", to, "--copy-templates", "my templates", cwd=tmp_path)
    assert (copied.returncode, copied.stdout, copied.stderr) == (
        0,
        "",
        f"copied {count} templates to 'my templates'; restyle them, then: resumefmt convert "
        f"FILE --to {to} --template-dir 'my templates'\n",
    )
    assert len(list((tmp_path / "my templates").iterdir())) == count
    for seed in SEEDS:
        built_in = cli("convert", seed, "--to", to)
        restyled = cli("convert", seed, "--to", to, "--template-dir", tmp_path / "my templates")
        assert built_in.returncode == restyled.returncode == 0, restyled.stderr
        assert restyled.stdout.encode() == built_in.stdout.encode(), seed.name


def test_copied_templates_restyle_the_output(tmp_path: Path) -> None:
    assert cli("convert", "--to", "markdown", "--copy-templates", "t", cwd=tmp_path)
    header = tmp_path / "t" / "header.md.j2"
    header.write_text("# Résumé of {{ header.name }}\n", encoding="utf-8")
    result = cli("convert", STARTER, "--to", "markdown", "--template-dir", header.parent)
    assert result.stdout.splitlines()[0] == "# Résumé of Ada Lovelace"


def test_copying_templates_never_overwrites(tmp_path: Path) -> None:
    mine = tmp_path / "t" / "header.md.j2"
    mine.parent.mkdir()
    mine.write_text("my header\n", encoding="utf-8")
    result = cli("convert", "--to", "markdown", "--copy-templates", "t", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        "resumefmt: 't/header.md.j2' already exists: resumefmt does not overwrite it; "
        "copy into an empty folder\n",
    )
    assert [p.name for p in mine.parent.iterdir()] == ["header.md.j2"]  # nothing else copied
    assert mine.read_text(encoding="utf-8") == "my header\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "jsonresume", "--copy-templates", "t"], "jsonresume has no templates to copy"),
        (["--to", "latex", "--theme", "modern", "--copy-templates", "t"], "latex has no theme "),
        (
            [str(STARTER), "--to", "latex", "--copy-templates", "t"],
            "--copy-templates only copies templates: leave out FILE and -o",
        ),
        (["--to", "latex"], "give the résumé to convert: resumefmt convert FILE --to FORMAT"),
    ],
    ids=["no-templates", "unknown-theme", "with-a-file", "no-file"],
)
def test_copy_templates_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    result = cli("convert", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"resumefmt: {message}")
    assert list(tmp_path.iterdir()) == []


# Advice must not cost what the rest of the reader does not.


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        (
            "advice on a 1 MB line",
            "k" + " " * 1_000_000 + "x\n  y: z\n",
            "-:2:3: error: this line is indented differently from the one above (2 spaces "
            "here, 0 spaces on line 1): line it up with the entry it belongs to [RF001]\n",
        ),
        (
            "advice after 45,000 lines",  # under the 50,000 values a document may hold
            "a:\n" + "  - x\n" * 45_000 + " - y\n",
            "-:45002:2: error: this line is indented differently from the one above (1 space "
            "here, 2 spaces on line 45001): line it up with the entry it belongs to [RF001]\n",
        ),
        (
            "a 1 MB text starting with *",
            "a:\n  - **" + "x" * 1_000_000 + "** y\n",
            "-:2:5: error: text that starts with '*' must be quoted: "
            '- "**' + "x" * 48 + '…" [RF001]\n',
        ),
        (
            "45,000 plain texts over two lines",
            "a:\n" + "  - x\n    y\n" * 45_000,
            "-:1:1: error: missing the format version: add 'resumefmt: \"1.1\"' as the first "
            "line [RF005]\n",
        ),
    ],
)
def test_advice_stays_bounded(case: str, text: str, expected: str) -> None:
    result = bounded(case, "validate", "-", stdin=text.encode())
    assert (result.returncode, result.stdout[: len(expected)]) == (1, expected)
    assert result.seconds < 10
    assert result.peak_mib < 400


def test_a_key_longer_than_yaml_allows_is_said_so(tmp_path: Path) -> None:
    path = tmp_path / "cv.resumefmt.yaml"
    path.write_text('resumefmt: "1.0"\nbasics:\n  name: A\n  ' + "k" * 1100 + ": v\n")
    result = run_resumefmt("validate", path)
    assert result.returncode == 1
    assert result.stdout.endswith(
        "error: a key may be at most 1024 characters long: this one is longer [RF001]\n"
    )
