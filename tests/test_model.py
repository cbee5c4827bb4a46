"""The format's vocabulary (resumefmt/model.py) is the schema's, and stays so."""

from __future__ import annotations

from typing import Any

import pytest

from resumefmt import model
from resumefmt.loader import load_text
from resumefmt.rules import Context
from resumefmt.schemas import NEWEST, load_schema
from resumefmt.testing import TODAY

SCHEMA = load_schema(NEWEST)
DEFS: dict[str, Any] = SCHEMA["$defs"]
TOP: dict[str, Any] = SCHEMA["properties"]


def _properties(kind: str) -> dict[str, Any]:
    if kind == "basics":
        properties: dict[str, Any] = TOP["basics"]["properties"]
        return properties
    return dict(DEFS[kind]["properties"])


def _ref(node: dict[str, Any]) -> str:
    return str(node["$ref"]).rsplit("/", 1)[1]


def test_sections_are_the_schemas_lists_of_entries_in_order() -> None:
    lists = [key for key, node in TOP.items() if node.get("type") == "array"]
    assert [section.name for section in model.SECTIONS] == lists
    for section in model.SECTIONS:
        assert _ref(TOP[section.name]["items"]) == section.kind, section.name
    assert set(TOP) == {*model.HEADER_KEYS, *model.KINDS}


def test_dated_sections_are_those_whose_entries_have_start_and_end() -> None:
    dated = [s.name for s in model.SECTIONS if {"start", "end"} <= set(_properties(s.kind))]
    assert list(model.DATED) == dated
    with_projects = {s.kind for s in model.SECTIONS if "projects" in _properties(s.kind)}
    assert set(model.WITH_PROJECTS) == with_projects
    assert _ref(DEFS["section"]["properties"]["items"]["items"]) == "sectionItem"
    assert model.KINDS[model.CUSTOM] == "section"


def _rich(node: dict[str, Any]) -> bool:
    if "Rich text" in node.get("description", ""):
        return True
    if "$ref" in node:
        return _rich(DEFS[_ref(node)])
    return "Rich text" in node.get("description", "")


def test_rich_text_fields_are_the_ones_the_schema_says_take_rich_text() -> None:
    kinds = ["basics", *(kind for kind in DEFS if "properties" in DEFS[kind])]
    found = {
        kind: tuple(sorted(key for key, node in _properties(kind).items() if _rich(node)))
        for kind in kinds
    }
    assert {kind: tuple(sorted(fields)) for kind, fields in model.RICH_TEXT.items()} == {
        kind: fields for kind, fields in found.items() if fields
    }


@pytest.mark.parametrize(
    "group", ["PROSE", "BULLETS", "RICH_TEXT_FIELDS", "WORDED", "URL_FIELDS"], ids=lambda g: g
)
def test_every_selector_names_fields_the_schema_has(group: str) -> None:
    """A selector whose last literal token is no property anywhere would select nothing."""
    every_key = {key for kind in DEFS for key in DEFS[kind].get("properties", {})}
    every_key |= set(TOP) | set(TOP["basics"]["properties"])
    for selector in getattr(model, group):
        literal = [t for t in selector.split("/") if t not in ("*", "**")]
        assert set(literal) <= every_key, selector


DOCUMENT = """\
resumefmt: "1.0"
basics: {name: A}
work:
  - organization: O
    role: R
    start: "2020"
    end: present
    projects:
      - {name: P, start: "2021"}
projects:
  - {name: Q}
sections:
  - title: Talks
    items:
      - {title: T, date: "2022"}
awards:
  - {title: Prize}
"""


def test_entry_iterators_walk_the_dated_entries() -> None:
    data = load_text(DOCUMENT, "m.yaml").data
    assert [(s, p) for s, p, _ in model.entries(data)] == [
        ("work", "/work/0"),
        ("projects", "/projects/0"),
    ]
    assert [(s, p) for s, p, _ in model.dated_entries(data)] == [
        ("work", "/work/0"),
        ("work", "/work/0/projects/0"),
        ("projects", "/projects/0"),
        ("sections", "/sections/0/items/0"),
    ]
    assert [p for _, p, _ in model.entries(data, ["awards"])] == ["/awards/0"]


def test_selectors_select_what_they_name() -> None:
    document = load_text(DOCUMENT, "m.yaml")
    context = Context(document, {}, TODAY)
    assert [p for p, _ in context.strings("**/name")] == [
        "/basics/name",
        "/work/0/projects/0/name",
        "/projects/0/name",
    ]
    assert [p for p, _ in context.strings("*/*/projects/*/name")] == ["/work/0/projects/0/name"]


def test_profile_schemes_are_the_ones_the_schema_accepts() -> None:
    pattern = DEFS["profileAddress"]["pattern"]
    assert pattern.endswith("|(" + "|".join(model.PROFILE_SCHEMES) + "):[^\\s]+)$")


def test_language_tags_are_the_schemas() -> None:
    assert DEFS["languageTag"]["pattern"] == f"^{model.LANGUAGE_TAG}$"
    assert list(DEFS["text"]["patternProperties"]) == [f"^{model.LANGUAGE_KEY}$"]
    assert list(TOP["variants"]["patternProperties"]) == [f"^{model.VARIANT_NAME}$"]
    assert DEFS["tags"]["items"]["pattern"] == f"^{model.VARIANT_NAME}$"
