"""Profiles (``basics.profiles``) on the sites whose address shape is known.

GitHub, LinkedIn and Google Scholar: a profile is on one of them by its
address's host, or by its ``network`` when the host is another;
:func:`profile_user` reads the account out of a well-formed address or says
what is wrong with it.
"""

from __future__ import annotations

import re

from resumefmt.lint_rules.links._hosts import split_url
from resumefmt.model import mappings
from resumefmt.rules import Finding, rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from resumefmt.rules import Context

_GITHUB_USER = r"/([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})/?\Z"
# /in/<name>, also with the language of a translated profile (/in/<name>/de), and
# the old public-profile shape /pub/<name>/1/a2/b3.
_LINKEDIN = (
    r"/in/([^/?#\s]{3,100})(?:/[a-z]{2}(?:[-_][A-Za-z]{2})?)?/?\Z"
    r"|/pub/([^/?#\s]{3,100})(?:/[0-9a-z]{1,3}){3}/?\Z"
)
#: Hosts of GitHub: the web site and what people copy from a phone or an old link.
_GITHUB_HOSTS = ("github.com", "www.github.com", "m.github.com")
_SCHOLAR_USER = r"(?:\A|&)user=([^&]*)"
_SCHOLAR_ID = r"[A-Za-z0-9_-]{12}\Z"
_SEPARATORS = frozenset("_.-")
_NETWORKS = {
    "github": "GitHub",
    "linkedin": "LinkedIn",
    "googlescholar": "Google Scholar",
    "scholar": "Google Scholar",
}
#: The address of a profile on each known site.
SHAPES = {
    "GitHub": "https://github.com/<user>",
    "LinkedIn": "https://www.linkedin.com/in/<name>",
    "Google Scholar": "https://scholar.google.com/citations?user=<id>",
}
_PROFILES = "basics:\n  name: Ada\n  profiles:\n"


@rule(
    "RF124",
    "links.not-a-profile-url",
    formerly=("links.profile-url",),
    reports=(
        _PROFILES + "    - network: GitHub\n      url: https://github.com/ada/engine\n",
        _PROFILES + "    - network: LinkedIn\n      url: https://www.linkedin.com/company/ada\n",
        _PROFILES + "    - network: Google Scholar\n"
        "      url: https://scholar.google.com/citations?user=DzyIoEMAAAJ\n",
        _PROFILES + "    - network: GitHub\n      url: https://gitlab.com/ada\n",
    ),
    passes=(
        _PROFILES + "    - network: GitHub\n      url: https://github.com/ada-l\n"
        "    - network: LinkedIn\n      url: https://www.linkedin.com/in/ada-lovelace/\n"
        "    - network: GitHub\n      url: https://www.github.com/ada-l/\n"
        "    - network: LinkedIn\n      url: http://www.linkedin.com/in/ada-lovelace/\n"
        "    - network: Google Scholar\n"
        "      url: https://scholar.google.com/citations?user=JicYPdAAAAAJ&hl=en\n",
    ),
)
def not_a_profile_url(context: Context) -> Iterator[Finding]:
    """A profile address has the wrong shape for its site.

    The site is known from the address's host, or from ``network`` when the
    host is another. Expected: ``https://github.com/<user>`` (not a
    repository), ``https://www.linkedin.com/in/<name>``, and
    ``https://scholar.google.com/citations?user=<12-character id>``.

    Not reported, because each opens the profile: ``http://``, a ``www.``
    or ``m.`` host (``www.github.com``, ``de.linkedin.com``), a trailing
    slash, a query (``?tab=repositories``, ``?locale=en_US``), a translated
    LinkedIn profile (``/in/<name>/de``) and the old ``/pub/<name>/…``.
    Whether ``http`` should be ``https`` is RF121's to say.
    """
    for pointer, profile in _profiles(context):
        url = profile["url"]
        parts = split_url(url)
        on_host = host_site(parts.host) if parts and parts.host else None
        named = network_site(str(profile.get("network", "")))
        if on_host and named and on_host != named:
            message = f"network says {named}, but '{url}' is a {on_host} address"
            yield Finding(pointer + "/url", message)
            continue
        site = on_host or named
        if site is not None and (said := profile_user(site, url)[1]):
            yield Finding(pointer + "/url", said)


#: Sites whose profile address is the username itself, by host (``www.`` and
#: ``m.`` taken off): the path that holds it. Other sites are not checked: their
#: addresses carry a number or an id (YouTube ``/channel/UC…``, Stack Overflow
#: ``/users/123/name``, ORCID, ResearchGate), or a display name, not the username.
_USER_PATHS = {
    "gitlab.com": r"/([^/]+)/?\Z",
    "bitbucket.org": r"/([^/]+)/?\Z",
    "codeberg.org": r"/([^/]+)/?\Z",
    "twitter.com": r"/([^/]+)/?\Z",
    "x.com": r"/([^/]+)/?\Z",
    "instagram.com": r"/([^/]+)/?\Z",
    "kaggle.com": r"/([^/]+)/?\Z",
    "huggingface.co": r"/([^/]+)/?\Z",
    "dev.to": r"/([^/]+)/?\Z",
    "dribbble.com": r"/([^/]+)/?\Z",
    "behance.net": r"/([^/]+)/?\Z",
    "t.me": r"/([^/]+)/?\Z",
    "leetcode.com": r"/(?:u/)?([^/]+)/?\Z",
    "reddit.com": r"/(?:u|user)/([^/]+)/?\Z",
    "npmjs.com": r"/~([^/]+)/?\Z",
    "pypi.org": r"/user/([^/]+)/?\Z",
}
#: On any host, ``/@name`` is a handle: Mastodon and the fediverse, Medium,
#: YouTube, TikTok, Threads.
_HANDLE = r"/@([^/]+)/?\Z"


