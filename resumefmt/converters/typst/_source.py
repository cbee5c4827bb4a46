"""``--to typst``: one Typst file a person can edit and compile with ``typst compile``.

The theme's files and the kit it imports are put into one file (each
``#import "…": *`` replaced by the file it names, once), and ``load()`` is
defined again to return the résumé as a Typst literal. Every string of the
data is a Typst string literal built by :func:`literal`, the one escaping
layer: in a string literal only ``\\`` and ``"`` are special, so nothing a
résumé says can become markup or code.
"""

from __future__ import annotations

import os
import re

from resumefmt.errors import ResumefmtError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from resumefmt.plugins import Theme

#: Where the kit package lives: ``packages/resumefmt/kit/<version>/``.
PACKAGES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "packages")
KIT = "@resumefmt/kit:"
_IMPORT = re.compile(r'^#import "([^"]+)": \*\s*$')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SPECIAL = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]')


def string(text: str) -> str:
    """A Typst string literal of ``text``: backslash, quote and invisible characters escaped."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return _ESCAPES.get(char) or f"\\u{{{ord(char):x}}}"

    return '"' + _SPECIAL.sub(escape, text) + '"'


def literal(value: Any, indent: str = "") -> str:
    """A Typst literal of JSON-like data (``none``, booleans, numbers, text, bytes, lists, dicts).

    Short values stay on one line; longer arrays and dictionaries put one
    member per line, so the data reads (and diffs) well.
    """
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return string(value)
    if isinstance(value, bytes):
        # A photo: its byte values, a few dozen a line.
        rows = [", ".join(map(str, value[at : at + 24])) for at in range(0, len(value), 24)]
        inner = indent + "  "
        return "bytes((\n" + "".join(f"{inner}{row},\n" for row in rows) + indent + "))"
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "(:)"
        members = [f"{string(key)}: {literal(item, inner)}" for key, item in value.items()]
    elif isinstance(value, list | tuple):
        if not value:
            return "()"
        members = [literal(item, inner) for item in value]
    else:
        raise TypeError(f"no Typst literal for {type(value).__name__}")
    flat = (
        "("
        + ", ".join(members)
        + ("," if len(members) == 1 and not isinstance(value, dict) else "")
        + ")"
    )
    if len(flat) + len(indent) <= 96 and "\n" not in flat:
        return flat
    return "(\n" + "".join(f"{inner}{member},\n" for member in members) + indent + ")"


def bundle(theme: Theme, data: dict[str, Any]) -> str:
    """The theme's main file with everything it imports inlined, and the data as a literal."""
    out = [
        f"// A résumé written by resumefmt with the theme '{theme.name}'.\n",
        "// Compile it with `typst compile` (the data is at the end of the kit part, in load()).\n",
    ]
    seen: set[str] = set()

    def inline(path: str, root: str) -> None:
        real = os.path.realpath(path)
        if real in seen:
            return
        seen.add(real)
        try:
            with open(real, encoding="utf-8") as handle:
                lines = handle.read().splitlines(keepends=True)
        except OSError as exc:
            raise ResumefmtError(
                f"theme {theme.name}: cannot read {path}: {exc.strerror}"
            ) from None
        for number, line in enumerate(lines, start=1):
            found = _IMPORT.match(line)
            if found is None:
                if line.lstrip().startswith("#import"):
                    raise ResumefmtError(
                        f"{path}:{number}: theme {theme.name} cannot be written as one Typst file: "
                        'only `#import "file.typ": *` and the kit can be inlined'
                    )
                out.append(line)
                continue
            target = found.group(1)
            if target.startswith(KIT):
                kit = os.path.join(PACKAGES, "resumefmt", "kit", target[len(KIT) :])
                first = os.path.realpath(os.path.join(kit, "lib.typ")) not in seen
                inline(os.path.join(kit, "lib.typ"), kit)
                if first:
                    out.append("\n// The résumé, as data: every string is a string literal.\n")
                    out.append("#let load() = " + literal(data) + "\n\n")
            else:
                inline(os.path.join(os.path.dirname(path), target), root)
        if out and not out[-1].endswith("\n"):
            out.append("\n")

    inline(theme.main_path, theme.directory)
    return "".join(out)
