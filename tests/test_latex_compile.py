"""The LaTeX output compiled by the real engines, read back with pdftotext."""

# ruff: noqa: RUF001 (typographic Unicode is what these tests are about)

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, require_tool
from hypothesis import HealthCheck, given, settings
from strategies import resumefmt_documents
from test_latex_scripts import missing_glyphs

from resumefmt.converters.latex._escape import _MISSING_IN_T1, _PDFLATEX_RANGES, engine_for
from resumefmt.converters.latex._parts import printed_strings
from resumefmt.converting import ConvertOptions, convert
from resumefmt.errors import DocumentError
from resumefmt.loader import load, load_text
from resumefmt.plugins import converter_registry

LATEX = converter_registry(third_party=False).converters["latex"]
SECRET = "SECRETCONTENTXYZ"


def compile_pdf(tex: str, engine: str, folder: Path) -> str:
    """Compile ``tex`` in ``folder`` without shell escape; the PDF's text, spaces collapsed."""
    exe = require_tool(engine)
    pdftotext = require_tool("pdftotext")
    (folder / "resume.tex").write_text(tex, encoding="utf-8")
    command = [exe, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "resume.tex"]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:]
    text = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(folder / "resume.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return " ".join(text.split())


def page_count(pdf: Path) -> int:
    info = subprocess.run([require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True)
    return int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))[6:])


@pytest.mark.parametrize(
    ("seed", "engine", "expected", "pages"),
    [
        (
            "shuai-xie",
            "pdflatex",
            ["Shuai Xie", "Algorithm Engineer", "JD Explore Academy", "Graduate Researcher",
             "Production-level LLM Inference Solution: (1) Accelerated JD ChatRhino LLM",
             "11× inference speedup", "Zhejiang University", "Xie S, Feng Z, Chen Y, et al."],
            2,
        ),
        (
            "cheng-zeyi",
            "xelatex",
            ["Cheng Zeyi", "成泽毅", "Software Engineer", "SiliconFlow Inc", "Technical Expert",
             "Developed payment systems.", "Wuhan University", "__builtin_ctzll", "G’MIC"],
            3,
        ),
    ],
)  # fmt: skip
def test_the_seeds_compile_and_print_their_text(
    seed: str, engine: str, expected: list[str], pages: int, tmp_path: Path
) -> None:
    tex = convert(load(EXAMPLES / f"{seed}.resumefmt.yaml"), LATEX, ConvertOptions())
    assert tex.startswith("% Compile with pdflatex" if engine == "pdflatex" else "% Needs xelatex")
    text = compile_pdf(tex, engine, tmp_path)
    assert [e for e in expected if e not in text] == []
    assert page_count(tmp_path / "resume.pdf") == pages


HOSTILE = r"""
resumefmt: "1.0"
basics:
  name: 'Zoë Ñúñez {\relax} 100% #1'
  headline: '\input{secret} & \write18{touch pwned} $x^2$ a_b ~ <b>|</b>'
  email: zoe@example.com
  url: 'https://example.com/a_b?x=1&y=%41#frag'
  summary: "**Bold** *it* `code \\x{}` [link](https://example.com/p?q=1&r=2#s)\n\n
    Second – — × → ’ “ ” … ≥ ≤ <https://example.com/~u/%7E>"
work:
  - organization: 'Evil & Co {#}'
    role: '\immediate\openout1=pwned.tex \immediate\write1{owned}\immediate\closeout1'
    start: "2020-01"
    end: present
    location: '[opt] ] [ -- --- ,, ?` !`'
    highlights:
      - '\input{ABSOLUTE}'
      - '^^5cinput{secret} \csname input\endcsname{secret}'
      - '\catcode`\%=12 \def\x{y} \x'
sections:
  - title: '\section{Injected} %'
    items:
      - '[item label] text'
      - title: '\textbf{T}'
        subtitle: '\\[2pt] *x*'
        date: "2024-05-18"
"""
LITERALS = [
    "Zoë Ñúñez {\\relax} 100% #1",
    "\\input{secret} & \\write18{touch pwned} $x^2$ a_b ~ <b>|</b>",
    "\\immediate\\openout1=pwned.tex",
    "Evil & Co {#}",
    "[opt] ] [ -- --- ,, ?` !`",
    "^^5cinput{secret} \\csname input\\endcsname{secret}",
    "\\catcode`\\%=12 \\def\\x{y} \\x",
    "\\section{Injected} %",
    "[item label] text",
    "\\textbf{T}",
    "\\[2pt] x",
    "code \\x{}",
    "Second – — × → ’ “ ” . . . ≥ ≤",  # \\textellipsis is three spaced dots in T1
    "https://example.com/~u/%7E",
]


