"""Compiling a theme with the Typst engine (the ``typst`` package), in this process.

The résumé reaches the theme as JSON in ``sys.inputs.resumefmt``; the theme's
folder is the compiler's root, so a theme (and anything it could be tricked
into) reads no file outside it; the kit comes from the package folder beside
this module. The output carries no wall-clock time: the PDF's date is set
only from ``SOURCE_DATE_EPOCH``.
"""

from __future__ import annotations

import json
import os

from resumefmt.errors import ResumefmtError, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from resumefmt.converters.typst import EngineOptions
    from resumefmt.loader import Document
    from resumefmt.plugins import Theme

#: The one line a missing extra prints.
INSTALL = "PDF and PNG output need the Typst engine: pip install 'resumefmt[pdf]'"


def typst_module() -> Any:
    """The ``typst`` package, or a usage error naming the install command."""
    try:
        import typst
    except ImportError:
        raise UsageError(INSTALL) from None
    return typst


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as seconds, None when unset; a malformed value is a usage error."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or value == "":
        return None
    # isascii: str.isdigit also accepts "²"; the bound: the last second of year 9999,
    # past which a PDF date (and Python's datetime) cannot go.
    if not (value.isascii() and value.isdigit()) or int(value) > _LAST_PDF_SECOND:
        from resumefmt._text import visible

        raise UsageError(
            "SOURCE_DATE_EPOCH must be whole seconds since 1970, up to "
            f"{_LAST_PDF_SECOND} (9999-12-31), not '{visible(value)}'"
        )
    return int(value)


_LAST_PDF_SECOND = 253_402_300_799


class Engine:
    """One résumé and theme, ready to compile (again, with another style, for ``--pages``)."""

    def __init__(self, document: Document, theme: Theme, options: EngineOptions) -> None:
        from resumefmt.converters._common import words_for
        from resumefmt.converters.typst._fonts import font_setup
        from resumefmt.converters.typst._source import PACKAGES
        from resumefmt.converters.typst._view import view

        typst = typst_module()
        self.typst = typst
        self.theme = theme
        self.path = document.path
        self.epoch = source_date_epoch()
        words = words_for(document, options)
        self.view = view(document.data, words=words)
        self.view["dated"] = self.epoch is not None
        self.photo = None
        if document.data["basics"].get("image"):  # the reader is imported only for a photo
            from resumefmt.converters._image import photo

            self.photo = photo(document)
        fonts, self.system_text = font_setup(document, options.font_paths, words.strings())
        self.document = document
        self.options = options
        self.compiler = typst.Compiler(
            theme.main_path,
            root=theme.directory,
            font_paths=fonts,
            ignore_system_fonts=self.system_text is None,
            package_path=PACKAGES,
            package_cache_path=PACKAGES,
        )

    def inputs(self, style: dict[str, float] | None) -> dict[str, str]:
        data = {**self.view, "style": style or {}}
        inputs = {"resumefmt": json.dumps(data, ensure_ascii=False)}
        if self.photo is not None:
            # sys.inputs holds strings only: the bytes as a JSON array, which the kit's
            # load() turns back into bytes (about 0.15 s a MiB; the photo is at most 4 MiB).
            inputs["resumefmt-image"] = json.dumps(list(self.photo.data))
        return inputs

    def compile(
        self, fmt: str, style: dict[str, float] | None = None, ppi: float = 144
    ) -> list[bytes]:
        """The pages (PNG: one image each) or the whole document (PDF: one item)."""
        try:
            result, warnings = self.compiler.compile_with_warnings(
                format=fmt,
                ppi=ppi if fmt == "png" else None,
                sys_inputs=self.inputs(style),
                timestamp=self.epoch,
            )
        except self.typst.TypstError as exc:
            raise self._failed(exc) from None
        self._report(w.message for w in warnings)
        if isinstance(result, list):
            return result
        return [result]

    def end(self, style: dict[str, float] | None = None) -> dict[str, float]:
        """Where the content ends: ``page``, and ``y`` and ``bottom`` (pt) on that page."""
        try:
            found = self.compiler.query("<resumefmt-end>", field="value", one=True, format="json")
        except self.typst.TypstError as exc:
            raise self._failed(exc) from None
        value: dict[str, float] = json.loads(found)
        return value

    def _failed(self, exc: Any) -> ResumefmtError:
        message = str(getattr(exc, "message", exc))
        if self.photo is not None and message.startswith("failed to decode image"):
            from resumefmt._text import visible
            from resumefmt.converters._image import refuse

            return refuse(
                self.document,
                f"the photo '{visible(self.photo.path)}' cannot be read as an image: {message}",
            )
        where = getattr(exc, "diagnostic", "") or str(exc)
        return ResumefmtError(
            f"theme '{self.theme.name}' failed to compile (a bug in the theme, not in your "
            f"file): {getattr(exc, 'message', exc)}\n{where.rstrip()}"
        )

    def _report(self, messages: Iterable[str]) -> None:
        """A font family the theme names and the system lacks, when the text needs one.

        A Latin-only résumé compiles without the system's fonts, so the theme's
        CJK families are unknown then, and rightly unused: no notice.
        """
        from resumefmt import codes
        from resumefmt.diagnostics import Diagnostic

        if self.system_text is None:
            return
        for message in messages:
            if not message.startswith("unknown font family: "):
                continue
            family = message.removeprefix("unknown font family: ")
            notice = Diagnostic.of(
                codes.FONT_FALLBACK,
                self.document.locate(self.system_text),
                f"theme '{self.theme.name}' asks for the font '{family}', which is not "
                "installed: another font stands in (for CJK text perhaps with another "
                "region's forms); install it (Debian: fonts-noto-cjk) or pass --font-path DIR",
                "warning",
            )
            if notice not in self.options.notices:
                self.options.notices.append(notice)
