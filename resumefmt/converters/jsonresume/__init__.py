"""JSON Resume (``@jsonresume/schema`` 1.3.1), both ways: ``convert --to`` and ``import --from``.

The mapping is docs/jsonresume.md. This is the one converter without a Jinja2
template: JSON is data, so the export builds a dict and serialises it with
``json.dumps`` (escaping, commas and key order are then right by construction,
and deterministic), and the import writes YAML through ``resumefmt._yaml_writer``.

``_mapping`` holds what both directions share (names, fields); ``_export`` and
``_import`` are the two directions, ``_yaml`` writes the import's result;
``_official`` is the vendored official schema and its validator's checks;
``_located`` makes the findings and runs the import's two schema checks.
"""

from __future__ import annotations

from resumefmt.converting import Converter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.converting import ConvertOptions
    from resumefmt.loader import Document
    from resumefmt.plugins import Registry


def render_export(document: Document, options: ConvertOptions) -> str:
    """A valid résumé as JSON Resume text (2-space indent, UTF-8 characters as is)."""
    import json

    from resumefmt.converters.jsonresume._export import export

    return json.dumps(export(document, options), ensure_ascii=False, indent=2) + "\n"


def render_import(document: Document, options: ConvertOptions) -> str:
    """A JSON Resume document as a résumé in our YAML; problems raise DocumentError."""
    from resumefmt.converters._imported import document_yaml
    from resumefmt.converters.jsonresume._import import import_document
    from resumefmt.converters.jsonresume._mapping import THEIRS

    return document_yaml(import_document(document, options), THEIRS)


def register(registry: Registry) -> None:
    """Add the ``jsonresume`` export and import."""
    registry.add_converter(Converter("jsonresume", render=render_export))
    registry.add_converter(Converter("jsonresume", render=render_import, direction="import"))
