"""The package's own data files, read one way wherever the package is installed.

The package's loader reads them, so this works from a wheel, an editable
install or a zip, as ``importlib.resources`` does, without its import cost
(docs/decisions.md).
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def read_data(relative: str) -> bytes:
    """The bytes of ``relative`` (``/``-separated) inside the ``resumefmt`` package."""
    loader: Any = __spec__.loader
    path = os.path.join(os.path.dirname(__file__), *relative.split("/"))
    data: bytes = loader.get_data(path)
    return data
