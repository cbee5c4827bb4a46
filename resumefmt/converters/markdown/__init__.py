"""The ``markdown`` export: CommonMark/GFM that reads well as a file and on a code host.

Layout lives in Jinja2 templates (``templates/``: ``resume.md.j2`` includes
``header.md.j2`` and ``section.md.j2``, which includes ``entry.md.j2``); a file
of the same name in ``--template-dir`` replaces one. Templates receive
``header`` and ``sections``, whose strings are Markdown already (built by
``_model`` and ``_items``), and the raw ``resume`` data with the filters ``md``
(escape literal text) and ``rich`` (rich text on one line), from ``_escape``,
and ``words`` (:class:`~resumefmt.converters._common.Words`: the labels and
dates of the language being built, already in the pieces).

Markdown has no text direction: an Arabic, Hebrew or Persian résumé is written
without a ``<div dir="rtl">`` wrapper, the output's only raw HTML would be
ours and many renderers drop or escape raw HTML, while the code hosts set each
paragraph's direction from its text (``dir="auto"``).
"""

from __future__ import annotations

import re

from resumefmt.converting import Converter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.converting import ConvertOptions
    from resumefmt.loader import Document
    from resumefmt.plugins import Registry

_BLANK_RUNS = re.compile(r"\n(?:[ \t]*\n)+")


def render(document: Document, options: ConvertOptions) -> str:
    """The résumé as Markdown; the same document always gives the same bytes."""
    from resumefmt.converters._common import words_for
    from resumefmt.converters.markdown import _escape as escape
    from resumefmt.converters.markdown import _model as model
    from resumefmt.converting import render_template, template_environment

    environment = template_environment(
        __name__, "templates", options, trim_blocks=True, lstrip_blocks=True
    )
    environment.filters["md"] = escape.literal
    environment.filters["rich"] = escape.rich_line
    data = document.data
    words = words_for(document, options)
    text = render_template(
        environment,
        "resume.md.j2",
        header=model.header(data["basics"], words),
        sections=model.sections(data, words),
        resume=data,
        words=words,
    )
    # Templates may leave several blank lines; Markdown wants one between blocks.
    return _BLANK_RUNS.sub("\n\n", text).strip() + "\n"


def register(registry: Registry) -> None:
    """Add the ``markdown`` export."""
    registry.add_converter(Converter("markdown", render=render, templates=(__name__, "templates")))
