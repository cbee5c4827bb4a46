"""``convert --to latex``: a one-column LaTeX résumé from Jinja2 templates.

A theme is a template folder under ``templates/`` (``classic`` today);
``--template-dir`` overrides ``resume.tex.j2`` or any of its partials. User
text is escaped by the environment's output filter (``_escape``), so a
template cannot forget to; the pieces built in ``_parts`` are escaped LaTeX.
The output compiles with pdflatex, or with xelatex when the text needs it
(CJK through xeCJK, or a script T1 lacks); its first lines say which. For
xelatex the converter chooses the font of every character (``_fonts``), and
refuses one that none of them draws (RF070) rather than let TeX drop it.

Labels and dates are the language's (the global ``words`` and the filters
``date`` and ``dates``); they choose the engine and fonts as the text does.
The page stays left to right: Arabic, Hebrew and Persian labels and text are
set right to left as runs (babel's bidi), not a right-to-left page, and no
babel language is loaded for the document (hyphenation is English's), since
most TeX installations lack most of the 32 languages' babel files.
"""

from __future__ import annotations

import re

from resumefmt.converting import Converter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    import jinja2

    from resumefmt.converters._common import Words
    from resumefmt.converting import ConvertOptions
    from resumefmt.loader import Document
    from resumefmt.plugins import Registry

DEFAULT_THEME = "classic"
# Parentheses, not braces: LaTeX is made of braces, and "(((" never occurs in it.
DELIMITERS = {
    "block_start_string": "((*",
    "block_end_string": "*))",
    "variable_start_string": "(((",
    "variable_end_string": ")))",
    "comment_start_string": "((=",
    "comment_end_string": "=))",
}


def register(registry: Registry) -> None:
    """Add the ``latex`` export converter."""
    registry.add_converter(
        Converter(
            "latex",
            render=render,
            themes=(DEFAULT_THEME,),
            templates=(__name__, "templates/{theme}"),
        )
    )


def render(document: Document, options: ConvertOptions, *, theme: str = DEFAULT_THEME) -> str:
    """The LaTeX source of a valid document."""
    from resumefmt.converters._common import words_for
    from resumefmt.converters.latex import _parts as parts
    from resumefmt.converters.latex._escape import PLAN, engine_for
    from resumefmt.converting import render_template

    data: dict[str, Any] = document.data
    words = words_for(document, options)
    # The labels are printed too: a Chinese résumé needs xeCJK for its titles alone.
    engine, cjk = engine_for([*parts.printed_strings(data), *words.strings()])
    plan = None
    if engine == "xelatex":
        from resumefmt.converters.latex._fonts import describe_plan
        from resumefmt.converters.latex._fonts import plan as font_plan

        plan = font_plan(document, cjk, words.strings())
    environment = latex_environment(options, options.theme or theme, words)
    token = PLAN.set(plan)
    try:
        return render_template(
            environment,
            "resume.tex.j2",
            basics=data["basics"],
            photo=photo_path(document),
            sections=parts.sections(data, words),
            words=words,
            engine=engine,
            cjk=cjk,
            fonts=describe_plan(plan) if plan else None,
        )
    finally:
        PLAN.reset(token)


#: What LaTeX takes in a file name as it is written, in every engine and kernel.
_SAFE_PATH = re.compile(r"[A-Za-z0-9_+-][A-Za-z0-9._+/-]*")


def photo_path(document: Document) -> str | None:
    """The photo's path for ``\\includegraphics`` (checked as the PDF's is), or None.

    The path stays as written, relative to the résumé: TeX finds it when the
    ``.tex`` is compiled in the résumé's folder (the preamble says so). A
    name TeX would read as commands or spaces is refused (RF073), not escaped:
    ``\\includegraphics`` takes no escapes in a file name.
    """
    if not document.data["basics"].get("image"):
        return None
    from resumefmt.converters._image import photo, refuse

    found = photo(document)
    if found is None:
        return None
    if not _SAFE_PATH.fullmatch(found.path) or "//" in found.path:
        raise refuse(
            document,
            "LaTeX cannot name the photo file as it is written: rename it with letters, "
            "digits, '.', '-', '_' and '+' only (or convert --to pdf)",
        )
    return found.path


def latex_environment(
    options: ConvertOptions, theme: str = DEFAULT_THEME, words: Words | None = None
) -> jinja2.Environment:
    """The Jinja2 environment of a theme, with LaTeX delimiters, filters and escaping.

    ``words`` (English when None) are the labels and date forms of the
    language being built: the filters ``date`` and ``dates`` and the global
    ``words`` print them.
    """
    import functools

    from resumefmt.converters._common import english
    from resumefmt.converters.latex import _parts as parts
    from resumefmt.converters.latex._escape import Latex, escape
    from resumefmt.converting import template_environment

    def finalize(value: object) -> str:
        # Everything a template prints is escaped unless it is already LaTeX.
        return value if isinstance(value, Latex) else escape(str(value))

    def join_latex(items: list[str], separator: str) -> Latex:
        # The separator comes from the template; the items are escaped unless LaTeX.
        return Latex(separator.join(finalize(item) for item in items))

    def linked(text: str, url: str | None) -> Latex:
        return parts.link(url, text) if url else escape(text)

    environment = template_environment(
        __name__,
        f"templates/{theme}",
        options,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,
        **DELIMITERS,
    )
    words = words or english()
    environment.filters.update(
        rich=parts.rich,
        rich_inline=parts.rich_inline,
        date=words.date,
        dates=words.dates,
        authors=functools.partial(parts.authors, words=words),
        status=functools.partial(parts.status, words=words),
        language_details=functools.partial(parts.language_details, words=words),
        link=parts.link,
        linked=linked,
        join_latex=join_latex,
    )
    environment.globals.update(
        contacts=functools.partial(parts.contacts, words=words),
        profiles=parts.profiles,
        words=words,
    )
    return environment
