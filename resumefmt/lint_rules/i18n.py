"""The ``i18n`` rules (RF180-RF181): a résumé kept in several languages, checked in one.

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


@rule(
    "RF181",
    "i18n.unknown-locale",
    reports=("locale: tlh\nbasics:\n  name: Ada\n",),
    passes=("locale: pt-BR\nbasics:\n  name: Ada\n", "locale: zh-TW\nbasics:\n  name: Ada\n"),
)
def unknown_locale(context: Context) -> Iterator[Finding]:
    """A language resumefmt has no labels for: section titles and dates print in English.

    The language being checked (``--locale``, else ``locale:``) is served by
    its own labels or by a broader tag's (``pt-BR`` by ``pt``, ``zh-TW`` by the
    Traditional Chinese ones). ``resumefmt`` has 32; docs/locales.md lists
    them. Give your own wording under ``labels:`` to print another language.
    """
    locale = getattr(context.document, "locale", None)
    if locale is None:
        data = context.data
        locale = data.get("locale", "en") if isinstance(data, dict) else "en"
    if locale == "en":  # the default: the label table is not even read
        return
    from resumefmt.locales import LOCALES, supported

    if supported(locale) is None:
        where = "/locale" if isinstance(context.data, dict) and "locale" in context.data else ""
        message = (
            f"resumefmt has no labels for '{locale}': section titles and dates print in "
            f"English unless labels: gives them (it has {len(LOCALES)} languages, "
            "listed in docs/locales.md)"
        )
        yield Finding(where, message)


RULES = (missing_translation, unknown_locale)


def register(registry: Registry) -> None:
    """Register the i18n rules."""
    registry.add_rules(RULES)
