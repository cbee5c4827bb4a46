"""``resumefmt lint --fix`` and ``--diff``: safe fixes made as span edits of the file.

Every fix is applied to copies of the examples (with mistakes added) and to
generated documents with mistakes and comments injected; each result must
validate, lint clean for what was fixed, keep every comment line in order,
differ only on the lines concerned, and stay put on a second run.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import EXAMPLES, ROOT, example_files, run_resumefmt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import resumefmt_documents

from resumefmt._yaml_writer import dump
from resumefmt.config import Config
from resumefmt.editing import Edit, apply
from resumefmt.fixing import MAX_PASSES, _non_overlapping, fix_document, place
from resumefmt.linter import LintRun
from resumefmt.loader import load_text
from resumefmt.plugins import BUILTIN_RULES, Registry
from resumefmt.validation import validate

REGISTRY = Registry().load(BUILTIN_RULES, third_party=False)
FIXABLE = {"RF121", "RF152", "RF153", "RF156", "RF173"}
TODAY = "2026-06-15"
#: Bullets with one mistake of each fixable rule, as a person writes them.
MISTAKES = (
    "Built the the billing engine on Github.",
    "Ranked 22th of 300 teams.",
    "Cut build  time by 40% with Javascript.",
    "Demo at <http://github.com/ada/engine>.",
)


def _lint(document: Any) -> list[Any]:
    return LintRun(REGISTRY, today=datetime.date.fromisoformat(TODAY)).lint(document, Config())


def _fix_text(text: str, path: str = "cv.resumefmt.yaml") -> Any:
    return fix_document(load_text(text, path), _lint)


def _comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]


def _changed_lines(before: str, after: str) -> set[int]:
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new), "a fix added or removed a line"
    return {n for n, (a, b) in enumerate(zip(old, new, strict=True), 1) if a != b}


def _fixed_lines(text: str) -> set[int]:
    """The lines the placed edits of the text's fixes touch, pass after pass."""
    lines: set[int] = set()
    for _ in range(MAX_PASSES):
        document = load_text(text, "cv.resumefmt.yaml")
        chosen = _non_overlapping(place(document, _lint(document)))
        edits = [r for d in chosen for r in d.replacements]
        for r in edits:
            lines.update(range(r.line, r.end_line + 1))
        text = apply(text, [Edit(r.start, r.end, r.text) for r in edits])
    return lines


def _check_fixed(before: str, after: str) -> None:
    """What every fix must give: valid, clean of fixable findings, comments kept, stable."""
    document = load_text(after, "cv.resumefmt.yaml")
    assert not [d for d in validate(document) if d.severity == "error"]
    left = place(document, _lint(document))
    assert not [d.format_text() for d in left if d.replacements]
    assert _comments(after) == _comments(before)
    assert _changed_lines(before, after) <= _fixed_lines(before)
    assert _fix_text(after).text == after  # a second run changes nothing


# --- the examples -----------------------------------------------------------


def _with_mistakes(text: str) -> str:
    """An example with a bullet of each mistake added to its first highlights list."""
    match = re.search(r"^(?P<indent> +)highlights:\n(?P<item>(?P=indent) +- )", text, re.M)
    assert match is not None
    item = match["item"]
    added = "".join(f"{item}{bullet}  # added\n" for bullet in MISTAKES)
    return (
        text[: match.end("indent") + len("highlights:\n")]
        + added
        + text[match.end(0) - len(item) :]
    )


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.name)
def test_every_fix_on_the_examples(example: Path, tmp_path: Path) -> None:
    before = _with_mistakes(example.read_text(encoding="utf-8"))
    target = tmp_path / example.name
    target.write_text(before, encoding="utf-8")
    fixable = {d.code for d in place(load_text(before), _lint(load_text(before))) if d.fix}
    assert {"RF121", "RF152", "RF153", "RF156", "RF173"} <= fixable

    done = run_resumefmt("lint", "--fix", "--today", TODAY, target)

    after = target.read_text(encoding="utf-8")
    assert after != before
    assert "fixed " in done.stderr and done.returncode in (0, 1), done.stderr
    _check_fixed(before, after)
    again = run_resumefmt("lint", "--fix", "--today", TODAY, target)
    assert target.read_text(encoding="utf-8") == after
    assert again.stdout == done.stdout  # the same findings remain
    assert "fixed 0 findings in 0 files" in again.stderr


