"""Which characters a font file draws: its ``cmap``, read straight from the file.

Only what the glyph check needs: the character-to-glyph table of one face of
an OpenType/TrueType file or collection (formats 4 and 12, which every font
Typst loads has), looked up for a handful of characters. It reads a few
kilobytes where fontTools would parse the whole table (160 ms for a CJK
font); ``tests/test_pdf_fonts.py`` holds it equal to fontTools.
"""

from __future__ import annotations

import struct
from bisect import bisect_left

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import BinaryIO

#: (platform, encoding) of the subtables worth reading, best first.
_PREFERRED = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


class FontFileError(Exception):
    """Not a font file this reader understands."""


def covered(path: str, index: int, wanted: Iterable[int]) -> set[int]:
    """The code points of ``wanted`` that face ``index`` of the font at ``path`` draws."""
    with open(path, "rb") as handle:
        return _covered(handle, index, sorted(set(wanted)))


def _covered(handle: BinaryIO, index: int, wanted: list[int]) -> set[int]:
    base = _face_offset(handle, index)
    handle.seek(base)
    _version, tables = struct.unpack(">IH", _read(handle, 6))
    handle.seek(base + 12)
    directory = _read(handle, 16 * tables)
    for i in range(tables):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", directory, 16 * i)
        if tag == b"cmap":
            return _cmap(handle, offset, wanted)
    raise FontFileError("no cmap table")


def _face_offset(handle: BinaryIO, index: int) -> int:
    handle.seek(0)
    head = _read(handle, 12)
    if head[:4] != b"ttcf":
        return 0
    count = struct.unpack_from(">I", head, 8)[0]
    if not 0 <= index < count:
        raise FontFileError(f"no face {index} in a collection of {count}")
    handle.seek(12 + 4 * index)
    offset: int = struct.unpack(">I", _read(handle, 4))[0]
    return offset


def _cmap(handle: BinaryIO, start: int, wanted: list[int]) -> set[int]:
    handle.seek(start)
    _version, count = struct.unpack(">HH", _read(handle, 4))
    records = _read(handle, 8 * count)
    subtables: dict[tuple[int, int], int] = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", records, 8 * i)
        subtables.setdefault((platform, encoding), start + offset)
    for key in _PREFERRED:
        if key in subtables:
            handle.seek(subtables[key])
            fmt = struct.unpack(">H", _read(handle, 2))[0]
            if fmt == 12:
                return _format12(handle, wanted)
            if fmt == 4:
                return _format4(handle, subtables[key], wanted)
    raise FontFileError("no Unicode cmap of format 4 or 12")


def _format12(handle: BinaryIO, wanted: list[int]) -> set[int]:
    _reserved, _length, _language, groups = struct.unpack(">HIII", _read(handle, 14))
    table = _read(handle, 12 * groups)
    starts = [struct.unpack_from(">I", table, 12 * i)[0] for i in range(groups)]
    found = set()
    for code in wanted:
        i = bisect_left(starts, code + 1) - 1
        if i >= 0:
            first, last, glyph = struct.unpack_from(">III", table, 12 * i)
            if first <= code <= last and glyph + code - first != 0:
                found.add(code)
    return found


def _format4(handle: BinaryIO, start: int, wanted: list[int]) -> set[int]:
    length = struct.unpack(">H", _read(handle, 2))[0]
    handle.seek(start)
    table = _read(handle, length)
    segments = struct.unpack_from(">H", table, 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", table, 14)
    starts_at = 16 + 2 * segments
    starts = struct.unpack_from(f">{segments}H", table, starts_at)
    deltas = struct.unpack_from(f">{segments}h", table, starts_at + 2 * segments)
    ranges_at = starts_at + 4 * segments
    ranges = struct.unpack_from(f">{segments}H", table, ranges_at)
    found = set()
    for code in wanted:
        if code > 0xFFFF:
            continue
        i = bisect_left(ends, code)
        if i == segments or starts[i] > code:
            continue
        if ranges[i] == 0:
            glyph = (code + deltas[i]) & 0xFFFF
        else:
            at = ranges_at + 2 * i + ranges[i] + 2 * (code - starts[i])
            if at + 2 > len(table):
                continue
            glyph = struct.unpack_from(">H", table, at)[0]
            if glyph:
                glyph = (glyph + deltas[i]) & 0xFFFF
        if glyph:
            found.add(code)
    return found


def _read(handle: BinaryIO, size: int) -> bytes:
    data = handle.read(size)
    if len(data) != size:
        raise FontFileError("the file ends too soon")
    return data
