"""How an address is written: malformed, insecure, unreachable by its name, or not a link.

Offline rules: they judge the text of each address that
:func:`~resumefmt.lint_rules.links._urls.iter_urls` finds, never the network.
"""

from __future__ import annotations

import re

from resumefmt.lint_rules.links import _hosts
from resumefmt.lint_rules.links._https import serves_https
from resumefmt.lint_rules.links._urls import TEXT_FIELDS, iter_urls, users_own
from resumefmt.model import PROFILE_SCHEMES
from resumefmt.pointer import split
from resumefmt.rules import Finding, Fix, Option, rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from resumefmt.rules import Context

#: A host name as the ``hosts`` option takes it: dot-separated labels.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST_NAME = rf"(?:{_LABEL}\.)*{_LABEL}"
_PROFILE_URL = re.compile(r"/basics/profiles/[0-9]+/url")


@rule(
    "RF120",
    "links.malformed-url",
    severity="error",
    options={
        "schemes": Option(
            ["http", "https", "mailto", "tel"],
            pattern=r"[A-Za-z][A-Za-z0-9+.-]{0,31}",
            what="URL scheme",
        )
    },
    reports=(
        "projects:\n  - name: Site\n    summary: See [the demo](www.example.com).\n",
        "projects:\n  - name: Site\n    url: https://exa_mple.com/\n",
        "projects:\n  - name: Site\n    url: https://localhost:8080/\n",
        "projects:\n  - name: Site\n    summary: Fetched from <ftp://example.com/data>.\n",
    ),
    passes=(
        "projects:\n  - name: Site\n    url: https://example.com/a%20b?q=1#top\n",
        "projects:\n  - name: Site\n    summary: Write to [me](mailto:ada@example.com).\n",
        "basics:\n  name: Ada\n  profiles:\n    - network: Skype\n      url: skype:ada.l?call\n",
    ),
)
def malformed_url(context: Context) -> Iterator[Finding]:
    """An address is not well formed.

    URL fields (``url``, ``repository``) must be ``http://`` or ``https://``
    addresses; links in rich text may also be ``mailto:`` or ``tel:`` (option
    ``schemes``), and a profile's address (format 1.1) ``mailto:``, ``tel:``,
    ``skype:``, ``xmpp:``, ``sip:`` or ``callto:``. Reported: no scheme
    (``www.example.com``), spaces, a missing ``//``, a user name or password,
    a bad port, a backslash, a stray ``%``,
    and a host that is not a domain name (empty parts, bad characters, no
    top-level domain such as ``https://localhost``).
    """
    in_text = tuple(str(s).lower() for s in context.options["schemes"])
    for pointer, url, start, end in iter_urls(context):
        schemes = in_text if start is not None else _hosts.WEB
        if start is None and _PROFILE_URL.fullmatch(pointer):
            schemes = (*_hosts.WEB, *PROFILE_SCHEMES)
        said = _hosts.url_problem(url, schemes)
        if said:
            yield Finding(pointer, said, start, end)


@rule(
    "RF121",
    "links.insecure-http",
    formerly=("links.prefer-https",),
    fixable=True,
    options={"hosts": Option([], pattern=_HOST_NAME, what="host name")},
    reports=(
        "projects:\n  - name: Code\n    repository: http://github.com/ada/engine\n",
        "projects:\n  - name: Site\n    summary: Live at <http://ada.github.io/>.\n",
    ),
    passes=(
        "projects:\n  - name: Code\n    repository: https://github.com/ada/engine\n",
        "projects:\n  - name: Site\n    url: http://example.com/\n",
    ),
)
def insecure_http(context: Context) -> Iterator[Finding]:
    """An http:// address to a site that serves https://.

    Offline, the linter cannot ask a site; it knows a bundled list of sites that
    serve every page over HTTPS and redirect plain HTTP (GitHub and GitHub
    Pages, GitLab, LinkedIn, Google and Google Scholar, arXiv, doi.org, ORCID,
    …) and the top-level domains browsers only reach over HTTPS (``.dev``,
    ``.app``, …). Add your own with the option ``hosts: [example.org]``;
    a host matches its subdomains too.
    """
    extra = frozenset(str(h).lower() for h in context.options["hosts"])
    for pointer, url, start, end in iter_urls(context):
        parts = _hosts.split_url(url)
        if parts is None or parts.scheme != "http" or not parts.host:
            continue
        if serves_https(parts.host, extra):
            message = f"{parts.host} serves HTTPS: write https:// instead of http://"
            yield Finding(pointer, message, start, end, fix=_https(context, pointer, url, start))


