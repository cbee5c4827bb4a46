"""Must-fail and must-pass examples of the ``links`` rules, shown by ``resumefmt rule``.

Each fragment is a document without ``resumefmt:`` (and usually without
``basics:``), which the meta-test and ``resumefmt rule`` complete.
"""

from __future__ import annotations

#: code -> (fails, passes)
EXAMPLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "RF120": (
        (
            "projects:\n  - name: Site\n    summary: See [the demo](www.example.com).\n",
            "projects:\n  - name: Site\n    url: https://exa_mple.com/\n",
            "projects:\n  - name: Site\n    url: https://localhost:8080/\n",
            "projects:\n  - name: Site\n    summary: Fetched from <ftp://example.com/data>.\n",
        ),
        (
            "projects:\n  - name: Site\n    url: https://example.com/a%20b?q=1#top\n",
            "projects:\n  - name: Site\n    summary: Write to [me](mailto:ada@example.com).\n",
        ),
    ),
    "RF121": (
        (
            "projects:\n  - name: Code\n    repository: http://github.com/ada/engine\n",
            "projects:\n  - name: Site\n    summary: Live at <http://ada.github.io/>.\n",
        ),
        (
            "projects:\n  - name: Code\n    repository: https://github.com/ada/engine\n",
            "projects:\n  - name: Site\n    url: http://example.com/\n",
        ),
    ),
    "RF122": (
        (
            "projects:\n  - name: Chat\n    summary: Try it at <https://chatrhino.ttfb/>.\n",
            "projects:\n  - name: Site\n    url: https://example.comm/\n",
        ),
        (
            "projects:\n  - name: Site\n    url: https://example.co.uk/\n",
            "projects:\n  - name: Site\n    url: https://ada.dev/\n",
        ),
    ),
    "RF123": (
        (
            "basics:\n  name: Ada\n  email: ada..lovelace@example.com\n",
            "basics:\n  name: Ada\n  email: ada@example\n",
            "basics:\n  name: Ada\n  email: ada@example.con\n",
            "projects:\n  - name: Site\n    summary: Mail [me](mailto:ada@@example.com).\n",
        ),
        (
            "basics:\n  name: Ada\n  email: ada.lovelace+cv@example.co.uk\n",
            "projects:\n  - name: Site\n    summary: Mail [me](mailto:ada@example.com).\n",
        ),
    ),
    "RF124": (
        (
            "basics:\n  name: Ada\n  profiles:\n    - network: GitHub\n"
            "      url: https://github.com/ada/engine\n",
            "basics:\n  name: Ada\n  profiles:\n    - network: LinkedIn\n"
            "      url: https://www.linkedin.com/company/ada\n",
            "basics:\n  name: Ada\n  profiles:\n    - network: Google Scholar\n"
            "      url: https://scholar.google.com/citations?user=DzyIoEMAAAJ\n",
            "basics:\n  name: Ada\n  profiles:\n    - network: GitHub\n"
            "      url: https://gitlab.com/ada\n",
        ),
        (
            "basics:\n  name: Ada\n  profiles:\n    - network: GitHub\n"
            "      url: https://github.com/ada-l\n"
            "    - network: LinkedIn\n      url: https://www.linkedin.com/in/ada-lovelace/\n"
            "    - network: Google Scholar\n"
            "      url: https://scholar.google.com/citations?user=JicYPdAAAAAJ&hl=en\n",
        ),
    ),
    "RF125": (
        (
            "basics:\n  name: Ada\n  profiles:\n    - network: GitHub\n      username: ada\n"
            "      url: https://github.com/lovelace\n",
            "basics:\n  name: Ada\n  profiles:\n    - network: Mastodon\n      username: ada\n"
            "      url: https://mastodon.social/@lovelace\n",
        ),
        (
            "basics:\n  name: Ada\n  profiles:\n    - network: GitHub\n      username: Ada-L\n"
            "      url: https://github.com/ada-l\n"
            "    - network: Mastodon\n      username: '@ada'\n"
            "      url: https://mastodon.social/@ada\n",
        ),
    ),
    "RF126": (
        ("projects:\n  - name: Fast\n    summary: Open source (https://github.com/ada/fast).\n",),
        (
            "projects:\n  - name: Fast\n    summary: Open source at <https://github.com/ada/fast>.\n",
            "projects:\n  - name: Fast\n    summary: Open source as [fast](https://github.com/ada/fast).\n",
        ),
    ),
}