def test_the_seed_ordinal_is_fixed_in_place(tmp_path: Path) -> None:
    """Shuai Xie's '31th' (README's example) becomes '31st' and nothing else changes."""
    source = (EXAMPLES / "shuai-xie.resumefmt.yaml").read_text(encoding="utf-8")
    fixed = _fix_text(source).text
    assert "Proceedings of the 31st International" in fixed
    assert _changed_lines(source, fixed) <= _fixed_lines(source)


# --- generated documents ------------------------------------------------------


@st.composite
def _documents_with_mistakes(draw: st.DrawFn) -> str:
    """A generated document as YAML with comments, and fixable mistakes injected."""
    data = draw(resumefmt_documents())
    bullets = [draw(st.sampled_from(MISTAKES)) for _ in range(draw(st.integers(1, 3)))]
    entry = {"organization": "Initech", "role": "Engineer", "start": "2021-03", "end": "present"}
    entry["highlights"] = bullets
    data.setdefault("work", []).insert(0, entry)
    text = dump(data)
    if draw(st.booleans()):  # a schema slip with one safe answer
        text = text.replace('start: "2021-03"', "start: 2021-3", 1)
    lines = text.splitlines(keepends=True)
    out = []
    for number, line in enumerate(lines):
        if line[:1].isalpha() and draw(st.booleans()):
            out.append(f"# comment {number} before {line.split(':')[0]}\n")
        out.append(line)
    return "".join(out)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents_with_mistakes())
def test_every_fix_on_generated_documents(text: str) -> None:
    outcome = _fix_text(text)
    assert outcome.refused is None, outcome.refused
    assert outcome.text != text
    _check_fixed(text, outcome.text)


# --- schema errors ---------------------------------------------------------------

INVALID_BUT_FIXABLE = """\
resumefmt: 1.1   # the version
basics:
  name: Ada
  phone: 5551234
  location: {postalCode: 01234, city: London}
work:
  - organization: Initech
    start: 2021-3  # month 3
    end: Present
  - organization: Globex
    start: 2019
    end: 2020/05
"""


def test_schema_errors_with_one_safe_answer_are_fixed(tmp_path: Path) -> None:
    target = tmp_path / "cv.resumefmt.yaml"
    target.write_text(INVALID_BUT_FIXABLE, encoding="utf-8")
    done = run_resumefmt("lint", "--fix", "--today", TODAY, target)
    assert target.read_text(encoding="utf-8") == (
        'resumefmt: "1.1"   # the version\n'
        "basics:\n"
        "  name: Ada\n"
        '  phone: "5551234"\n'
        '  location: {postalCode: "01234", city: London}\n'
        "work:\n"
        "  - organization: Initech\n"
        "    start: 2021-03  # month 3\n"
        "    end: present\n"
        "  - organization: Globex\n"
        '    start: "2019"\n'
        "    end: 2020-05\n"
    )
    assert "fixed 7 findings in 1 file" in done.stderr
    assert done.returncode == 0, done.stdout + done.stderr


def test_json_documents_are_fixed_too(tmp_path: Path) -> None:
    target = tmp_path / "cv.resumefmt.json"
    target.write_text(
        '{"resumefmt": "1.1",\n "basics": {"name": "Ada", "phone": 5551234},\n'
        ' "work": [{"organization": "Initech", "start": "2021-3",\n'
        '           "highlights": ["Shipped it on Github."]}]}\n',
        encoding="utf-8",
    )
    run_resumefmt("lint", "--fix", "--today", TODAY, target)
    assert target.read_text(encoding="utf-8") == (
        '{"resumefmt": "1.1",\n "basics": {"name": "Ada", "phone": "5551234"},\n'
        ' "work": [{"organization": "Initech", "start": "2021-03",\n'
        '           "highlights": ["Shipped it on GitHub."]}]}\n'
    )


def test_an_invalid_file_no_safe_fix_mends_is_left_alone(tmp_path: Path) -> None:
    text = INVALID_BUT_FIXABLE.replace("  name: Ada\n", "")  # basics.name is required
    target = tmp_path / "cv.resumefmt.yaml"
    target.write_text(text, encoding="utf-8")
    before = target.stat().st_mtime_ns

    done = run_resumefmt("lint", "--fix", "--today", TODAY, target)

    assert target.read_text(encoding="utf-8") == text
    assert target.stat().st_mtime_ns == before
    assert (
        f"{target}: not fixed: 1 schema error would remain that no safe fix mends; "
        "nothing was written"
    ) in done.stderr
    assert "missing required key 'name' in basics [RF012]" in done.stdout
    assert done.returncode == 1


