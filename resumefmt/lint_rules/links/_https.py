"""Which sites serve HTTPS, known offline: the data behind ``links.insecure-http``.

Without a network the linter cannot ask a site whether it speaks HTTPS, so it
keeps a short list of sites a résumé often links to that are known to serve
every page over HTTPS and to redirect plain-HTTP visitors (HSTS), plus the
top-level domains that are HSTS-preloaded as a whole. Users add their own
with the rule's ``hosts`` option.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Collection

#: Sites known to serve every page over HTTPS and to send plain-HTTP visitors there
#: (HSTS). A host matches itself and its subdomains (``*.github.io``).
HTTPS_HOSTS = frozenset(
    [
        "acm.org",
        "arxiv.org",
        "behance.net",
        "bitbucket.org",
        "codeberg.org",
        "codeforces.com",
        "crates.io",
        "dblp.org",
        "dev.to",
        "docs.rs",
        "doi.org",
        "dribbble.com",
        "facebook.com",
        "github.com",
        "github.io",
        "gitlab.com",
        "gitlab.io",
        "google.com",
        "huggingface.co",
        "ieee.org",
        "instagram.com",
        "kaggle.com",
        "leetcode.com",
        "linkedin.com",
        "medium.com",
        "netlify.app",
        "notion.site",
        "npmjs.com",
        "openreview.net",
        "orcid.org",
        "pypi.org",
        "readthedocs.io",
        "researchgate.net",
        "semanticscholar.org",
        "sourceforge.net",
        "springer.com",
        "stackoverflow.com",
        "substack.com",
        "twitter.com",
        "vercel.app",
        "wikipedia.org",
        "x.com",
        "youtube.com",
        "zenodo.org",
    ]
)
#: Top-level domains on the HSTS preload list as a whole: browsers refuse http:// there.
HTTPS_TLDS = frozenset(
    [
        "app",
        "bank",
        "boo",
        "dad",
        "day",
        "dev",
        "esq",
        "foo",
        "ing",
        "insurance",
        "meme",
        "mov",
        "new",
        "nexus",
        "page",
        "phd",
        "prof",
        "rsvp",
        "zip",
    ]
)


def serves_https(host: str, extra: Collection[str] = ()) -> bool:
    """Whether ``host`` is known, offline, to serve HTTPS (see :data:`HTTPS_HOSTS`).

    ``extra`` are more such hosts, in lower case (the rule's ``hosts`` option).
    """
    if host.rsplit(".", 1)[-1] in HTTPS_TLDS:
        return True
    # Only a name a DNS name can be (253 characters) can match: looking at every
    # suffix of a longer host would take time quadratic in its length.
    labels = host.split(".") if len(host) <= _LONGEST else host[-_LONGEST - 1 :].split(".")[1:]
    suffixes = (".".join(labels[i:]) for i in range(len(labels) - 1))
    return any(name in HTTPS_HOSTS or name in extra for name in suffixes)


_LONGEST = 253
