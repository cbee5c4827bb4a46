"""The seeds in their languages and variants, built through the CLI as a user builds them.

Cheng Zeyi applies in English and Chinese (language maps, a ``full`` variant
in both); Shuai Xie sends an academic CV and a one-page industry résumé
(entries tagged ``academic`` left out). Each build must print the right
language's text and only what its variant keeps.
"""

# ruff: noqa: RUF001 (Chinese punctuation is what the Chinese build must print)
from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import EXAMPLES, require_module, require_tool, run_resumefmt

CHENG = EXAMPLES / "cheng-zeyi.resumefmt.yaml"
SHUAI = EXAMPLES / "shuai-xie.resumefmt.yaml"

#: Text only the Chinese build prints, and its English counterpart.
CHINESE = {
    "# 成泽毅 (Cheng Zeyi)": "# Cheng Zeyi (成泽毅)",
    "### 技术专家 — 阿里巴巴集团": "### Technical Expert — Alibaba Group",
    "## 技术专长": "## Expertise",
    "- 开发了 ICE 计算加速框架，显著加速了 Quark 在线推理服务的计算。": "- I developed the ICE",
    "将其全部图像处理算法的性能提升了 4～10 倍。": "I achieved a 4-10x performance",
}
#: Research-only text of Shuai Xie's CV (tagged ``academic``): the industry résumé leaves it out.
ACADEMIC_ONLY = (
    "Visual Intelligence and Pattern Analysis Lab",  # the research entry
    "Difficulty-aware Active Learning",  # one of its projects
    "## Publications",
    "Generalizing to Unseen Domains via Patch Mix",
    "**Publication:**",  # the arXiv bullet under OmniForce
    "National Scholarship",
    "Excellent Graduate of Zhejiang University",
    "## Interests",  # not among the industry variant's sections
)


def _markdown(*args: str | Path) -> str:
    result = run_resumefmt("convert", *args, "--to", "markdown")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_cheng_zeyi_in_chinese_prints_the_chinese_text() -> None:
    chinese = _markdown(CHENG, "--locale", "zh")
    english = _markdown(CHENG)
    for zh, en in CHINESE.items():
        assert zh in chinese and zh not in english
        assert en in english and en not in chinese
    # Every highlight of every role comes in Chinese: no English bullet is left.
    bullets = [line for line in chinese.splitlines() if line.startswith("- ")]
    english_bullets = [b for b in bullets if not re.search("[\u4e00-\u9fff]", b)]
    expertise = {  # a custom section's one-line items cannot be language maps yet
        "- Performance Optimization for Deep Learning Inference (CUDA, CUTLASS, PyTorch)",
        "- Performance Optimization for Computer Vision Algorithms (CUDA, OpenCV, OpenMP)",
        "- Python/C++ Hybrid Programming",
        "- GPU Video Processing",
    }
    assert set(english_bullets) == expertise, english_bullets
    # A regional tag falls back to its language: zh-CN is the same build.
    assert _markdown(CHENG, "--locale", "zh-CN") == chinese


def test_cheng_zeyi_has_every_text_in_both_languages() -> None:
    def missing(locale: str) -> list[dict[str, object]]:
        result = run_resumefmt("lint", CHENG, "--locale", locale, "--format", "json")
        assert result.returncode in (0, 1), result.stderr
        return [f for f in json.loads(result.stdout) if f["code"] == "RF180"]

    assert missing("en") == missing("zh") == []
    # A language the seed is not written in: every map reports its missing text.
    german = missing("de")
    assert len(german) > 50
    assert german[0]["message"] == "no de text here (it is given in en, zh): add de: … to this map"


