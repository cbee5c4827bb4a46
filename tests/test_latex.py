"""The LaTeX converter without TeX: escaping, rich text, engine choice, templates."""

# ruff: noqa: RUF001 (typographic Unicode is what these tests are about)

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import EXAMPLES
from hypothesis import example, given, settings
from hypothesis import strategies as st

from resumefmt.converters._common import dates
from resumefmt.converters.latex._escape import _TABLE, engine_for, escape, escape_url
from resumefmt.converters.latex._parts import authors, rich
from resumefmt.converting import ConvertOptions, convert
from resumefmt.errors import ResumefmtError
from resumefmt.loader import load, load_text
from resumefmt.plugins import converter_registry

LATEX = converter_registry(third_party=False).converters["latex"]
HEAD = 'resumefmt: "1.0"\nbasics:\n  name: Ada\n'


def to_latex(text: str, options: ConvertOptions | None = None) -> str:
    return convert(load_text(text, "r.yaml"), LATEX, options or ConvertOptions())


@pytest.mark.parametrize(
    ("char", "latex"),
    [
        ("\\", r"\textbackslash{}"),
        ("{", r"\{"),
        ("}", r"\}"),
        ("$", r"\$"),
        ("&", r"\&"),
        ("%", r"\%"),
        ("#", r"\#"),
        ("_", r"\_"),
        ("^", r"\textasciicircum{}"),
        ("~", r"\textasciitilde{}"),
        ("<", r"\textless{}"),
        (">", r"\textgreater{}"),
        ("|", r"\textbar{}"),
        ('"', r"\textquotedbl{}"),
        ("`", r"\textasciigrave{}"),
        ("[", "{[}"),
        ("]", "{]}"),
        ("\n", " "),
        ("\x00", ""),
        ("\x1b", ""),
        ("\u00a0", "~"),
        ("\u2013", r"\textendash{}"),
        ("\u2014", r"\textemdash{}"),
        ("\u00d7", r"\texttimes{}"),
        ("\u2192", r"\textrightarrow{}"),
        ("\u2026", r"\textellipsis{}"),
        ("\u2265", r"\ensuremath{\geq}"),
        ("\u2019", r"\textquoteright{}"),
        ("\u201c", r"\textquotedblleft{}"),
        ("é", "é"),
    ],
)
def test_every_special_character_is_escaped(char: str, latex: str) -> None:
    assert escape(f"a{char}b") == f"a{latex}b"


@pytest.mark.parametrize(
    ("text", "latex"),
    [("a--b", "a-{}-b"), ("a---b", "a-{}-{}-b"), ("''", "'{}'"), (",,", ",{},"), ("a-b", "a-b")],
)
def test_ligatures_that_change_the_text_are_broken(text: str, latex: str) -> None:
    assert escape(text) == latex


@pytest.mark.parametrize(
    ("url", "latex"),
    [
        ("https://e.com/a_b?x=1&y=2", r"https://e.com/a_b?x=1\&y=2"),
        ("https://e.com/p%20q#frag", r"https://e.com/p\%20q\#frag"),
        ("https://e.com/{x}\\y", r"https://e.com/\%7Bx\%7D\%5Cy"),
        ("https://e.com/~u^ é", r"https://e.com/\%7Eu\%5E\%20\%C3\%A9"),
    ],
)
def test_urls_are_escaped_for_href(url: str, latex: str) -> None:
    assert escape_url(url) == latex


