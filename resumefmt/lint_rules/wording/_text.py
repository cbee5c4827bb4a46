"""What the wording rules read: each text masked once, and its words.

Each text is read with code spans, URLs and e-mail addresses blanked out
(:func:`masked`), so no word inside them is ever reported; its words are found
once (:func:`words`) and every rule looks its own up in a set, so a text
holding none of a rule's words is not read further by that rule.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.rules import Context

#: A word, as the rules' lists are looked up: letters, digits and "_".
WORD = re.compile(r"\w+")

#: Text that is not words: code spans, autolinks, link targets, bare URLs,
#: e-mail addresses and host/path names.
_SKIP = re.compile(
    r"`[^`]*`"
    r"|<[^<>\s]+>"
    r"|\]\([^()\s]*\)"
    # Tried only where a word starts: tried inside every word, these three
    # would scan the rest of it again at each letter.
    r"|(?<![\w.+-])(?:[A-Za-z][A-Za-z0-9+.-]*://\S+"
    r"|www\.\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[\w-]+(?:\.[\w-]+)+/\S*)"
)
# What each alternative of _SKIP needs: a text holding none has nothing to skip.
_SKIP_MARKS = ("`", "<", "](", "/", "@", "www.")


def masked(context: Context, text: str) -> str:
    """``text`` with what :data:`_SKIP` matches replaced by as many ``\\x00``: offsets kept.

    Once per text and document, for every wording rule.
    """
    done: dict[str, str] = context.memo("wording.masked", dict)
    found = done.get(text)
    if found is None:
        found = text
        if any(mark in text for mark in _SKIP_MARKS):
            found = _SKIP.sub(_blank, text)
        done[text] = found
    return found


def _blank(match: re.Match[str]) -> str:
    return "\x00" * (match.end() - match.start())


def words(context: Context, text: str) -> frozenset[str]:
    """The words of ``text``, once per text and document: rules look theirs up."""
    done: dict[str, frozenset[str]] = context.memo("wording.words", dict)
    found = done.get(text)
    if found is None:
        found = done[text] = frozenset(WORD.findall(text))
    return found
