"""Every script in the LaTeX output, set right or refused (RF070): the xelatex fonts.

Each case is compiled with the real xelatex and read back with poppler
(pdftotext, its word boxes) or pypdf (which glyphs a font was asked for).
"""

# ruff: noqa: RUF001 (the scripts are what these tests are about)

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from bounded import run_bounded
from conftest import EXAMPLES, ROOT, in_ci, require_module, require_tool, run_resumefmt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumefmt.converting import ConvertOptions, convert
from resumefmt.errors import DocumentError
from resumefmt.loader import load_text
from resumefmt.plugins import converter_registry

LATEX = converter_registry(third_party=False).converters["latex"]


def to_latex(body: str) -> str:
    """The LaTeX of a résumé whose ``basics`` are ``body`` (YAML, indented two spaces)."""
    source = f'resumefmt: "1.0"\nbasics:\n{body}'
    return convert(load_text(source, "cv.resumefmt.yaml"), LATEX, ConvertOptions())


def xelatex(tex: str, folder: Path) -> Path:
    """Compile ``tex`` with xelatex in ``folder``; the PDF, after checking nothing went missing."""
    engine = require_tool("xelatex")
    assert tex.startswith("% Needs xelatex")
    (folder / "cv.tex").write_text(tex, encoding="utf-8")
    command = [engine, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "cv.tex"]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:]
    assert missing_glyphs(folder / "cv.log") == []
    return folder / "cv.pdf"


#: Unicode's default ignorable code points (DerivedCoreProperties.txt): a font without
#: one costs a line in xelatex's log and nothing on the page.
IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)  # fmt: skip


def missing_glyphs(log: Path) -> list[str]:
    """What xelatex found in no font, as U+XXXX, leaving out what is invisible anyway."""
    text = log.read_text(encoding="utf-8", errors="replace")
    found = {
        int(c, 16)
        for c in re.findall(r"Missing character: There is no .*? \(U\+([0-9A-F]+)\)", text)
    }
    return [f"U+{c:04X}" for c in sorted(found) if not any(a <= c <= b for a, b in IGNORABLE)]


