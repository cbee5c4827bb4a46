"""Converters: what a ``resumefmt/converters/`` plugin registers, and the pipeline.

An export converter turns a valid :class:`Document` into text (``convert
--to``); an import converter turns a foreign file into a résumé in our format
(``import --from``). Templates are Jinja2, loaded from the package (or first
from a user's template folder), with undefined variables as errors.
"""

from __future__ import annotations

import os

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
    not stop the conversion (e.g. fields an import kept under ``x-`` keys), and
    to ``messages`` what has no place in the file (each prints once as
    ``resumefmt: message``).
    """

    __slots__ = ("locale", "messages", "notices", "template_dir", "theme", "variant")

    def __init__(
        self,
        *,
        template_dir: str | None = None,
        theme: str | None = None,
        locale: str | None = None,
        variant: str | None = None,
    ) -> None:
        self.template_dir = template_dir
        #: A theme the converter offers (None: its default).
        self.theme = theme
        #: The language to build (None: the variant's, else the document's).
        self.locale = locale
        #: The variant to build (None: the whole document).
        self.variant = variant
        self.notices: list[Diagnostic] = []
        self.messages: list[str] = []


class Converter:
    """One output (or input) format.

    ``render(document, options)`` returns the output text. For an export it
    receives a document already valid against its schema; for an import it
    receives the loaded foreign document and returns our YAML.
    """

    __slots__ = ("direction", "folded_bullets", "name", "render", "templates", "themes")

    def __init__(
        self,
        name: str,
        *,
        render: Callable[[Document, ConvertOptions], str],
        direction: Direction = "export",
        themes: tuple[str, ...] = (),
        templates: tuple[str, str] | None = None,
        folded_bullets: bool = False,
    ) -> None:
        self.name = name
        self.render = render
        self.direction: Direction = direction
        #: The themes ``--theme`` may name; the first is the default.
        self.themes = themes
        #: Where its built-in Jinja2 templates are, as (package, folder), what it
        #: gives :func:`template_environment`; ``{theme}`` in the folder is the
        #: theme's name. None: it has no templates (``--copy-templates`` refuses).
        self.templates = templates
        #: An import whose format writes sub-bullets as a ``- `` line folded into
        #: the text above (RenderCV): its input is read as YAML reads that.
        self.folded_bullets = folded_bullets

    def __repr__(self) -> str:
        return f"Converter({self.name}, {self.direction})"


def convert(document: Document, converter: Converter, options: ConvertOptions) -> str:
    """Render a document; an invalid one raises :class:`DocumentError` (exit 1)."""
    from resumefmt.validation import require_valid

    _check_theme(converter, options.theme)
    require_valid(document)
    from resumefmt.selection import selected

    return converter.render(selected(document, options.locale, options.variant), options)


def _check_theme(converter: Converter, theme: str | None) -> None:
    if theme is not None and theme not in converter.themes:
        from resumefmt.errors import UsageError

        offered = ", ".join(converter.themes) or "none"
        raise UsageError(f"{converter.name} has no theme '{theme}'; themes: {offered}")


def copy_templates(converter: Converter, destination: str, theme: str | None = None) -> list[str]:
    """Copy the built-in templates of ``converter`` (and ``theme``) into ``destination``.

    The copies are byte for byte what the converter renders, so ``--template-dir
    destination`` gives the same output until they are edited. Nothing is
    overwritten: if any of the files exists, nothing is copied. Returns the
    names copied.
    """
    from pathlib import Path

    import jinja2

    from resumefmt._atomic import write_atomic
    from resumefmt.errors import OutputError, UsageError

    if converter.templates is None:
        raise UsageError(f"{converter.name} has no templates to copy")
    _check_theme(converter, theme)
    package, folder = converter.templates
    chosen = theme or (converter.themes[0] if converter.themes else "")
    loader = jinja2.PackageLoader(package, folder.format(theme=chosen))
    environment = jinja2.Environment(loader=loader, keep_trailing_newline=True)
    names = loader.list_templates()
    target = Path(destination)
    taken = [name for name in names if os.path.lexists(target / name)]
    if taken:
        raise OutputError(
            f"'{target / taken[0]}' already exists: resumefmt does not overwrite it; "
            "copy into an empty folder"
        )
    for name in names:
        source, _, _ = loader.get_source(environment, name)
        path = target / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create '{path.parent}': {exc.strerror or exc}") from None
        write_atomic(path, source, replace=False)
    return names


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
    except Exception as exc:  # a user's template may divide by zero, add text to numbers, ...
        what = str(exc) if isinstance(exc, jinja2.TemplateError) else f"{type(exc).__name__}: {exc}"
        line = _user_template_line(exc, environment)
        if line is None:  # not in the user's templates: ours broke, keep the top-level name
            raise ResumefmtError(f"template {name}: {what}") from None
        raise ResumefmtError(f"{line}: template error: {what}") from None


def _user_template_line(exc: BaseException, environment: jinja2.Environment) -> str | None:
    """``file:line`` of the innermost frame in the user's ``--template-dir`` when it failed.

    Jinja2 rewrites a render traceback so that each template frame carries the
    template's file name and line; the innermost one in the user's folder is
    where their change broke (a built-in partial it called may be deeper).
    """
    import jinja2

    loader = environment.loader
    if not isinstance(loader, jinja2.ChoiceLoader):
        return None
    user = loader.loaders[0]
    if not isinstance(user, jinja2.FileSystemLoader):
        return None
    folders = [os.path.join(os.path.abspath(path), "") for path in user.searchpath]
    found = None
    traceback = exc.__traceback__
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if os.path.abspath(filename).startswith(tuple(folders)):
            found = f"{filename}:{traceback.tb_lineno}"
        traceback = traceback.tb_next
    return found
