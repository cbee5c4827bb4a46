"""The lint engine with rules of its own: locations, crashes, plugins, suppression."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TODAY, as_document_text, run_resumefmt
from fake_rules import BOOM, BULLET, DOUBLED, first_bullet, registry_of
from hypothesis import assume, given
from hypothesis import strategies as st

from resumefmt.config import Config
from resumefmt.linter import LintRun
from resumefmt.loader import load_text
from resumefmt.plugins import PluginError, installed_plugins
from resumefmt.rules import Rule, pattern_rule

_registry = registry_of


def _lint(text: str, *rules: Rule, config: Config | None = None) -> list[tuple[int, int, str]]:
    run = LintRun(_registry(*rules), today=TODAY)
    found = run.lint(load_text(as_document_text(text), "r.yaml"), config)
    return [(d.location.line, d.location.column, d.code) for d in found]


SPANS = [
    # plain scalar on the key's line
    ("basics:\n  name: A\n  summary: I like the the cake\n", (4, 19)),
    # double-quoted: the quote is skipped
    ('basics:\n  name: A\n  summary: "so so good"\n', (4, 13)),
    # folded block scalar: the second word sits on the next line
    ("basics:\n  name: A\n  summary: >-\n    Worked on the\n    the thing\n", (5, 15)),
    # the first "is" is not doubled; the second pair is
    ("basics:\n  name: A\n  summary: this is is it\n", (4, 17)),
    # an escape: the span starts at the backslash that writes its first letter
    ('basics:\n  name: A\n  summary: "\\x74he the cake"\n', (4, 13)),
    # a quote written twice is one character of the value
    ("basics:\n  name: A\n  summary: 'it''s so so good'\n", (4, 19)),
    # a literal block keeps the indentation beyond its own
    ("basics:\n  name: A\n  summary: |\n    Worked on\n      the the thing\n", (6, 7)),
    # a double-quoted scalar folded over lines, with trailing blanks
    ('basics:\n  name: A\n  summary: "Worked on   \n    it so so well"\n', (5, 8)),
]


@pytest.mark.parametrize(("text", "where"), SPANS)
def test_findings_inside_text_point_at_the_span(text: str, where: tuple[int, int]) -> None:
    assert _lint(text, DOUBLED) == [(*where, "TS101")]


def test_rules_do_not_run_on_an_invalid_document() -> None:
    assert _lint("basics:\n  name: A\n  summary: the the\n  nope: 1\n", DOUBLED) == [
        (5, 3, "RF011")
    ]


def test_a_crashing_rule_is_reported_and_hides_nothing() -> None:
    run = LintRun(_registry(DOUBLED, BOOM), today=TODAY)
    text = as_document_text("basics:\n  name: A\n  summary: the the\n")
    found = run.lint(load_text(text, "r.yaml"))
    assert [(d.code, d.severity) for d in found] == [("TS102", "error"), ("TS101", "warning")]
    assert "rule test.boom failed with an internal error (ZeroDivisionError" in found[0].message
    assert run.crashed == ["TS102"]


def test_config_selects_ignores_and_overrides() -> None:
    text = "basics:\n  name: A\n  summary: the the\nwork:\n" + (
        '  - organization: O\n    role: R\n    start: "2020"\n    end: "2021"\n'
        "    highlights: [Did a thing.]\n"
    )
    both = (DOUBLED, BULLET)
    assert [c for *_, c in _lint(text, *both)] == ["TS101", "TS103"]
    for select, expected in ((["test"], ["TS101"]), (["TS103"], ["TS103"]), (["all"], None)):
        config = Config()
        config.select, config.select_given = select, True
        assert [c for *_, c in _lint(text, *both, config=config)] == (
            expected or ["TS101", "TS103"]
        )
    config = Config()
    config.ignore = ["other.bullet"]
    assert [c for *_, c in _lint(text, *both, config=config)] == ["TS101"]


def test_a_rule_off_by_default_runs_only_when_named() -> None:
    quiet = Rule("TS104", "test.quiet", first_bullet, manual="Off by default.", enabled=False)
    text = "work:\n" + (
        '  - organization: O\n    role: R\n    start: "2020"\n    end: "2021"\n'
        "    highlights: [Did a thing.]\n"
    )
    assert _lint(text, quiet) == []
    config = Config()
    config.select, config.select_given = ["test"], True
    assert _lint(text, quiet, config=config) == []  # a family does not switch it on
    config.select = ["test.quiet"]
    assert _lint(text, quiet, config=config) == [(9, 18, "TS104")]


def test_registry_refuses_bad_and_duplicate_rules() -> None:
    registry = _registry(DOUBLED)
    with pytest.raises(PluginError, match=r"rule code TS101 is already taken by test\.doubled"):
        registry.add_rule(pattern_rule("TS101", "test.other", "X.", pattern="x", message="x"))
    with pytest.raises(PluginError, match=r"rule name test\.doubled is already taken by TS101"):
        registry.add_rule(pattern_rule("TS199", "test.doubled", "X.", pattern="x", message="x"))
    with pytest.raises(PluginError, match="the code must be capital letters"):
        registry.add_rule(pattern_rule("ts1", "test.bad", "X.", pattern="x", message="x"))
    with pytest.raises(PluginError, match=r"must be family\.kebab-case"):
        registry.add_rule(pattern_rule("TS198", "Bad_Name", "X.", pattern="x", message="x"))
    registry.add_rule(
        pattern_rule("TS101", "test.doubled", "Y.", pattern="y", message="y"), override=True
    )
    assert registry.rules["TS101"].summary == "Y."


PLUGIN = """
from resumefmt.rules import pattern_rule

