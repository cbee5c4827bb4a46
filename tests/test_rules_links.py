"""The offline links rules (RF120-RF126), the URL extraction they share, the TLD data."""

from __future__ import annotations

import datetime
import importlib.util
import json
from collections.abc import Iterator

import pytest
from conftest import EXAMPLES, ROOT, as_document_text, in_ci

from resumefmt.lint_rules.links import RULES
from resumefmt.lint_rules.links._urls import iter_urls
from resumefmt.loader import load_text
from resumefmt.model import CUSTOM, KINDS, RICH_TEXT, WITH_PROJECTS
from resumefmt.plugins import Registry
from resumefmt.richtext import links
from resumefmt.rules import Context
from resumefmt.testing import findings, lint_fragment

OFFLINE = [rule for rule in RULES if not rule.online]
BY_CODE = {rule.code: rule for rule in RULES}


def positions(fragment: str) -> list[tuple[int, int, str]]:
    """What every offline links rule finds on a valid fragment, in order."""
    return sorted(found for rule in OFFLINE for found in findings(fragment, rule))


def message(fragment: str) -> str:
    """The message of the one finding of the offline links rules on a fragment."""
    (found,) = lint_fragment(fragment, OFFLINE)
    assert found.code.startswith("RF12"), found
    return found.message


P = "projects:\n  - name: P\n"  # lines 4-5; a field below it is on line 6

FAILS = [
    (P + "    summary: See [the demo](www.example.com).\n", [(6, 29, "RF120")]),
    (P + "    url: https://exa_mple.com/\n", [(6, 10, "RF120")]),
    (P + "    url: https://localhost:8080/\n", [(6, 10, "RF120")]),
    (P + "    url: https://example.com:99999/\n", [(6, 10, "RF120")]),
    (P + "    url: https://ada:secret@example.com/\n", [(6, 10, "RF120")]),
    (P + "    url: https://example..com/\n", [(6, 10, "RF120")]),
    (P + "    url: https://-ada.example.com/\n", [(6, 10, "RF120")]),
    (P + "    url: https://example.com/100%\n", [(6, 10, "RF120")]),
    (P + "    url: https://999.1.1.1/\n", [(6, 10, "RF120")]),
    (P + "    summary: Data at <ftp://example.com/d>.\n", [(6, 23, "RF120")]),
    (P + "    summary: Data at [d](javascript:void).\n", [(6, 26, "RF120")]),
    (P + "    repository: http://github.com/ada/x\n", [(6, 17, "RF121")]),
    (P + "    url: http://ada.github.io/\n", [(6, 10, "RF121")]),
    (P + "    url: http://ada.dev/\n", [(6, 10, "RF121")]),
    (P + "    summary: Live at <http://arxiv.org/abs/1>.\n", [(6, 23, "RF121")]),
    (P + "    summary: Try <https://chatrhino.ttfb/>.\n", [(6, 19, "RF122")]),
    (P + "    url: https://example.comm/\n", [(6, 10, "RF122")]),
    (P + "    url: https://Example.COMM\n", [(6, 10, "RF122")]),
    ("basics:\n  name: A\n  email: a..b@example.com\n", [(4, 10, "RF123")]),
    ("basics:\n  name: A\n  email: .a@example.com\n", [(4, 10, "RF123")]),
    ("basics:\n  name: A\n  email: a,b@example.com\n", [(4, 10, "RF123")]),
    ("basics:\n  name: A\n  email: a@example\n", [(4, 10, "RF123")]),
    ("basics:\n  name: A\n  email: a@example.con\n", [(4, 10, "RF123")]),
    (P + "    summary: Mail [me](mailto:a@@example.com).\n", [(6, 24, "RF123")]),
    (P + "    summary: Mail <mailto:a@example.c0m>.\n", [(6, 20, "RF123")]),
]
PROFILE = "basics:\n  name: A\n  profiles:\n    - network: {network}\n{extra}      url: {url}\n"


def profile(url: str, network: str = "GitHub", username: str | None = None) -> str:
    extra = f"      username: {username}\n" if username else ""
    return PROFILE.format(network=network, url=url, extra=extra)


