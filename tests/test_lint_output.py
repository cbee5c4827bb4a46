"""Lint output formats: JSON fields, SARIF 2.1.0 against its schema, GitHub annotations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, NODE_BIN, ROOT, in_ci
from fake_rules import BULLET, DOUBLED

from resumefmt.cli import report as reporters
from resumefmt.diagnostics import Diagnostic, Location

SARIF_SCHEMA = NODE_BIN.parent / "@microsoft" / "jest-sarif" / "lib" / "schemas"
FOUND = [
    Diagnostic(
        Location("cv.resumefmt.yaml", 4, 19, "/basics/summary"),
        "warning",
        "TS101",
        "test.doubled",
        "'the' twice",
    ),
    Diagnostic(
        Location("sub/dir/other cv.yaml", 9, 18, "/work/0/highlights/0"),
        "info",
        "TS103",
        "other.bullet",
        "a bullet, with: 100% commas\nand lines",
    ),
    Diagnostic(
        Location("cv.resumefmt.yaml", 2, 3, "/basics/nope"),
        "error",
        "RF011",
        "schema.unknown-key",
        "unknown key",
    ),
]


def _sarif_schema() -> dict[str, object]:
    found = sorted(SARIF_SCHEMA.glob("sarif-2.1.0*.json"))
    if not found:
        reason = "the SARIF 2.1.0 schema (npm @microsoft/jest-sarif) is not installed"
        if in_ci():
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)
    schema: dict[str, object] = json.loads(found[-1].read_text(encoding="utf-8"))
    return schema


def _sarif(found: list[Diagnostic]) -> dict[str, object]:
    from resumefmt import codes

    log: dict[str, object] = json.loads(
        reporters.as_sarif(found, [DOUBLED, BULLET], list(codes.ALL))
    )
    return log


def test_sarif_validates_against_the_2_1_0_schema() -> None:
    import jsonschema

    log = _sarif(FOUND)
    validator = jsonschema.Draft4Validator(_sarif_schema())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


def test_sarif_results_are_repository_relative_with_rules_and_fingerprints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    log = _sarif(FOUND)
    run = log["runs"][0]  # type: ignore[index]
    rules = run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert "RF011" in ids and ids[-2:] == ["TS101", "TS103"]
    assert rules[-2]["fullDescription"]["text"] == DOUBLED.manual
    assert rules[-1]["defaultConfiguration"]["level"] == "note"
    first, second, _ = run["results"]
    assert first["ruleId"] == "TS101" and rules[first["ruleIndex"]]["id"] == "TS101"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "cv.resumefmt.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 4, "startColumn": 19}
    assert second["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "sub/dir/other%20cv.yaml"
    )
    assert second["level"] == "note"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT.as_uri() + "/"


def test_sarif_fingerprints_survive_lines_moving() -> None:
    moved = Diagnostic(
        Location("cv.resumefmt.yaml", 40, 19, "/basics/summary"),
        "warning",
        "TS101",
        "test.doubled",
        "'the' twice",
    )
    before = _sarif(FOUND[:1])["runs"][0]["results"][0]["partialFingerprints"]  # type: ignore[index]
    after = _sarif([moved])["runs"][0]["results"][0]["partialFingerprints"]  # type: ignore[index]
    other = _sarif(FOUND[1:2])["runs"][0]["results"][0]["partialFingerprints"]  # type: ignore[index]
    assert before == after != other


def test_github_annotations_escape_their_fields() -> None:
    assert reporters.as_github(FOUND).splitlines() == [
        "::warning file=cv.resumefmt.yaml,line=4,col=19,title=TS101 test.doubled::'the' twice",
        "::notice file=sub/dir/other cv.yaml,line=9,col=18,title=TS103 other.bullet::"
        "a bullet, with: 100%25 commas%0Aand lines",
        "::error file=cv.resumefmt.yaml,line=2,col=3,title=RF011 schema.unknown-key::unknown key",
    ]


def test_json_has_the_fields_of_design_md() -> None:
    [first, *_] = json.loads(reporters.as_json(FOUND))
    assert first == {
        "path": "cv.resumefmt.yaml",
        "line": 4,
        "column": 19,
        "code": "TS101",
        "name": "test.doubled",
        "severity": "warning",
        "message": "'the' twice",
        "pointer": "/basics/summary",
    }


def _lint(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, "-m", "resumefmt", "lint", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_lint_of_the_seeds_as_sarif_validates() -> None:
    import jsonschema

    seeds = [str(p.relative_to(ROOT)) for p in sorted(EXAMPLES.glob("*.resumefmt.yaml"))]
    result = _lint("--format", "sarif", "--today", "2026-11-22", *seeds)
    assert result.returncode in (0, 1), result.stderr
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    results = log["runs"][0]["results"]
    assert results, "the seeds have findings"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris <= set(seeds)
    rule_ids = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in results} <= rule_ids


def test_lint_json_and_text_agree_on_the_seeds() -> None:
    # Given in reverse order: the output is sorted by path all the same.
    seeds = [str(p.relative_to(ROOT)) for p in sorted(EXAMPLES.glob("*.resumefmt.yaml"))][::-1]
    text = _lint("--today", "2026-11-22", *seeds)
    as_json = _lint("--format", "json", "--today", "2026-11-22", *seeds)
    findings = json.loads(as_json.stdout)
    assert text.returncode == as_json.returncode
    assert [
        f"{f['path']}:{f['line']}:{f['column']}: {f['severity']}: {f['message']} [{f['code']}]"
        for f in findings
    ] == text.stdout.splitlines()
    keys = [(f["path"], f["line"], f["column"]) for f in findings]
    assert keys == sorted(keys)
    assert len({f["path"] for f in findings}) == 3  # the starter: its placeholder address


# Colour: the severity word and the code only, on a terminal or when asked.
RED, YELLOW, CYAN = "\x1b[1;31m", "\x1b[1;33m", "\x1b[1;36m"
PAINTED = [
    f"cv.resumefmt.yaml:4:19: {YELLOW}warning\x1b[0m: 'the' twice [\x1b[33mTS101\x1b[0m]",
    f"sub/dir/other cv.yaml:9:18: {CYAN}info\x1b[0m: a bullet, with: 100% commas\\nand lines"
    " [\x1b[36mTS103\x1b[0m]",
    f"cv.resumefmt.yaml:2:3: {RED}error\x1b[0m: unknown key [\x1b[31mRF011\x1b[0m]",
]


def test_colour_paints_the_severity_and_the_code_only() -> None:
    import re

    painted = reporters.as_text(FOUND, color=True)
    assert painted.splitlines() == PAINTED
    assert re.sub(r"\x1b\[[0-9;]*m", "", painted) == reporters.as_text(FOUND)


WARNED = 'resumefmt: "1.0"\nbasics:\n  name: Ada\n  summary: Ships the the code.\n'
INVALID = 'resumefmt: "1.0"\nbasics:\n  name: Ada\n  nope: 1\n'
PLAIN_LINE = "cv.resumefmt.yaml:4:22: warning: 'the' is repeated [RF152]"
COLOUR_LINE = (
    f"cv.resumefmt.yaml:4:22: {YELLOW}warning\x1b[0m: 'the' is repeated [\x1b[33mRF152\x1b[0m]"
)


def _environment(colour: dict[str, str]) -> dict[str, str]:
    """This checkout's package, and no colour variables but those in ``colour``."""
    import resumefmt

    unset = ("PYTHONPATH", "NO_COLOR", "FORCE_COLOR")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env["PYTHONPATH"] = str(Path(resumefmt.__file__).resolve().parent.parent)
    return {**env, **colour}