def register(registry):
    registry.add_rule(pattern_rule(
        "DM001", "demo.cake", "Mentions cake.", pattern="cake", message="cake again",
        reports=("basics: {name: A, summary: cake}",), passes=("basics: {name: A}",),
    ))
"""


def _install_plugin(folder: Path, module: str, body: str) -> None:
    (folder / f"{module}.py").write_text(body, encoding="utf-8")
    info = folder / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "entry_points.txt").write_text(
        f"[console_scripts]\nx = y:z\n\n[resumefmt.plugins]\n{module} = {module}\n",
        encoding="utf-8",
    )


def _cli(
    args: list[str], cwd: Path, pythonpath: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return run_resumefmt(*args, cwd=cwd, pythonpath=pythonpath, timeout=60)


def _plugin_and_resume(tmp_path: Path, module: str, body: str, resume: str) -> tuple[Path, Path]:
    """``(work, site)``: a plugin installed in ``site``, a résumé in ``work``."""
    site = tmp_path / "site"
    site.mkdir()
    _install_plugin(site, module, body)
    work = tmp_path / "work"
    work.mkdir()
    (work / "cv.resumefmt.yaml").write_text(as_document_text(resume), encoding="utf-8")
    return work, site


def test_third_party_plugins_run_through_the_same_path(tmp_path: Path) -> None:
    work, site = _plugin_and_resume(
        tmp_path, "rfdemo", PLUGIN, "basics:\n  name: A\n  summary: Enjoys cake\n"
    )
    result = _cli(["lint", "cv.resumefmt.yaml"], work, site)
    assert result.stdout == "cv.resumefmt.yaml:4:19: warning: cake again [DM001]\n"
    assert result.returncode == 0
    listed = _cli(["rules"], work, site).stdout
    assert "DM001  demo.cake" in listed
    explained = _cli(["rule", "demo.cake"], work, site)
    assert explained.returncode == 0
    assert "DM001 demo.cake (warning by default)" in explained.stdout


def test_plugins_in_the_working_directory_are_never_imported(tmp_path: Path) -> None:
    _install_plugin(tmp_path, "rfevil", "raise SystemExit('imported from the work tree')\n")
    (tmp_path / "cv.resumefmt.yaml").write_text(as_document_text(""), encoding="utf-8")
    result = _cli(["lint", "cv.resumefmt.yaml"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "imported from the work tree" not in result.stderr


def test_a_broken_plugin_is_named_without_a_traceback(tmp_path: Path) -> None:
    _install_plugin(tmp_path, "rfbroken", "import no_such_module_anywhere\n")
    (tmp_path / "work").mkdir()
    result = _cli(["rules"], tmp_path / "work", tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(
        "resumefmt: plugin rfbroken (from rfbroken) cannot be loaded: ModuleNotFoundError"
    )
    assert "Traceback" not in result.stderr


def test_installed_plugins_reads_entry_points(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _install_plugin(tmp_path, "rfdemo", PLUGIN)
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    monkeypatch.chdir(tmp_path.parent)
    assert installed_plugins() == [("rfdemo", "rfdemo")]


CRASHING_PLUGIN = """
from resumefmt.rules import rule

@rule("DM002", "demo.boom", severity="info")
def boom(context):
    '''Crashes.'''
    raise KeyError("oops")

def register(registry):
    registry.add_rule(boom)
