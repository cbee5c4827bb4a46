"""The offline ``links`` rules: addresses that are malformed, insecure, or cannot exist.

Every address is found by :func:`resumefmt.lint_rules._urls.iter_urls` (URL fields
and links in rich text); a finding in prose points at the address itself. Nothing
here uses the network: ``links_online`` checks that addresses answer.
"""

from __future__ import annotations

from resumefmt.lint_rules import _hosts, _https
from resumefmt.lint_rules._profiles import host_site, network_site, profile_user
from resumefmt.lint_rules._urls import iter_urls, scan
from resumefmt.rules import Finding, Rule

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs 3.5 ms of start-up
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from resumefmt.diagnostics import Severity
    from resumefmt.plugins import Registry
    from resumefmt.rules import Context


def _user_key(pointer: str) -> bool:
    """Whether ``pointer`` is under an ``x-`` key: the user's own, not checked."""
    return "/x-" in pointer


def malformed_url(context: Context) -> Iterator[Finding]:
    """An address that is not a well-formed web address.

    URL fields (``url``, ``repository``) must be ``http://`` or ``https://``
    addresses; links in rich text may also be ``mailto:`` or ``tel:`` (option
    ``schemes``). Reported: no scheme (``www.example.com``), spaces, a missing
    ``//``, a user name or password, a bad port, a backslash, a stray ``%``,
    and a host that is not a domain name (empty parts, bad characters, no
    top-level domain such as ``https://localhost``).
    """
    prose = tuple(str(s).lower() for s in context.options["schemes"])
    for pointer, url, start, end in iter_urls(context):
        said = _hosts.url_problem(url, _hosts.WEB if start is None else prose)
        if said:
            yield Finding(pointer, said, start, end)


def prefer_https(context: Context) -> Iterator[Finding]:
    """``http://`` to a site that serves ``https://``.

    Offline, the linter cannot ask a site; it knows a bundled list of sites that
    serve every page over HTTPS and redirect plain HTTP (GitHub and GitHub
    Pages, GitLab, LinkedIn, Google and Google Scholar, arXiv, doi.org, ORCID,
    …) and the top-level domains browsers only reach over HTTPS (``.dev``,
    ``.app``, …). Add your own with the option ``hosts: [example.org]``;
    a host matches its subdomains too.
    """
    extra = tuple(str(h) for h in context.options["hosts"])
    for pointer, url, start, end in iter_urls(context):
        parts = _hosts.split_url(url)
        if parts is None or parts.scheme != "http" or not parts.host:
            continue
        if _https.serves_https(parts.host, extra):
            message = f"{parts.host} serves HTTPS: write https:// instead of http://"
            yield Finding(pointer, message, start, end)


def unknown_tld(context: Context) -> Iterator[Finding]:
    """A host whose top-level domain does not exist, such as ``https://example.comm``.

    The domains that exist come from the Public Suffix List bundled with
    resumefmt. An address whose last part is not among them cannot be reached
    by anyone: usually a typo, or a name that was never registered.
    """
    for pointer, url, start, end in iter_urls(context):
        parts = _hosts.split_url(url)
        if parts is None or parts.scheme not in _hosts.WEB or not parts.host:
            continue
        if _hosts.url_problem(url) is None and (tld := _hosts.unknown_tld(parts.host)):
            message = f"'.{tld}' in {parts.host} is not a top-level domain: no such site exists"
            yield Finding(pointer, message, start, end)


def email(context: Context) -> Iterator[Finding]:
    """An e-mail address (``email`` fields, ``mailto:`` links) that cannot be right.

    Checked: one ``@``; a name part of allowed characters without a leading,
    trailing or doubled dot; a domain with valid parts and a top-level domain
    that exists.
    """
    for pointer, text in context.strings("**/email"):
        if not _user_key(pointer) and (said := _hosts.email_problem(text)):
            yield Finding(pointer, said)
    for pointer, url, start, end in iter_urls(context):
        if start is not None and url[:7].lower() == "mailto:":
            for address in url[7:].split("?", 1)[0].split(","):
                if said := _hosts.email_problem(address):
                    yield Finding(pointer, said, start, end)


