"""Every script, correctly, or a clear error: fonts for the PDF, and the glyph check."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest
from bounded import run_bounded
from conftest import ROOT, require_module, require_tool, run_resumefmt

typst = require_module("typst")

from resumefmt.converters._scripts import cjk_language, runs  # noqa: E402
from resumefmt.converters.typst._cmap import covered  # noqa: E402
from resumefmt.converters.typst._fonts import SHIPPED  # noqa: E402

#: A code point no font on a Debian machine draws (supplementary private use; the
#: embedded fonts use the basic private use area): the glyph check's case.
UNDRAWN = "\U000f0000"


def fonts_used(pdf: Path) -> str:
    pdffonts = require_tool("pdffonts")
    done = subprocess.run([pdffonts, str(pdf)], capture_output=True, text=True, check=True)
    return done.stdout


def text_of(pdf: Path) -> str:
    pdftotext = require_tool("pdftotext")
    done = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def write(tmp_path: Path, body: str, name: str = "cv.resumefmt.yaml") -> Path:
    path = tmp_path / name
    path.write_text('resumefmt: "1.0"\nbasics:\n' + body, encoding="utf-8")
    return path


# The cmap reader, held to fontTools -------------------------------------------


def _faces() -> list[tuple[str, int]]:
    """A face of each kind of file here: TrueType, OpenType, a collection (not its first face)."""
    faces = sorted({(f.path, f.index) for f in typst.Fonts().fonts() if f.path})
    picked = {path.rsplit(".", 1)[-1]: (path, index) for path, index in faces if index != 1}
    picked |= {
        f"{path}-2": (path, 2) for path, index in faces if path.endswith(".ttc") and index == 2
    }
    return sorted(picked.values()) + [(str(p), 0) for p in sorted(Path(SHIPPED).glob("*.ttf"))]


@pytest.mark.parametrize(("path", "index"), _faces())
def test_the_cmap_reader_agrees_with_fonttools(path: str, index: int) -> None:
    ttlib = require_module("fontTools.ttLib")
    with ttlib.TTFont(path, fontNumber=index, lazy=True) as font:
        cmap = font.getBestCmap()
    probe = sorted(set(range(0x20, 0x600)) | set(range(0x4E00, 0x4F00)) | {0x1F600, 0xAC00, 0x2713})
    assert covered(path, index, probe) == {c for c in probe if c in cmap}


def test_the_coverage_module_matches_the_installed_typst() -> None:
    require_module("fontTools.ttLib")
    spec = importlib.util.spec_from_file_location(
        "gen_typst_coverage", ROOT / "scripts" / "gen_typst_coverage.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    expected = script.render()
    actual = (ROOT / "resumefmt" / "converters" / "typst" / "_coverage.py").read_text("utf-8")
    assert actual == expected, "stale: run .venv/bin/python scripts/gen_typst_coverage.py"


# Which language a run is in --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("成泽毅", "zh-CN"),
        ("臺灣大學", "zh-TW"),
        ("山田 たろう", "ja"),
        ("김민준", "ko"),
        ("Ada", None),
    ],
)
def test_the_script_says_the_cjk_language(text: str, language: str | None) -> None:
    assert cjk_language(text) == language


def test_runs_keep_korean_word_spaces_and_name_rtl_languages() -> None:
    assert runs("Kim 김 민준 (KR)") == [("Kim ", None), ("김 민준", "ko"), (" (KR)", None)]
    assert runs("پژوهشگر ارشد and مرحبا, שלום") == [
        ("پژوهشگر ارشد", "fa"),
        (" and ", None),
        ("مرحبا", "ar"),
        (", ", None),
        ("שלום", "he"),
    ]


# What each script produces ----------------------------------------------------------


def test_latin_greek_cyrillic_need_no_system_font(tmp_path: Path) -> None:
    source = write(tmp_path, "  name: Αλέξανδρος Дмитрий Nguyễn Thị Minh Khai\n")
    assert run_resumefmt("convert", source, "-o", tmp_path / "cv.pdf").returncode == 0
    fonts = fonts_used(tmp_path / "cv.pdf")
    assert "NewCM10-Bold" in fonts and "Noto" not in fonts and "DejaVu" not in fonts
    assert "Αλέξανδρος Дмитрий Nguyễn Thị Minh Khai" in text_of(tmp_path / "cv.pdf")


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("成泽毅", "NotoSerifCJKsc"),
        ("陳大文 臺灣", "NotoSerifCJKtc"),
        ("やまだ たろう", "NotoSerifCJKjp"),
        ("김 민준", "NotoSerifCJKkr"),
    ],
)
def test_cjk_is_set_in_the_regional_font(tmp_path: Path, name: str, family: str) -> None:
    source = write(tmp_path, f"  name: Ada\n  altName: {name}\n")
    result = run_resumefmt("convert", source, "-o", tmp_path / "cv.pdf")
    assert result.returncode == 0, result.stderr
    if "Noto Serif CJK" not in str(typst.Fonts().families()):
        pytest.skip("fonts-noto-cjk is not installed")
    fonts = fonts_used(tmp_path / "cv.pdf")
    assert family in fonts
    assert not [
        f for f in ("sc", "tc", "jp", "kr") if f"NotoSerifCJK{f}" in fonts and family[-2:] != f
    ]
    assert name in text_of(tmp_path / "cv.pdf")  # Korean keeps its word space


def test_the_sans_theme_uses_the_sans_cjk_font(tmp_path: Path) -> None:
    source = write(tmp_path, "  name: Ada\n  altName: やまだ\n")
    result = run_resumefmt("convert", source, "-o", tmp_path / "cv.pdf", "--theme", "sans")
    assert result.returncode == 0, result.stderr
    fonts = fonts_used(tmp_path / "cv.pdf")
    assert "NotoSans-Bold" in fonts
    if "Noto Sans CJK" in str(typst.Fonts().families()):
        assert "NotoSansCJKjp" in fonts


def test_arabic_persian_hebrew_are_shaped_right_to_left(tmp_path: Path) -> None:
    source = write(tmp_path, "  name: Ada\n  headline: مرحبا بالعالم و پژوهشگر ارشد و שלום עולם\n")
    result = run_resumefmt("convert", source, "-o", tmp_path / "cv.pdf")
    if result.returncode == 1 and "[RF070]" in result.stderr:
        pytest.skip("no font for Arabic and Hebrew (fonts-dejavu-core or fonts-noto-core)")
    assert result.returncode == 0, result.stderr
    text = " ".join(text_of(tmp_path / "cv.pdf").split())
    # pdftotext marks the right-to-left runs with embedding controls; the words read in order.
    plain = "".join(c for c in text if c not in "\u202a\u202b\u202c")
    for word in ("مرحبا", "بالعالم", "پژوهشگر", "ارشد", "שלום", "עולם"):
        assert word in plain


# A character no font draws ----------------------------------------------------------


def _precondition_nothing_draws(char: str) -> None:
    faces = {(f.path, f.index) for f in typst.Fonts().fonts() if f.path}
    if any(covered(p, i, [ord(char)]) for p, i in faces):
        pytest.skip(f"a font on this machine draws U+{ord(char):04X}")


def test_a_character_no_font_draws_is_a_located_error(tmp_path: Path) -> None:
    _precondition_nothing_draws(UNDRAWN)
    source = write(
        tmp_path,
        "  name: Ada\nwork:\n  - organization: X\n    role: Y\n    start: '2020'\n"
        f"    end: present\n    highlights:\n      - >-\n        Drew the sign {UNDRAWN} twice:\n"
        f"        {UNDRAWN} here.\n",
    )
    output = tmp_path / "cv.pdf"
    run = run_bounded("pdf: a character no font draws", "convert", source, "-o", output)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == (
        f"{source}:11:23: error: no available font draws '{UNDRAWN}' (U+F0000): install a font "
        "that has it (Debian: fonts-noto-core for most scripts, fonts-noto-cjk for Chinese, "
        "Japanese and Korean, fonts-noto-color-emoji for emoji) or pass --font-path DIR with "
        "one, or write it another way [RF070]\n"
    )
    assert not output.exists()
    assert run.seconds < 10


def test_a_runic_letter_is_named_in_the_error(tmp_path: Path) -> None:
    _precondition_nothing_draws("ᚠ")
    source = write(tmp_path, "  name: Ada ᚠ\n")
    result = run_resumefmt("convert", source, "-o", tmp_path / "cv.png")
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"{source}:3:13: error: no available font draws 'ᚠ' (U+16A0 RUNIC LETTER FEHU FEOH FE F): "
    )


def test_a_font_path_supplies_the_missing_character(tmp_path: Path) -> None:
    """A font made here (Noto Sans, renamed, drawing the character), given with --font-path."""
    _precondition_nothing_draws(UNDRAWN)
    ttlib = require_module("fontTools.ttLib")
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    with ttlib.TTFont(Path(SHIPPED) / "NotoSans-Regular.ttf") as font:
        best = font.getBestCmap()
        table = CmapSubtable.newSubtable(12)
        table.platformID, table.platEncID, table.language = 3, 10, 0
        table.cmap = {**best, ord(UNDRAWN): best[ord("A")]}
        font["cmap"].tables.append(table)
        for record in font["name"].names:
            if record.nameID in (1, 4, 16):
                record.string = "Resumefmt Test Box"
            elif record.nameID == 6:
                record.string = "ResumefmtTestBox"
        fonts = tmp_path / "fonts"
        fonts.mkdir()
        font.save(str(fonts / "box.ttf"))
    source = write(tmp_path, f"  name: Ada {UNDRAWN}\n")
    result = run_resumefmt("convert", source, "-o", tmp_path / "cv.pdf", "--font-path", fonts)
    assert result.returncode == 0, result.stderr
    assert "ResumefmtTestBox" in fonts_used(tmp_path / "cv.pdf")


def test_emoji_are_printed_in_colour_when_the_font_is_there(tmp_path: Path) -> None:
    _precondition_a_font_draws("\U0001f600")
    source = write(tmp_path, "  name: Ada\n  headline: Ships 🚀 and smiles 😀\n")
    result = run_resumefmt("convert", source, "-o", tmp_path / "cv.pdf")
    assert result.returncode == 0, result.stderr
    assert "🚀" in text_of(tmp_path / "cv.pdf") and "😀" in text_of(tmp_path / "cv.pdf")
    if "Noto Color Emoji" in typst.Fonts().families():
        assert "Type 3" in fonts_used(tmp_path / "cv.pdf")  # the colour bitmaps


def _precondition_a_font_draws(char: str) -> None:
    faces = {(f.path, f.index) for f in typst.Fonts().fonts() if f.path}
    if not any(covered(p, i, [ord(char)]) for p, i in faces):
        pytest.skip(f"no font here draws U+{ord(char):04X} (fonts-noto-color-emoji)")


def test_a_font_the_theme_names_that_is_missing_is_a_warning(tmp_path: Path) -> None:
    """The text still prints (another font stands in), and the user learns which to install."""
    import shutil

    from resumefmt.converters.typst import BUILTIN_THEMES, EngineOptions, TypstConverter
    from resumefmt.loader import load_text
    from resumefmt.plugins import Registry, Theme

    folder = tmp_path / "theme"
    shutil.copytree(BUILTIN_THEMES[0].directory, folder)
    main = folder / "resume.typ"
    main.write_text(main.read_text("utf-8").replace("Noto Serif CJK", "Absent Serif CJK"), "utf-8")
    registry = Registry()
    converter = TypstConverter("pdf", registry)
    registry.add_converter(converter)
    registry.add_theme(Theme("absent", converters=("pdf",), directory=str(folder), summary=""))
    options = EngineOptions(theme="absent")
    text = 'resumefmt: "1.0"\nbasics:\n  name: Ada\n  altName: やまだ\n'
    converter.build(load_text(text, "cv.yaml"), options)
    said = "cv.yaml:4:12: warning: theme 'absent' asks for the font 'absent serif cjk {}', "
    said += "which is not installed: another font stands in (for CJK text perhaps with another "
    said += "region's forms); install it (Debian: fonts-noto-cjk) or pass --font-path DIR [RF072]"
    # The theme's own family, and the Japanese one the kit chose for the kana.
    assert sorted(n.format_text() for n in options.notices) == [
        said.format("jp"),
        said.format("sc"),
    ]


def test_the_seeds_need_no_font_they_lack() -> None:
    from resumefmt.converters.typst import EngineOptions
    from resumefmt.loader import load
    from resumefmt.plugins import converter_registry

    if "Noto Serif CJK JP" not in typst.Fonts().families():
        pytest.skip("fonts-noto-cjk is not installed")
    converter = converter_registry(third_party=False).converters["pdf"]
    for seed in ("shuai-xie", "cheng-zeyi"):
        options = EngineOptions()
        converter.build(load(ROOT / "examples" / f"{seed}.resumefmt.yaml"), options)
        assert options.notices == []
