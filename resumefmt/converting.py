"""Converters: what a ``resumefmt/converters/`` plugin registers, and the pipeline.

An export converter turns a valid :class:`Document` into text (``convert
--to``); an import converter turns a foreign file into a résumé in our format
(``import --from``). Templates are Jinja2, loaded from the package (or first
from a user's template folder), with undefined variables as errors.
"""

from __future__ import annotations

import os

from resumefmt.errors import DocumentError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, Literal

    import jinja2

    from resumefmt.diagnostics import Diagnostic
    from resumefmt.loader import Document
    from resumefmt.plugins import Registry

    Direction = Literal["export", "import"]


class ConvertOptions:
    """Choices the user makes on the command line, and what the converter reports back.

    A converter appends to ``notices`` what the user should know but that does
    not stop the conversion (e.g. fields an import kept under ``x-`` keys).
    """

    __slots__ = ("notices", "template_dir", "theme")

    def __init__(self, *, template_dir: str | None = None, theme: str | None = None) -> None:
        self.template_dir = template_dir
        #: A theme the converter offers (None: its default).
        self.theme = theme
        self.notices: list[Diagnostic] = []


class Converter:
    """One output (or input) format.

    ``render(document, options)`` returns the output text. For an export it
    receives a document already valid against its schema; for an import it
    receives the loaded foreign document and returns our YAML.
    """

    __slots__ = ("direction", "name", "render", "themes")

    def __init__(
        self,
        name: str,
        *,
        render: Callable[[Document, ConvertOptions], str],
        direction: Direction = "export",
        themes: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.render = render
        self.direction: Direction = direction
        #: The themes ``--theme`` may name; the first is the default.
        self.themes = themes

    def __repr__(self) -> str:
        return f"Converter({self.name}, {self.direction})"


def convert(document: Document, converter: Converter, options: ConvertOptions) -> str:
    """Render a document; an invalid one raises :class:`DocumentError` (exit 1)."""
    from resumefmt.diagnostics import has_errors
    from resumefmt.validation import validate

    if options.theme is not None and options.theme not in converter.themes:
        from resumefmt.errors import UsageError

        offered = ", ".join(converter.themes) or "none"
        raise UsageError(f"{converter.name} has no theme '{options.theme}'; themes: {offered}")
    diagnostics = validate(document)
    if has_errors(diagnostics):
        raise DocumentError([d for d in diagnostics if d.severity == "error"])
    return converter.render(document, options)


def find_converter(registry: Registry, name: str, direction: Direction) -> Converter:
    from resumefmt.errors import UsageError

    table = registry.importers if direction == "import" else registry.converters
    if name not in table:
        known = ", ".join(sorted(table)) or "none"
        raise UsageError(f"unknown format '{name}'; known: {known}")
    return table[name]


def template_environment(
    package: str, folder: str, options: ConvertOptions, **settings: Any
) -> jinja2.Environment:
    """A Jinja2 environment over the templates of one converter.

    The built-in templates are in ``folder`` of the Python ``package`` (e.g.
    ``templates`` of ``resumefmt.converters.markdown``); a user's
    ``--template-dir`` is searched first, so a template of the same name there
    restyles the output. Undefined variables are errors; autoescaping is off
    because each converter escapes with its own filter for its own syntax.
    """
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    if options.template_dir is not None:
        if not os.path.isdir(options.template_dir):
            from resumefmt.errors import UsageError

            raise UsageError(f"template folder '{options.template_dir}' does not exist")
        loaders.append(jinja2.FileSystemLoader(options.template_dir))
    loaders.append(jinja2.PackageLoader(package, folder))
    settings.setdefault("keep_trailing_newline", True)
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        **settings,
    )


def render_template(environment: jinja2.Environment, name: str, **context: Any) -> str:
    """Render one template; a broken (user) template is a located error, not a traceback."""
    import jinja2

    from resumefmt.errors import ResumefmtError

    try:
        return environment.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name or name}:{exc.lineno}"
        raise ResumefmtError(f"{where}: template error: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise ResumefmtError(f"template {name}: {exc}") from None
    except Exception as exc:  # a user's template may divide by zero, add text to numbers, ...
        raise ResumefmtError(f"template {name}: {type(exc).__name__}: {exc}") from None
