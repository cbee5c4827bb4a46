"""What several commands share: reading files once, summaries, writing outputs."""

from __future__ import annotations

import errno
import io
import os
import sys

from resumefmt.errors import InputError, OutputError, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterator

#: The names ``lint DIR`` and ``validate DIR`` look for below DIR.
RESUME_SUFFIXES = (".resumefmt.yaml", ".resumefmt.yml", ".resumefmt.json")
#: Folders never searched: tools' and packages' trees, not the user's résumés.
_SKIPPED_FOLDERS = {"node_modules"}


def add_files_argument(parser: argparse.ArgumentParser) -> None:
    """``FILE...``: résumé files, folders of them, or ``-``."""
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a résumé file, a folder (the *.resumefmt.yaml|yml|json below it), or - for stdin",
    )


def add_color_argument(parser: argparse.ArgumentParser) -> None:
    """``--color auto|always|never``, for the commands that print problems as text."""
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the severity and code of each problem: auto (default: on a terminal, "
        "unless NO_COLOR is set or FORCE_COLOR forces it), always or never",
    )


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    """``--locale TAG`` and ``--variant NAME``: which language and variant to check or build."""
    parser.add_argument(
        "--locale",
        metavar="TAG",
        type=_language_tag,
        help="the language to check or build, a BCP 47 tag such as en, zh or pt-BR "
        "(default: the variant's, else the document's locale)",
    )
    parser.add_argument(
        "--variant", metavar="NAME", help="one of the document's variants (see resumefmt variants)"
    )


def _language_tag(text: str) -> str:
    import argparse
    import re

    from resumefmt.model import LANGUAGE_TAG

    if not re.fullmatch(LANGUAGE_TAG, text):
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a language tag: write a BCP 47 tag such as en, zh, de or pt-BR"
        )
    return text


def check_stdin_once(files: list[str]) -> None:
    """Refuse ``-`` given twice: standard input can be read only once."""
    if files.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")


def expand_folders(names: list[str]) -> list[str | InputError]:
    """Each folder among ``names`` replaced by the résumés below it, sorted by path.

    Résumés are the files named ``*.resumefmt.yaml``, ``*.resumefmt.yml`` or
    ``*.resumefmt.json``; hidden files and folders and ``node_modules`` are
    skipped, and links to folders are not followed (a link loop cannot hang it).
    A folder without any stands as the error to report in its place: it was
    named to be checked, and the other names are still checked.
    """
    files: list[str | InputError] = []
    for name in names:
        if name == "-" or not os.path.isdir(name):
            files.append(name)  # the loader says what is wrong with a name that is no file
            continue
        found = sorted(_resumes_below(name))  # the order lint sorts its findings in
        if found:
            files += found
            continue
        suffixes = ", ".join(f"*{suffix}" for suffix in RESUME_SUFFIXES)
        files.append(
            InputError(
                f"no résumé found in the folder '{name}': resumefmt looks below it for "
                f"{suffixes} (hidden folders and node_modules are skipped)"
            )
        )
    return files


def _resumes_below(folder: str) -> Iterator[str]:
    for parent, folders, names in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith(".") and f not in _SKIPPED_FOLDERS]
        for name in names:
            if name.endswith(RESUME_SUFFIXES) and not name.startswith("."):
                yield os.path.join(parent, name)


def plural(count: int, word: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def check_output_path(output: str, source: str) -> None:
    """Refuse an output path that is empty, a folder, or the input file (or a link to it)."""
    if output == "":
        raise UsageError("-o needs the name of a file to write (or - for standard output)")
    if output == "-":
        return
    if os.path.isdir(output):
        raise OutputError(f"'{output}' is a folder: give -o the name of a file to write")
    if source == "-":
        return
    same = os.path.abspath(output) == os.path.abspath(source)
    if not same and os.path.exists(output):
        try:
            same = os.path.samefile(output, source)
        except OSError:
            same = False
    if same:
        raise OutputError(f"refusing to write over the input '{source}'; choose another -o path")


def write_output(text: str | bytes, output: str | None) -> None:
    """Standard output for None or ``-``; else the file, device or pipe named ``output``.

    Text or bytes (a PDF, a PNG page). A file is replaced atomically, and a
    termination signal (SIGTERM, SIGHUP) that arrives meanwhile removes the
    temporary file before the process ends.
    """
    if output is None or output == "-":
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
        return
    from pathlib import Path

    from resumefmt._atomic import write_to

    with _TerminatingCleanly():
        write_to(Path(output), text)


class _Terminated(BaseException):
    """A termination signal, raised so that ``finally`` clauses clean up on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _TerminatingCleanly:
    """Turn SIGTERM and SIGHUP into an exception, then end by that signal all the same.

    Their default action ends the process at once, leaving a temporary file
    beside the output. Raised instead, they run the writer's clean-up; the
    process then ends by the signal, so its parent sees what happened.
    SIGINT needs nothing: Python raises KeyboardInterrupt for it already.
    """

    def __enter__(self) -> None:
        import signal
        import threading

        self.saved: dict[int, object] = {}
        if threading.current_thread() is not threading.main_thread():
            return  # only the main thread may set handlers; it is not writing here

        def stop(signum: int, _frame: object) -> None:
            raise _Terminated(signum)

        for signum in (signal.SIGTERM, signal.SIGHUP):
            self.saved[signum] = signal.signal(signum, stop)

    def __exit__(self, kind: object, error: BaseException | None, _trace: object) -> None:
        import signal

        for signum, handler in self.saved.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        if isinstance(error, _Terminated):
            signal.signal(error.signum, signal.SIG_DFL)
            signal.raise_signal(error.signum)


def checked_stdout() -> Callable[[], None]:
    """Make every write to standard output whole or an error; returns how to undo it.

    Python's own standard output drops the rest of a large write that the
    system took only in part (a disk that fills up during it) and reports
    success. The replacement writes until all is written or raises, and a
    closed standard output raises on the first thing written to it.
    """
    original = sys.stdout
    if original is None:  # started with file descriptor 1 closed (``>&-``)
        sys.stdout = _ClosedStdout()
    elif original is sys.__stdout__ and isinstance(original, io.TextIOWrapper):
        try:
            fd = original.fileno()
        except (OSError, ValueError):
            return lambda: None
        original.flush()
        sys.stdout = io.TextIOWrapper(
            io.BufferedWriter(_WholeWrites(fd)),
            encoding=original.encoding,
            errors=original.errors,
            # A terminal gets each line as it is written, even when the
            # interpreter runs unbuffered (PYTHONUNBUFFERED), so findings
            # never come after the summary written to standard error.
            line_buffering=original.line_buffering or original.isatty(),
        )
    else:  # already replaced (a test capturing it, an embedding program): leave it
        return lambda: None

    def restore() -> None:
        sys.stdout = original

    return restore


class _WholeWrites(io.RawIOBase):
    """A file descriptor whose writes write everything or raise ``OSError``."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd
        self._failed = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: object) -> int:
        view = memoryview(data).cast("B")  # type: ignore[arg-type]
        if self._failed:  # reported once already; what is left is dropped, not retried
            return view.nbytes
        try:
            while view:
                view = view[os.write(self._fd, view) :]
        except OSError:
            self._failed = True
            raise
        return memoryview(data).nbytes  # type: ignore[arg-type]


class _ClosedStdout(io.TextIOBase):
    """Standard output when the process started without one: writing text is an error."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if text:  # nothing written, nothing lost
            raise OSError(
                errno.EBADF, "standard output is closed; redirect it (to /dev/null to discard it)"
            )
        return 0
