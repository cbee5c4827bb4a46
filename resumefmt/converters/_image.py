"""The photo (``basics.image``) that the PDF, PNG, Typst and LaTeX outputs embed.

A web address is printed as a link and never fetched. A path is read here,
once, with bounds, before any engine sees it: it must name a regular file
inside the résumé's folder (after symbolic links are followed, as Typst
confines a theme to its folder: converting someone else's résumé cannot put
another file of this machine into the PDF), of at most :data:`MAX_BYTES`,
that is a PNG or a JPEG of at most :data:`MAX_PIXELS`. Anything else is a
located error (RF073, exit 1), never a hang: a FIFO or a device is refused
from its status without being read, and the file is opened without blocking.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from resumefmt._record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.errors import DocumentError
    from resumefmt.loader import Document

#: The largest photo file: a résumé prints it a few centimetres wide.
MAX_BYTES = 4 * 1024 * 1024
#: The most pixels a photo may have: a small file can declare huge dimensions
#: (a "decompression bomb"), and the engine would decode them all.
MAX_PIXELS = 25_000_000
POINTER = "/basics/image"
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
# JPEG start-of-frame markers (they hold the size); C4, C8 and CC are other segments.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


class Photo(Record):
    """A local photo, read and checked: its path as written, bytes, format and size."""

    __slots__ = ("data", "format", "height", "path", "width")

    def __init__(self, path: str, data: bytes, fmt: str, width: int, height: int) -> None:
        self.path = path
        self.data = data
        #: ``png`` or ``jpg`` (Typst's names).
        self.format = fmt
        self.width = width
        self.height = height


def photo(document: Document) -> Photo | None:
    """The document's local photo, or None (no ``image``, or a web address).

    Raises :class:`~resumefmt.errors.DocumentError` (RF073) at ``basics.image``
    when the photo cannot be embedded.
    """
    from resumefmt.converters._common import is_web_address

    written = document.data.get("basics", {}).get("image")
    if not written or is_web_address(written):
        return None
    return _read(document, written)


def refuse(document: Document, message: str) -> DocumentError:
    """The RF073 error at ``basics.image``."""
    from resumefmt import codes
    from resumefmt.diagnostics import Diagnostic
    from resumefmt.errors import DocumentError

    location = document.locate(POINTER)
    return DocumentError([Diagnostic.of(codes.RENDER_IMAGE, location, message)])


def _read(document: Document, written: str) -> Photo:
    from resumefmt._text import visible
    from resumefmt.loader import STDIN

    shown = f"the photo '{visible(written)}'"
    if ":" in written.split("/", 1)[0]:
        raise refuse(
            document, f"{shown} is neither a file path nor an http(s):// address: give one of them"
        )
    if Path(written).is_absolute():
        raise refuse(
            document, f"{shown} must be a path relative to the résumé, not an absolute one"
        )
    stdin = document.path in (STDIN, "<string>")
    base = (Path.cwd() if stdin else Path(document.path).parent).resolve()
    real = (base / written).resolve()
    if not real.is_relative_to(base):
        raise refuse(
            document,
            f"{shown} is outside the résumé's folder: put it beside the résumé or in a folder "
            "below it",
        )
    try:
        # Without blocking: a FIFO with no writer would otherwise wait forever.
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        raise refuse(
            document, f"{shown} does not exist (paths are relative to the résumé)"
        ) from None
    except OSError as exc:
        raise refuse(document, f"cannot read {shown}: {exc.strerror}") from None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise refuse(document, f"{shown} is not a regular file")
        if status.st_size > MAX_BYTES:
            raise refuse(
                document,
                f"{shown} is {status.st_size / 2**20:.1f} MiB; a photo may have at most "
                f"{MAX_BYTES // 2**20} MiB: scale it down",
            )
        # Bounded even if the file grows while it is read.
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise refuse(document, f"{shown} grew past {MAX_BYTES // 2**20} MiB while it was read")
    size = _png_size(data) if data.startswith(_PNG) else None
    fmt = "png"
    if data.startswith(_JPEG):
        size, fmt = _jpeg_size(data), "jpg"
    if size is None:
        raise refuse(document, f"{shown} is not a PNG or JPEG image")
    width, height = size
    if width * height > MAX_PIXELS:
        raise refuse(
            document,
            f"{shown} has {width} by {height} pixels; a photo may have at most "
            f"{MAX_PIXELS // 1_000_000} million: scale it down",
        )
    return Photo(written, data, fmt, width, height)


def _png_size(data: bytes) -> tuple[int, int] | None:
    # The first chunk is IHDR: width and height, 4 bytes each, big-endian.
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return (width, height) if width and height else None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The size in the first start-of-frame segment, walking the segments from the start."""
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # segments without a length
            at += 2
            continue
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        if marker in _SOF:
            if at + 9 > len(data):
                return None
            height = int.from_bytes(data[at + 5 : at + 7], "big")
            width = int.from_bytes(data[at + 7 : at + 9], "big")
            return (width, height) if width and height else None
        if length < 2:
            return None
        at += 2 + length
    return None
