"""The Markdown export, read back by real parsers (markdown-it-py) and a real linter."""

from __future__ import annotations

import html
import json
import re
import subprocess
import textwrap
from typing import Any

import pytest
from conftest import EXAMPLES, NODE_BIN, ROOT, require_tool
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from strategies import resumefmt_documents

from resumefmt.converters._common import TITLES
from resumefmt.converting import ConvertOptions, convert
from resumefmt.loader import load, load_text
from resumefmt.model import CUSTOM, KINDS
from resumefmt.plugins import converter_registry
from resumefmt.richtext import parse, plain

MARKDOWN = converter_registry(third_party=False).converters["markdown"]
# "gfm-like" adds tables and strikethrough; linkify needs linkify-it-py, and
# only turns bare addresses into links (their text stays the same).
PARSERS = {
    "commonmark": MarkdownIt("commonmark"),
    "gfm-like": MarkdownIt("gfm-like", {"linkify": False}),
}
for _parser in PARSERS.values():
    # markdown-it shows an autolink's text through mdurl, which tidies a
    # malformed port away (<https://x.y::;a> reads "https://x.y:;a"); browsers
    # and the spec show the address as written, which is what is compared.
    _parser.normalizeLinkText = lambda url: url  # type: ignore[method-assign]
LINT_CONFIG = ROOT / "tests" / "markdown.markdownlint.jsonc"


def to_markdown(document: dict[str, Any]) -> str:
    loaded = load_text(json.dumps(document, ensure_ascii=False), "t.json", "json")
    return convert(loaded, MARKDOWN, ConvertOptions())


def doc(**sections: Any) -> dict[str, Any]:
    basics = sections.pop("basics", {"name": "Test Person"})
    return {"resumefmt": "1.0", "basics": basics, **sections}


def inline_text(token: Token) -> str:
    """What a reader sees of one inline token: text, code, softbreaks as spaces."""
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


def blocks(markdown: str, preset: str = "commonmark") -> list[tuple[str, str, list[str]]]:
    """``(block tag, its text, inline token types)`` of every inline run, in order."""
    tokens = PARSERS[preset].parse(markdown)
    found = []
    for index, token in enumerate(tokens):
        if token.type == "inline":
            kinds = [child.type for child in token.children or []]
            found.append((tokens[index - 1].tag, inline_text(token), kinds))
    return found


def html_tokens(markdown: str) -> list[str]:
    found = []
    for preset in PARSERS:
        for token in PARSERS[preset].parse(markdown):
            found += [t.content for t in [token, *(token.children or [])] if "html" in t.type]
    return found


HOSTILE = [
    "*Star*_Dev",
    "#hashtag",
    "# not a heading #",
    "1. item",
    "2) item",
    "- dash",
    "+ plus",
    "> quote",
    "---",
    "***",
    "<b>x</b>",
    "<!-- comment -->",
    "<https://example.com>",
    "[a](b)",
    "![img](x.png)",
    "[ref]: https://example.com",
    "| pipes |",
    "a | b",
    "~~strike~~",
    "$x^2$",
    "`code`",
    "&amp; &copy; &#169;",
    "\\textbf{x}",
    "trailing\\",
    "__init__",
    "_a_ __b__",
    "=====",
]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("preset", sorted(PARSERS))
def test_literal_text_prints_as_written(value: str, preset: str) -> None:
    markdown = to_markdown(
        doc(
            basics={"name": value, "headline": value},
            skills=[{"name": "S", "keywords": [value]}],
            interests=[{"name": value}],
            sections=[{"title": value, "items": ["x"]}],
        )
    )
    found = blocks(markdown, preset)
    expected = [
        ("h1", value),
        ("p", value),
        ("h2", "Skills"),
        ("p", f"S: {value}"),
        ("h2", "Interests"),
        ("p", value),
        ("h2", value),
        ("p", "x"),
    ]
    assert [(tag, text) for tag, text, _ in found] == expected
    allowed = {"text", "strong_open", "strong_close"}  # the skill group's name is bold
    if "https://" in value:  # a bare address is written as an autolink
        allowed |= {"link_open", "link_close"}
    assert all(set(kinds) <= allowed for _, _, kinds in found), found
    assert html_tokens(markdown) == []


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("snake_case", "snake_case"),
        ("C# and C++", "C# and C++"),
        ("50% of R&D", "50% of R&D"),
        ("__init__", "\\_\\_init\\_\\_"),
        ("<b>x</b>", "&lt;b>x&lt;/b>"),
        ("1. item", "1\\. item"),
        ("a  \n b", "a b"),
    ],
)
def test_escaping_stays_readable(value: str, written: str) -> None:
    markdown = to_markdown(doc(basics={"name": "N", "headline": value}))
    assert markdown.splitlines()[2] == written