def pdftotext(pdf: Path, *options: str) -> str:
    done = subprocess.run(
        [require_tool("pdftotext"), "-enc", "UTF-8", *options, str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def fonts_of(pdf: Path) -> str:
    done = subprocess.run([require_tool("pdffonts"), str(pdf)], capture_output=True, text=True)
    return done.stdout


# Greek and Cyrillic beside CJK ----------------------------------------------------------


def test_greek_and_cyrillic_print_beside_cjk(tmp_path: Path) -> None:
    """xeCJK's main font was Latin Modern, which has neither: the letters were dropped."""
    tex = to_latex(
        "  name: Ada 成泽毅\n"
        "  headline: Αλέξανδρος Пушкин\n"
        "  summary: Σωκράτης и Достоевский, 北京大学.\n"
    )
    text = " ".join(pdftotext(xelatex(tex, tmp_path)).split())
    for words in ("Ada 成泽毅", "Αλέξανδρος Пушкин", "Σωκράτης и Достоевский, 北京大学."):
        assert words in text
    assert "\\setmainfont{DejaVu Serif}" in tex
    assert "DejaVuSerif" in fonts_of(tmp_path / "cv.pdf")


def test_cjk_with_latin_alone_keeps_latin_modern() -> None:
    """A Chinese résumé looks like the pdflatex one: Latin Modern for the Latin text."""
    tex = to_latex("  name: Cheng Zeyi 成泽毅\n  headline: Software engineer – “C++”\n")
    assert "\\setmainfont" not in tex and "DejaVu" not in tex
    assert "\\rf" not in tex.partition("\\begin{document}")[2]


# Korean ----------------------------------------------------------------------------------


def test_korean_keeps_its_word_spaces(tmp_path: Path) -> None:
    tex = to_latex("  name: 김민준\n  summary: 데이터 분석 팀을 이끌었습니다. 서울 대학교\n")
    text = pdftotext(xelatex(tex, tmp_path))
    assert "데이터 분석 팀을 이끌었습니다. 서울 대학교" in text
    assert "\\rfko{데이터 분석 팀을 이끌었습니다}." in tex


def test_spaces_written_between_chinese_words_print_as_in_the_pdf(tmp_path: Path) -> None:
    text = pdftotext(xelatex(to_latex("  name: 张三 李四\n"), tmp_path))
    assert "张三 李四" in text


# Regional forms ---------------------------------------------------------------------------


def glyphs_used(pdf: Path) -> set[int]:
    """The glyph codes (CIDs) a PDF shows in its Noto CJK fonts."""
    pypdf = require_module("pypdf")
    from pypdf.generic import ContentStream

    reader = pypdf.PdfReader(pdf)
    codes: set[int] = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        font = ""
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                font = str(fonts[operands[0]].get_object()["/BaseFont"])
            elif operator in (b"Tj", b"TJ") and "NotoSerifCJK" in font:
                strings = operands[0] if operator == b"TJ" else [operands[0]]
                for item in strings:
                    data = getattr(item, "original_bytes", None)
                    if data is not None:  # Identity-H: two bytes a glyph
                        codes.update(
                            int.from_bytes(data[i : i + 2]) for i in range(0, len(data), 2)
                        )
    return codes


def regional_glyph(char: str, region: str) -> int:
    """The CID that Noto Serif CJK's face for ``region`` draws ``char`` with."""
    ttlib = require_module("fontTools.ttLib")
    found = subprocess.run(
        [require_tool("fc-match"), "--format", "%{file}\n%{index}", f"Noto Serif CJK {region}"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split("\n")
    if len(found) != 2 or "NotoSerifCJK" not in found[0]:
        pytest.skip(f"Noto Serif CJK {region} is not installed")
    with ttlib.TTFont(found[0], fontNumber=int(found[1]), lazy=True) as font:
        return int(font.getBestCmap()[ord(char)].removeprefix("cid"))


@pytest.mark.parametrize(
    ("name", "char", "region", "other"),
    [
        # kana make the string Japanese: 直 and 骨 have Japanese forms
        ("山田 直子のプロフィール", "直", "JP", "SC"),
        ("骨格のデザイン", "骨", "JP", "SC"),
        # a character only Traditional Chinese writes makes the string Traditional
        ("臺灣 骨科醫師", "骨", "TC", "SC"),
        # Han alone is Simplified Chinese
        ("直骨海", "直", "SC", "JP"),
    ],
)
def test_cjk_text_takes_the_forms_of_its_region(
    name: str, char: str, region: str, other: str, tmp_path: Path
) -> None:
    """The same code point has different glyphs in each region's face of Noto CJK."""
    mine, theirs = regional_glyph(char, region), regional_glyph(char, other)
    assert mine != theirs
    used = glyphs_used(xelatex(to_latex(f"  name: {name}\n"), tmp_path))
    assert mine in used and theirs not in used


def test_a_rich_text_span_in_another_language_than_its_string_compiles(tmp_path: Path) -> None:
    """Each span is set in its own language: the bold 臺灣 is Traditional Chinese beside the
    kana, the bold العربية Arabic beside the Persian; every command is defined."""
    tex = to_latex("  name: Ada\n  summary: '**臺灣**のテキスト, **العربية** فارسی'\n")
    used = glyphs_used(xelatex(tex, tmp_path))
    assert regional_glyph("臺", "TC") in used and regional_glyph("臺", "JP") not in used
    body = tex.partition("\\begin{document}")[2]
    assert "\\textbf{\\rftc{臺灣}}\\rfja{のテキスト}" in body
    assert "\\textbf{\\rfar{العربية}} \\rffa{فارسی}" in body


# Arabic, Persian, Hebrew -------------------------------------------------------------------


def words_left_to_right(pdf: Path) -> list[str]:
    """The words pdftotext finds on the first line, ordered by their place on the page, each
    with its letters as they stand on the page, left to right."""
    boxes = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<',
        pdftotext(pdf, "-bbox"),
    )
    first = min(float(y) for _, y, _ in boxes)
    line = [(float(x), w) for x, y, w in boxes if abs(float(y) - first) < 2]
    return [unicodedata.normalize("NFKC", w) for _, w in sorted(line)]


def test_arabic_is_shaped_and_laid_out_right_to_left(tmp_path: Path) -> None:
    """Read right to left, the name is عام 2020 م then the Latin text: on the page, left
    to right, م comes first, and عام has its ع on the right. Shaped letters extract as
    their contextual forms."""
    pdf = xelatex(to_latex("  name: Role عام 2020 م (ABC) x\n"), tmp_path)
    assert words_left_to_right(pdf) == ["Role", "م", "2020", "عام"[::-1], "(ABC)", "x"]
    raw = pdftotext(pdf)
    assert "\ufecb" in raw  # ع in its initial form: the letters are joined


def test_hebrew_and_persian_right_to_left_with_their_joiners(tmp_path: Path) -> None:
    pdf = xelatex(to_latex("  name: Dana עברית שלום\n  headline: می\u200cخواهم فارسی\n"), tmp_path)
    assert words_left_to_right(pdf) == ["Dana", "שלום"[::-1], "עברית"[::-1]]
    text = unicodedata.normalize("NFKC", pdftotext(pdf))
    assert "فارسی" in text
    assert "DejaVuSans" in fonts_of(pdf)


def test_right_to_left_text_in_italic_and_code_is_drawn(tmp_path: Path) -> None:
    """DejaVu Sans Oblique has no Arabic: right-to-left text stays upright."""
    source = (
        'resumefmt: "1.0"\nbasics:\n  name: Ada\nwork:\n  - organization: Org\n'
        "    role: Dev\n    start: '2020'\n    end: present\n    location: الرياض\n"
        "    highlights: ['*مرحبا* `كود` **عربي**']\n"
    )
    tex = convert(load_text(source, "cv.resumefmt.yaml"), LATEX, ConvertOptions())
    xelatex(tex, tmp_path)  # nothing missing


# Symbols and emoji -----------------------------------------------------------------------


def test_check_marks_stars_and_some_emoji_print_in_dejavu_sans(tmp_path: Path) -> None:
    tex = to_latex("  name: Ada Lovelace ✓\n  summary: ★★★ rated, 😀 and ☎ here\n")
    pdf = xelatex(tex, tmp_path)
    text = pdftotext(pdf)
    assert "Ada Lovelace ✓" in text and "★★★ rated, 😀 and ☎ here" in text
    assert "DejaVuSans" in fonts_of(pdf) and "LMRoman" in fonts_of(pdf)
    assert "\\rfsym{✓}" in tex and "\\rfsym{★★★}" in tex
    assert "\\setmainfont" not in tex  # the letters stay in Latin Modern


ROCKET = (
    "cv.resumefmt.yaml:5:23: error: none of the fonts of the LaTeX output (Latin Modern, "
    "DejaVu, Noto CJK) draws '🚀' (U+1F680 ROCKET): convert --to pdf, which uses any "
    "installed font, or write it another way [RF070]"
)


def test_an_emoji_no_font_draws_is_refused_where_it_is_written() -> None:
    with pytest.raises(DocumentError) as caught:
        to_latex("  name: Ada\n  headline: Engineer\n  summary: Shipped it 🚀 twice 🚀\n")
    assert [d.format_text() for d in caught.value.diagnostics] == [ROCKET]


def test_the_command_line_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "cv.resumefmt.yaml"
    source.write_text(
        'resumefmt: "1.0"\nbasics:\n  name: Ada\n  summary: Shipped it 🚀\n', encoding="utf-8"
    )
    out = tmp_path / "cv.tex"
    done = run_resumefmt("convert", source, "--to", "latex", "-o", out, cwd=ROOT)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == ROCKET.replace("cv.resumefmt.yaml:5:23", f"{source}:4:23") + "\n"
    assert not out.exists()


@pytest.mark.parametrize(
    ("text", "column", "described"),
    [
        ("flag 🇫🇷", 17, "'🇫' (U+1F1EB REGIONAL INDICATOR SYMBOL LETTER F)"),
        ("ok 👍🏽", 15, "'👍' (U+1F44D THUMBS UP SIGN)"),
        ("ሰላም", 12, "'ሰ' (U+1230 ETHIOPIC SYLLABLE SA)"),
        ("रोहन", 12, "'र' (U+0930 DEVANAGARI LETTER RA)"),
    ],
)
def test_what_no_font_draws_is_named_with_its_code_point(
    text: str, column: int, described: str
) -> None:
    with pytest.raises(DocumentError) as caught:
        to_latex(f"  name: Ada\n  summary: {text}\n")
    first = caught.value.diagnostics[0]
    assert (first.code, first.location.line, first.location.column) == ("RF070", 4, column)
    assert described in first.message


def test_right_to_left_scripts_other_than_arabic_and_hebrew_are_refused() -> None:
    with pytest.raises(DocumentError) as caught:
        to_latex("  name: ܫܠܡܐ\n")  # Syriac
    assert caught.value.diagnostics[0].format_text() == (
        "cv.resumefmt.yaml:3:9: error: the LaTeX output sets only Arabic, Persian and Hebrew "
        "right to left, not 'ܫ' (U+072B SYRIAC LETTER SHIN): convert --to pdf, which uses "
        "any installed font, or write it another way [RF070]"
    )


def test_a_pdflatex_document_is_unchanged() -> None:
    """Only xelatex output gets font commands; what pdflatex prints needs none."""
    tex = to_latex("  name: Zoë Ñúñez – “x” × → … ≥\n")
    assert tex.startswith("% Compile with pdflatex")
    assert "\\rf" not in tex and "fontspec" not in tex


# The bidirectional algorithm ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stretches"),
    [
        ("Role: العربية فارسی and עברית שלום.", ["العربية فارسی", "עברית שלום"]),
        ("A: عام 2020 م (ABC) x", ["عام 2020 م"]),  # digits between Arabic words join them
        ("x 2020 العربية", ["العربية"]),  # digits after Latin text are Latin
        ("العربية 2020 x", ["العربية 2020"]),  # ... after Arabic, Arabic
        ("x (عربي) y", ["عربي"]),  # brackets between directions go with the line
        ("عام ٢٠٢٠", ["عام ٢٠٢٠"]),
        ("tel ٠١٢٣", ["٠١٢٣"]),  # Arabic digits alone
        ("می\u200cخواهم", ["می\u200cخواهم"]),  # the joiner stays inside
        ("العربية 中文 العربية", ["العربية", "العربية"]),  # CJK is left to right
        ("plain text", []),
    ],
)
def test_right_to_left_stretches_follow_the_unicode_bidi_algorithm(
    text: str, stretches: list[str]
) -> None:
    from resumefmt.converters._scripts import rtl_stretches

    assert [text[a:b] for a, b in rtl_stretches(text)] == stretches


def test_a_korean_run_in_a_japanese_string_is_korean() -> None:
    from resumefmt.converters._scripts import cjk_spans

    text = "日本語のテキスト 한국어 단어 東京"
    spans = [(text[a:b], language) for a, b, language in cjk_spans(text)]
    assert spans == [("日本語のテキスト", "ja"), ("한국어 단어", "ko"), ("東京", "ja")]


# The tables, against the fonts ---------------------------------------------------------------


def test_the_coverage_module_matches_the_installed_fonts() -> None:
    require_module("fontTools.ttLib")
    for tool in ("fc-list", "kpsewhich"):
        require_tool(tool)
    spec = importlib.util.spec_from_file_location(
        "gen_latex_coverage", ROOT / "scripts" / "gen_latex_coverage.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    try:
        expected = script.render()
    except SystemExit as exc:  # a font it reads is not installed
        if in_ci():
            raise
        pytest.skip(str(exc))
    actual = (ROOT / "resumefmt" / "converters" / "latex" / "_coverage.py").read_text("utf-8")
    assert actual == expected, "stale: run .venv/bin/python scripts/gen_latex_coverage.py"


# Any text: drawn, or refused only for what xelatex would have lost -------------------------


def _drawn_characters() -> list[str]:
    """A sample of what some font of the LaTeX output draws, in every table."""
    from resumefmt.converters.latex import _coverage

    out = []
    for name in ("LATIN_MODERN", "DEJAVU_SERIF", "DEJAVU_SANS", "NOTO_CJK"):
        for first, last in getattr(_coverage, name):
            out += [chr(c) for c in range(first, min(last, first + 40) + 1)]
    return sorted({c for c in out if not 0xE000 <= ord(c) <= 0xF8FF})  # private use


_WORDS = st.deferred(
    lambda: st.lists(
        st.text(st.sampled_from(_drawn_characters()), min_size=1, max_size=6)
        | st.sampled_from(["Ada", "2020", "(x)", ", ", "**b**", "`c`", "*i*"]),
        min_size=1,
        max_size=8,
    ).map(" ".join)
)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(words=st.lists(_WORDS, min_size=4, max_size=4))
def test_any_text_is_drawn_or_refused_only_for_what_xelatex_would_miss(
    words: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiled as it is when accepted, nothing missing; when refused, compiled without the
    check, xelatex misses every character RF070 named (but the right-to-left refusals,
    which it would print in the wrong order)."""
    from resumefmt.converters.latex import _fonts

    document: dict[str, Any] = {
        "resumefmt": "1.0",
        "basics": {"name": "Ada " + words[0], "headline": words[1], "summary": words[2]},
        "skills": [{"name": "S", "keywords": [words[3]]}],
    }
    source = json.dumps(document)
    try:
        tex = convert(load_text(source, "g.json", "json"), LATEX, ConvertOptions())
    except DocumentError as exc:
        named = {
            re.search(r"\(U\+([0-9A-F]+)", d.message).group(1)  # type: ignore[union-attr]
            for d in exc.diagnostics
            if "right to left" not in d.message
        }
        monkeypatch.setattr(_fonts, "_undrawn", lambda *_: iter(()))
        tex = convert(load_text(source, "g.json", "json"), LATEX, ConvertOptions())
        (tmp_path / "cv.tex").write_text(tex, encoding="utf-8")
        command = [require_tool("xelatex"), "-interaction=nonstopmode", "cv.tex"]
        subprocess.run(command, cwd=tmp_path, capture_output=True, check=False)
        log = (tmp_path / "cv.log").read_text(encoding="utf-8", errors="replace")
        assert named <= set(re.findall(r"There is no .*? \(U\+([0-9A-F]+)\)", log))
        return
    if tex.startswith("% Compile with pdflatex"):
        return
    xelatex(tex, tmp_path)


# Start-up: tables, not font files ----------------------------------------------------------


def modules_imported(*args: str) -> set[str]:
    """The modules ``resumefmt ARGS`` imports, in a fresh interpreter."""
    probe = (
        "import sys\nfrom resumefmt.cli import main\n"
        f"try:\n    main({list(args)!r})\n"
        "finally:\n    sys.stderr.write('\\0' + ' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    return set(done.stderr.rpartition("\0")[2].split())


def test_the_font_plan_reads_no_font_file_and_pdflatex_output_needs_none(tmp_path: Path) -> None:
    cjk = modules_imported(
        "convert", str(EXAMPLES / "cheng-zeyi.resumefmt.yaml"), "--to", "latex",
        "-o", str(tmp_path / "c.tex"),
    )  # fmt: skip
    assert "resumefmt.converters.latex._fonts" in cjk
    assert not {m for m in cjk if m.split(".")[0] in ("fontTools", "typst")}
    latin = modules_imported(
        "convert", str(EXAMPLES / "shuai-xie.resumefmt.yaml"), "--to", "latex",
        "-o", str(tmp_path / "s.tex"),
    )  # fmt: skip
    assert "resumefmt.converters.latex._fonts" not in latin
    assert "resumefmt.converters.latex._coverage" not in latin


# Bounded: a long text of every script --------------------------------------------------


def test_a_long_text_of_every_script_is_planned_in_bounded_time(tmp_path: Path) -> None:
    line = "Ada Αλέξανδρος Пушкин 成泽毅 日本語のテキスト 한국어 단어 العربية 2020 עברית ✓ ★ 😀 "
    source = tmp_path / "long.resumefmt.yaml"
    source.write_text(
        f'resumefmt: "1.0"\nbasics:\n  name: Ada\n  summary: "{line * 4000}"\n', encoding="utf-8"
    )
    out = tmp_path / "long.tex"
    case = run_bounded(
        "convert --to latex: 268,000 characters of nine scripts",
        *("convert", source, "--to", "latex", "-o", out),
        seconds=30,
    )
    assert (case.returncode, case.stderr) == (0, "")
    assert case.seconds < 15 and case.peak_mib < 400
    assert out.read_text(encoding="utf-8").count("\\rfko{한국어 단어}") == 4000


def test_twenty_thousand_undrawn_characters_are_each_named_in_bounded_time(
    tmp_path: Path,
) -> None:
    source = tmp_path / "many.resumefmt.yaml"
    undrawn = "".join(chr(0xF0000 + i) for i in range(20000))  # supplementary private use
    source.write_text(
        f'resumefmt: "1.0"\nbasics:\n  name: Ada\n  summary: "{undrawn}"\n', encoding="utf-8"
    )
    out = tmp_path / "many.tex"
    case = run_bounded(
        "convert --to latex: 20,000 characters no font draws",
        *("convert", source, "--to", "latex", "-o", out),
        seconds=60,
    )
    lines = case.stderr.splitlines()
    assert (case.returncode, len(lines)) == (1, 20000)
    assert lines[1] == (
        f"{source}:4:14: error: none of the fonts of the LaTeX output (Latin Modern, DejaVu, "
        "Noto CJK) draws '\U000f0001' (U+F0001): convert --to pdf, which uses any installed "
        "font, or write it another way [RF070]"
    )
    assert case.seconds < 20 and case.peak_mib < 400
    assert not out.exists()
