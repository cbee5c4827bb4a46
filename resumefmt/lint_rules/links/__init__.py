"""The ``links`` rules: web and e-mail addresses that are malformed, insecure, or gone.

Every address is found once per document by
:func:`~resumefmt.lint_rules.links._urls.iter_urls` (URL fields, and links in
rich text, where a finding points at the address itself). The offline rules
judge how an address is written (:mod:`.addresses`, :mod:`.profiles`); the
online ones ask whether it answers (:mod:`.online`, only with ``--online``).
"""

from __future__ import annotations

from resumefmt.lint_rules.links.addresses import (
    bare_url,
    insecure_http,
    invalid_email,
    malformed_url,
    unknown_tld,
)
from resumefmt.lint_rules.links.online import dead, private_host, unverifiable
from resumefmt.lint_rules.links.profiles import not_a_profile_url, username_mismatch

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.plugins import Registry

RULES = (
    malformed_url,
    insecure_http,
    unknown_tld,
    invalid_email,
    not_a_profile_url,
    username_mismatch,
    bare_url,
    dead,
    unverifiable,
    private_host,
)


def register(registry: Registry) -> None:
    """Register the links rules."""
    registry.add_rules(RULES)
