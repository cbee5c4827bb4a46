"""Placeholder: the format rules are being written."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.plugins import Registry


def register(registry: Registry) -> None:
    """Register nothing yet."""