def test_a_file_that_does_not_load_is_never_touched(tmp_path: Path) -> None:
    text = 'resumefmt: "1.1"\nbasics:\n  name: Ada\n  summary: Github [unclosed\n  : bad\n'
    target = tmp_path / "cv.resumefmt.yaml"
    target.write_bytes(text.encode("utf-8"))
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))

    done = run_resumefmt("lint", "--fix", target)

    assert target.read_bytes() == text.encode("utf-8")
    assert target.stat().st_mtime_ns == 1_000_000_000
    assert "[RF001]" in done.stdout and done.returncode == 1
    diff = run_resumefmt("lint", "--diff", target)
    assert diff.stdout == "" and diff.returncode == 0
    assert "[RF001]" not in diff.stdout


# --- --diff, standard input, suppression ----------------------------------------

SMALL = 'resumefmt: "1.1"\nbasics:\n  name: Ada  # me\n  summary: Ranked 22th on Github.\n'


def test_diff_prints_the_change_writes_nothing_and_exits_1(tmp_path: Path) -> None:
    target = tmp_path / "cv.resumefmt.yaml"
    target.write_text(SMALL, encoding="utf-8")
    done = run_resumefmt("lint", "--fix", "--diff", target)
    name = str(target)
    assert done.stdout == (
        f"--- {name}\n"
        f"+++ {name}\n"
        "@@ -1,4 +1,4 @@\n"
        ' resumefmt: "1.1"\n'
        " basics:\n"
        "   name: Ada  # me\n"
        "-  summary: Ranked 22th on Github.\n"
        "+  summary: Ranked 22nd on GitHub.\n"
    )
    assert done.stderr == "would fix 2 findings in 1 file\n"
    assert done.returncode == 1
    assert target.read_text(encoding="utf-8") == SMALL
    clean = tmp_path / "clean.resumefmt.yaml"
    clean.write_text('resumefmt: "1.1"\nbasics:\n  name: Ada\n', encoding="utf-8")
    nothing = run_resumefmt("lint", "--diff", clean)
    assert (nothing.stdout, nothing.returncode) == ("", 0)


def test_diff_refuses_other_formats() -> None:
    done = run_resumefmt("lint", "--diff", "--format", "json", EXAMPLES / "starter.resumefmt.yaml")
    assert done.returncode == 2
    assert "--diff prints a unified diff: it cannot be --format json" in done.stderr


def test_fix_of_standard_input_prints_the_fixed_text() -> None:
    import subprocess
    import sys

    def fix(text: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "resumefmt", "lint", "--fix", "-"],
            input=text,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            check=False,
        )

    done = fix(SMALL)
    assert done.stdout == SMALL.replace("22th on Github", "22nd on GitHub")
    assert "fixed 2 findings in 1 file" in done.stderr and done.returncode == 0
    broken = fix("basics: [unclosed\n")  # does not load: goes on unchanged
    assert broken.stdout == "basics: [unclosed\n"
    assert "[RF001]" in broken.stderr and broken.returncode == 1


def test_a_disable_comment_suppresses_the_fix_too() -> None:
    text = (
        'resumefmt: "1.1"\nbasics:\n  name: Ada\n'
        "  summary: Ranked 22th on Github.  # resumefmt: disable=RF156\n"
    )
    fixed = _fix_text(text).text
    assert "Ranked 22nd on Github." in fixed


def test_a_byte_order_mark_and_crlf_line_ends_survive(tmp_path: Path) -> None:
    target = tmp_path / "cv.resumefmt.yaml"
    target.write_bytes(b"\xef\xbb\xbf" + SMALL.replace("\n", "\r\n").encode("utf-8"))
    run_resumefmt("lint", "--fix", target)
    fixed = SMALL.replace("22th on Github", "22nd on GitHub").replace("\n", "\r\n")
    assert target.read_bytes() == b"\xef\xbb\xbf" + fixed.encode("utf-8")


def test_overlapping_fixes_are_made_in_passes() -> None:
    """'the the the' needs two passes; 'Github  and' has two fixes side by side."""
    text = 'resumefmt: "1.1"\nbasics:\n  name: Ada\n  summary: Built the the the Github  app.\n'
    outcome = _fix_text(text)
    assert outcome.text.endswith("  summary: Built the GitHub app.\n")
    assert outcome.applied == 4


# --- machine-readable output and the rule list ---------------------------------------


