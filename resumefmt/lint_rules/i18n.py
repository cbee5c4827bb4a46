"""The ``i18n`` rules (RF180-): a résumé kept in several languages, checked in one.

They read what :mod:`resumefmt.selection` found while it resolved the language
maps for the language being checked (``--locale``, else the document's
``locale``).
"""

from __future__ import annotations

from resumefmt.rules import Finding, rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from resumefmt.plugins import Registry
    from resumefmt.rules import Context


@rule(
    "RF180",
    "i18n.missing-translation",
    reports=(
        "basics:\n  name: Ada\n  headline: {zh: 软件工程师}\n",
        'locale: zh\nbasics:\n  name: Ada\n  headline: {en: Engineer, "zh-TW": 軟體工程師}\n',
    ),
    passes=(
        "basics:\n  name: Ada\n  headline: {en: Engineer, zh: 软件工程师}\n",
        "locale: zh-TW\nbasics:\n  name: Ada\n  headline: {en: Engineer, zh: 软件工程师}\n",
    ),
)
def missing_translation(context: Context) -> Iterator[Finding]:
    """A text given in some languages, but not in the one being checked.

    With ``--locale de`` (or ``locale: de``), a field written as a language
    map without ``de`` prints in another language (the document's ``locale``,
    else the map's first). A broader tag serves a narrower one: ``zh`` serves
    ``zh-TW``, not the other way round.
    """
    locale = getattr(context.document, "locale", None)
    for pointer, given in getattr(context.document, "missing", ()):
        languages = ", ".join(given)
        yield Finding(
            pointer,
            f"no {locale} text here (it is given in {languages}): add {locale}: … to this map",
        )


RULES = (missing_translation,)


def register(registry: Registry) -> None:
    """Register the i18n rules."""
    registry.add_rules(RULES)
