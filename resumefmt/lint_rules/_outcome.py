"""What checking one link found: a value shared by the checker, the cache and the rules."""

from __future__ import annotations

from resumefmt._record import Record

#: ``ok``; ``dead`` (404, 410, no such domain); ``unverifiable`` (401, 403, 429,
#: 999, 5xx, timeouts, refused connections); ``private`` (refused target).
KINDS = ("ok", "dead", "unverifiable", "private")


class Outcome(Record):
    """``kind`` is one of :data:`KINDS`; ``detail`` completes "the link ..." in a message.

    ``private`` says that a good answer came through a loopback, private or
    link-local address, so the cache never serves it to a run without
    ``--allow-private-hosts``.
    """

    __slots__ = ("detail", "kind", "private")

    def __init__(self, kind: str, detail: str, *, private: bool = False) -> None:
        self.kind = kind
        self.detail = detail
        self.private = private