def test_json_output_carries_the_fixes(tmp_path: Path) -> None:
    target = tmp_path / "cv.resumefmt.yaml"
    target.write_text(SMALL, encoding="utf-8")
    found = json.loads(run_resumefmt("lint", "--format", "json", target).stdout)
    assert [f.get("fix") for f in found] == [
        {"edits": [{"line": 4, "column": 19, "endLine": 4, "endColumn": 23, "text": "22nd"}]},
        {"edits": [{"line": 4, "column": 27, "endLine": 4, "endColumn": 33, "text": "GitHub"}]},
    ]
    validated = json.loads(run_resumefmt("validate", "--format", "json", target).stdout)
    assert validated == []  # validate's output is unchanged: it fixes nothing


def test_sarif_output_carries_the_fixes(tmp_path: Path) -> None:
    from test_lint_output import _sarif_schema

    target = tmp_path / "cv.resumefmt.yaml"
    target.write_text(SMALL, encoding="utf-8")
    (tmp_path / "broken.resumefmt.yaml").write_text(INVALID_BUT_FIXABLE, encoding="utf-8")
    log = json.loads(
        run_resumefmt("lint", "--format", "sarif", tmp_path, cwd=tmp_path, pythonpath=ROOT).stdout
    )
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    results = log["runs"][0]["results"]
    assert sum("fixes" in r for r in results) == 7 + 2
    fixes = [
        r["fixes"]
        for r in results
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "cv.resumefmt.yaml"
    ]
    assert fixes[1] == [
        {
            "description": {
                "text": "the safe fix of wording.miscased-brand (resumefmt lint --fix)"
            },
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": "cv.resumefmt.yaml", "uriBaseId": "%SRCROOT%"},
                    "replacements": [
                        {
                            "deletedRegion": {
                                "startLine": 4,
                                "startColumn": 27,
                                "endLine": 4,
                                "endColumn": 33,
                            },
                            "insertedContent": {"text": "GitHub"},
                        }
                    ],
                }
            ],
        }
    ]


def test_rules_and_rule_say_which_rules_fix() -> None:
    listed = run_resumefmt("rules").stdout.splitlines()
    marked = {line.split()[0] for line in listed if line.endswith("(fixable)")}
    assert marked == FIXABLE
    as_json = json.loads(run_resumefmt("rules", "--format", "json").stdout)
    assert {r["code"] for r in as_json if r["fixable"]} == FIXABLE
    assert (
        "Fixable: resumefmt lint --fix applies its safe fix"
        in run_resumefmt("rule", "RF156").stdout
    )
    assert "Fixable" not in run_resumefmt("rule", "RF150").stdout


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_named_pipe_or_a_device_is_not_fixed_in_place(kind: str, tmp_path: Path) -> None:
    """Read once, it had nowhere to go back to: a pipe waited for a second writer and was
    then 'fixed' and 'could not be read' at once; a device was read as a document."""
    import stat

    target = tmp_path / "cv.resumefmt.yaml"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        os.mknod(target, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    done = run_resumefmt("lint", "--fix", target, timeout=30)
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == (
        f"resumefmt: cannot fix '{target}': it is "
        f"{'a named pipe' if kind == 'fifo' else 'a device or socket'}, not a file; "
        f"'resumefmt lint --fix - < {target}' prints the fixed text"
    )
    assert (stat.S_ISFIFO if kind == "fifo" else stat.S_ISCHR)(target.stat().st_mode)


def test_fixes_reach_text_inside_language_maps_and_variants(tmp_path: Path) -> None:
    """Rules read the document as built; each fix lands where the file writes that text."""
    source = (
        'resumefmt: "1.1"\n'
        "basics:\n"
        "  name: Ada\n"
        "  headline: {en: Builds Github tools, zh: 构建工具}\n"
        "work:\n"
        "  - organization: Lab\n"
        "    tags: [academic]\n"
        "  - organization: Acme\n"
        "    role: Engineer\n"
        '    start: "2020"\n'
        "    end: present\n"
        "    highlights:\n"
        "      - Maintains the the build.\n"
        "variants:\n"
        "  industry: {exclude: [academic]}\n"
    )
    path = tmp_path / "cv.resumefmt.yaml"
    path.write_text(source, encoding="utf-8")
    listed = run_resumefmt("lint", "--format", "json", "--variant", "industry", path)
    pointers = {f["code"]: f["pointer"] for f in json.loads(listed.stdout)}
    # The variant left out entry 0: the finding still names entry 1, as the file does.
    assert pointers["RF152"] == "/work/1/highlights/0"
    assert pointers["RF156"] == "/basics/headline/en"
    fixed = run_resumefmt("lint", "--fix", "--variant", "industry", path)
    assert fixed.returncode == 0, fixed.stderr
    assert path.read_text(encoding="utf-8") == source.replace("Github", "GitHub").replace(
        "the the", "the"
    )
