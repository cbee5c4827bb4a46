"""RenderCV's YAML (its v2 ``cv:`` shape) as a résumé: ``import --from rendercv``.

The mapping is docs/rendercv.md. ``_names`` holds RenderCV's vocabulary (entry
types, social networks, the section titles people write), ``_dates`` reads its
dates, ``_import`` maps a document and locates what it reports, ``_yaml`` writes
the result.
"""

from __future__ import annotations

from resumefmt.converting import Converter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.converting import ConvertOptions
    from resumefmt.loader import Document
    from resumefmt.plugins import Registry


def render_import(document: Document, options: ConvertOptions) -> str:
    """A RenderCV document as a résumé in our YAML; problems raise DocumentError."""
    from resumefmt.converters._imported import document_yaml
    from resumefmt.converters.rendercv._import import THEIRS, import_document

    return document_yaml(import_document(document, options), THEIRS)


def register(registry: Registry) -> None:
    """Add the ``rendercv`` import."""
    registry.add_converter(
        Converter("rendercv", render=render_import, direction="import", folded_bullets=True)
    )
