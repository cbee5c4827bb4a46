"""``resumefmt migrate``: the newest format version by span edits; comments and layout stay."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from bounded import run_bounded
from conftest import EXAMPLES, SCHEMA_DIR, example_files, run_resumefmt
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from strategies import resumefmt_documents

import resumefmt
from resumefmt._yaml_writer import dump
from resumefmt.editing import Edit, apply
from resumefmt.loader import Document, load_text
from resumefmt.migrations import (
    STEPS,
    MigrationFailed,
    Operation,
    Rename,
    Step,
    migrate_text,
    modelines,
    steps_from,
)
from resumefmt.schemas import KNOWN_VERSIONS, NEWEST, load_schema
from resumefmt.validation import validate

PACKAGE_ROOT = Path(resumefmt.__file__).resolve().parent.parent
OLD_URL = load_schema("1.0")["$id"]
NEW_URL = load_schema("1.1")["$id"]
root_only = pytest.mark.skipif(os.geteuid() != 0, reason="needs root")

V10 = """\
# yaml-language-server: $schema=https://resumefmt.dev/schema/1.0/resumefmt.schema.json
# My résumé. Keep the dates quoted.
resumefmt: '1.0'   # the version
basics:
  name: Ada Lovelace   # as printed
  # the line below is mine
  headline: Analyst
work:
  - organization: Example Corp
    role: Engineer
    start: "2021-01"
    end: present