def test_a_hostile_document_prints_literally_and_runs_nothing(tmp_path: Path) -> None:
    (tmp_path / "secret.tex").write_text(SECRET + "\n", encoding="utf-8")
    source = HOSTILE.replace("ABSOLUTE", str(tmp_path / "secret.tex"))
    tex = convert(load_text(source, "h.yaml"), LATEX, ConvertOptions())
    assert tex.startswith("% Compile with pdflatex")
    text = compile_pdf(tex, "pdflatex", tmp_path)
    assert [s for s in LITERALS if s not in text] == []
    assert f"\\input{{{tmp_path}/secret.tex}}" in text
    assert SECRET not in text
    assert not (tmp_path / "pwned.tex").exists()
    hostname = Path("/etc/hostname")
    if hostname.exists() and len(hostname.read_text().strip()) >= 6:
        assert hostname.read_text().strip() not in text


def test_every_character_said_to_suit_pdflatex_compiles_with_it(tmp_path: Path) -> None:
    chars = [
        chr(code)
        for low, high in _PDFLATEX_RANGES
        for code in range(low, high + 1)
        if code not in _MISSING_IN_T1
    ]
    lines = "".join(f"\n      - '{''.join(chars[i : i + 40])}'" for i in range(0, len(chars), 40))
    source = (
        f'resumefmt: "1.0"\nbasics:\n  name: Ada\ninterests:\n  - name: All\n    keywords:{lines}\n'
    )
    tex = convert(load_text(source, "c.yaml"), LATEX, ConvertOptions())
    assert tex.startswith("% Compile with pdflatex")
    compile_pdf(tex, "pdflatex", tmp_path)


def test_a_script_t1_lacks_is_sent_to_xelatex(tmp_path: Path) -> None:
    source = 'resumefmt: "1.0"\nbasics:\n  name: Αλέξανδρος \\& Ω\n'
    tex = convert(load_text(source, "g.yaml"), LATEX, ConvertOptions())
    assert tex.startswith("% Needs xelatex: the text has characters that pdflatex")
    assert "Αλέξανδρος \\& Ω" in compile_pdf(tex, "xelatex", tmp_path)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(document=resumefmt_documents())
def test_generated_documents_compile_or_name_their_undrawn_characters(
    document: dict[str, Any], tmp_path: Path
) -> None:
    """Random text compiles with every character drawn (xelatex logs none missing but
    invisible ones), or is refused before TeX with RF070."""
    try:
        tex = convert(load_text(json.dumps(document), "g.json", "json"), LATEX, ConvertOptions())
    except DocumentError as exc:
        assert {d.code for d in exc.diagnostics} == {"RF070"}
        return
    engine, _ = engine_for(printed_strings(document))
    text = compile_pdf(tex, engine, tmp_path)
    assert missing_glyphs(tmp_path / "resume.log") == []

    # pdftotext guesses spaces and maps some glyphs its own way: compare letters and digits.
    def letters(s: str) -> str:
        return "".join(c for c in s if c.isascii() and c.isalnum())

    assert letters(document["basics"]["name"]) in letters(text)


