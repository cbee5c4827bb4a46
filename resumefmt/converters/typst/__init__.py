"""``convert --to pdf|png|typst``: the résumé set by a Typst theme, with no TeX and no network.

The engine is the ``typst`` package (the extra ``resumefmt[pdf]``), imported
only when a PDF or PNG is made. A theme is a folder of Typst files
registered with :meth:`resumefmt.plugins.Registry.add_theme` for the three
formats; the built-in ones (``classic``, ``sans``, ``compact``) are in
``themes/`` and share the kit in ``packages/`` (``@resumefmt/kit``). The
résumé reaches the theme as data (``_view``), never as Typst source.

``pdf`` and ``png`` are binary: the command line calls :meth:`build`;
their ``render``, like ``typst``'s, gives the Typst source.
"""

from __future__ import annotations

import os

from resumefmt.converting import Converter, ConvertOptions
from resumefmt.plugins import Theme

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.loader import Document
    from resumefmt.plugins import Registry

#: The formats this package registers; the first two are binary.
FORMATS = ("pdf", "png", "typst")
THEMES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "themes")
#: The smallest body size ``--pages`` may use, whatever a theme says.
MIN_SIZE = 9.5

#: The built-in themes: name and one line for ``resumefmt themes``. Each is the
#: folder of that name under ``themes/``, at 10 pt, which ``--pages`` may tighten.
_BUILTIN = (
    ("classic", "the LaTeX classic look: Computer Modern serif, blue headings over a rule"),
    ("sans", "Noto Sans (shipped), a slate-blue name, headings in spaced capitals, roomy"),
    ("compact", "dense, for one page: Libertinus Serif, small margins, dates inline"),
)
BUILTIN_THEMES = tuple(
    Theme(
        name,
        converters=FORMATS,
        directory=os.path.join(THEMES, name),
        summary=summary,
        settings={"size": 10, "min-size": MIN_SIZE},
    )
    for name, summary in _BUILTIN
)


class EngineOptions(ConvertOptions):
    """What the Typst formats add to the command line's choices."""

    __slots__ = ("font_paths", "pages", "ppi")

    def __init__(
        self,
        *,
        template_dir: str | None = None,
        theme: str | None = None,
        locale: str | None = None,
        variant: str | None = None,
        font_paths: list[str] | None = None,
        pages: int | None = None,
        ppi: float = 144,
    ) -> None:
        super().__init__(template_dir=template_dir, theme=theme, locale=locale, variant=variant)
        #: Folders of extra fonts (``--font-path``).
        self.font_paths = list(font_paths or [])
        #: A page budget (``--pages``), or None.
        self.pages = pages
        #: Resolution of PNG pages.
        self.ppi = ppi


class TypstConverter(Converter):
    """A format made by a Typst theme; ``binary`` ones are built with :meth:`build`."""

    __slots__ = ("binary", "theme_table")

    def __init__(self, name: str, registry: Registry) -> None:
        super().__init__(name, render=self.source)
        self.binary = name != "typst"
        #: The registry's themes of this format (shared: themes registered later appear).
        self.theme_table = registry.themes.setdefault(name, {})

    def theme(self, options: ConvertOptions) -> Theme:
        name = options.theme or self.themes[0]
        return self.theme_table[name]

    def source(self, document: Document, options: ConvertOptions) -> str:
        """The Typst source: the theme and kit in one file, the résumé as a literal."""
        from resumefmt.converters._common import words_for
        from resumefmt.converters.typst._source import bundle
        from resumefmt.converters.typst._view import view

        data = view(document.data, words=words_for(document, options))
        found = None
        if document.data["basics"].get("image"):
            from resumefmt.converters._image import photo

            found = photo(document)
        if found is not None:  # one self-contained file: the photo's bytes are in the data
            data["basics"]["image"]["data"] = found.data
        return bundle(self.theme(options), data)

    def build(self, document: Document, options: ConvertOptions) -> list[bytes]:
        """The PDF (one item) or PNG pages of a document; invalid input raises first (exit 1)."""
        from resumefmt.converters.typst._engine import Engine
        from resumefmt.converters.typst._fit import fit
        from resumefmt.converting import convert
        from resumefmt.selection import selected

        if not isinstance(options, EngineOptions):
            options = EngineOptions(
                template_dir=options.template_dir,
                theme=options.theme,
                locale=options.locale,
                variant=options.variant,
            )
        # The theme check and validation of every format, with nothing rendered.
        convert(document, Converter(self.name, render=_nothing, themes=self.themes), options)
        document = selected(document, options.locale, options.variant)
        pages = options.pages or getattr(document, "pages", None)  # --pages, else the variant's
        engine = Engine(document, self.theme(options), options)
        style = fit(engine, pages) if pages else None
        return engine.compile(self.name, style, options.ppi)


def _nothing(document: Document, options: ConvertOptions) -> str:
    return ""


def register(registry: Registry) -> None:
    """Add the ``pdf``, ``png`` and ``typst`` formats and the built-in themes."""
    for name in FORMATS:
        registry.add_converter(TypstConverter(name, registry))
    for theme in BUILTIN_THEMES:
        registry.add_theme(theme)