"""
V11 = V10.replace("'1.0'", "'1.1'").replace("/1.0/", "/1.1/")


def cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_resumefmt(*args, cwd=cwd, pythonpath=PACKAGE_ROOT)


def cli_stdin(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(PACKAGE_ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "resumefmt", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=60,
    )


def _write(folder: Path, text: str, name: str = "cv.resumefmt.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the steps are data --------------------------------------------------------------------


def test_there_is_one_step_per_version_up_to_the_newest() -> None:
    assert [(s.source, s.target) for s in STEPS] == list(itertools.pairwise(KNOWN_VERSIONS))
    assert steps_from("1.0") == list(STEPS) and steps_from(NEWEST) == []


@pytest.mark.parametrize(
    ("reference", "moved"),
    [
        (OLD_URL, NEW_URL),
        ("../schema/resumefmt-1.0.schema.json", "../schema/resumefmt-1.1.schema.json"),
        ("./resumefmt-1.0.schema.json", "./resumefmt-1.1.schema.json"),
        ("resumefmt-1.0.schema.json", "resumefmt-1.1.schema.json"),
        (
            "file:///home/ada/resumefmt-1.0.schema.json",
            "file:///home/ada/resumefmt-1.1.schema.json",
        ),
        ("./my-own.schema.json", None),  # the user's own schema is theirs
        ("https://example.com/resumefmt-1.0.schema.json", None),  # someone else's address
        (NEW_URL, None),
    ],
)
def test_schema_references_move_in_the_form_they_are_written(
    reference: str, moved: str | None
) -> None:
    assert STEPS[0].schema_reference(reference) == moved


def test_a_future_step_renames_a_key_and_nothing_else() -> None:
    """The shape a later step uses: the key alone is rewritten; value, comment, order stay."""
    step = Step("1.0", "1.1", (Rename("/work/*", "organization", "employer"),))
    text = V10.replace("role: Engineer", "'role': Engineer  # the role")
    document = load_text(text, "a.yaml")
    edits = step.operations[-1].edits(document, step)
    assert apply(text, edits) == text.replace("  - organization:", "  - employer:")
    step2 = Step("1.0", "1.1", (Rename("/work/*", "role", "title"),))
    migrated = migrate_text(load_text(text, "a.yaml"), [step2])
    assert "    'title': Engineer  # the role\n" in migrated
    assert list(load_text(migrated, "a.yaml").data["work"][0]) == [
        "organization",
        "title",
        "start",
        "end",
    ]
    json_text = json.dumps({"resumefmt": "1.0", "work": [{"role": "x"}]}, indent=2)
    migrated = migrate_text(load_text(json_text, "a.json", "json"), [step2])
    assert migrated == json_text.replace('"role"', '"title"').replace('"1.0"', '"1.1"')


class _Silent(Operation):
    """Declares a change its edits do not make: the check must catch it."""

    def change(self, data: Any, step: Step) -> Any:
        return {**data, "x-added": True}

    def edits(self, document: Document, step: Step) -> list[Edit]:
        return []


def test_a_step_whose_edits_differ_from_what_it_declares_fails() -> None:
    with pytest.raises(MigrationFailed, match="changed more than it declares"):
        migrate_text(load_text(V10, "a.yaml"), [Step("1.0", "1.1", (_Silent(),))])


def test_the_modeline_is_only_read_from_the_leading_comments() -> None:
    text = V10 + "  summary: |\n    # yaml-language-server: $schema=resumefmt-1.0.schema.json\n"
    assert [m[2] for m in modelines(text)] == [OLD_URL]


# --- every example, and generated documents ----------------------------------------------------


def _as_10(text: str) -> str:
    """An example as it was written in 1.0: the version and the modeline set back."""
    return text.replace('resumefmt: "1.1"', 'resumefmt: "1.0"', 1).replace(
        "resumefmt-1.1.schema.json", "resumefmt-1.0.schema.json", 1
    )


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.name)
def test_every_example_in_10_migrates_back_to_itself_byte_for_byte(
    example: Path, tmp_path: Path
) -> None:
    text = example.read_text(encoding="utf-8")
    assert 'resumefmt: "1.1"' in text and "$schema=../schema/resumefmt-1.1.schema.json" in text
    path = _write(tmp_path, _as_10(text), example.name)
    result = cli("migrate", path)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == f"{path}: migrated 1.0 → 1.1\n"
    assert path.read_text(encoding="utf-8") == text
    again = cli("migrate", path)
    assert (again.returncode, again.stderr) == (
        0,
        f"{path}: already in format 1.1, nothing to do\n",
    )
    assert path.read_text(encoding="utf-8") == text


MODELINES = [
    None,
    OLD_URL,
    "../schema/resumefmt-1.0.schema.json",
    "./resumefmt-1.0.schema.json",
    "./mine.schema.json",
]
COMMENTS = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=12
)


@st.composite
def commented_yaml(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A valid 1.0 document as YAML, with comment lines (and trailing comments) sprinkled in."""
    data = draw(resumefmt_documents())
    modeline = draw(st.sampled_from(MODELINES))
    header = f"# yaml-language-server: $schema={modeline}\n" if modeline else ""
    lines = dump(data, header=header).splitlines()
    out: list[str] = []
    block: int | None = None  # the indentation of a block scalar's header while inside it
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if block is not None and (not line.strip() or indent > block):
            out.append(line)  # a block scalar's text: a "#" there is text, not a comment
            continue
        block = indent if re.search(r"(?:^|[:-] )[|>][-+]?$", line) else None
        if draw(st.integers(0, 3)) == 0:  # a comment line, indented like the next line
            out.append(" " * indent + "# " + draw(COMMENTS) + f" c{number}")
        if line.startswith("resumefmt:") or draw(st.integers(0, 4)) == 0:
            line += f"  # t{number}"
        out.append(line)
    return data, "\n".join(out) + "\n"


def _comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if "#" in line]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commented_yaml())
def test_generated_yaml_documents_migrate_keeping_every_comment(
    case: tuple[dict[str, Any], str],
) -> None:
    data, text = case
    document = load_text(text, "g.resumefmt.yaml")
    assume(document.data == data)  # a comment that fell inside a block scalar: not this test's
    assert validate(document) == []
    migrated = migrate_text(document, steps_from("1.0"))
    after = load_text(migrated, "g.resumefmt.yaml")
    assert validate(after) == []
    expected = {**data, "resumefmt": "1.1"}
    if data.get("$schema") == OLD_URL:
        expected["$schema"] = NEW_URL
    assert after.data == expected
    # Only the lines that had to change differ; every comment is there, in order.
    before_lines, after_lines = text.splitlines(), migrated.splitlines()
    assert len(before_lines) == len(after_lines)
    changed = [(b, a) for b, a in zip(before_lines, after_lines, strict=True) if b != a]
    for old, new in changed:
        assert old.startswith(("resumefmt:", '"$schema":', "# yaml-language-server:")), old
        assert new == old.replace("1.0", "1.1"), (old, new)
    assert [
        c.replace("1.0", "1.1") if "$schema" in c or c.startswith("resumefmt:") else c
        for c in _comments(text)
    ] == _comments(migrated)
    assert "./mine.schema.json" not in text or "./mine.schema.json" in migrated
    assert steps_from(after.data["resumefmt"]) == []  # a second run has nothing to do


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resumefmt_documents(), st.sampled_from([1, 2, 4, "\t"]), st.booleans())
def test_generated_json_documents_migrate_line_by_line(
    data: dict[str, Any], indent: int | str, ascii_only: bool
) -> None:
    text = json.dumps(data, indent=indent, ensure_ascii=ascii_only)
    migrated = migrate_text(load_text(text, "g.json", "json"), steps_from("1.0"))
    after = load_text(migrated, "g.json", "json")
    assert validate(after) == []
    changed = [
        (b, a) for b, a in zip(text.splitlines(), migrated.splitlines(), strict=True) if b != a
    ]
    assert all(b.lstrip().startswith(('"resumefmt"', '"$schema"')) for b, _ in changed), changed