FAILS += [
    (profile("https://github.com/ada/engine"), [(6, 12, "RF124")]),
    (profile("https://github.com/-ada"), [(6, 12, "RF124")]),
    (profile("https://gitlab.com/ada"), [(6, 12, "RF124")]),
    (profile("https://github.com/ada", network="LinkedIn"), [(6, 12, "RF124")]),
    (profile("https://www.linkedin.com/company/ada", "LinkedIn"), [(6, 12, "RF124")]),
    (profile("https://www.linkedin.com/ada", "linked-in"), [(6, 12, "RF124")]),
    (profile("https://scholar.google.com/citations?user=short", "Scholar"), [(6, 12, "RF124")]),
    (profile("https://scholar.google.com/citations?hl=en", "Google Scholar"), [(6, 12, "RF124")]),
    (profile("https://github.com/lovelace", username="ada"), [(6, 17, "RF125")]),
    (profile("https://mastodon.social/@lov", "Mastodon", "ada"), [(6, 17, "RF125")]),
    (profile("https://www.gitlab.com/lov", "GitLab", "ada"), [(6, 17, "RF125")]),
    (profile("https://www.youtube.com/@lov", "YouTube", "ada"), [(6, 17, "RF125")]),
    (profile("https://www.github.com/lov/", username="ada"), [(6, 17, "RF125")]),
    (P + "    summary: Code (https://github.com/ada/fast).\n", [(6, 20, "RF126")]),
    # a folded scalar: the finding is on the line where the address is written
    (P + "    summary: >-\n      First line.\n      Then <https://x.ttfb/> here.\n",
     [(8, 13, "RF122")]),
    (P + "    summary: \"Both <https://a.ttfb> and <https://b.ttfb>\"\n",
     [(6, 21, "RF122"), (6, 42, "RF122")]),
]  # fmt: skip

PASSES = [
    P + "    url: https://example.com/a%20b?q=1#top\n",
    P + "    url: https://例子.中国/\n",
    P + "    url: https://xn--fiqs8s.xn--fiqs8s/\n",
    P + "    url: https://192.168.1.1:8080/\n",
    P + "    url: https://example.co.uk./\n",
    P + "    url: http://example.com/\n",
    P + "    summary: Mail [me](mailto:ada@example.com) or call <tel:+15550100>.\n",
    P + "    summary: Run `curl https://x.ttfb/` or see <https://ok.com>.\n",
    P + "    summary: Code at [fast](https://github.com/ada/fast).\n",
    P + "    x-notes: {url: 'nonsense'}\n",
    "basics:\n  name: A\n  email: ada.lovelace+cv@example.co.uk\n",
    profile("https://github.com/Ada-L/", username="'@ada-l'"),
    profile("https://www.linkedin.com/in/ada-lovelace/", "LinkedIn", "ADA-LOVELACE"),
    profile("https://cn.linkedin.com/in/ada", "LinkedIn"),
    profile("https://scholar.google.com.hk/citations?hl=en&user=JicYPdAAAAAJ", "Google Scholar"),
    profile("https://mastodon.social/@ada", "Mastodon", "'@ada'"),
    profile("https://ada.example.com/", "Homepage"),
    # profile addresses people copy: www., http, trailing slashes, m. hosts, queries
    profile("https://www.github.com/ada"),
    profile("https://www.github.com/ada/", username="ada"),
    profile("https://github.com/ada?tab=repositories", username="Ada"),
    profile("https://www.linkedin.com/in/ada-l/", "LinkedIn", "ada-l"),
    profile("https://m.linkedin.com/in/ada-l/?locale=en_US", "LinkedIn", "ada-l"),
    profile("https://www.linkedin.com/in/ada-l/de", "LinkedIn", "ada-l"),
    profile("https://www.linkedin.com/pub/ada-l/1/2a/3b", "LinkedIn"),
    # addresses that carry an id, not the username
    profile("https://www.youtube.com/channel/UCxyz123ABCdef456GHIjkl", "YouTube", "adalovelace"),
    profile("https://stackoverflow.com/users/123456/ada-lovelace", "Stack Overflow", "ada"),
    profile("https://orcid.org/0000-0002-1825-0097", "ORCID", "ada"),
    profile("https://scholar.google.com/citations?user=JicYPdAAAAAJ", "Google Scholar", "Ada L"),
    profile("https://ada.example.com/about", "Blog", "ada_l"),
    profile("https://fosstodon.org/@ada", "Mastodon", "'@ada@fosstodon.org'"),
]


@pytest.mark.parametrize(("fragment", "expected"), FAILS)
def test_reports_at_the_exact_place(fragment: str, expected: list[tuple[int, int, str]]) -> None:
    assert positions(fragment) == expected


