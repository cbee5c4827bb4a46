"""Properties of the loader: the data round-trips and every position points at its node."""

from __future__ import annotations

import json
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from resumefmt import load_text
from resumefmt._yaml_reader import resolve_plain

# Control characters and line separators are left out: PyYAML's emitter folds some of them.
_chars = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.text(_chars, min_size=1, max_size=12).filter(lambda s: isinstance(resolve_plain(s), str))
)
keys = st.text(_chars, min_size=1, max_size=8)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=20,
)


def scalar_pointers(data: Any, here: str = "") -> list[tuple[str, Any]]:
    if isinstance(data, dict):
        out: list[tuple[str, Any]] = []
        for key, value in data.items():
            out += scalar_pointers(value, f"{here}/{key.replace('~', '~0').replace('/', '~1')}")
        return out
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in scalar_pointers(v, f"{here}/{i}")]
    return [(here, data)]


def offset(text: str, line: int, column: int) -> int:
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return starts[line - 1] + column - 1


@settings(max_examples=300, deadline=None)
@given(documents, st.sampled_from([None, 0, 2]))
def test_json_positions_point_at_each_scalar(data: Any, indent: int | None) -> None:
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    doc = load_text(text, "r.json", "json")
    assert doc.data == data
    for ptr, value in scalar_pointers(data):
        at = offset(text, *doc.positions[ptr])
        assert text.startswith(json.dumps(value, ensure_ascii=False), at), ptr


@settings(max_examples=300, deadline=None)
@given(documents, st.booleans())
def test_yaml_positions_point_at_each_scalar(data: Any, flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, width=10**6)
    doc = load_text(text, "r.yaml")
    assert doc.data == data
    for ptr, value in scalar_pointers(data):
        at = offset(text, *doc.positions[ptr])
        # The node starts at its value or at the quote that opens it.
        first = text[at]
        if isinstance(value, str):
            assert first in "'\"" or text.startswith(value[:1], at), (ptr, text)
        elif value is None:
            assert text.startswith("null", at), (ptr, text)
        else:
            assert text.startswith(json.dumps(value), at), (ptr, text)