# --- the command ---------------------------------------------------------------------------


def test_check_lists_what_would_change_and_writes_nothing(tmp_path: Path) -> None:
    old = _write(tmp_path, V10, "old.resumefmt.yaml")
    new = _write(tmp_path, V11, "new.resumefmt.yaml")
    result = cli("migrate", "--check", tmp_path)
    assert (result.returncode, result.stdout) == (1, f"{old}: would migrate 1.0 → 1.1\n")
    assert result.stderr == f"{new}: already in format 1.1, nothing to do\n"
    assert old.read_text(encoding="utf-8") == V10
    done = cli("migrate", "--check", new)
    assert (done.returncode, done.stdout) == (0, "")
    quiet = cli("migrate", "--check", "-q", tmp_path)  # the pre-commit hook's way
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (1, result.stdout, "")


def test_a_file_is_migrated_in_place_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    path = _write(tmp_path, V10)
    path.chmod(0o600)
    result = cli("migrate", path)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "",
        f"{path}: migrated 1.0 → 1.1\n",
    )
    assert path.read_text(encoding="utf-8") == V11
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # replaced atomically, mode kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cv.resumefmt.yaml"]
    before = path.stat().st_mtime_ns
    again = cli("migrate", path)
    assert (again.returncode, again.stdout) == (0, "")
    assert path.read_bytes() == V11.encode() and path.stat().st_mtime_ns == before


def test_an_invalid_document_is_refused_untouched_with_validates_message(tmp_path: Path) -> None:
    path = _write(tmp_path, V10.replace("name: Ada Lovelace", "name: 42"))
    result = cli("migrate", path)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.startswith(f"{path}:5:9: error: basics.name: expected text, found the")
    assert result.stdout == cli("validate", "-q", path).stdout  # as validate prints it
    assert path.read_text(encoding="utf-8") == V10.replace("name: Ada Lovelace", "name: 42")


def test_a_document_that_does_not_read_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, V10 + "  - [unclosed\n")
    result = cli("migrate", path)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:") and "[RF001]" in result.stdout
    assert path.read_text(encoding="utf-8") == V10 + "  - [unclosed\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            V10.replace("resumefmt: '1.0'   # the version\n", ""),
            "error: missing the format version: add 'resumefmt: \"1.1\"' as the first line [RF005]",
        ),
        (
            V10.replace("'1.0'", "'2.0'"),
            "error: this file uses format version 2.0; this release of resumefmt reads versions "
            "1.0, 1.1: upgrade resumefmt to read it [RF005]",
        ),
    ],
)
def test_a_document_without_a_version_it_knows_is_refused(
    tmp_path: Path, text: str, message: str
) -> None:
    path = _write(tmp_path, text)
    result = cli("migrate", path)
    assert result.returncode == 1
    assert message in result.stdout
    assert path.read_text(encoding="utf-8") == text


def test_a_newer_minor_version_cannot_be_migrated_by_this_release(tmp_path: Path) -> None:
    path = _write(tmp_path, V10.replace("'1.0'", "'1.7'"))
    result = cli("migrate", path)
    assert (result.returncode, result.stderr) == (
        2,
        f"resumefmt: {path} is in format 1.7, newer than 1.1, the newest this release of "
        "resumefmt knows: upgrade resumefmt to migrate it\n",
    )