def _run_in(
    folder: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resumefmt", *args],
        cwd=folder,
        env=_environment(env or {}),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ((), {}, False),  # auto, and standard output is a pipe
        (("--color", "always"), {}, True),
        (("--color", "always"), {"NO_COLOR": "1"}, True),  # the command line wins
        ((), {"FORCE_COLOR": "1"}, True),
        ((), {"FORCE_COLOR": "0"}, False),
        ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),
    ],
)
def test_lint_colours_text_as_asked(
    tmp_path: Path, args: tuple[str, ...], env: dict[str, str], coloured: bool
) -> None:
    (tmp_path / "cv.resumefmt.yaml").write_text(WARNED, encoding="utf-8")
    result = _run_in(tmp_path, "lint", "cv.resumefmt.yaml", *args, env=env)
    assert result.stdout == (COLOUR_LINE if coloured else PLAIN_LINE) + "\n"
    assert "\x1b" not in result.stderr  # the summary is never painted
    assert result.returncode == 0


@pytest.mark.parametrize("output", ["json", "sarif", "github"])
def test_machine_formats_are_never_coloured(tmp_path: Path, output: str) -> None:
    (tmp_path / "cv.resumefmt.yaml").write_text(WARNED, encoding="utf-8")
    result = _run_in(tmp_path, "lint", "cv.resumefmt.yaml", "--format", output, "--color", "always")
    assert "RF152" in result.stdout
    assert "\x1b" not in result.stdout


def test_validate_colours_text_as_asked(tmp_path: Path) -> None:
    (tmp_path / "cv.resumefmt.yaml").write_text(INVALID, encoding="utf-8")
    plain = _run_in(tmp_path, "validate", "cv.resumefmt.yaml")
    painted = _run_in(tmp_path, "validate", "cv.resumefmt.yaml", "--color", "always")
    assert plain.stdout.startswith("cv.resumefmt.yaml:4:3: error: unknown key 'nope' in basics")
    assert painted.stdout.startswith(f"cv.resumefmt.yaml:4:3: {RED}error\x1b[0m: unknown key")
    assert painted.stdout.endswith(" [\x1b[31mRF011\x1b[0m]\n")
    assert (plain.returncode, painted.returncode) == (1, 1)
    as_json = _run_in(tmp_path, "validate", "cv.resumefmt.yaml", "--format", "json")
    assert "\x1b" not in as_json.stdout


@pytest.mark.parametrize(("term", "coloured"), [("xterm-256color", True), ("dumb", False)])
def test_auto_colours_a_terminal(tmp_path: Path, term: str, coloured: bool) -> None:
    import pty

    (tmp_path / "cv.resumefmt.yaml").write_text(WARNED, encoding="utf-8")
    main, terminal = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "resumefmt", "lint", "cv.resumefmt.yaml", "-q"],
        cwd=tmp_path,
        env=_environment({"TERM": term}),
        stdout=terminal,
        stderr=subprocess.DEVNULL,
    ) as process:
        os.close(terminal)
        output = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal closed: the process is done
                break
            if not chunk:
                break
            output += chunk
        assert process.wait(timeout=60) == 0
    os.close(main)
    shown = output.decode("utf-8").replace("\r\n", "\n")
    assert shown == (COLOUR_LINE if coloured else PLAIN_LINE) + "\n"