def test_rich_text_becomes_markdown() -> None:
    source = (
        "**Speed:** cut *p99* by `40%` with [the cache](https://x.org/a_b?c=d) "
        "and <https://y.org/z>; <b>raw</b> & \\*stars\\* stay"
    )
    markdown = to_markdown(doc(work=[_job(highlights=[source])]))
    line = next(li for li in markdown.splitlines() if li.startswith("- "))
    assert line == (
        "- **Speed:** cut *p99* by `40%` with [the cache](https://x.org/a_b?c=d) "
        "and <https://y.org/z>; &lt;b>raw&lt;/b> & \\*stars\\* stay"
    )
    for preset in PARSERS:
        tokens = PARSERS[preset].parse(markdown)
        children = [c for t in tokens if t.type == "inline" for c in t.children or []]
        links = [c.attrs["href"] for c in children if c.type == "link_open"]
        assert links == ["https://x.org/a_b?c=d", "https://y.org/z"]
        kinds = {c.type for c in children}
        assert {"strong_open", "em_open", "code_inline"} <= kinds
        assert "html_inline" not in kinds
    assert f"{plain(parse(source))}" in blocks(markdown)[-1][1]


@pytest.mark.parametrize(
    ("source", "written"),
    [
        ("a**(b)**c", "a(b)c"),  # CommonMark would not read these stars as bold: drop them
        ("**a** x", "**a** x"),
        ("[x](javascript:alert)", "x (javascript:alert)"),
        ("` x `", "`  x  `"),  # CommonMark strips one space from each side
        ("`<b>`", "`<b>`"),
        ("p1\n\np2", "p1\n\n  p2"),
        ("1. first", "1\\. first"),
        ("<javascript:alert(1)>", "javascript:alert(1)"),  # shown once, as text
        ("[x](javascript&colon;alert)", "x (javascript&amp;colon;alert)"),
        ("`a\rb\x1bc\x9bd\u202ee`", "`a bcde`"),  # a CR in a code span once let HTML through
        ("a`\x1b`b", "ab"),  # an empty code span would print its backticks
        ("a\x1b[31mb\u2066c", "a\\[31mbc"),
    ],
)
def test_rich_text_edge_cases(source: str, written: str) -> None:
    markdown = to_markdown(doc(work=[_job(highlights=[source])]))
    assert markdown.split("- ", 1)[1].rstrip("\n") == written
    assert html_tokens(markdown) == []


@pytest.mark.parametrize(
    "url",
    [
        "https://e.com/?a=1&copy;=2",  # CommonMark would read "&copy;" as "©"
        "https://e.com/p?q=1&amp;r=2",
        "https://e.com/a&#106;b",
        "https://e.com/\x1bx\u202e",  # invisible: percent-encoded, never raw
    ],
)
def test_link_destinations_read_back_as_written(url: str) -> None:
    import markdown as python_markdown

    markdown = to_markdown(doc(work=[_job(highlights=[f"[x]({url.replace(' ', '%20')})"])]))
    assert not {"\x1b", "\u202e"} & set(markdown)
    expected = url.replace("\x1b", "%1B").replace("\u202e", "%E2%80%AE")
    for preset in PARSERS:
        tokens = PARSERS[preset].parse(markdown)
        hrefs = [c.attrs["href"] for t in tokens for c in t.children or [] if c.type == "link_open"]
        assert hrefs == [expected]
    # python-markdown passes entities on to the href, where the browser decodes them
    page = python_markdown.markdown(markdown)
    assert [html.unescape(h) for h in re.findall(r'href="([^"]*)"', page)] == [expected]