def test_a_10_document_using_a_11_field_is_told_to_migrate_and_then_can(tmp_path: Path) -> None:
    text = V10 + "volunteer:\n  - organization: Food Bank   # Saturdays\n"
    path = _write(tmp_path, text)
    told = cli("validate", path)
    line = text.splitlines().index("volunteer:") + 1
    assert told.stdout == (
        f"{path}:{line}:1: error: 'volunteer' in the document is new in format 1.1: "
        f"run `resumefmt migrate {path}` to move this file to 1.1 [RF011]\n"
    )
    image = _write(tmp_path, V10.replace("  headline:", "  image: me.png\n  headline:"), "i.yaml")
    assert cli("validate", image).stdout == (
        f"{image}:7:3: error: 'image' in basics is new in format 1.1: "
        f"run `resumefmt migrate {image}` to move this file to 1.1 [RF011]\n"
    )
    # A misspelt key is still just unknown: 1.1 does not know it either.
    typo = _write(tmp_path, V10.replace("  headline:", "  hedline:"), "t.yaml")
    assert "new in format" not in cli("validate", typo).stdout
    result = cli("migrate", path)
    assert (result.returncode, result.stdout) == (0, "")
    assert path.read_text(encoding="utf-8") == V11 + (
        "volunteer:\n  - organization: Food Bank   # Saturdays\n"
    )
    assert cli("validate", "-q", path).returncode == 0


def test_o_writes_elsewhere_and_leaves_the_input(tmp_path: Path) -> None:
    path = _write(tmp_path, V10)
    out = tmp_path / "out.resumefmt.yaml"
    result = cli("migrate", path, "-o", out)
    assert (result.returncode, result.stdout) == (0, "")
    assert out.read_text(encoding="utf-8") == V11
    assert path.read_text(encoding="utf-8") == V10
    newest = _write(tmp_path, V11, "n.resumefmt.yaml")  # nothing to do: copied as it is
    copy = tmp_path / "copy.yaml"
    assert cli("migrate", newest, "-o", copy).returncode == 0
    assert copy.read_text(encoding="utf-8") == V11


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a.resumefmt.yaml", "b.resumefmt.yaml", "-o", "c.yaml"], "-o needs exactly one FILE"),
        (["a.resumefmt.yaml", "-o", "a.resumefmt.yaml"], "refusing to write over the input"),
        (["-", "-"], "standard input (-) can be read only once"),
    ],
)
def test_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    _write(tmp_path, V10, "a.resumefmt.yaml")
    _write(tmp_path, V10, "b.resumefmt.yaml")
    result = cli("migrate", *args, cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert (tmp_path / "a.resumefmt.yaml").read_text(encoding="utf-8") == V10


def test_standard_input_goes_to_standard_output() -> None:
    result = cli_stdin("migrate", "-", stdin=V10)
    assert (result.returncode, result.stdout, result.stderr) == (0, V11, "-: migrated 1.0 → 1.1\n")
    same = cli_stdin("migrate", "-", stdin=V11)
    assert (same.returncode, same.stdout) == (0, V11)
    bad = cli_stdin("migrate", "-", stdin=V10.replace("name: Ada Lovelace", "name: 42"))
    assert (bad.returncode, bad.stdout) == (1, "")
    assert bad.stderr.startswith("-:5:9: error: basics.name: expected text")  # not in the output


def test_json_documents_migrate_in_json(tmp_path: Path) -> None:
    text = '{\n  "$schema": "%s",\n  "resumefmt": "1.0",\n  "basics": {"name": "Ada"}\n}\n'
    path = _write(tmp_path, text % OLD_URL, "cv.resumefmt.json")
    assert cli("migrate", path).returncode == 0
    assert path.read_text(encoding="utf-8") == (text % NEW_URL).replace('"1.0"', '"1.1"')


@root_only
def test_o_onto_a_character_device_writes_into_it(tmp_path: Path) -> None:
    path = _write(tmp_path, V10)
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # our own /dev/null
    result = cli("migrate", path, "-o", null)
    assert (result.returncode, result.stdout) == (0, "")
    assert stat.S_ISCHR(null.lstat().st_mode) and null.lstat().st_rdev == os.makedev(1, 3)
    assert path.read_text(encoding="utf-8") == V10


def test_o_onto_a_named_pipe_streams_into_its_reader(tmp_path: Path) -> None:
    path = _write(tmp_path, V10)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []

    def read() -> None:
        with pipe.open("rb") as reader:
            received.append(reader.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = cli("migrate", path, "-o", pipe)
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert received == [V11.encode("utf-8")]
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


def test_a_named_pipe_is_not_rewritten_in_place(tmp_path: Path) -> None:
    pipe = tmp_path / "in.resumefmt.yaml"
    os.mkfifo(pipe)

    def write() -> None:
        with pipe.open("wb") as writer:
            writer.write(V10.encode())

    threading.Thread(target=write, daemon=True).start()
    result = cli("migrate", pipe)
    assert (result.returncode, result.stderr) == (
        2,
        f"resumefmt: '{pipe}' is not a regular file, so it cannot be rewritten in place: "
        "give -o OUT\n",
    )


def test_the_local_schema_init_wrote_is_followed_by_the_new_one(tmp_path: Path) -> None:
    """init's offline modeline: migrate points it at the new file and writes that file."""
    text = V10.replace(OLD_URL, "./resumefmt-1.0.schema.json")
    path = _write(tmp_path, text)
    shutil.copyfile(
        SCHEMA_DIR / "resumefmt-1.0.schema.json", tmp_path / "resumefmt-1.0.schema.json"
    )
    result = cli("migrate", path)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"{path}: migrated 1.0 → 1.1",
        f"wrote {tmp_path}/resumefmt-1.1.schema.json, the schema the modeline now names",
    ]
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=./resumefmt-1.1.schema.json\n"
    )
    assert (tmp_path / "resumefmt-1.1.schema.json").read_bytes() == (
        SCHEMA_DIR / "resumefmt-1.1.schema.json"
    ).read_bytes()
    assert (tmp_path / "resumefmt-1.0.schema.json").exists()  # other files may still use it


