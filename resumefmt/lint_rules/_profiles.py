"""The profile sites whose URL shape is known: GitHub, LinkedIn, Google Scholar.

For each site, :func:`site_of` tells which one a profile is on (by its URL's host,
or by its ``network`` when the host says nothing), and :func:`profile_user`
reads the account out of a well-formed URL or says what is wrong with it.
"""

from __future__ import annotations

from resumefmt.lint_rules._examples import pattern
from resumefmt.lint_rules._hosts import split_url

# Compiled on first use (profiles are few, and a document may have none).
_GITHUB_USER = r"/([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})/?\Z"
_LINKEDIN = r"/in/([^/?#\s]{3,100})/?\Z"
_SCHOLAR_USER = r"(?:\A|&)user=([^&]*)"
_SCHOLAR_ID = r"[A-Za-z0-9_-]{12}\Z"
_SEPARATORS = frozenset("_.-")
_NETWORKS = {"github": "GitHub", "linkedin": "LinkedIn", "googlescholar": "Google Scholar"}
_NETWORKS["scholar"] = "Google Scholar"

SHAPES = {
    "GitHub": "https://github.com/<user>",
    "LinkedIn": "https://www.linkedin.com/in/<name>",
    "Google Scholar": "https://scholar.google.com/citations?user=<id>",
}


def host_site(host: str) -> str | None:
    """The site a host belongs to, or None."""
    if host in ("github.com", "www.github.com"):
        return "GitHub"
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        return "LinkedIn"
    if host.startswith("scholar.google."):
        return "Google Scholar"
    return None


def network_site(network: str) -> str | None:
    """The site a profile's ``network`` names, or None."""
    kept = "".join(c for c in network if not (c.isspace() or c in _SEPARATORS))
    return _NETWORKS.get(kept.lower())


def profile_user(site: str, url: str) -> tuple[str | None, str | None]:
    """``(user, problem)``: the account a profile URL names, or why it is not one."""
    parts = split_url(url)
    if parts is None or parts.host is None:
        return None, None  # malformed: links.malformed-url says so
    shape = SHAPES[site]
    found = host_site(parts.host)
    if found != site:
        return None, f"a {site} profile is {shape}, but this address is on {parts.host}"
    if site == "GitHub":
        match = pattern(_GITHUB_USER).match(parts.path)
        if parts.host != "github.com" or match is None or parts.query:
            return None, _wrong(url, shape, parts.path.count("/") >= 2 and "a repository")
        return match[1], None
    if site == "LinkedIn":
        match = pattern(_LINKEDIN).match(parts.path)
        if match is None:
            kind = parts.path.startswith("/company/") and "a company page"
            return None, _wrong(url, shape, kind)
        return match[1], None
    query = parts.query or ""
    user = pattern(_SCHOLAR_USER).search(query)
    if parts.path.rstrip("/") != "/citations" or user is None:
        return None, _wrong(url, shape, None)
    if not pattern(_SCHOLAR_ID).match(user[1]):
        return user[1], (
            f"the Google Scholar user id '{user[1]}' has {len(user[1])} characters; "
            "Scholar ids have 12 (letters, digits, - and _): copy the address again"
        )
    return user[1], None


def _wrong(url: str, shape: str, kind: str | bool | None) -> str:
    what = f", not {kind}" if kind else ""
    return f"'{url}' is not a profile address: write {shape}{what}"
