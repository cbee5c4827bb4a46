"""One language and one variant of a document (resumefmt/selection.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, run_resumefmt

from resumefmt.linter import LintRun
from resumefmt.loader import load, load_text
from resumefmt.plugins import rule_registry
from resumefmt.selection import SelectionError, fallbacks, needs_selection, select
from resumefmt.testing import TODAY

SOURCE = """\
resumefmt: "1.1"
locale: en
basics:
  name: {en: Cheng Zeyi, zh: 成泽毅}
  headline:
    en: Software engineer
    zh-Hant: 軟體工程師
work:
  - organization: Acme
    role: Engineer
    start: "2020-01"
    end: present
    tags: [industry]
    highlights:
      - en: Built the the search service for the whole company.
        zh: 构建了整个公司的搜索服务,每天处理一千万次查询。
      - text: Wrote a paper on ranking for the annual meeting.
        tags: [academic]
  - organization: Lab
    role: Researcher
    start: "2018"
    end: "2019"
    tags: [academic]
skills:
  - name: Languages
    keywords: [Python, {en: Mandarin, zh: 普通话}]
variants:
  industry:
    exclude: [academic]
    sections: [skills, work]
  chinese:
    include: [industry]
    locale: zh
"""


def test_lookup_falls_back_from_region_to_language_to_the_documents_locale() -> None:
    assert fallbacks("zh-Hant-TW", "en") == ["zh-Hant-TW", "zh-Hant", "zh", "en"]
    assert fallbacks("en", "en") == ["en"]


def test_each_language_map_becomes_the_string_of_the_locale() -> None:
    document = load_text(SOURCE, "cv.yaml")
    chosen = select(document, locale="zh")
    assert chosen.data["basics"]["name"] == "成泽毅"
    assert chosen.data["skills"][0]["keywords"] == ["Python", "普通话"]
    assert chosen.data["work"][0]["highlights"][0].startswith("构建了")
    # zh-Hant is not zh: the headline falls back to the document's locale, and says so.
    assert chosen.data["basics"]["headline"] == "Software engineer"
    assert chosen.missing == [("/basics/headline", ("en", "zh-Hant"))]
    assert select(document, locale="zh-Hant-TW").data["basics"]["headline"] == "軟體工程師"
    assert select(document).missing == []


def test_a_map_without_the_locale_or_the_documents_prints_its_first_language() -> None:
    text = SOURCE.replace("locale: en\n", "locale: fr\n")
    chosen = select(load_text(text, "cv.yaml"), locale="de")
    assert chosen.data["basics"]["name"] == "Cheng Zeyi"
    assert ("/basics/name", ("en", "zh")) in chosen.missing


def test_every_node_is_located_where_its_source_is_written() -> None:
    document = load_text(SOURCE, "cv.yaml")
    chosen = select(document, locale="zh")
    assert chosen.positions["/basics/name"] == document.positions["/basics/name/zh"]
    assert (
        chosen.positions["/work/0/highlights/1"] == document.positions["/work/0/highlights/1/text"]
    )
    assert chosen.key_positions["/basics/name"] == document.key_positions["/basics/name"]
    industry = select(document, variant="industry")
    assert list(industry.data) == ["resumefmt", "locale", "basics", "skills", "work"]
    assert (
        industry.positions["/work/0/highlights/0"] == document.positions["/work/0/highlights/0/en"]
    )


def test_a_variant_keeps_what_its_tags_select_and_drops_the_tags() -> None:
    document = load_text(SOURCE, "cv.yaml")
    industry = select(document, variant="industry").data
    assert [e["organization"] for e in industry["work"]] == ["Acme"]
    assert industry["work"][0]["highlights"] == [
        "Built the the search service for the whole company."
    ]
    assert "tags" not in industry["work"][0] and "variants" not in industry
    chinese = select(document, variant="chinese")
    assert chinese.locale == "zh"
    assert [e["organization"] for e in chinese.data["work"]] == ["Acme"]
    # An untagged bullet is common to every variant; a tagged one needs an included tag.
    assert len(chinese.data["work"][0]["highlights"]) == 1


def test_an_unknown_variant_names_the_ones_there_are() -> None:
    with pytest.raises(SelectionError) as raised:
        select(load_text(SOURCE, "cv.yaml"), variant="nope")
    assert str(raised.value) == "cv.yaml has no variant 'nope'; its variants: industry, chinese"


def test_lint_checks_the_selection_and_points_at_the_file() -> None:
    document = load_text(SOURCE, "cv.yaml")
    run = LintRun(rule_registry(), today=TODAY)
    english = [(d.location.line, d.location.column, d.code) for d in run.lint(document)]
    assert (15, 23, "RF152") in english  # 'the the' inside the map's English value
    chinese = [(d.location.line, d.code) for d in run.lint(document, locale="zh")]
    assert all(line != 15 for line, _code in chinese)
    industry = [d.location.line for d in run.lint(document, variant="industry")]
    assert all(line < 17 or line > 23 for line in industry)  # nothing from the dropped entries


def test_documents_without_choices_are_not_copied() -> None:
    assert not needs_selection(load(EXAMPLES / "starter.resumefmt.yaml").data)
    # The seeds show the choices: Cheng Zeyi's languages, Shuai Xie's variants.
    for seed in ("cheng-zeyi", "shuai-xie"):
        assert needs_selection(load(EXAMPLES / f"{seed}.resumefmt.yaml").data), seed


def test_cli_builds_a_variant_in_a_locale(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "cv.resumefmt.yaml"
    path.write_text(SOURCE, encoding="utf-8")
    result = run_resumefmt("convert", str(path), "--to", "markdown", "--variant", "chinese")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# 成泽毅\n")
    assert "Wrote a paper" not in result.stdout and "Lab" not in result.stdout
    result = run_resumefmt("convert", str(path), "--to", "markdown", "--variant", "nope")
    assert (result.returncode, result.stdout) == (2, "")
    assert (
        result.stderr
        == f"resumefmt: {path} has no variant 'nope'; its variants: industry, chinese\n"
    )
    result = run_resumefmt("lint", str(path), "--locale", "english")
    assert result.returncode == 2
    assert (
        "'english' is not a language tag: write a BCP 47 tag such as en, zh, de or pt-BR"
        in result.stderr
    )


BROKEN = SOURCE.replace("    exclude: [academic]\n", "    exclude: [academc]\n").replace(
    "  chinese:\n", "  empty:\n    sections: [education]\n  chinese:\n"
)


def test_variants_lists_what_each_keeps(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "cv.resumefmt.yaml"
    path.write_text(SOURCE, encoding="utf-8")
    result = run_resumefmt("variants", str(path))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "industry  (en)\n  keeps: skills 1/1, work 1/2\n  exclude: academic\n"
        "chinese  (zh)\n  keeps: work 1/2, skills 1/1\n  include: industry\n"
    )


def test_broken_variants_are_located_errors(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "cv.resumefmt.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    result = run_resumefmt("variants", str(path))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{path}:29:15: error: no entry or bullet carries the tag 'academc' "
        "(tags used: academic, industry) [RF185]",
        f"{path}:32:5: error: the variant 'empty' keeps no entry at all [RF186]",
    ]
    lint = run_resumefmt("lint", str(path), "--format", "json")
    codes = {(f["line"], f["code"]) for f in __import__("json").loads(lint.stdout)}
    assert {(29, "RF185"), (32, "RF186")} <= codes


def test_all_variants_builds_each_variant_in_each_language(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    path = folder / "cv.resumefmt.yaml"
    path.write_text(SOURCE.replace("    locale: zh\n", "    locales: [zh, en]\n"), encoding="utf-8")
    out = folder / "out"
    result = run_resumefmt(
        "convert", str(path), "--to", "markdown", "--all-variants", "-o", str(out)
    )
    assert (result.returncode, result.stderr) == (0, "")
    names = ["cv-industry-en.md", "cv-chinese-zh.md", "cv-chinese-en.md"]
    assert result.stdout.splitlines() == [str(out / name) for name in names]
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    assert (out / "cv-chinese-zh.md").read_text(encoding="utf-8").startswith("# 成泽毅\n")
    assert (out / "cv-chinese-en.md").read_text(encoding="utf-8").startswith("# Cheng Zeyi\n")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--variant", "industry"], "--all-variants builds every variant in its languages"),
        (["--to", "markdown"], "--all-variants needs --to FORMAT and -o DIR"),
    ],
)
def test_all_variants_usage_errors(tmp_path: object, extra: list[str], message: str) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "cv.resumefmt.yaml"
    path.write_text(SOURCE, encoding="utf-8")
    args = ["convert", str(path), "--all-variants", *extra]
    if "--variant" in extra:
        args += ["--to", "markdown", "-o", str(Path(str(tmp_path)) / "out")]
    result = run_resumefmt(*args)
    assert result.returncode == 2
    assert message in result.stderr


ALL_VARIANTS_HEAD = (
    'resumefmt: "1.1"\nbasics:\n  name: Ada\n  headline: {en: Engineer, fr: Ingénieure}\n'
)


def _all_variants(folder: object, variants: str) -> tuple[Path, Path]:
    path = Path(str(folder)) / "cv.resumefmt.yaml"
    path.write_text(ALL_VARIANTS_HEAD + "variants:\n" + variants, encoding="utf-8")
    out = Path(str(folder)) / "out"
    return path, out


def test_all_variants_refuses_two_builds_with_one_file_name(tmp_path: object) -> None:
    """Variant a-en in FR and variant a in en-FR are both cv-a-en-FR.md: the first was lost."""
    path, out = _all_variants(tmp_path, "  a-en:\n    locales: [FR]\n  a:\n    locales: [en-FR]\n")
    result = run_resumefmt("convert", path, "--to", "markdown", "--all-variants", "-o", out)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"resumefmt: variant 'a' in en-FR and variant 'a-en' in FR would both be written to "
        f"{out}/cv-a-en-FR.md: rename one of them\n"
    )
    assert not out.exists()


def test_all_variants_has_a_bound(tmp_path: object) -> None:
    """2,000 variants in 10 languages were 20,000 files at eight a second (most of an hour)."""
    from bounded import run_bounded

    import resumefmt

    locales = "[en, fr, de, es, it, pt, nl, sv, da, fi]"
    variants = "".join(f"  v{i}:\n    locales: {locales}\n" for i in range(2000))
    path, out = _all_variants(tmp_path, variants)
    package = Path(resumefmt.__file__).resolve().parent.parent  # the one under test
    args = ("convert", path, "--to", "markdown", "--all-variants", "-o", out)
    case = run_bounded(
        "convert --all-variants: 2,000 variants x 10 languages",
        *args,
        env={"PYTHONPATH": str(package), "PYTHONSAFEPATH": "1"},
        seconds=60,
    )
    assert (case.returncode, case.stdout) == (2, "")
    assert case.stderr == (
        "resumefmt: --all-variants would write 20000 files (2000 variants in their "
        "languages); it writes at most 100: build the ones you need with --variant NAME "
        "--locale TAG\n"
    )
    assert not out.exists()
    assert case.seconds < 10


def test_all_variants_of_an_invalid_document_makes_no_folder(tmp_path: object) -> None:
    path, out = _all_variants(tmp_path, "  ok:\n    locale: en\n  Bad:\n    locale: en\n")
    result = run_resumefmt("convert", path, "--to", "markdown", "--all-variants", "-o", out)
    assert result.returncode == 1
    assert "'Bad' cannot name a variant" in result.stdout + result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.symlink_to(p.parent / "missing" / "folder"), "File exists"),
        (lambda p: None, "Not a directory"),
    ],
    ids=["a link to nowhere", "under a file"],
)
def test_all_variants_says_which_folder_it_cannot_make(
    tmp_path: Path, make: Any, reason: str
) -> None:
    path, out = _all_variants(tmp_path, "  one:\n    locale: en\n")
    make(out)
    if not out.is_symlink():
        out = path / "out"  # under the résumé file itself
    result = run_resumefmt("convert", path, "--to", "markdown", "--all-variants", "-o", out)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"resumefmt: cannot make the folder '{out}' for -o: {reason}\n"


def test_a_rule_for_some_languages_reads_only_their_text() -> None:
    from resumefmt.rules import Context

    document = load_text(SOURCE, "cv.yaml")
    chinese = select(document, locale="zh")
    english_only = Context(chinese, {}, TODAY, languages=("en",))
    read = dict(english_only.strings("**"))
    assert read["/basics/headline"] == "Software engineer"  # no zh: the English text stands
    assert read["/work/0/organization"] == "Acme"  # plain text is in the document's locale
    assert "/basics/name" not in read and "/work/0/highlights/0" not in read  # Chinese
    chinese_only = Context(chinese, {}, TODAY, languages=("zh",))
    assert set(dict(chinese_only.strings("**"))) == {
        "/basics/name",
        "/work/0/highlights/0",
        "/skills/0/keywords/1",
    }
    every = Context(chinese, {}, TODAY)
    assert len(list(every.strings("**"))) == len(read) + 3
