"""The on-disk cache of good links, so that a second ``lint --online`` asks no one again.

Only good answers are kept, for :data:`KEEP_DAYS` days: a failure may be
passing (a server down for a minute), so it is always asked again. The file is
JSON in ``LintSettings.cache_dir``; it is rewritten atomically, merged with
what another run may have written meanwhile, and a missing or damaged file is
an empty cache, never an error: the cache only saves time.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

KEEP_DAYS = 7
FILE_NAME = "links-v1.json"
_KEEP_SECONDS = KEEP_DAYS * 86400


class LinkCache:
    """Good links and when they were checked; ``folder=None`` keeps nothing."""

    def __init__(self, folder: str | None, now: float | None = None) -> None:
        self.path = Path(folder, FILE_NAME) if folder else None
        self.now = time.time() if now is None else now
        self.entries = self._read()
        self._new: dict[str, dict[str, Any]] = {}

    def good(self, url: str, *, allow_private: bool) -> bool:
        """Whether ``url`` answered well within :data:`KEEP_DAYS` days (and may be trusted now).

        A link that was good only through a private address counts only when
        private addresses are allowed again.
        """
        entry = self.entries.get(url)
        if entry is None or self.now - entry["at"] > _KEEP_SECONDS:
            return False
        return allow_private or not entry["private"]

    def remember(self, url: str, *, private: bool) -> None:
        """Keep ``url`` as good from now on."""
        entry = {"at": self.now, "private": private}
        self.entries[url] = entry
        self._new[url] = entry

    def save(self) -> None:
        """Write the new entries, merged with the file as it is now; nothing if none."""
        if self.path is None or not self._new:
            return
        merged = {**self._read(), **self._new}
        fresh = {u: e for u, e in merged.items() if self.now - e["at"] <= _KEEP_SECONDS}
        text = json.dumps({"version": 1, "good": fresh}, indent=0, sort_keys=True)
        from resumefmt._atomic import write_atomic
        from resumefmt.errors import OutputError

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, text + "\n", replace=True)
        except (OSError, OutputError):
            return  # a read-only or full disk costs the next run time, not this one its result
        self._new.clear()

    def _read(self) -> dict[str, dict[str, Any]]:
        if self.path is None:
            return {}
        try:
            with self.path.open(encoding="utf-8") as handle:
                loaded = json.load(handle)
            good = loaded["good"] if loaded.get("version") == 1 else {}
            return {
                url: {"at": float(entry["at"]), "private": bool(entry["private"])}
                for url, entry in good.items()
                if isinstance(url, str) and isinstance(entry, dict)
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}
