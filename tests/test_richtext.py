"""The shared rich-text parser: a table of inputs and the spans they give."""

from __future__ import annotations

import time

import pytest

from resumefmt.richtext import (
    Break,
    Code,
    Emphasis,
    Link,
    Strong,
    Text,
    lead_in,
    links,
    parse,
    plain,
)

CASES = [
    # plain text, and what is never markup
    ("plain words", [Text("plain words")]),
    ("snake_case and __init__", [Text("snake_case and __init__")]),
    ("_not italic_", [Text("_not italic_")]),
    ("__builtin_ctzll", [Text("__builtin_ctzll")]),
    ("<b>x</b>", [Text("<b>x</b>")]),
    ("\\textbf{x} $x^2$", [Text("\\textbf{x} $x^2$")]),
    ("see https://example.com", [Text("see https://example.com")]),
    ("a * b * c", [Text("a * b * c")]),
    ("[a] (b)", [Text("[a] (b)")]),
    ("[a](b c)", [Text("[a](b c)")]),
    ("``", [Text("``")]),
    # bold, italic, code
    ("**bold**", [Strong([Text("bold")])]),
    ("*italic*", [Emphasis([Text("italic")])]),
    ("a**b**c", [Text("a"), Strong([Text("b")]), Text("c")]),
    ("`x *y* [z](q)`", [Code("x *y* [z](q)")]),
    ("**`c`**", [Strong([Code("c")])]),
    # nested
    ("**a *b* c**", [Strong([Text("a "), Emphasis([Text("b")]), Text(" c")])]),
    ("*a **b** c*", [Emphasis([Text("a "), Strong([Text("b")]), Text(" c")])]),
    ("*a* and **b**", [Emphasis([Text("a")]), Text(" and "), Strong([Text("b")])]),
    # links
    ("[a](https://x.org)", [Link([Text("a")], "https://x.org")]),
    ("[**b**](https://x.org)", [Link([Strong([Text("b")])], "https://x.org")]),
    ("<https://x.org/a?b=1>", [Link([Text("https://x.org/a?b=1")], "https://x.org/a?b=1")]),
    ("<mailto:a@b.org>", [Link([Text("mailto:a@b.org")], "mailto:a@b.org")]),
    ("<b>", [Text("<b>")]),
    # unclosed markup prints as typed
    ("**open", [Text("**open")]),
    ("*open", [Text("*open")]),
    ("*a**", [Text("*a**")]),
    ("** a**", [Text("** a**")]),
    ("*a*b*", [Emphasis([Text("a")]), Text("b*")]),
    ("`open", [Text("`open")]),
    ("[open](", [Text("[open](")]),
    # backslash escapes of * ` [ ] < > \ only
    ("\\*x\\*", [Text("*x*")]),
    ("\\`x\\`", [Text("`x`")]),
    ("\\[a\\](b)", [Text("[a](b)")]),
    ("\\<https://x.org\\>", [Text("<https://x.org>")]),
    ("\\\\", [Text("\\")]),
    ("a\\\\*b*", [Text("a\\"), Emphasis([Text("b")])]),
    ("**a\\**b**", [Strong([Text("a**b")])]),
    ("\\n \\_", [Text("\\n \\_")]),
    ("`a\\`b`", [Code("a\\"), Text("b`")]),  # no escapes inside code, as in CommonMark
    # paragraphs and lines
    ("p1\n\np2", [Text("p1"), Break(), Text("p2")]),
    ("x\n  \n y", [Text("x"), Break(), Text("y")]),
    ("one\ntwo", [Text("one two")]),
    ("  padded  ", [Text("padded")]),
    # CommonMark's other line endings, CR and CRLF, are line endings too
    ("one\rtwo", [Text("one two")]),
    ("one\r\ntwo", [Text("one two")]),
    ("p1\r\rp2", [Text("p1"), Break(), Text("p2")]),
    ("p1\r\n\r\np2", [Text("p1"), Break(), Text("p2")]),
    ("p1\n\rp2", [Text("p1"), Break(), Text("p2")]),
    ("p1\r \t\r\n p2", [Text("p1"), Break(), Text("p2")]),
    ("`x\r<script>`", [Code("x <script>")]),  # once kept the CR: the rest was raw HTML
    ("**a\rb**", [Strong([Text("a b")])]),
]


@pytest.mark.parametrize(("source", "spans"), CASES, ids=[c[0] for c in CASES])
def test_parse(source: str, spans: list[object]) -> None:
    assert parse(source) == spans


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("**a** *b* `c` [d](https://x.org)", "a b c d"),
        ("p1\n\np2", "p1\n\np2"),
        ("\\*lit\\*", "*lit*"),
    ],
)
def test_plain(source: str, text: str) -> None:
    assert plain(parse(source)) == text


def test_lead_in_splits_bold_colon_opening() -> None:
    found = lead_in(parse("**Speed:**  Cut CI time."))
    assert found == ([Text("Speed:")], [Text("Cut CI time.")])


@pytest.mark.parametrize("source", ["**Speed** cut", "Cut **Speed:** x", "*Speed:* x", ""])
def test_no_lead_in(source: str) -> None:
    assert lead_in(parse(source)) is None


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("a\r\n<https://x.org>", [("https://x.org", 4, 17)]),
        ("a\r\rb https://x.org/p).", [("https://x.org/p", 5, 20)]),
        # A Chinese sentence goes on after the address: full-width marks end it.
        ("项目\uff08https://x.org/a\uff09\uff0c负责开发", [("https://x.org/a", 3, 18)]),
        (
            "见 https://zh.wikipedia.org/wiki/北京。",
            [("https://zh.wikipedia.org/wiki/北京", 2, 34)],
        ),
    ],
)
def test_links_keep_their_offsets_across_line_endings(
    source: str, found: list[tuple[str, int, int]]
) -> None:
    assert list(links(source)) == found


def test_a_bare_address_ends_in_linear_time() -> None:
    """Unbalanced brackets after an address were once counted again for each (20 s here)."""
    text = "see https://x.org/a" + ")" * 200_000
    start = time.perf_counter()
    assert list(links(text)) == [("https://x.org/a", 4, 19)]
    assert time.perf_counter() - start < 2
