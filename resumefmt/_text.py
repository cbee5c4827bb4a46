"""Quoting user text inside one-line messages."""

from __future__ import annotations

MAX_SHOWN = 60
# Characters that would break a one-line message or hide in a terminal.
_INVISIBLE = {c: f"\\x{c:02x}" for c in range(0x20)} | {0x7F: "\\x7f", 0x85: "\\x85"}
_INVISIBLE |= {0x2028: "\\u2028", 0x2029: "\\u2029", ord("\n"): "\\n", ord("\t"): "\\t"}


def quote(value: object) -> str:
    """``'text'`` for a message: control characters escaped, long text shortened."""
    text = str(value).translate(_INVISIBLE)
    # Lone surrogates (from JSON escapes) cannot be printed: show them as \udxxx.
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if len(text) > MAX_SHOWN:
        text = text[: MAX_SHOWN - 1] + "…"
    return f"'{text}'"
