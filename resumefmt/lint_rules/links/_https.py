"""Which sites serve HTTPS, known offline: the data behind ``links.insecure-http``.

Without a network the linter cannot ask a site whether it speaks HTTPS, so it
keeps a short list of sites a résumé often links to that are known to serve
every page over HTTPS and to redirect plain-HTTP visitors (HSTS), plus the
top-level domains that are HSTS-preloaded as a whole. Users add their own
with the rule's ``hosts`` option.
"""

from __future__ import annotations

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


def serves_https(host: str, extra: tuple[str, ...] = ()) -> bool:
    """Whether ``host`` is known, offline, to serve HTTPS (see :data:`HTTPS_HOSTS`)."""
    if host.rsplit(".", 1)[-1] in HTTPS_TLDS:
        return True
    labels = host.split(".")
    known = HTTPS_HOSTS.union(name.lower() for name in extra) if extra else HTTPS_HOSTS
    return any(".".join(labels[i:]) in known for i in range(len(labels) - 1))
