"""Our small validator agrees with the reference implementation (python-jsonschema).

It must: it stands in for a library at start-up (docs/decisions.md). The
schemas may use only the keywords it implements.
"""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest
from conftest import example_files
from hypothesis import given, settings
from hypothesis import strategies as st

from resumefmt import load
from resumefmt._jsonschema import Validator, json_equal, unsupported_keywords
from resumefmt.schemas import KNOWN_VERSIONS, load_schema


@pytest.mark.parametrize("version", KNOWN_VERSIONS)
def test_schemas_use_only_implemented_keywords(version: str) -> None:
    assert unsupported_keywords(load_schema(version)) == []


def test_unsupported_keywords_are_found() -> None:
    schema = {"type": "object", "properties": {"a": {"oneOf": [{}]}}, "$defs": {"b": {"not": {}}}}
    assert unsupported_keywords(schema) == ["#/properties/a/oneOf", "#/$defs/b/not"]


def errors(schema: dict[str, Any], instance: Any) -> tuple[set[Any], set[Any]]:
    """(path, keyword) of every error, by our validator and by the reference.

    Two reporting differences are normalised: we report a duplicate list item at
    its index (the reference at the list), and after a failed ``type`` we report
    nothing more about that node (the reference may add ``enum`` and the like).
    """
    ours = set()
    for error in Validator(schema).iter_errors(instance):
        path = error.path[:-1] if error.keyword == "uniqueItems" else error.path
        ours.add((path, error.keyword))
    reference = list(jsonschema.Draft202012Validator(schema).iter_errors(instance))
    mistyped = {tuple(e.absolute_path) for e in reference if e.validator == "type"}
    theirs = {
        (tuple(e.absolute_path), e.validator)
        for e in reference
        if e.validator == "type" or tuple(e.absolute_path) not in mistyped
    }
    return ours, theirs


SCHEMA = load_schema()
EXAMPLES = [load(path).data for path in example_files()]


@pytest.mark.parametrize("data", EXAMPLES, ids=[p.name for p in example_files()])
def test_examples_are_valid_for_both(data: Any) -> None:
    assert errors(SCHEMA, data) == (set(), set())


replacements = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            "",
            "2021",
            "2021-13",
            "2021-02-30",
            "present",
            "https://x.y",
            "a@b",
            "x",
            "1.0",
            "published",
            "under review",
            "10.1000/x",
            "CN",
            "cn",
        ]
    ),
    st.lists(st.sampled_from(["a", "a", "2016", 1]), max_size=3),
    st.dictionaries(
        st.sampled_from(["name", "title", "x-a", "hilights", "url"]), st.just("x"), max_size=2
    ),
)


def nodes(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            out += nodes(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += nodes(value, (*path, index))
    return out


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(draw(st.sampled_from(EXAMPLES)))
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(nodes(data)))
        if not path:
            continue
        parent = data
        for token in path[:-1]:
            parent = parent[token]
        action = draw(st.sampled_from(["replace", "delete", "add-key"]))
        if action == "replace":
            parent[path[-1]] = draw(replacements)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["x-own", "hilights", "nmae", "end", "date"]))] = draw(
                replacements
            )
    return data


@settings(max_examples=400, deadline=None)
@given(mutated())
def test_same_errors_as_the_reference_on_mutated_examples(data: Any) -> None:
    ours, theirs = errors(SCHEMA, data)
    assert ours == theirs


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        (1, 1.0, True),
        (True, 1, False),
        ([1, "a"], [1.0, "a"], True),
        ({"a": 1}, {"a": True}, False),
    ],
)
def test_json_equality(a: Any, b: Any, equal: bool) -> None:
    assert json_equal(a, b) is equal
