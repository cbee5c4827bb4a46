"""List items: publications, awards, certificates, skills, languages, interests, references.

Each function returns one Markdown paragraph (a reference: paragraphs), safe to
follow ``- ``. Bold and italic wrap escaped text only where a space, the line start or punctuation
stands outside them, so CommonMark always reads the markers as markup.
"""

from __future__ import annotations

from resumefmt.converters._common import bare_url
from resumefmt.converters.markdown._escape import (
    block,
    joined,
    label,
    link,
    literal,
    rich,
    rich_line,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from resumefmt.converters._common import Words

    Data = dict[str, Any]


def publication(item: Data, words: Words) -> str:
    """``Xie S*, **Yang J**, et al. Title. *Venue*, 2024. Under review. [Code](…)``."""
    parts = []
    if authors := item.get("authors"):
        equal = set(item.get("equalContribution", []))
        names = []
        for position, name in enumerate(authors, start=1):
            text = literal(name)
            if position == item.get("authorPosition"):
                text = f"**{text}**"
            names.append(text + ("\\*" if position in equal else ""))
        if item.get("etAl"):
            names.append(literal(words.label("etAl").rstrip(".")))  # the sentence ends it
        parts.append(", ".join(names) + ".")
    parts.append(_sentence(literal(item["title"])))
    venue = f"*{literal(item['venue'])}*" if "venue" in item else ""
    if where := ", ".join(part for part in (venue, words.dates(item)) if part):
        parts.append(where + ".")
    if status := words.status(item.get("status")):
        parts.append(literal(status) + ".")
    links = []
    if "url" in item:
        links.append(link(label(words.extra("paper", bare_url(item["url"]))), item["url"]))
    if "doi" in item:
        links.append(link("DOI " + label(item["doi"]), "https://doi.org/" + item["doi"]))
    links += [link(label(other["label"]), other["url"]) for other in item.get("links", [])]
    parts.append(joined(*links))
    if "summary" in item:
        parts.append(rich_line(item["summary"]))
    return block(" ".join(part for part in parts if part))


def award(item: Data, words: Words) -> str:
    """``Title · Awarder · 2016, 2017: summary``."""
    title = literal(item["title"])
    if "url" in item:
        title = link(label(item["title"]), item["url"])
    text = joined(title, literal(item["awarder"]) if "awarder" in item else "", words.dates(item))
    if "summary" in item:
        text += ": " + rich_line(item["summary"])
    return block(text)


def certificate(item: Data, words: Words) -> str:
    """``Name · Issuer · Mar 2023: summary``, the name linked to the page that verifies it."""
    name = literal(item["name"])
    if "url" in item:
        name = link(label(item["name"]), item["url"])
    text = joined(name, literal(item["issuer"]) if "issuer" in item else "", words.dates(item))
    if "summary" in item:
        text += ": " + rich_line(item["summary"])
    return block(text)


def reference(item: Data) -> list[str]:
    """``**Name**``, then what they say, paragraph by paragraph (one list item)."""
    name = f"**{literal(item['name'])}**"
    said = rich(item["reference"]) if "reference" in item else []
    if said:
        return [block(f"{name}: {said[0]}"), *said[1:]]
    return [block(name)]


def skill(item: Data, words: Words) -> str:
    """``**Programming** (Expert): Python, C``."""
    text = f"**{literal(item['name'])}**"
    if "level" in item:
        text += f" ({literal(item['level'])})"
    if keywords := item.get("keywords"):
        text += words.colon + words.join(list(map(literal, keywords)))
    return block(text)


def language(item: Data, words: Words) -> str:
    """``**English**: Professional · IELTS 7.0 (Jun 2019) · GRE (Verbal 154, …)``."""
    text = f"**{literal(item['language'])}**"
    parts = [literal(item["fluency"])] if "fluency" in item else []
    for test in item.get("tests", []):
        shown = literal(test["name"])
        if "score" in test:
            shown += " " + literal(test["score"])
        inner = [f"{literal(p['name'])} {literal(p['score'])}" for p in test.get("parts", [])]
        if "date" in test:
            inner.append(words.date(test["date"]))
        if inner:
            shown += f" ({', '.join(inner)})"
        parts.append(shown)
    if parts:
        text += ": " + joined(*parts)
    return block(text)


def interest(item: Data, words: Words) -> str:
    """``Badminton: doubles, coaching``."""
    text = literal(item["name"])
    if keywords := item.get("keywords"):
        text += words.colon + words.join(list(map(literal, keywords)))
    return block(text)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."