def _https(context: Context, pointer: str, url: str, start: int | None) -> Fix | None:
    """The fix: ``https`` for the scheme, where the text holds the address as written."""
    at = 0 if start is None else start
    value: object = context.data
    for token in split(pointer):
        value = value[int(token)] if isinstance(value, list) else value[token]  # type: ignore[index]
    if not (isinstance(value, str) and value.startswith(url, at) and url[:5].lower() == "http:"):
        return None
    return Fix("https", at, at + 4)


@rule(
    "RF122",
    "links.unknown-tld",
    severity="error",
    reports=(
        "projects:\n  - name: Chat\n    summary: Try it at <https://chatrhino.ttfb/>.\n",
        "projects:\n  - name: Site\n    url: https://example.comm/\n",
    ),
    passes=(
        "projects:\n  - name: Site\n    url: https://example.co.uk/\n",
        "projects:\n  - name: Site\n    url: https://ada.dev/\n",
    ),
)
def unknown_tld(context: Context) -> Iterator[Finding]:
    """A host's top-level domain does not exist.

    The domains that exist come from the Public Suffix List bundled with
    resumefmt. An address whose last part is not among them, such as
    ``https://example.comm``, cannot be reached by anyone: usually a typo, or
    a name that was never registered.
    """
    for pointer, url, start, end in iter_urls(context):
        parts = _hosts.split_url(url)
        if parts is None or parts.scheme not in _hosts.WEB or not parts.host:
            continue
        if _hosts.url_problem(url) is None and (tld := _hosts.unknown_tld(parts.host)):
            message = f"'.{tld}' in {parts.host} is not a top-level domain: no such site exists"
            yield Finding(pointer, message, start, end)


@rule(
    "RF123",
    "links.invalid-email",
    formerly=("links.email",),
    severity="error",
    reports=(
        "basics:\n  name: Ada\n  email: ada..lovelace@example.com\n",
        "basics:\n  name: Ada\n  email: ada@example\n",
        "basics:\n  name: Ada\n  email: ada@example.con\n",
        "projects:\n  - name: Site\n    summary: Mail [me](mailto:ada@@example.com).\n",
    ),
    passes=(
        "basics:\n  name: Ada\n  email: ada.lovelace+cv@example.co.uk\n",
        "projects:\n  - name: Site\n    summary: Mail [me](mailto:ada@example.com).\n",
    ),
)
def invalid_email(context: Context) -> Iterator[Finding]:
    """An e-mail address is not well formed.

    It reads ``email`` fields and ``mailto:`` links. Checked: one ``@``; a name
    part of allowed characters without a leading, trailing or doubled dot; a
    domain with valid parts and a top-level domain that exists.
    """
    for pointer, text in context.strings("**/email"):
        if not users_own(pointer) and (said := _hosts.email_problem(text)):
            yield Finding(pointer, said)
    for pointer, url, start, end in iter_urls(context):
        if start is not None and url[:7].lower() == "mailto:":
            for address in url[7:].split("?", 1)[0].split(","):
                if said := _hosts.email_problem(address):
                    yield Finding(pointer, said, start, end)


@rule(
    "RF126",
    "links.bare-url",
    severity="info",
    reports=(
        "projects:\n  - name: Fast\n    summary: Open source (https://github.com/ada/fast).\n",
    ),
    passes=(
        "projects:\n  - name: Fast\n    summary: Open source at <https://github.com/ada/fast>.\n",
        "projects:\n  - name: Fast\n    summary: Open source as [fast](https://github.com/ada/fast).\n",
    ),
)
def bare_url(context: Context) -> Iterator[Finding]:
    """A bare address in rich text prints as text, not as a link.

    Wrap it in angle brackets (``<https://example.com>``) or give it a label
    (``[stable-fast](https://github.com/chengzeyi/stable-fast)``).
    """
    texts = dict(context.strings(*TEXT_FIELDS))
    for pointer, url, start, end in iter_urls(context):
        if start is None:
            continue  # a URL field
        before = texts[pointer][max(start - 2, 0) : start]
        if not before.endswith("<") and before != "](":  # not an autolink, not a link
            yield Finding(pointer, f"'{url}' prints as text: write <{url}>", start, end)