"""


def test_a_crashing_plugin_rule_exits_2_and_hides_no_other_finding(tmp_path: Path) -> None:
    resume = 'work:\n  - {organization: O, role: R, start: "2021", end: "2020"}\n'
    work, site = _plugin_and_resume(tmp_path, "rfboom", CRASHING_PLUGIN, resume)
    result = _cli(["lint", "cv.resumefmt.yaml"], work, site)
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "cv.resumefmt.yaml:1:1: error: rule demo.boom failed with an internal error "
        "(KeyError: 'oops'); its findings are missing; this is a bug in the rule, "
        "please report it [DM002]"
    )
    assert any(line.endswith("[RF101]") for line in lines[1:])
    assert "Traceback" not in result.stderr


def _crash(context: object) -> list[object]:
    raise RuntimeError("boom\nsecond line")


def test_a_crash_cannot_be_silenced_and_stays_on_one_line() -> None:
    boom = Rule("TS190", "test.crash", _crash, manual="Crashes.")
    run = LintRun(_registry(boom), today=TODAY)
    text = as_document_text('resumefmt: "1.0"  # resumefmt: disable=TS190\nbasics: {name: A}\n')
    [found] = run.lint(load_text(text, "r.yaml"))
    assert found.code == "TS190" and "\n" not in found.message
    assert "(RuntimeError: boom second line)" in found.message


def test_a_rule_yielding_something_else_is_its_own_crash() -> None:
    bad = Rule("TS191", "test.bad-yield", lambda c: [("/basics", "x")], manual="Yields a tuple.")
    run = LintRun(_registry(bad, DOUBLED), today=TODAY)
    text = as_document_text("basics:\n  name: A\n  summary: so so\n")
    found = run.lint(load_text(text, "r.yaml"))
    assert [d.code for d in found] == ["TS191", "TS101"]
    assert run.crashed == ["TS191"]


def test_directives_allow_spaces_and_a_trailing_comment() -> None:
    run = LintRun(_registry(DOUBLED, BULLET), today=TODAY)
    text = as_document_text(
        "basics:\n  name: A\n  summary: so so  # resumefmt: disable=TS101, TS103  # why\n"
    )
    assert run.lint(load_text(text, "r.yaml")) == []


def test_positions_after_cr_line_breaks() -> None:
    run = LintRun(_registry(DOUBLED), today=TODAY)
    text = 'resumefmt: "1.0"\rbasics:\r  name: Ada\r  summary: Ships the the code.\r'
    [found] = run.lint(load_text(text, "r.yaml"))
    assert (found.location.line, found.location.column) == (4, 18)


def test_a_plugin_written_for_0_1_is_told_about_the_new_rule_shape(tmp_path: Path) -> None:
    old = (
        "from resumefmt.rules import Rule\n"
        "def _check(context):\n    return []\n"
        'OLD = Rule("DM003", "demo.old", "Old.", check=_check, fails=("x",))\n'
        "def register(registry):\n    registry.add_rule(OLD)\n"
    )
    _install_plugin(tmp_path, "rfold", old)
    (tmp_path / "work").mkdir()
    result = _cli(["rules"], tmp_path / "work", tmp_path)
    assert result.returncode == 2
    assert "written for resumefmt 0.1" in result.stderr and "@rule(code, name" in result.stderr


@given(
    st.text(st.sampled_from("ab é😀'\"\\\n\t#:-,[]\x85\u2028"), min_size=1, max_size=60),
    st.sampled_from([None, "'", '"', "|", ">"]),
    st.sampled_from([12, 30, 80]),
    st.booleans(),
)
def test_every_character_of_a_value_is_found_where_it_is_written(
    value: str, style: str | None, width: int, crlf: bool
) -> None:
    # PyYAML writes the value with quotes, escapes, folds and indentation; each
    # character that is not blank must map, in order, onto itself or its escape.
    import yaml

    from resumefmt.linter import _LineIndex

    text = yaml.dump({"summary": value}, default_style=style, width=width, allow_unicode=True)
    if crlf:
        text = text.replace("\n", "\r\n")
    document = load_text(text, "r.yaml")
    assume(document.data == {"summary": value})
    spans = _LineIndex(text).span_map(document, "/summary")
    assert spans is not None
    previous = -1
    for index, char in enumerate(value):
        if char.isspace():
            continue
        offset = spans.offset_of(index, index + 1)
        assert offset is not None and offset > previous, (index, offset)
        assert text[offset] in (char, "\\"), (index, text[offset])
        previous = offset
