"""Offline judgement of one address: its parts, its host, its e-mail syntax.

An address is split the way RFC 3986 (appendix B) does, with string methods:
``urllib.parse`` is lenient where a linter should not be.
"""

from __future__ import annotations

import re

_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789+.-")
_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-")
_HEX = frozenset("0123456789abcdefABCDEF")
# Looks like a host name written without https:// (only read on the error path).
_NO_SCHEME = r"(?:www\.|[A-Za-z0-9-]+\.[A-Za-z]{2,}(?:[/:]|\Z))"

#: Schemes a URL field may use.
WEB = ("http", "https")


class Url:
    """An address split into the parts the rules look at (lower-case scheme and host)."""

    __slots__ = ("host", "path", "port", "query", "scheme", "userinfo")

    def __init__(self, scheme: str, rest: str) -> None:
        self.scheme = scheme.lower()
        rest = rest.partition("#")[0]
        rest, mark, query = rest.partition("?")
        self.query = query if mark else None
        self.userinfo: str | None = None
        self.host: str | None = None
        self.port: str | None = None
        if rest.startswith("//"):
            cut = rest.find("/", 2)
            cut = len(rest) if cut < 0 else cut
            authority, rest = rest[2:cut], rest[cut:]
            userinfo, at, hostport = authority.rpartition("@")
            self.userinfo = userinfo if at else None
            if hostport.startswith("[") and "]" in hostport:  # an IPv6 literal holds colons
                host, _, after = hostport.partition("]")
                host += "]"
                colon, port = after[:1] == ":", after[1:]
            else:
                host, sep, port = hostport.partition(":")
                colon = bool(sep)
            self.host = host.lower().removesuffix(".")
            self.port = port if colon else None
        self.path = rest


def split_url(url: str) -> Url | None:
    """The parts of ``url``, or None when it does not start with a scheme."""
    scheme, colon, rest = url.partition(":")
    if not colon or not scheme[:1].isalpha() or not _SCHEME_CHARS.issuperset(scheme.lower()):
        return None
    return Url(scheme, rest)


def url_problem(url: str, schemes: tuple[str, ...] = WEB) -> str | None:
    """Why ``url`` is not a well-formed address with one of ``schemes``, or None."""
    if any(char.isspace() for char in url):
        return f"'{url}' contains a space: write %20, or remove it"
    parts = split_url(url)
    if parts is None or (parts.scheme not in schemes and re.match(_NO_SCHEME, url)):
        return f"'{url}' has no scheme: write it in full, as https://{url}"
    if parts.scheme not in schemes:
        allowed = ", ".join(f"{s}:" for s in schemes)
        return f"'{url}' uses the {parts.scheme}: scheme; only {allowed} addresses belong here"
    if parts.scheme not in WEB:
        return None  # mailto: has its own rule; tel: and others have no host to check
    if parts.host is None:
        return f"'{url}' lacks the two slashes after '{parts.scheme}:'"
    if parts.userinfo is not None:
        return f"'{url}' has a user name or password before '@'; remove it"
    if parts.port is not None and not (parts.port.isdigit() and 0 < int(parts.port) < 65536):
        return f"'{url}' has a bad port ':{parts.port}': a number from 1 to 65535"
    if "\\" in url:
        return f"'{url}' contains a backslash: addresses use forward slashes"
    if _bad_escape(url):
        return f"'{url}' has a '%' that is not followed by two hex digits: write %25"
    said = host_problem(parts.host)
    return f"'{url}': {said}" if said else None


def host_problem(host: str) -> str | None:
    """Why ``host`` (lower case, no trailing dot) is not a domain name or IP address."""
    if not host:
        return "the host name is empty"
    if host.startswith("["):
        return None  # an IPv6 literal: rare in a résumé, and not worth a parser
    if _is_ipv4(host):
        if all(int(part) < 256 for part in host.split(".")):
            return None
        return f"'{host}' is not an IP address: each number is 0 to 255"
    labels = host.split(".")
    if "" in labels:
        return f"the host name '{host}' has an empty part (two dots in a row?)"
    for label in labels:
        # str.isalnum: ASCII letters and digits, and the letters of internationalised names
        if len(label) > 63 or label[0] == "-" or label[-1] == "-" or not _alnum(label):
            return (
                f"'{label}' in '{host}' is not a valid host name part "
                "(letters, digits and inner hyphens, at most 63)"
            )
    if len(labels) == 1:
        return f"the host '{host}' has no top-level domain (such as .com)"
    return None


def _alnum(label: str) -> bool:
    return label.replace("-", "").isalnum()


def unknown_tld(host: str) -> str | None:
    """The top-level domain of ``host`` when no such domain exists, else None."""
    if host.startswith("[") or _is_ipv4(host) or "." not in host:
        return None
    from resumefmt.lint_rules.links._tlds import TLDS

    tld = host.rsplit(".", 1)[1]
    return None if f"\n{tld}\n" in TLDS else tld


def email_problem(address: str) -> str | None:
    """Why ``address`` is not a deliverable-looking e-mail address, or None."""
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        return f"'{address}' is not an e-mail address: write it as name@example.com"
    if "@" in local:
        return f"'{address}' has more than one '@'"
    if len(local) > 64:
        return f"the name before '@' in '{address}' is longer than 64 characters"
    if not _LOCAL_CHARS.issuperset(local.lower().replace(".", "")) or "" in local.split("."):
        return (
            f"'{local}' before '@' in '{address}' has a character or dot that e-mail "
            "does not allow (spaces, commas, brackets, quotes, two dots in a row, "
            "a dot at either end)"
        )
    host = domain.lower()
    said = host_problem(host)
    if said is None and host.startswith("["):
        return None
    if said is None and (tld := unknown_tld(host)) is not None:
        said = f"'.{tld}' is not a top-level domain"
    return f"'{address}': {said}" if said else None


def _is_ipv4(host: str) -> bool:
    return host.count(".") == 3 and host.replace(".", "").isdigit() and host.isascii()


def _bad_escape(url: str) -> bool:
    index = url.find("%")
    while index >= 0:
        pair = url[index + 1 : index + 3]
        if len(pair) < 2 or not _HEX.issuperset(pair):
            return True
        index = url.find("%", index + 1)
    return False