def profile_url(context: Context) -> Iterator[Finding]:
    """A GitHub, LinkedIn or Google Scholar profile whose address has the wrong shape.

    The site is known from the address's host, or from ``network`` when the
    host is another. Expected: ``https://github.com/<user>`` (not a
    repository), ``https://www.linkedin.com/in/<name>``, and
    ``https://scholar.google.com/citations?user=<12-character id>``.
    """
    for pointer, profile in _profiles(context):
        url = profile["url"]
        parts = _hosts.split_url(url)
        on_host = host_site(parts.host) if parts and parts.host else None
        named = network_site(str(profile.get("network", "")))
        if on_host and named and on_host != named:
            message = f"network says {named}, but '{url}' is a {on_host} address"
            yield Finding(pointer + "/url", message)
            continue
        site = on_host or named
        if site is not None and (said := profile_user(site, url)[1]):
            yield Finding(pointer + "/url", said)


def profile_username(context: Context) -> Iterator[Finding]:
    """A profile whose ``username`` is not the account its ``url`` names.

    For GitHub, LinkedIn and Google Scholar the account is read from the
    address (case does not matter); for other sites the username must appear
    somewhere in the address. A leading ``@`` is ignored.
    """
    for pointer, profile in _profiles(context):
        username = profile.get("username")
        if not isinstance(username, str):
            continue
        url = profile["url"]
        name = username.strip().lstrip("@").lower()
        parts = _hosts.split_url(url)
        site = host_site(parts.host) if parts and parts.host else None
        if site is not None:
            user = profile_user(site, url)[0]
            if user is not None and user.lower() != name:
                message = f"username '{username}' differs from '{user}' in the {site} address"
                yield Finding(pointer + "/username", message)
        elif name and name not in url.lower():
            yield Finding(pointer + "/username", f"username '{username}' is not in '{url}'")


def bare_url(context: Context) -> Iterator[Finding]:
    """A bare ``https://…`` address in rich text, which prints as text, not as a link.

    Wrap it in angle brackets (``<https://example.com>``) or give it a label
    (``[stable-fast](https://github.com/chengzeyi/stable-fast)``).
    """
    from resumefmt.lint_rules._urls import RICH_TEXT

    for pointer, text in context.strings(*RICH_TEXT):
        if _user_key(pointer):
            continue
        for url, start, end in scan(text):
            before = text[max(start - 2, 0) : start]
            if not before.endswith("<") and before != "](":  # not an autolink, not a link
                yield Finding(pointer, f"'{url}' prints as text: write <{url}>", start, end)


def _profiles(context: Context) -> Iterator[tuple[str, dict[str, Any]]]:
    basics = context.data.get("basics", {})
    for index, profile in enumerate(basics.get("profiles") or ()):
        if isinstance(profile, dict) and isinstance(profile.get("url"), str):
            yield f"/basics/profiles/{index}", profile


def register(registry: Registry) -> None:
    """Register the offline link rules (RF120-RF126)."""
    from resumefmt.lint_rules._links_examples import EXAMPLES

    table: tuple[tuple[str, str, str, Any, Severity, dict[str, Any]], ...] = (
        ("RF120", "malformed-url", "An address is not well formed.", malformed_url, "error",
         {"schemes": ["http", "https", "mailto", "tel"]}),
        ("RF121", "prefer-https", "An http:// address to a site that serves https://.",
         prefer_https, "warning", {"hosts": []}),
        ("RF122", "unknown-tld", "A host's top-level domain does not exist.", unknown_tld,
         "error", {}),
        ("RF123", "email", "An e-mail address is not well formed.", email, "error", {}),
        ("RF124", "profile-url", "A profile address has the wrong shape for its site.",
         profile_url, "warning", {}),
        ("RF125", "profile-username", "A profile's username is not the one in its address.",
         profile_username, "warning", {}),
        ("RF126", "bare-url", "A bare address in rich text prints as text, not as a link.",
         bare_url, "info", {}),
    )  # fmt: skip
    for code, name, summary, check, severity, options in table:
        fails, passes = EXAMPLES[code]
        registry.add_rule(
            Rule(
                code,
                f"links.{name}",
                summary,
                check=check,
                severity=severity,
                options=options,
                fails=fails,
                passes=passes,
            )
        )