@rule(
    "RF125",
    "links.username-mismatch",
    formerly=("links.profile-username",),
    reports=(
        _PROFILES + "    - network: GitHub\n      username: ada\n"
        "      url: https://github.com/lovelace\n",
        _PROFILES + "    - network: Mastodon\n      username: ada\n"
        "      url: https://mastodon.social/@lovelace\n",
    ),
    passes=(
        _PROFILES + "    - network: GitHub\n      username: Ada-L\n"
        "      url: https://github.com/ada-l\n"
        "    - network: Mastodon\n      username: '@ada'\n"
        "      url: https://mastodon.social/@ada\n"
        "    - network: YouTube\n      username: adalovelace\n"
        "      url: https://www.youtube.com/channel/UCxyz123ABCdef456GHIjkl\n"
        "    - network: Stack Overflow\n      username: ada\n"
        "      url: https://stackoverflow.com/users/123456/ada-lovelace\n"
        "    - network: YouTube\n      username: Ada Codes\n"
        "      url: https://www.youtube.com/@adacodes\n",
    ),
)
def username_mismatch(context: Context) -> Iterator[Finding]:
    """A profile's username is not the one in its address.

    Checked only where the address is made of the username: GitHub,
    LinkedIn (``/in/<name>``), GitLab, Bitbucket, Codeberg, X/Twitter,
    Instagram, Kaggle, Hugging Face, dev.to, LeetCode, Reddit, npm, PyPI,
    Telegram, Dribbble, Behance, and a ``/@handle`` on any host (Mastodon,
    Medium, YouTube). Case does not matter; a leading ``@`` and a Mastodon
    server (``@ada@mastodon.social``) are ignored.

    Not reported: a username with a space in it ("Owen Codes"), which is the
    display name a channel or page shows, not a handle (no site allows a
    space in one); sites whose address carries a number or an id instead
    (YouTube ``/channel/UC…``, Stack Overflow ``/users/123/name``, ORCID,
    Google Scholar), and any other site, where a username need not appear in
    the address at all.
    """
    for pointer, profile in _profiles(context):
        username = profile.get("username")
        if not isinstance(username, str):
            continue
        url = profile["url"]
        if len(username.split()) > 1:
            continue  # "Owen Codes": a display name, and no site's handle has a space
        name = username.strip().lstrip("@").partition("@")[0].lower()
        user, site = _address_user(url)
        if user is not None and name and user.lower() != name:
            message = f"username '{username}' differs from '{user}' in the {site} address"
            yield Finding(pointer + "/username", message)


def _address_user(url: str) -> tuple[str | None, str]:
    """``(user, site)``: the username an address is made of, or None where it has none."""
    parts = split_url(url)
    if parts is None or parts.host is None:
        return None, ""
    site = host_site(parts.host)
    if site in ("GitHub", "LinkedIn"):
        return profile_user(site, url)[0], site
    if site is not None:
        return None, site  # Google Scholar: an id, not a username
    host = parts.host.removeprefix("www.").removeprefix("m.")
    found = re.match(_USER_PATHS.get(host, _HANDLE), parts.path)
    return (found[1] if found else None), host


def _profiles(context: Context) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(pointer, profile)`` of each profile that has an address."""
    for index, profile in mappings(context.data.get("basics", {}).get("profiles")):
        if isinstance(profile.get("url"), str):
            yield f"/basics/profiles/{index}", profile


def host_site(host: str) -> str | None:
    """The site a host belongs to, or None."""
    if host in _GITHUB_HOSTS:
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
        # A query (?tab=repositories) still shows the profile.
        match = re.match(_GITHUB_USER, parts.path)
        if match is None:
            return None, _wrong(url, shape, parts.path.count("/") >= 2 and "a repository")
        return match[1], None
    if site == "LinkedIn":
        match = re.match(_LINKEDIN, parts.path)
        if match is None:
            kind = parts.path.startswith("/company/") and "a company page"
            return None, _wrong(url, shape, kind)
        return match[1] or match[2], None
    user = re.search(_SCHOLAR_USER, parts.query or "")
    if parts.path.rstrip("/") != "/citations" or user is None:
        return None, _wrong(url, shape, None)
    if not re.match(_SCHOLAR_ID, user[1]):
        return user[1], (
            f"the Google Scholar user id '{user[1]}' has {len(user[1])} characters; "
            "Scholar ids have 12 (letters, digits, - and _): copy the address again"
        )
    return user[1], None


def _wrong(url: str, shape: str, kind: str | bool | None) -> str:
    what = f", not {kind}" if kind else ""
    return f"'{url}' is not a profile address: write {shape}{what}"
