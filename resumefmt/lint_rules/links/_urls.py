"""Every web address in a document, with where it is written: what the link rules read.

Two kinds of places hold addresses. *URL fields* are whole strings: any key
``url`` or ``repository`` (``basics.url``, ``basics.profiles[].url``,
``publications[].links[].url``, custom-section items' ``url``, …). *Text* (rich
text, and the headline that prose rules read too) holds ``[label](target)``,
``<scheme:…>`` autolinks and bare ``http(s)://…`` addresses, found by
:func:`resumefmt.richtext.links`, which reads the markup as the converters
render it and keeps offsets into the string, so a finding points at the
address itself.

Values under ``x-`` keys are the user's own and are skipped. ``email`` fields
are not addresses; the e-mail rule reads them. Nothing is deduplicated.
"""

from __future__ import annotations

from resumefmt.model import RICH_TEXT_FIELDS, URL_FIELDS
from resumefmt.richtext import links

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from resumefmt.rules import Context

#: Where addresses may be written inside text.
TEXT_FIELDS = (*RICH_TEXT_FIELDS, "basics/headline")


def users_own(pointer: str) -> bool:
    """Whether ``pointer`` is under an ``x-`` key: the user's own, not checked."""
    return "/x-" in pointer


def iter_urls(context: Context) -> Iterator[tuple[str, str, int | None, int | None]]:
    """``(pointer, url, start, end)`` of every address; start/end are None for URL fields.

    In text, ``start``/``end`` are offsets of the address in the string. Link
    targets and autolinks are yielded whatever their scheme (``mailto:``, a
    target without one); a caller that fetches should skip those that are not
    ``http``/``https``. Computed once per document for all the link rules.
    """
    found: list[tuple[str, str, int | None, int | None]] = context.memo(
        "links.urls", lambda: list(_urls(context))
    )
    return iter(found)


def _urls(context: Context) -> Iterator[tuple[str, str, int | None, int | None]]:
    for pointer, text in context.strings(*URL_FIELDS):
        if not users_own(pointer):
            yield pointer, text, None, None
    for pointer, text in context.strings(*TEXT_FIELDS):
        if not users_own(pointer):
            for url, start, end in links(text):
                yield pointer, url, start, end
