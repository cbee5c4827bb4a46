"""User text inside one-line messages: shown safely, quoted, shortened."""

from __future__ import annotations

MAX_SHOWN = 60
# Characters that would break a one-line message, act on a terminal (C0 and
# C1 controls: ESC starts a sequence, \x9b is a one-byte CSI) or reorder what
# is shown (bidirectional controls): each is shown as its escape.
_INVISIBLE = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}
_INVISIBLE |= {ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_INVISIBLE |= {c: f"\\u{c:04x}" for c in (*_BIDI, 0x2028, 0x2029)}


def visible(text: str) -> str:
    """``text`` on one line, nothing in it that a terminal acts on (``\\x1b``, ``\\u202e`` shown).

    What a diagnostic or an error prints from a file (its name, its values)
    goes through here, so a value cannot forge another diagnostic line, move
    the cursor, recolour the terminal or reverse the text after it.
    """
    text = text.translate(_INVISIBLE)
    # Lone surrogates (from JSON escapes or file names) cannot be printed: show them as \udxxx.
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def quote(value: object) -> str:
    """``'text'`` for a message: control characters escaped, long text shortened."""
    text = visible(str(value))
    if len(text) > MAX_SHOWN:
        text = text[: MAX_SHOWN - 1] + "…"
    return f"'{text}'"