def test_a_schema_of_the_users_own_is_never_replaced(tmp_path: Path) -> None:
    text = V10.replace(OLD_URL, "./resumefmt-1.0.schema.json")
    path = _write(tmp_path, text)
    (tmp_path / "resumefmt-1.0.schema.json").write_text("{}", encoding="utf-8")
    result = cli("migrate", path)
    assert (result.returncode, result.stderr) == (0, f"{path}: migrated 1.0 → 1.1\n")
    assert not (tmp_path / "resumefmt-1.1.schema.json").exists()
    (tmp_path / "resumefmt-1.0.schema.json").write_bytes(
        (SCHEMA_DIR / "resumefmt-1.0.schema.json").read_bytes()
    )
    (tmp_path / "resumefmt-1.1.schema.json").write_text("{}", encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    result = cli("migrate", path)
    assert result.stderr.splitlines()[1] == (
        f"resumefmt: left {tmp_path}/resumefmt-1.1.schema.json as it is: it is not the format "
        "1.1 schema this release ships (`resumefmt schema > FILE` writes that one)"
    )
    assert (tmp_path / "resumefmt-1.1.schema.json").read_text(encoding="utf-8") == "{}"


def test_a_large_document_migrates_in_bounded_time_and_memory(tmp_path: Path) -> None:
    entry = (
        "  - organization: Example Corp  # a comment\n    role: Engineer\n"
        '    start: "2021-01"\n    end: present\n'
    )
    text = V10 + entry * 5_000  # 0.7 MB: 40,000 keys and values (the loader takes 50,000)
    path = _write(tmp_path, text)
    case = run_bounded(
        "migrate a 0.7 MB document of 5,000 entries",
        "migrate",
        path,
        env={"PYTHONPATH": str(PACKAGE_ROOT)},
        seconds=60,
    )
    assert (case.returncode, case.stderr) == (0, f"{path}: migrated 1.0 → 1.1\n")
    assert path.read_text(encoding="utf-8") == V11 + entry * 5_000
    assert case.seconds < 30 and case.peak_mib < 900


def test_examples_are_in_the_newest_version() -> None:
    for example in example_files():
        assert cli("migrate", "--check", example).returncode == 0, example
    assert EXAMPLES.is_dir()
