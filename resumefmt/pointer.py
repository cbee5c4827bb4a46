"""RFC 6901 JSON pointers, and the short paths people read (``work[2].start``)."""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

_IDENTIFIER = r"[A-Za-z_$][\w$-]*\Z"


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def child(pointer: str, token: str | int) -> str:
    """The pointer of member ``token`` of the node at ``pointer``."""
    return f"{pointer}/{escape(str(token))}"


def join(tokens: Iterable[str | int]) -> str:
    """``('work', 2, 'start')`` → ``/work/2/start``."""
    return "".join("/" + escape(str(token)) for token in tokens)


def split(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def parent(pointer: str) -> str:
    return pointer[: pointer.rfind("/")] if pointer else ""


def human(tokens: list[str | int]) -> str:
    """``['work', 2, 'start']`` → ``work[2].start``; the root is ``the document``."""
    out = ""
    for token in tokens:
        if isinstance(token, int):
            out += f"[{token}]"
        elif re.match(_IDENTIFIER, token):
            out += f".{token}" if out else token
        else:
            out += f"[{token!r}]"
    return out or "the document"
