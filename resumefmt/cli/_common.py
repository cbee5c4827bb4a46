"""What several commands share: reading files once, summaries, writing outputs."""

from __future__ import annotations

import os
import sys

from resumefmt.errors import OutputError, UsageError


def check_stdin_once(files: list[str]) -> None:
    """Refuse ``-`` given twice: standard input can be read only once."""
    if files.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")


def plural(count: int, word: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def check_output_path(output: str, source: str) -> None:
    """Refuse an output path that is the input file (or a link to it)."""
    if output == "-" or source == "-":
        return
    same = os.path.abspath(output) == os.path.abspath(source)
    if not same and os.path.exists(output):
        try:
            same = os.path.samefile(output, source)
        except OSError:
            same = False
    if same:
        raise OutputError(f"refusing to write over the input '{source}'; choose another -o path")


def write_output(text: str, output: str | None) -> None:
    """Standard output for None or ``-``, else an atomic replace of ``output``."""
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from pathlib import Path

    from resumefmt._atomic import write_atomic

    write_atomic(Path(output), text, replace=True)