def test_link_addresses_survive_parentheses() -> None:
    url = "https://en.wikipedia.org/wiki/Ada_(language)"
    markdown = to_markdown(doc(basics={"name": "N", "url": url}))
    assert "(https://en.wikipedia.org/wiki/Ada_\\(language\\))" in markdown
    for preset in PARSERS:
        tokens = PARSERS[preset].parse(markdown)
        hrefs = [c.attrs["href"] for t in tokens for c in t.children or [] if c.type == "link_open"]
        assert hrefs == ["https://en.wikipedia.org/wiki/Ada_(language)"]


def test_layout_of_a_small_resume() -> None:
    markdown = to_markdown(
        doc(
            basics={
                "name": "Ada Lovelace",
                "altName": "エイダ",
                "headline": "Engineer",
                "email": "ada@example.com",
                "url": "https://ada.example.com/",
                "profiles": [{"network": "GitHub", "username": "ada", "url": "https://gh.io/ada"}],
            },
            work=[_job(highlights=["Did *things*."], technologies=["C"])],
            awards=[{"title": "Prize", "date": ["2016", "2017"]}],
        )
    )
    assert markdown == textwrap.dedent("""\
        # Ada Lovelace (エイダ)

        Engineer

        {contacts}

        ## Experience

        ### Engineer — Example Corp

        Mar 2021 \u2013 Present

        - Did *things*.

        Technologies: C

        ## Awards

        - Prize · 2016, 2017
        """).format(
        contacts="[ada@example.com](mailto:ada@example.com) · "
        "[ada.example.com](https://ada.example.com/) · [GitHub: ada](https://gh.io/ada)"
    )


def _job(**extra: Any) -> dict[str, Any]:
    return {
        "organization": "Example Corp",
        "role": "Engineer",
        "start": "2021-03",
        "end": "present",
    } | extra


def test_every_standard_section_has_a_title() -> None:
    # A section the format gains must get a heading in the documents (custom ones bring theirs).
    assert set(TITLES) == set(KINDS) - {CUSTOM}


@pytest.mark.parametrize("seed", ["shuai-xie", "cheng-zeyi"])
def test_seed_headings(seed: str) -> None:
    markdown = convert(load(str(EXAMPLES / f"{seed}.resumefmt.yaml")), MARKDOWN, ConvertOptions())
    headings = [(tag, text) for tag, text, _ in blocks(markdown) if tag in ("h1", "h2")]
    expected = {
        "shuai-xie": [
            "Shuai Xie",
            "Education",
            "Skills",
            "Languages",
            "Experience",
            "Research",
            "Publications",
            "Awards",
            "Interests",
        ],
        "cheng-zeyi": [
            "Cheng Zeyi (成泽毅)",
            "Education",
            "Expertise",
            "Experience",
            "Languages",
            "Projects",
        ],
    }[seed]
    assert [text for _, text in headings] == expected
    assert html_tokens(markdown) == []


def test_seeds_pass_markdownlint(tmp_path: Any) -> None:
    tool = require_tool("markdownlint-cli2", search=NODE_BIN)
    for seed in ("shuai-xie", "cheng-zeyi"):
        source = load(str(EXAMPLES / f"{seed}.resumefmt.yaml"))
        (tmp_path / f"{seed}.md").write_text(convert(source, MARKDOWN, ConvertOptions()), "utf-8")
    done = _markdownlint(tool, tmp_path, "*.md")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 issues" in done.stdout + done.stderr


ADDRESSES = (
    "See https://x.org/a_b, (https://y.org/p) and www.z.org, ada@example.com, "
    "1https://q.org and xmpp:me@chat.org"
)