# A tiny reader of escape()'s output: every command it may write, back to its character.
_LIGATURES = {"-{}": "-", "'{}": "'", ",{}": ","}
_READ = {latex: char for char, latex in _TABLE.items() if latex.strip()} | _LIGATURES
_READ[r"\allowbreak{}"] = ""  # where a long word may break
_TOKEN = re.compile("|".join(re.escape(t) for t in sorted(_READ, key=len, reverse=True)) + "|.")
# Dropped besides Cc: zero-width characters T1 lacks, and bidirectional controls.
_CONTROL = {"\u200b", "\ufeff", "\u061c", "\u200e", "\u200f"}
_CONTROL |= {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def read_back(latex: str) -> str:
    out = []
    for token in _TOKEN.findall(latex):
        if token not in _READ:
            assert token not in set('\\{}$&%#_^~[]"`'), f"unescaped {token!r} in {latex!r}"
        out.append(_READ.get(token, token))
    return "".join(out)


def expected_text(text: str) -> str:
    spaced = re.sub("[\n\t\r\u2028\u2029]", " ", text)
    return "".join(
        c for c in spaced if unicodedata.category(c) != "Cc" and c not in _CONTROL
    ).replace("\u00a0", "~")  # the reader cannot tell a no-break space from "~"


@settings(max_examples=500, deadline=None)
@given(st.text())
@example("-\x1f-")  # a dropped control character once joined two hyphens into a dash
@example("a\u202eb\u2066c\u200f")  # bidi controls would reorder the text around them
@example("-" * 30 + "x" * 70 + "é" * 40 + "e\u0301" * 40)  # long words get breaks, not dashes
def test_escaped_text_reads_back_and_holds_no_bare_special(text: str) -> None:
    latex = escape(text)
    assert "--" not in latex and "''" not in latex and ",," not in latex
    assert read_back(latex).replace("\u00a0", "~") == expected_text(text)


@pytest.mark.parametrize(
    ("source", "latex"),
    [
        ("**Lead:** done", r"\textbf{Lead:} done"),
        ("*it* and `a_b{}`", r"\emph{it} and \texttt{a\_b\{\}}"),
        ("[the *docs*](https://e.com/a#b)", r"\href{https://e.com/a\#b}{the \emph{docs}}"),
        ("<https://e.com/x>", r"\href{https://e.com/x}{https://e.com/x}"),
        ("<https://example.com/a/bc>", r"\href{https://example.com/a/bc}{https://\allowbreak{}example.\allowbreak{}com/\allowbreak{}a/\allowbreak{}bc}"),
        ("one\n\ntwo", "one\\par\ntwo"),
        ("\\textbf{x} $y$", r"\textbackslash{}textbf\{x\} \$y\$"),
        # an address that could run a script prints as text, however it is disguised
        ("[x](javascript:alert%281%29)", r"x (javascript:alert\%281\%29)"),
        ("[x](jav&Tab;ascript:alert)", r"x (jav\&Tab;ascript:alert)"),
        ("[x](&#106;avascript:alert)", r"x (\&\#106;avascript:alert)"),
        ("<javascript:alert(1)>", "javascript:alert(1)"),
        ("a\u202eb\u2067c\u200fd", "abcd"),  # bidi controls would reorder the text
    ],
)  # fmt: skip
def test_rich_text_becomes_latex_markup(source: str, latex: str) -> None:
    assert rich(source) == latex


def test_a_paragraph_break_in_a_heading_is_a_space() -> None:
    assert rich("one\n\ntwo", inline=True) == "one two"


@pytest.mark.parametrize(
    ("strings", "engine"),
    [
        (["Ada", "Zoë Ñúñez – “x” × → … ≥"], ("pdflatex", False)),
        (["Cheng Zeyi", "成泽毅"], ("xelatex", True)),
        (["한국어"], ("xelatex", True)),
        (["Ελληνικά"], ("xelatex", False)),
        (["a\u202eb\u2066c\u200e"], ("pdflatex", False)),  # dropped: they need no xelatex
    ],
)
def test_the_engine_follows_the_scripts_in_the_text(
    strings: list[str], engine: tuple[str, bool]
) -> None:
    assert engine_for(strings) == engine


def test_cjk_only_in_an_extension_key_keeps_pdflatex() -> None:
    text = to_latex(HEAD + "  x-note: 成泽毅\n")
    assert text.startswith("% Compile with pdflatex")
    assert "xeCJK" not in text


def test_cjk_text_gets_xecjk_and_says_it_needs_xelatex() -> None:
    text = convert(load(EXAMPLES / "cheng-zeyi.resumefmt.yaml"), LATEX, ConvertOptions())
    assert text.startswith("% Needs xelatex: the text has CJK characters")
    assert "\\usepackage{xeCJK}\n" in text and "\\setCJKmainfont{Noto Serif CJK SC}\n" in text
    assert "\\usepackage[T1]{fontenc}" not in text


def test_dates_authors_and_status() -> None:
    assert dates({"start": "2018-09", "end": "present"}) == "Sep 2018 \u2013 Present"
    assert dates({"start": "2019", "end": "2019"}) == "2019"
    assert dates({"date": ["2016", "2017"]}) == "2016, 2017"
    assert dates({"date": "2024-05-18"}) == "18 May 2024"
    publication = {"authors": ["Y_J", "Xie S"], "authorPosition": 2, "equalContribution": [1, 2]}
    assert authors(publication | {"etAl": True}) == r"Y\_J*, \textbf{Xie S*}, et al."


def test_sections_print_in_the_document_order() -> None:
    text = to_latex(
        HEAD
        + "interests:\n  - name: Go\n"
        + "sections:\n  - title: Talks & more\n    items: [one]\n"
        + "skills:\n  - name: C\n"
    )
    found = re.findall(r"\\section\*\{(.*)\}", text)
    assert found == ["Interests", r"Talks \& more", "Skills"]


def test_the_output_is_deterministic_and_has_no_date() -> None:
    path = EXAMPLES / "shuai-xie.resumefmt.yaml"
    first = convert(load(path), LATEX, ConvertOptions())
    assert first == convert(load(path), LATEX, ConvertOptions())
    assert "2026" not in first and "\\today" not in first


def test_a_user_template_overrides_a_partial(tmp_path: Path) -> None:
    (tmp_path / "header.tex.j2").write_text("MY HEADER (((basics.name)))\n", encoding="utf-8")
    text = to_latex(HEAD.replace("Ada", "A&B"), ConvertOptions(template_dir=str(tmp_path)))
    assert "MY HEADER A\\&B\n" in text
    assert "\\begin{document}" in text  # the rest still comes from the theme


def test_a_broken_user_template_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "header.tex.j2").write_text("(((basics.nickname)))\n", encoding="utf-8")
    with pytest.raises(ResumefmtError) as caught:
        to_latex(HEAD, ConvertOptions(template_dir=str(tmp_path)))
    assert str(caught.value) == (
        f"{tmp_path}/header.tex.j2:1: template error: 'dict object' has no attribute 'nickname'"
    )


def test_convert_to_latex_on_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "cv.tex"
    source = EXAMPLES / "shuai-xie.resumefmt.yaml"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "resumefmt",
            "convert",
            str(source),
            "--to",
            "latex",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "{\\LARGE\\bfseries Shuai Xie}" in out.read_text(encoding="utf-8")


def test_theme_is_chosen_by_name_and_unknown_themes_are_refused() -> None:
    latex = converter_registry(third_party=False).converters["latex"]
    document = load(EXAMPLES / "starter.resumefmt.yaml")
    assert latex.themes == ("classic",)
    chosen = convert(document, latex, ConvertOptions(theme="classic"))
    assert chosen == convert(document, latex, ConvertOptions())
    assert "% Written by resumefmt (theme classic)." in chosen
    with pytest.raises(ResumefmtError, match="latex has no theme 'fancy'; themes: classic"):
        convert(document, latex, ConvertOptions(theme="fancy"))
