"""What a hostile résumé writes stays inert where it is read (issue 11, items 1, 3 and 10).

Each case runs the real command line (``tests/bounded.py``, with a bound on
time and memory) on a résumé written to attack a consumer, and reads the
output the way that consumer does: the Markdown through two renderers
(markdown-it-py for CommonMark, python-markdown, which passes raw HTML and
entities on), the LaTeX as source, diagnostics line by line as an editor's or
CI's problem matcher would.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import markdown as python_markdown
import pytest
from bounded import Bounded, run_bounded
from markdown_it import MarkdownIt

COMMONMARK = MarkdownIt("commonmark")
# What no output may hold raw: ESC and the other C0 controls but for a newline,
# DEL and C1 (0x9b is a one-byte CSI), and the bidirectional controls.
RAW_CONTROLS = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
SECONDS = 20  # per case; each takes well under a second


def resume(tmp_path: Path, document: dict[str, Any], name: str = "cv.json") -> Path:
    """``document`` (a minimal valid résumé plus the given keys) as JSON, byte for byte."""
    path = tmp_path / name
    full = {"resumefmt": "1.0", "basics": {"name": "Ada"}} | document
    path.write_text(json.dumps(full, ensure_ascii=False), encoding="utf-8")
    return path


def job(**fields: Any) -> dict[str, Any]:
    dates = {"start": "2021-03", "end": "present"}
    return {"organization": "Acme", "role": "Engineer", **dates} | fields


def convert(case: str, path: Path, to: str) -> Bounded:
    done = run_bounded(case, "convert", path, "--to", to, seconds=SECONDS)
    assert done.returncode == 0, done.stderr
    assert done.seconds < SECONDS and done.peak_mib < 200
    return done


def rendered(markdown: str) -> dict[str, str]:
    """The HTML of ``markdown`` from each renderer."""
    return {
        "markdown-it-py": COMMONMARK.render(markdown),
        "python-markdown": python_markdown.markdown(markdown),
    }


# --- item 1: a carriage return must not end a code span's line --------------------------------

PAYLOADS = [
    "<script>alert(document.domain)</script>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<details open ontoggle=alert(1)>x</details>",
    "<img src=x onerror=alert(1)>",
]
LIVE_HTML = re.compile(r"<(?:script|iframe|details|img)\b", re.IGNORECASE)


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n", "\r\r", "\n\r", "\r\n\r\n"])
def test_a_line_ending_in_a_code_span_lets_no_html_through(tmp_path: Path, newline: str) -> None:
    """``summary: "`x\\r<script>…</script>`"``: the CR once ended the line, the rest was HTML."""
    spans = [f"`x{newline}{payload}`" for payload in PAYLOADS]
    path = resume(
        tmp_path,
        {
            "basics": {
                "name": "Ada",
                "headline": f"x{newline}{PAYLOADS[0]}",
                "summary": spans[0],
            },
            "work": [job(highlights=spans, summary=f"text{newline}{PAYLOADS[1]} and {spans[2]}")],
        },
    )
    done = convert(f"markdown: {newline!r} in a code span", path, "markdown")
    assert "\r" not in done.stdout
    for renderer, page in rendered(done.stdout).items():
        assert LIVE_HTML.search(page) is None, (renderer, page)
        # the payload is shown, as code or as text
        assert page.count("&lt;script&gt;alert(document.domain)&lt;/script&gt;") >= 2, renderer


# --- item 3: a script address in disguise prints as text --------------------------------------

DISGUISED = [
    "javascript&colon;alert%281%29",
    "&#106;avascript:alert%281%29",
    "&#x6A;avascript:alert%281%29",
    "&#0000106avascript:alert%281%29",  # no semicolon: browsers still decode it
    "jav&Tab;ascript:alert%281%29",
    "jav&NewLine;ascript:alert%281%29",
    "java%73cript:alert%281%29",
    "JaVaScRiPt:alert%281%29",
    "&amp;#106;avascript:alert%281%29",
    "vbscript&colon;msgbox%281%29",
    "data&colon;text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
]


def followed(href: str) -> str:
    """The scheme a browser follows for an ``href`` attribute as written in HTML."""
    url = html.unescape(href)  # the attribute's character references
    url = re.sub("[\t\n\r]", "", url).strip("\x00- ")  # what the URL parser removes
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return scheme.group(1).lower() if scheme else ""


@pytest.mark.parametrize("url", DISGUISED)
def test_a_disguised_script_link_prints_as_text(tmp_path: Path, url: str) -> None:
    path = resume(
        tmp_path,
        {
            "basics": {"name": "Ada", "summary": f"See [my site]({url}) or <{url}>."},
            "work": [job(highlights=[f"Built [the thing]({url})."])],
        },
    )
    markdown = convert(f"markdown: link to {url}", path, "markdown").stdout
    for renderer, page in rendered(markdown).items():
        hrefs = re.findall(r'href="([^"]*)"', page)
        assert [h for h in hrefs if followed(h) in ("javascript", "vbscript", "data")] == []
        assert "<a " not in page, (renderer, page)
        assert "Built the thing (" in page and "See my site (" in page, (renderer, page)
    latex = convert(f"latex: link to {url}", path, "latex").stdout
    assert "\\href" not in latex
    assert "Built the thing (" in latex


# --- item 10: diagnostics stay one line each, controls never reach the terminal ---------------

FORGED = "Acme\nforged.yaml:1:1: error: forged [RF000]\x1b[2J\x1b]0;title\x07\u202eevil\x9b31m"
# Two roles at two organisations at the same time: RF104 names both organisations.
OVERLAPPING = {
    "work": [
        job(organization=FORGED, start="2021-01", end="2022-01"),
        job(organization="Other", start="2021-06", end="2022-06"),
    ]
}


def assert_shown_safely(text: str) -> None:
    assert RAW_CONTROLS.search(text) is None, ascii(text)
    assert not any(line.startswith("forged") for line in text.splitlines()), text


def test_a_value_with_a_newline_cannot_forge_a_diagnostic(tmp_path: Path) -> None:
    path = resume(tmp_path, OVERLAPPING)
    done = run_bounded("lint: forged diagnostic in a value", "lint", path, seconds=SECONDS)
    assert done.returncode == 0 and done.seconds < SECONDS and done.peak_mib < 200
    lines = done.stdout.splitlines()
    assert lines and all(line.startswith(f"{path}:") for line in lines), lines
    as_json = run_bounded("lint --format json: forged diagnostic", "lint", path, "--format", "json")
    found = json.loads(as_json.stdout)
    assert len(lines) == len(found)  # one line per problem
    [overlap] = [line for line in lines if "[RF104]" in line]
    assert "Acme\\nforged.yaml:1:1: error: forged [RF000]\\x1b[2J\\x1b]0;title\\x07" in overlap
    assert_shown_safely(done.stdout + done.stderr)


def test_a_file_name_with_controls_is_shown_escaped(tmp_path: Path) -> None:
    path = resume(tmp_path, OVERLAPPING, name="cv\x1b[31m\u202e\nx.json")
    shown = str(path).replace("\x1b", "\\x1b").replace("\u202e", "\\u202e").replace("\n", "\\n")
    for output in ("text", "github"):
        done = run_bounded(f"lint --format {output}: file name with ESC", "lint", path,
                           "--format", output, seconds=SECONDS)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert_shown_safely(done.stdout + done.stderr)
        lines = done.stdout.splitlines()
        if output == "text":
            assert lines and all(line.startswith(f"{shown}:") for line in lines), lines
        else:
            assert lines and all(line.startswith("::") for line in lines), lines
    # a document that does not validate: its problems are on standard error of convert
    broken = resume(tmp_path, {"x-\x1b[31mkey": 1, "extra\x1b[31m\u202e": 1}, name="b\x1b.json")
    for command in (("validate", broken), ("convert", broken, "--to", "markdown")):
        done = run_bounded(f"{command[0]}: invalid, names with ESC", *command, seconds=SECONDS)
        assert done.returncode == 1
        assert_shown_safely(done.stdout + done.stderr)
        assert "extra\\x1b[31m\\u202e" in done.stdout + done.stderr
    # a file that cannot be read: the error names it, escaped
    missing = tmp_path / "gone\x1b]0;pwned\x07.yaml"
    done = run_bounded("lint: missing file, name with OSC", "lint", missing, seconds=SECONDS)
    assert done.returncode == 2
    assert_shown_safely(done.stdout + done.stderr)
    assert "gone\\x1b]0;pwned\\x07.yaml" in done.stderr


HIDDEN = "A\x1b[31mB\x9b1mC\u202eD\u2066E\u200fF\x00G\x7fH"


def test_the_documents_hold_no_raw_controls(tmp_path: Path) -> None:
    """ESC, C1 and bidi controls in values are dropped from Markdown and LaTeX."""
    path = resume(
        tmp_path,
        {
            "basics": {
                "name": HIDDEN,
                "headline": HIDDEN,
                "summary": f"{HIDDEN} `{HIDDEN}` [{HIDDEN}](https://e.com/{HIDDEN}) **{HIDDEN}**",
                "profiles": [{"network": HIDDEN, "url": f"https://e.com/{HIDDEN}"}],
            },
            "work": [job(organization=HIDDEN, url="https://e.com/x", highlights=[HIDDEN])],
            "skills": [{"name": HIDDEN, "keywords": [HIDDEN]}],
        },
    )
    markdown = convert("markdown: ESC, C1 and bidi in values", path, "markdown").stdout
    assert RAW_CONTROLS.search(markdown) is None, ascii(markdown)
    assert "A\\[31mB1mCDEFGH" in markdown  # the visible characters stay, "[" escaped
    for page in rendered(markdown).values():
        assert "A[31mB1mCDEFGH" in html.unescape(page)
    latex = convert("latex: ESC, C1 and bidi in values", path, "latex").stdout
    assert RAW_CONTROLS.search(latex) is None, ascii(latex)
    assert latex.startswith("% Compile with pdflatex")  # dropped characters need no xelatex
    assert "A{[}31mB1mCDEFGH" in latex


@pytest.mark.parametrize(
    ("url", "unsafe"),
    [
        *((url, True) for url in DISGUISED),
        (" \x01javascript:x", True),
        ("java\u00adscript:x", True),  # a soft hyphen shows nothing
        ("%26%23106;avascript:x", True),  # percent-encoded entity
        ("https://e.com/javascript:x", False),
        ("https://e.com/?u=javascript&colon;x", False),
        ("mailto:ada@example.com?subject=a&amp;b", False),
        ("tel:+1-555-0100", False),
        ("datasets/x.csv", False),
    ],
)
def test_what_counts_as_a_script_address(url: str, unsafe: bool) -> None:
    from resumefmt.converters._common import unsafe_link

    assert unsafe_link(url) is unsafe
