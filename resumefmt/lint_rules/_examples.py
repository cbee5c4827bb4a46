"""YAML fragments the rule families build their examples from."""

from __future__ import annotations


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return f'"{escaped}"'


def bullets(*texts: str) -> str:
    """A work entry whose highlights are ``texts``."""
    items = "".join(f"      - {quoted(text)}\n" for text in texts)
    return (
        "work:\n"
        "  - organization: Example Corp\n"
        "    role: Engineer\n"
        '    start: "2020-01"\n'
        '    end: "2021-06"\n'
        f"    highlights:\n{items}"
    )


def field(key: str, text: str) -> str:
    """A publication whose ``key`` (``title`` or ``venue``) is ``text``."""
    other = "venue" if key == "title" else "title"
    return f"publications:\n  - {key}: {quoted(text)}\n    {other}: Example\n"