def test_all_variants_builds_cheng_zeyi_in_english_and_chinese(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_resumefmt("convert", CHENG, "--to", "markdown", "--all-variants", "-o", out)
    assert result.returncode == 0, result.stderr
    written = [out / "cheng-zeyi-full-en.md", out / "cheng-zeyi-full-zh.md"]
    assert result.stdout.splitlines() == [str(p) for p in written]
    en, zh = (p.read_text(encoding="utf-8") for p in written)
    assert en == _markdown(CHENG)  # the full variant in English is the default build
    assert zh == _markdown(CHENG, "--locale", "zh")


def test_shuai_xie_industry_leaves_out_the_research_and_leads_with_work() -> None:
    academic = _markdown(SHUAI, "--variant", "academic")
    industry = _markdown(SHUAI, "--variant", "industry")
    assert academic == _markdown(SHUAI)  # the academic CV is the whole document
    for text in ACADEMIC_ONLY:
        assert text in academic and text not in industry, text
    titles = [line for line in industry.splitlines() if line.startswith("## ")]
    assert titles == ["## Experience", "## Skills", "## Education", "## Awards", "## Languages"]
    # Untagged entries stay: both roles, both degrees, the competition awards.
    for kept in ("OmniForce AutoML Platform", "Central South University", "Silver Award of"):
        assert kept in industry


def test_shuai_xie_variants_lint_as_they_are_sent() -> None:
    listed = run_resumefmt("variants", SHUAI)
    assert listed.returncode == 0, listed.stderr
    assert "industry  (en)  A one-page résumé for industry roles, work first." in listed.stdout
    assert "  keeps: work 2/2, skills 2/2, education 2/2, awards 3/7, languages 2/2" in (
        listed.stdout
    )
    full = run_resumefmt("lint", SHUAI, "--today", "2026-11-22", "--format", "json")
    industry = run_resumefmt(
        "lint", SHUAI, "--today", "2026-11-22", "--variant", "industry", "--format", "json"
    )
    lines = {f["line"] for f in json.loads(industry.stdout)}
    assert lines < {f["line"] for f in json.loads(full.stdout)}
    # "31th" is in a paper's venue and "kinect" in a lab project: not in the industry résumé.
    assert 198 not in lines and 175 not in lines
    # The dead chatrhino link is in a work bullet: the industry résumé still has it.
    assert any(f["code"] == "RF122" for f in json.loads(industry.stdout))
    assert industry.returncode == 1


def test_shuai_xie_industry_pdf_fits_its_page_budget(tmp_path: Path) -> None:
    require_module("typst")
    pdftotext = require_tool("pdftotext")
    import subprocess

    pdf = tmp_path / "cv.pdf"
    result = run_resumefmt("convert", SHUAI, "--variant", "industry", "-o", pdf)
    assert result.returncode == 0, result.stderr
    pypdf = require_module("pypdf")
    assert len(pypdf.PdfReader(pdf).pages) == 1  # the variant's pages: 1
    text = subprocess.run(
        [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Algorithm Engineer" in text and "Patch Mix" not in text


def test_a_seed_built_in_several_languages_prints_cldr_labels_and_dates() -> None:
    """Cheng Zeyi in German, Chinese, Japanese and Arabic (right to left): CLDR's dates.

    His text exists in English and Chinese; a build in another language prints
    that language's labels and dates around the document's own (English) text.
    """
    import datetime

    babel_dates = require_module("babel.dates")
    babel = require_module("babel")
    from resumefmt.locales._labels import LABELS

    december = datetime.date(2023, 12, 1)
    for locale in ("de", "zh", "ja", "ar"):
        done = run_resumefmt("convert", CHENG, "--to", "markdown", "--locale", locale)
        assert done.returncode == 0, done.stderr
        labels = LABELS[locale]
        start = babel_dates.format_skeleton("yMMM", december, locale=locale)
        # CLDR's interval pattern, its thin spaces plain (resumefmt/locales says why).
        interval = babel.Locale.parse(locale).interval_formats[None].replace("\u2009", " ")
        ongoing = interval.replace("{0}", start).replace("{1}", labels["present"])
        assert f"## {labels['work']}\n" in done.stdout, locale
        assert f"## {labels['education']}\n" in done.stdout, locale
        assert ongoing in done.stdout, locale
        assert "– Present" not in done.stdout and "## Experience" not in done.stdout, locale
