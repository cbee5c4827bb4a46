"""The words and date forms of each language a résumé can be built in.

:func:`locale_for` gives a :class:`Locale`: section titles and field labels
(``_labels.py``, kept by hand), and dates, ranges and lists formatted the way
CLDR says the language writes them (``_cldr.py``, generated from CLDR through
Babel by scripts/gen_locales.py). A document's ``labels:`` override the table.
"""

from __future__ import annotations

import re

from resumefmt.locales._labels import KEYS, LABELS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

#: The languages resumefmt has labels for, as BCP 47 tags.
LOCALES = tuple(LABELS)
#: Regions whose Chinese is written in Traditional characters.
_TRADITIONAL = frozenset({"TW", "HK", "MO"})
_FIELD = re.compile(r"'[^']*'|y+|M+|L+|d+|[^'yMLd]+")


def supported(tag: str) -> str | None:
    """The locale of :data:`LOCALES` that serves ``tag`` (``pt-BR`` → ``pt``), or None."""
    parts = tag.replace("_", "-").split("-")
    language = parts[0].lower()
    rest = [p.title() if len(p) == 4 else p.upper() for p in parts[1:]]
    if language == "zh" and ("Hant" in rest or _TRADITIONAL.intersection(rest)):
        return "zh-Hant"
    if language == "no":  # Norwegian without a written standard: Bokmål
        language = "nb"
    return language if language in LABELS else None


class Locale:
    """The labels, dates, ranges and lists of one language (see the module's docstring)."""

    __slots__ = ("_cldr", "labels", "rtl", "tag")

    def __init__(self, tag: str, overrides: Mapping[str, str] | None = None) -> None:
        from resumefmt.locales._cldr import CLDR

        #: The locale of :data:`LOCALES` this is.
        self.tag = tag
        self._cldr: dict[str, Any] = CLDR[tag]
        #: Every label, the document's own wording first.
        self.labels: dict[str, str] = {**LABELS[tag], **(overrides or {})}
        #: Whether the language is written right to left.
        self.rtl: bool = self._cldr["rtl"]

    def label(self, key: str) -> str:
        """The phrase for ``key`` (one of ``_labels.KEYS``)."""
        return self.labels[key]

    def date(self, value: str) -> str:
        """``2021-03`` → ``Mar 2021`` (English), ``2021年3月`` (Chinese); ``present`` → its word."""
        if value == "present":
            return self.labels["present"]
        parts = [int(p) for p in value.split("-")]
        skeleton = ("y", "yMMM", "yMMMd")[len(parts) - 1]
        return self._format(self._cldr["patterns"][skeleton], parts)

    def range(self, start: str, end: str) -> str:
        """Two dates joined as CLDR joins an interval (with an en dash in most languages)."""
        pattern: str = self._cldr["range"]
        return pattern.replace("{0}", self.date(start)).replace("{1}", self.date(end))

    def join(self, items: list[str]) -> str:
        """``a, b and c`` the way the language writes a list."""
        patterns: dict[str, str] = self._cldr["list"]
        if len(items) < 2:
            return "".join(items)
        if len(items) == 2:
            return patterns["2"].replace("{0}", items[0]).replace("{1}", items[1])
        text = patterns["end"].replace("{0}", items[-2]).replace("{1}", items[-1])
        for item in reversed(items[1:-2]):
            text = patterns["middle"].replace("{0}", item).replace("{1}", text)
        return patterns["start"].replace("{0}", items[0]).replace("{1}", text)

    def degree(self, degree: str, field: str) -> str:
        """A degree and its field in the language's order (``BSc in Physics``, ``物理学士``)."""
        return self.labels["degreeField"].replace("{degree}", degree).replace("{field}", field)

    def _format(self, pattern: str, parts: list[int]) -> str:
        out = []
        for token in _FIELD.findall(pattern):
            letter = token[0]
            if letter == "'":
                out.append(token[1:-1] or "'")
            elif letter == "y":
                out.append(
                    str(parts[0]).zfill(len(token)) if len(token) != 2 else f"{parts[0] % 100:02d}"
                )
            elif letter in "ML":
                month = parts[1]
                if len(token) >= 3:
                    key = letter * min(len(token), 4)
                    out.append(self._cldr["months"][key][month - 1])
                else:
                    out.append(str(month).zfill(len(token)))
            elif letter == "d":
                out.append(str(parts[2]).zfill(len(token)))
            else:
                out.append(token)
        return "".join(out)


def locale_for(tag: str, overrides: Mapping[str, str] | None = None) -> Locale:
    """The :class:`Locale` that serves ``tag``; English for a language without labels."""
    return Locale(supported(tag) or "en", overrides)


__all__ = ["KEYS", "LOCALES", "Locale", "locale_for", "supported"]