# Words no line can hold: addresses (bare, <…>, a link's label, a URL field's
# label), an identifier in code, a hash, a run of one letter or of slashes, in
# the name (\LARGE), a heading, an entry's first line (beside its dates), a
# bullet and a comma-separated list.
_PATH = "/".join(["a-long-path-segment"] * 8)
LONG_WORDS = {
    "resumefmt": "1.0",
    "basics": {
        "name": "Averyveryverylongnamewithoutanyspacesthatgoesonandonforeverandevermore",
        "headline": f"https://example.com/{_PATH}",
        "url": f"https://example.com/{_PATH}/more",
        "summary": (
            f"See https://example.com/{_PATH}?with=a&query=string and "
            f"<https://example.com/{_PATH}/again> and "
            "`torch.nn.functional.scaled_dot_product_attention_with_a_very_long_name_indeed` "
            f"and {'a' * 150} and {'/' * 150} and {'0123456789abcdef' * 10}."
        ),
    },
    "work": [
        {
            "organization": "Organisationwithaverylongnamethatneverendsandgoesonandonforevermore",
            "url": f"https://example.com/{_PATH}",
            "role": "Rolewithaverylongnamethatneverendsandkeepsgoingandgoingforeverandever",
            "start": "2021-03",
            "end": "present",
            "highlights": [
                f"Built [a label with https://example.com/{_PATH}](https://example.com/x).",
                "Shipped a-very-long-hyphenated-compound-that-goes-on-and-on-and-on-for-ever.",
            ],
            "technologies": ["Technologywithaverylongnamethatneverendsandgoesonandonforevermore"],
        }
    ],
    "skills": [
        {"name": "Skills", "keywords": ["Keywordwithaverylongnamethatneverendsandgoesonforever"]}
    ],
}


def words_with_boxes(pdf: Path) -> list[tuple[float, float, str]]:
    """``(xMin, xMax, word)`` of every word pdftotext finds on the pages."""
    done = subprocess.run(
        [require_tool("pdftotext"), "-bbox", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', done.stdout
    )
    return [(float(low), float(high), html.unescape(word)) for low, high, word in found]


def page_width(pdf: Path) -> float:
    info = subprocess.run([require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True)
    size = re.search(r"Page size:\s+([\d.]+) x", info.stdout)
    assert size is not None, info.stdout
    return float(size.group(1))


@pytest.mark.parametrize("engine", ["pdflatex", "xelatex"])
def test_long_words_and_addresses_stay_inside_the_margins(engine: str, tmp_path: Path) -> None:
    document = json.loads(json.dumps(LONG_WORDS))
    if engine == "xelatex":  # a character T1 lacks: set in DejaVu, whose glyphs are wider
        document["basics"]["headline"] += " Ω"
    tex = convert(load_text(json.dumps(document), "w.json", "json"), LATEX, ConvertOptions())
    text = compile_pdf(tex, engine, tmp_path)
    margin_cm = re.search(r"hmargin=([\d.]+)cm", tex)
    assert margin_cm is not None
    margin = float(margin_cm.group(1)) / 2.54 * 72  # in PDF points
    width = page_width(tmp_path / "resume.pdf")
    words = words_with_boxes(tmp_path / "resume.pdf")
    # microtype lets punctuation hang a little into the margin: a point or two
    outside = [w for w in words if w[0] < margin - 3 or w[1] > width - margin + 3]
    assert words and outside == [], outside
    log = (tmp_path / "resume.log").read_text(encoding="utf-8", errors="replace")
    assert "Overfull \\hbox" not in log  # and TeX agrees: no line is wider than the text
    # nothing is lost where the lines break
    letters = "".join(c for c in text if c.isascii() and c.isalnum())
    for word in (
        "a" * 150,
        "0123456789abcdef" * 10,
        "scaleddotproductattentionwithaverylongnameindeed",
    ):
        assert word in letters