@pytest.mark.parametrize("fragment", PASSES)
def test_is_silent(fragment: str) -> None:
    assert positions(fragment) == []


@pytest.mark.parametrize(
    "url", ["http://www.github.com/ada/", "http://www.linkedin.com/in/x-y/", "http://github.com/a"]
)
def test_an_http_profile_is_a_profile_rf121_says_https(url: str) -> None:
    fragment = profile(url, "LinkedIn" if "linkedin" in url else "GitHub")
    assert [rule.code for rule in OFFLINE for _ in findings(fragment, rule)] == ["RF121"]


@pytest.mark.parametrize(
    ("fragment", "said"),
    [
        (P + "    summary: See [d](www.example.com).\n", "has no scheme: write it in full, as "
         "https://www.example.com"),
        (P + "    url: https://ada:pw@example.com/\n", "has a user name or password"),
        (P + "    url: https://localhost/\n", "the host 'localhost' has no top-level domain"),
        (P + "    repository: http://github.com/a/b\n", "github.com serves HTTPS: write https://"),
        (P + "    summary: Try <https://chatrhino.ttfb/>.\n",
         "'.ttfb' in chatrhino.ttfb is not a top-level domain"),
        ("basics:\n  name: A\n  email: a@example.con\n", "'.con' is not a top-level domain"),
        (profile("https://github.com/ada/engine"),
         "write https://github.com/<user>, not a repository"),
        (profile("https://scholar.google.com/citations?user=DzyIoEMAAAJ", "Google Scholar"),
         "user id 'DzyIoEMAAAJ' has 11 characters; Scholar ids have 12"),
        (profile("https://github.com/lovelace", username="ada"),
         "username 'ada' differs from 'lovelace' in the GitHub address"),
        (P + "    summary: See https://example.com.\n",
         "'https://example.com' prints as text: write <https://example.com>"),
    ],
)  # fmt: skip
def test_messages_say_what_is_wrong(fragment: str, said: str) -> None:
    assert said in message(fragment)


def test_renamed_rules_answer_to_their_former_names() -> None:
    registry = Registry()
    registry.add_rules(RULES)
    former = ["links.prefer-https", "links.email", "links.profile-url", "links.profile-username"]
    assert [registry.code_for(name) for name in former] == ["RF121", "RF123", "RF124", "RF125"]


def test_insecure_http_hosts_option_adds_sites() -> None:
    fragment = P + "    url: http://docs.example.org/x\n"
    assert positions(fragment) == []
    rule = BY_CODE["RF121"]
    assert findings(fragment, rule, options={"hosts": ["example.org"]}) == [(6, 10, "RF121")]


def test_malformed_schemes_option_narrows_prose_links() -> None:
    fragment = P + "    summary: Call <tel:+15550100>.\n"
    rule = BY_CODE["RF120"]
    assert findings(fragment, rule, options={"schemes": ["https"]}) == [(6, 20, "RF120")]


def _seed(name: str) -> list[tuple[int, int, str]]:
    return positions((EXAMPLES / f"{name}.resumefmt.yaml").read_text(encoding="utf-8"))


def test_the_seeds() -> None:
    # chatrhino.ttfb is the seed's own slip; so is the 11-character Scholar id.
    assert _seed("shuai-xie") == [(18, 12, "RF124"), (79, 10, "RF122")]
    # stable-fast's address is written bare in parentheses: text, not a link.
    assert _seed("cheng-zeyi") == [(70, 43, "RF126")]


def test_iter_urls_yields_fields_and_prose_spans() -> None:
    text = as_document_text(
        "basics:\n  name: A\n  email: a@example.com\n  url: https://a.example.com\n"
        "  profiles:\n    - {network: X, url: 'https://x.com/a'}\n"
        "publications:\n  - title: T\n    links:\n      - {label: Code, url: 'https://c.org'}\n"
        "projects:\n  - name: P\n    repository: https://r.org\n"
        "    x-mine: {url: 'https://hidden.org'}\n"
        "    highlights:\n      - 'See [it](https://l.org/a), <https://b.org> and https://n.org.'\n"
        "sections:\n  - title: S\n    items:\n      - {title: 'At <https://t.org>', url: 'https://i.org'}\n"
    )  # fmt: skip
    context = Context(load_text(text, "r.yaml"), {}, datetime.date(2026, 6, 15))
    found = list(iter_urls(context))
    assert [(p, u) for p, u, s, e in found if s is None] == [
        ("/basics/url", "https://a.example.com"),
        ("/basics/profiles/0/url", "https://x.com/a"),
        ("/publications/0/links/0/url", "https://c.org"),
        ("/projects/0/repository", "https://r.org"),
        ("/sections/0/items/0/url", "https://i.org"),
    ]
    spans = [(p, u, s, e) for p, u, s, e in found if s is not None]
    assert [(p, u) for p, u, _, _ in spans] == [
        ("/projects/0/highlights/0", "https://l.org/a"),
        ("/projects/0/highlights/0", "https://b.org"),
        ("/projects/0/highlights/0", "https://n.org"),
        ("/sections/0/items/0/title", "https://t.org"),
    ]
    bullet = context.data["projects"][0]["highlights"][0]
    assert all(bullet[s:e] == u for p, u, s, e in spans if p.startswith("/projects"))