def test_bare_addresses_are_autolinks_and_pass_md034(tmp_path: Any) -> None:
    """markdownlint's MD034 (no bare URLs) holds on every field, link labels included."""
    tool = require_tool("markdownlint-cli2", search=NODE_BIN)
    labelled = "[label https://in.label www.l.org a@b.org](https://target.org)"
    markdown = to_markdown(
        doc(
            basics={"name": "N https://n.org", "headline": ADDRESSES, "summary": ADDRESSES},
            work=[
                _job(
                    organization="Acme https://acme.org",
                    url="https://acme.org/jobs",
                    highlights=[ADDRESSES, labelled, "`https://code.org` **https://b.org**"],
                )
            ],
            skills=[{"name": "S", "keywords": [ADDRESSES]}],
            publications=[
                {"title": "T", "links": [{"label": "L https://l.org", "url": "https://l2.org"}]}
            ],
            sections=[
                {"title": "C", "items": [{"title": "[x](https://x.org) y", "url": "https://c.org"}]}
            ],
        )
    )
    (tmp_path / "cv.md").write_text(markdown, "utf-8")
    done = _markdownlint(tool, tmp_path, "cv.md")
    assert done.returncode == 0, done.stdout + done.stderr + markdown
    assert "<https://x.org/a_b>, (<https://y.org/p>)" in markdown
    for preset in PARSERS:
        tokens = PARSERS[preset].parse(markdown)
        children = [c for t in tokens if t.type == "inline" for c in t.children or []]
        hrefs = {c.attrs["href"] for c in children if c.type == "link_open"}
        expected = {"https://x.org/a_b", "https://y.org/p", "https://n.org"}
        assert expected | {"mailto:ada@example.com", "mailto:me@chat.org"} <= hrefs
        assert not {h for h in hrefs if "z.org" in h or "q.org" in h or "l.org" in h}
        text = " ".join(inline_text(t) for t in tokens if t.type == "inline")
        assert ADDRESSES in text
        assert "label https://in.label www.l.org a@b.org" in text  # one link, its label as written
        assert "Acme https://acme.org" in text and "x y" in text


def test_markdownlint_with_our_config_still_finds_problems(tmp_path: Any) -> None:
    """The relaxed configuration keeps the other rules: a broken file is reported."""
    tool = require_tool("markdownlint-cli2", search=NODE_BIN)
    (tmp_path / "bad.md").write_text("#Title\n\n\n## Two blank lines above\n", "utf-8")
    done = _markdownlint(tool, tmp_path, "bad.md")
    assert done.returncode == 1
    assert "MD018" in done.stderr + done.stdout and "MD012" in done.stderr + done.stdout


def _markdownlint(tool: str, folder: Any, pattern: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [tool, "--config", str(LINT_CONFIG), pattern],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


RICH_KEYS = {"summary", "highlights", "description", "thesis"}
SKIP_KEYS = {"resumefmt", "$schema", "start", "end", "date", "url", "repository", "type", "status"}


def user_strings(
    node: Any, *, rich: bool = False, in_items: bool = False
) -> list[tuple[bool, str]]:
    """``(is_rich, text)`` of every string the output must print."""
    if isinstance(node, str):
        return [(rich, node)]
    if isinstance(node, list):
        return [
            s for item in node for s in user_strings(item, rich=rich or in_items, in_items=in_items)
        ]
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key.startswith("x-") or key in SKIP_KEYS:
                continue
            is_rich = key in RICH_KEYS or (in_items and key in ("title", "subtitle"))
            found += user_strings(value, rich=is_rich, in_items=key == "items")
    return found


def _norm(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=resumefmt_documents())
def test_every_user_string_prints_literally(document: dict[str, Any]) -> None:
    markdown = to_markdown(document)
    assert html_tokens(markdown) == []
    for preset in PARSERS:
        seen = _norm(" ".join(text for _, text, _ in blocks(markdown, preset)))
        for rich, value in user_strings(document):
            expected = _norm(plain(parse(value)) if rich else value)
            assert expected in seen, (preset, value, markdown)


_MARKUP_PIECES = [
    *"ab *`[]()<>\\_#:.-1!&;|~$",
    "**",
    "https://x.y",
    "<https://q.r>",
    "](https://z.w)",
]


@settings(max_examples=400, deadline=None)
@given(source=st.lists(st.sampled_from(_MARKUP_PIECES), min_size=1, max_size=14).map("".join))
@example(source="<https://x.y::;a>")  # an autolink whose text a tidying reader would change
@example(source="**`***a*")  # bold whose stars close only if the italic after it prints its own
def test_rich_text_reads_back_as_its_plain_text(source: str) -> None:
    """Dense markup: whatever the spans, CommonMark shows exactly their text, no HTML."""
    from resumefmt.converters.markdown._escape import rich

    markdown = "\n\n".join(rich(source))
    assert html_tokens(markdown) == []
    shown = _norm(" ".join(text for _, text, _ in blocks(markdown)))
    assert shown == _norm(plain(parse(source))), markdown
