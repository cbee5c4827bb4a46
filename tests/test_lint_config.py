"""Configuration files and suppression comments: what they change, and their own errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from bounded import run_bounded
from conftest import TODAY, as_document_text, run_resumefmt
from fake_rules import BULLET, DOUBLED, registry_of

import resumefmt
from resumefmt.config import Config, find_config_file, load_config
from resumefmt.linter import LintRun
from resumefmt.loader import load_text
from resumefmt.plugins import Registry, rule_registry
from resumefmt.rules import Rule

OPTIONED = Rule(
    "TS105",
    "test.optioned",
    lambda context: [],
    manual="Has options.",
    options={"max-months": 6, "ratio": 0.5, "words": ["a"]},
)
REGISTRY = registry_of(DOUBLED, BULLET, OPTIONED)


def _load(tmp_path: Path, text: str, name: str = ".resumefmt.toml") -> Config:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_config(str(path), REGISTRY)


def _problems(config: Config) -> list[tuple[int, int, str, str]]:
    return [(d.location.line, d.location.column, d.code, d.message) for d in config.problems]


def test_a_good_file(tmp_path: Path) -> None:
    config = _load(
        tmp_path,
        'select = ["test", "TS103"]\nignore = ["test.optioned"]\nfail-on = "warning"\n'
        '[rules."test.doubled"]\nseverity = "error"\n[rules.TS105]\nmax-months = 12\nratio = 1\n',
    )
    assert _problems(config) == []
    assert [config.enabled(r) for r in (DOUBLED, BULLET, OPTIONED)] == [True, True, False]
    assert config.severity_for(DOUBLED) == "error"
    assert config.options_for(OPTIONED) == {"max-months": 12, "ratio": 1}
    assert config.fail_on == "warning"


BAD = [
    ("select = [\n", 2, 1, "RF090", "not valid TOML: "),
    ('select = ["RF999"]\n', 1, 11, "RF091", "select: no rule, family or code 'RF999'"),
    ('ignore = ["nonsense.rule"]\n', 1, 11, "RF091", "ignore: no rule, family or code"),
    ("select = 3\n", 1, 1, "RF090", "select must be a list of rule codes, names or families"),
    ('colour = "red"\n', 1, 1, "RF090", "unknown setting 'colour'; known: select, ignore"),
    ('fail-on = "fatal"\n', 1, 1, "RF090", "fail-on must be one of error, warning, info"),
    ("[rules.RF999]\nseverity = 'info'\n", 1, 8, "RF091", "rules: no rule 'RF999'"),
    # a bad value is located at the value, in its rule's table
    ("[rules.TS101]\nseverity = 'loud'\n", 2, 12, "RF090", "severity must be error, warning"),
    (
        "[rules.TS105]\nmax-month = 3\n",
        2,
        1,
        "RF090",
        "rule test.optioned has no option 'max-month'",
    ),
    (
        '[rules.TS105]\nmax-months = "3"\n',
        2,
        14,
        "RF090",
        "option max-months of test.optioned must be an integer, not a string",
    ),
    (
        "[rules.TS105]\nwords = [true]\n",
        2,
        9,
        "RF090",
        "option words of test.optioned must be an array of strings; item 1 is a boolean",
    ),
]


@pytest.mark.parametrize(("text", "line", "column", "code", "message"), BAD)
def test_problems_are_located_in_the_file(
    tmp_path: Path, text: str, line: int, column: int, code: str, message: str
) -> None:
    [(got_line, got_column, got_code, got_message)] = _problems(_load(tmp_path, text))
    assert (got_line, got_column, got_code) == (line, column, code)
    assert got_message.startswith(message), got_message


def test_the_rest_of_a_file_with_a_problem_still_applies(tmp_path: Path) -> None:
    config = _load(tmp_path, 'ignore = ["RF999", "test.doubled"]\n')
    assert len(config.problems) == 1
    assert not config.enabled(DOUBLED)


def test_discovery_beside_or_above_the_file(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    cv = str(nested / "cv.resumefmt.yaml")
    assert find_config_file(cv) is None or not find_config_file(cv).startswith(str(tmp_path))  # type: ignore[union-attr]
    other = tmp_path / "x" / "y"
    other.mkdir(parents=True)
    (tmp_path / "x" / "pyproject.toml").write_text("[tool.black]\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.resumefmt]\nignore = []\n", encoding="utf-8")
    assert find_config_file(str(other / "cv.yaml")) == str(tmp_path / "pyproject.toml")
    (tmp_path / "x" / ".resumefmt.toml").write_text("", encoding="utf-8")
    third = tmp_path / "x" / "z"
    third.mkdir()
    assert find_config_file(str(third / "cv.yaml")) == str(tmp_path / "x" / ".resumefmt.toml")


def test_pyproject_reads_the_tool_table(tmp_path: Path) -> None:
    config = _load(
        tmp_path, '[project]\nname = "x"\n[tool.resumefmt]\nignore = ["TS101"]\n', "pyproject.toml"
    )
    assert _problems(config) == []
    assert not config.enabled(DOUBLED)


SUPPRESSED = """\
basics:
  name: A
  summary: the the  # resumefmt: disable=TS101
  headline: so so
