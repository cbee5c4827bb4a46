"""``resumefmt init``: a starter résumé with the editor modeline."""

from __future__ import annotations

import json
import re
from pathlib import Path

from resumefmt._package import read_data
from resumefmt._yaml_reader import resolve_plain
from resumefmt.errors import UsageError
from resumefmt.schemas import NEWEST, schema_filename

SUFFIXES = (".resumefmt.yaml", ".resumefmt.yml")


def target_path(name: str) -> Path:
    """``ada`` → ``ada.resumefmt.yaml``; ``cv.yaml`` → ``cv.resumefmt.yaml``.

    The ``.resumefmt`` part is what the pre-commit hooks look for, and what keeps
    ``resume.yaml`` out of the names SchemaStore gives JSON Resume's schema, so
    it is added wherever it is missing.
    """
    if not Path(name).name:
        raise UsageError("give init the name of the file to write, such as: resumefmt init cv")
    if name.endswith(SUFFIXES):
        return Path(name)
    base, dot, extension = name.rpartition(".")
    if dot and base and extension.lower() in ("yaml", "yml"):
        return Path(f"{base.removesuffix('.resumefmt')}.resumefmt.{extension}")
    if dot and extension.lower() == "json":
        raise UsageError("init writes YAML: give a name ending in .resumefmt.yaml")
    return Path(name.removesuffix(".resumefmt") + SUFFIXES[0])


def starter_text(filename: str, *, schema: str | None = None, name: str | None = None) -> str:
    """The starter résumé; ``schema`` is the modeline's target.

    By default the newest schema's file name beside the résumé (``init`` writes
    it there): yaml-language-server reads it without a network, where the
    published address would need one.

    Without a ``name`` the starter is Ada Lovelace's.
    """
    template = read_data("templates/starter.resumefmt.yaml").decode("utf-8")
    return template.format(
        schema=schema or "./" + schema_filename(NEWEST),
        version=NEWEST,
        filename=filename,
        name=_yaml_scalar(name or "Ada Lovelace"),
    )


def _yaml_scalar(text: str) -> str:
    """``text`` as a YAML value: plain when that is safe, else double-quoted."""
    plain = re.fullmatch(r"[^\W\d_][\w .-]*[\w.]", text) and ": " not in text
    if plain and isinstance(resolve_plain(text), str):  # not true, null, ...
        return text
    return json.dumps(text, ensure_ascii=False)