def test_links_are_read_in_every_rich_text_field() -> None:
    link = "<https://example.com>"

    def entry(kind: str) -> dict[str, object]:
        return {field: [link] if field == "highlights" else link for field in RICH_TEXT[kind]}

    data: dict[str, object] = {"basics": entry("basics")}
    for section, kind in KINDS.items():
        if kind in RICH_TEXT:
            data[section] = [entry(kind)]
            if kind in WITH_PROJECTS:
                data[section][0]["projects"] = [entry("project")]  # type: ignore[index]
    data[CUSTOM] = [{"items": [entry("sectionItem"), link]}]
    context = Context(load_text(json.dumps(data), "r.json"), {}, datetime.date(2026, 6, 15))
    found = [pointer for pointer, _, start, _ in iter_urls(context) if start is not None]
    assert found == list(_string_pointers(data, ""))


def _string_pointers(node: object, pointer: str) -> Iterator[str]:
    if isinstance(node, str):
        yield pointer
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _string_pointers(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _string_pointers(value, f"{pointer}/{index}")


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("(see https://x.org/a_(b)), then", ["https://x.org/a_(b)"]),
        ("**https://x.org/a**", ["https://x.org/a"]),
        ("`https://code.org` \\<https://e.org>", ["https://e.org"]),
        ("[https://label.org](https://target.org)", ["https://target.org"]),
        ("xhttps://no.org", []),
        ("[open](mailto:a@b.org) [x] (y)", ["mailto:a@b.org"]),
        # a link ends a bare address; a blank line ends a code span that would hide one
        ("https://x.org/[a](https://y.org)", ["https://x.org/", "https://y.org"]),
        ("`a\n\nsee https://x.org` b", ["https://x.org"]),
    ],
)
def test_links_reads_markup_as_the_renderer_does(text: str, urls: list[str]) -> None:
    assert [url for url, _, _ in links(text)] == urls


def _sync_script() -> object:
    spec = importlib.util.spec_from_file_location("sync_tlds", ROOT / "scripts" / "sync_tlds.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_tld_module_matches_the_installed_public_suffix_list() -> None:
    if importlib.util.find_spec("publicsuffixlist") is None:
        reason = "publicsuffixlist is not installed (it is a test extra)"
        if in_ci():
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)
    script = _sync_script()
    expected = script.render_module()  # type: ignore[attr-defined]
    actual = (ROOT / "resumefmt" / "lint_rules" / "links" / "_tlds.py").read_text(encoding="utf-8")
    assert actual == expected, "stale: run .venv/bin/python scripts/sync_tlds.py"


def test_tld_data_knows_real_domains_and_not_made_up_ones() -> None:
    from resumefmt.lint_rules.links._tlds import TLDS

    assert isinstance(TLDS, str)  # one constant: nothing to build at import
    for tld in ("com", "uk", "dev", "io", "中国", "xn--fiqs8s"):
        assert f"\n{tld}\n" in TLDS
    for made_up in ("ttfb", "comm", "con", "co.uk", ""):
        assert f"\n{made_up}\n" not in TLDS


def test_icann_tlds_reads_the_icann_section_only() -> None:
    script = _sync_script()
    text = (
        "// ===BEGIN ICANN DOMAINS===\n// comment\ncom\n*.ck\n!www.ck\nco.uk\n中国\n"
        "// ===END ICANN DOMAINS===\n// ===BEGIN PRIVATE DOMAINS===\ngithub.io\nprivate\n"
    )
    assert script.icann_tlds(text) == ["ck", "com", "uk", "xn--fiqs8s", "中国"]  # type: ignore[attr-defined]