"""


def _lint(text: str) -> list[tuple[int, int, str, str]]:
    run = LintRun(REGISTRY, today=TODAY)
    found = run.lint(load_text(as_document_text(text), "r.yaml"))
    return [(d.location.line, d.location.column, d.code, d.message) for d in found]


def test_disable_on_the_line() -> None:
    assert [f[:3] for f in _lint(SUPPRESSED)] == [(5, 13, "TS101")]


def test_disable_next_line_by_name() -> None:
    text = SUPPRESSED.replace(
        "  headline", "  # resumefmt: disable-next-line=test.doubled\n  headline"
    )
    assert _lint(text) == []


def test_a_text_over_several_lines_is_silenced_from_its_first_line() -> None:
    text = "basics:\n  name: A\n  summary: >-  # resumefmt: disable=TS101\n    one\n    the the\n"
    assert _lint(text) == []
    assert _lint(text.replace("  # resumefmt: disable=TS101", "")) == [
        (6, 5, "TS101", "'the' twice")
    ]


def test_unknown_and_malformed_directives_are_reported() -> None:
    text = SUPPRESSED.replace("disable=TS101", "disable=TS101,RF999") + (
        "  # resumefmt: disabel=TS101\n"
    )
    found = _lint(text)
    assert found == [
        (4, 48, "RF092", "the directive names no known rule 'RF999'"),
        (5, 13, "TS101", "'so' twice"),
        (
            6,
            16,
            "RF092",
            "cannot read the directive 'disabel=TS101': write 'disable=CODE' or "
            "'disable-next-line=CODE' (codes or rule names, comma-separated)",
        ),
    ]


def test_schema_problems_cannot_be_silenced() -> None:
    text = "basics:\n  name: A\n  nope: 1  # resumefmt: disable=RF011\n"
    found = _lint(text)
    assert [f[:3] for f in found] == [(4, 3, "RF011"), (4, 33, "RF092")]
    assert found[1][3] == (
        "RF011 is a load or schema problem and cannot be silenced: fix the file instead"
    )


def test_severity_off_wins_over_enabled(tmp_path: Path) -> None:
    (tmp_path / ".resumefmt.toml").write_text(
        '[rules.RF150]\nenabled = true\nseverity = "off"\n', encoding="utf-8"
    )
    (tmp_path / "cv.resumefmt.yaml").write_text(
        as_document_text("basics:\n  name: A\n  summary: I write.\n"), encoding="utf-8"
    )
    result = run_resumefmt("lint", "cv.resumefmt.yaml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, ""), result.stderr


@pytest.mark.parametrize("text", ["[tool]\nresumefmt = 5\n", "tool = 1\nresumefmt = 2\n"])
def test_a_tool_value_that_is_not_a_table_is_reported(tmp_path: Path, text: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(text, encoding="utf-8")
    config = load_config(str(path), registry_of(DOUBLED))
    assert [d.message for d in config.problems] == ["[tool.resumefmt] must be a table"]


def test_pyproject_counts_only_with_a_real_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("# tool.resumefmt is not here\n", encoding="utf-8")
    assert find_config_file(str(tmp_path / "cv.yaml")) != str(tmp_path / "pyproject.toml")
    (tmp_path / "pyproject.toml").write_text("[tool]\nresumefmt = {ignore = []}\n")
    assert find_config_file(str(tmp_path / "cv.yaml")) == str(tmp_path / "pyproject.toml")


@pytest.mark.parametrize("key", ["select", "ignore"])
def test_former_rule_names_work_in_select_and_ignore(tmp_path: Path, key: str) -> None:
    """A configuration written for 0.1 keeps its meaning after a rule is renamed."""
    from resumefmt.plugins import rule_registry

    registry = rule_registry(third_party=False)
    path = tmp_path / ".resumefmt.toml"
    path.write_text(f'{key} = ["links.prefer-https"]\n', encoding="utf-8")
    config = load_config(str(path), registry)
    assert config.problems == []
    insecure = registry.rules["RF121"]
    assert config.enabled(insecure) is (key == "select")
    assert config.enabled(registry.rules["RF101"]) is (key == "ignore")


#: The package under test, for commands run in another folder (where the
#: interpreter would otherwise import whichever resumefmt is installed).
PACKAGE_ROOT = Path(resumefmt.__file__).resolve().parent.parent

# Every option of the built-in rules has a declared type and range (Option):
# a value outside it is reported at the value and the rule keeps its default.
BUILT_IN = rule_registry(third_party=False)
SECTIONS = "(education, work, research, volunteer, projects)"
BAD_OPTIONS = [
    (
        '[rules."dates.overlapping-roles"]\nsections = [[]]\n',
        (2, 12),
        f"option sections of dates.overlapping-roles must be an array of section names {SECTIONS}; "
        "item 1 is an array",
    ),
    (
        "[rules.RF104]\nsections = [1]\n",
        (2, 12),
        f"option sections of dates.overlapping-roles must be an array of section names {SECTIONS}; "
        "item 1 is an integer",
    ),
    (
        '[rules.RF107]\nsections = ["work", "wrok"]\n',
        (2, 21),
        f"option sections of dates.out-of-order must be an array of section names {SECTIONS}; "
        "item 2 is 'wrok'",
    ),
    (
        "[rules.RF120]\nschemes = [1]\n",
        (2, 11),
        "option schemes of links.malformed-url must be an array of URL schemes; "
        "item 1 is an integer",
    ),
    (
        '[rules.RF121]\nhosts = ["example.org", "not a host"]\n',
        (2, 25),
        "option hosts of links.insecure-http must be an array of host names; "
        "item 2 is 'not a host'",
    ),
    (
        '[rules."dates.gap"]\nmax-months = -1\n',
        (2, 14),
        "option max-months of dates.gap must be an integer from 0 to 1200, not -1",
    ),
    (
        "[rules.RF171]\nmax-characters = 1000000000\n",
        (2, 18),
        "option max-characters of format.bullet-too-long must be an integer from 1 to 10000, "
        "not 1000000000",
    ),
    (
        "[rules.RF172]\nmin-characters = 400\n",
        (2, 18),
        "option min-characters of format.bullet-too-short (400) must be at most option "
        "max-characters of format.bullet-too-long (300), or every text is reported",
    ),
    (
        "[rules.RF171]\nmax-characters = 10\n",
        (2, 18),
        "option min-characters of format.bullet-too-short (20) must be at most option "
        "max-characters of format.bullet-too-long (10), or every text is reported",
    ),
    (
        # both written and crossed: reported once, at the bounded one; both keep their defaults
        "[rules.RF171]\nmax-characters = 50\n[rules.RF172]\nmin-characters = 60\n",
        (4, 18),
        "option min-characters of format.bullet-too-short (60) must be at most option "
        "max-characters of format.bullet-too-long (50), or every text is reported",
    ),
    (
        # the value in its rule's table, not the first line that names the key
        "[rules.RF104]\nsections = []\n[rules.RF105]\nsections = ['work', 'x']\n",
        (4, 21),
        f"option sections of dates.gap must be an array of section names {SECTIONS}; item 2 is 'x'",
    ),
]


@pytest.mark.parametrize(("text", "where", "message"), BAD_OPTIONS)
def test_option_values_are_checked_against_their_declaration(
    tmp_path: Path, text: str, where: tuple[int, int], message: str
) -> None:
    path = tmp_path / ".resumefmt.toml"
    path.write_text(text, encoding="utf-8")
    config = load_config(str(path), BUILT_IN)
    assert [(d.location.line, d.location.column, d.code, d.message) for d in config.problems] == [
        (*where, "RF090", message)
    ]
    for rule in BUILT_IN.rules.values():  # what is left is usable: the defaults, or []
        for key, value in config.options_for(rule).items():
            assert rule.option_specs[key].problem(value) is None
            assert value == [], (rule.code, key, value)


def test_a_bad_option_value_is_reported_not_crashed_on(tmp_path: Path) -> None:
    # exempt = [[]] made RF103 fail with an internal error ("unhashable type: 'list'");
    # sections = [[]] left RF104 nothing to compare, silently.
    (tmp_path / ".resumefmt.toml").write_text(
        '[rules."dates.overlapping-roles"]\nsections = [[]]\n[rules.RF103]\nexempt = [[]]\n',
        encoding="utf-8",
    )
    roles = "".join(
        f'  - organization: {org}\n    role: Engineer\n    start: "2019"\n    end: present\n'
        for org in ("Acme", "Initech")
    )
    (tmp_path / "cv.resumefmt.yaml").write_text(
        as_document_text(f"work:\n{roles}"), encoding="utf-8"
    )
    result = run_resumefmt("lint", "cv.resumefmt.yaml", cwd=tmp_path, pythonpath=PACKAGE_ROOT)
    assert result.stdout.splitlines() == [
        f".resumefmt.toml:2:12: error: option sections of dates.overlapping-roles must be an "
        f"array of section names {SECTIONS}; item 1 is an array [RF090]",
        ".resumefmt.toml:4:10: error: option exempt of dates.future-end must be an array of "
        "section names (education, work, research, volunteer, projects, sections); item 1 is an "
        "array [RF090]",
        "cv.resumefmt.yaml:11:12: info: Engineer at Initech (2019 to present) overlaps Engineer "
        "at Acme (2019 to present), at another organisation [RF104]",
    ]
    assert result.returncode == 2


def test_every_built_in_option_declares_a_range_its_default_keeps() -> None:
    for rule in BUILT_IN.rules.values():
        for key, option in rule.option_specs.items():
            assert option.problem(option.default) is None, (rule.code, key)
            default = option.default
            if isinstance(default, int):
                assert option.minimum is not None and option.maximum is not None, rule.code
            if isinstance(default, list):
                assert option.choices or option.pattern, (rule.code, key)


def test_a_rule_whose_default_breaks_its_own_declaration_is_refused() -> None:
    from resumefmt.rules import Option

    broken = Rule("TS106", "test.broken", lambda context: [], options={"n": Option(5, maximum=3)})
    with pytest.raises(Exception, match="the default of option n must be an integer of at most"):
        Registry().add_rules([broken])


DEEP = "x = " + "[" * 5000 + "]" * 5000 + "\n"


@pytest.mark.parametrize(
    ("name", "text"),
    [(".resumefmt.toml", DEEP), ("pyproject.toml", "[tool.resumefmt]\n" + DEEP)],
)
def test_deeply_nested_toml_is_a_located_problem(tmp_path: Path, name: str, text: str) -> None:
    # tomllib reads nesting by recursion: this was a RecursionError traceback (exit 3).
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "cv.resumefmt.yaml").write_text(
        as_document_text("basics:\n  name: A\n"), encoding="utf-8"
    )
    result = run_bounded(
        f"lint: deeply nested {name}",
        "lint",
        "cv.resumefmt.yaml",
        cwd=tmp_path,
        env={"PYTHONPATH": str(PACKAGE_ROOT)},
        seconds=20,
    )
    assert result.stdout == (
        f"{name}:1:1: error: cannot read it: its arrays or tables are nested too deeply [RF090]\n"
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 2
    assert result.seconds < 5 and result.peak_mib < 200
