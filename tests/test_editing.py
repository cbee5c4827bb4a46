"""Span edits (resumefmt/editing.py): the value changes, nothing else does."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from conftest import EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from resumefmt.editing import Edit, OverlappingEdits, apply, replace_in_value, replace_value
from resumefmt.loader import Document, load, load_text
from resumefmt.pointer import child, split

SOURCE = """\
resumefmt: "1.0"   # version
basics:
  name: Ada   # a comment
  headline: 'It''s me'
  summary: |
    Uses Github daily.
    Second line.
  x-note: >
    folded Github
    text
work:
  - organization: Github Inc
    highlights:
      - "Built Github app"
      - Ran
        Github team
      - "Escaped \\u0047ithub"
"""


def _value(data: Any, ptr: str) -> Any:
    for token in split(ptr):
        data = data[int(token)] if isinstance(data, list) else data[token]
    return data


def _set(data: Any, ptr: str, value: Any) -> Any:
    out = copy.deepcopy(data)
    tokens = split(ptr)
    node = out
    for token in tokens[:-1]:
        node = node[int(token)] if isinstance(node, list) else node[token]
    last = tokens[-1]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return out


@pytest.mark.parametrize(
    ("ptr", "changed_line"),
    [
        ("/basics/summary", "    Uses GitHub daily.\n"),
        ("/basics/x-note", "    folded GitHub\n"),
        ("/work/0/organization", "  - organization: GitHub Inc\n"),
        ("/work/0/highlights/0", '      - "Built GitHub app"\n'),
        ("/work/0/highlights/1", "        GitHub team\n"),
    ],
)
def test_a_word_is_replaced_in_place_whatever_the_style(ptr: str, changed_line: str) -> None:
    document = load_text(SOURCE, "a.yaml")
    value = _value(document.data, ptr)
    at = value.index("Github")
    text = apply(SOURCE, [replace_in_value(document, ptr, at, at + 6, "GitHub")])
    before, after = SOURCE.splitlines(keepends=True), text.splitlines(keepends=True)
    assert [line for line in after if line not in before] == [changed_line]
    assert load_text(text, "a.yaml").data == _set(
        document.data, ptr, value.replace("Github", "GitHub", 1)
    )


def test_text_that_is_not_held_as_written_is_written_anew_quoted() -> None:
    document = load_text(SOURCE, "a.yaml")
    ptr = "/work/0/highlights/2"
    text = apply(SOURCE, [replace_in_value(document, ptr, 8, 14, "GitHub")])
    assert '      - "Escaped GitHub"\n' in text
    assert "# a comment" in text and "# version" in text


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("1.1", '"1.1"'),  # was double-quoted: stays so
        ("yes", '"yes"'),
    ],
)
def test_replace_value_keeps_the_quotes_or_quotes_what_needs_it(value: str, written: str) -> None:
    document = load_text(SOURCE, "a.yaml")
    text = apply(SOURCE, [replace_value(document, "/resumefmt", value)])
    assert text.startswith(f"resumefmt: {written}   # version\n")
    plain = apply(SOURCE, [replace_value(document, "/basics/name", value)])
    assert load_text(plain, "a.yaml").data["basics"]["name"] == value


def test_a_plain_value_stays_plain_when_it_can() -> None:
    document = load_text(SOURCE, "a.yaml")
    text = apply(SOURCE, [replace_value(document, "/basics/name", "Ada Lovelace")])
    assert "  name: Ada Lovelace   # a comment\n" in text


def test_json_values_are_edited_in_place() -> None:
    source = '{"resumefmt": "1.0",\n "basics": {"name": "Ada \\u00e9 Github", "n": 12}}'
    document = load_text(source, "a.json", "json")
    text = apply(source, [replace_value(document, "/resumefmt", "1.1")])
    assert text.startswith('{"resumefmt": "1.1",\n')
    text = apply(source, [replace_in_value(document, "/basics/name", 6, 12, "GitHub")])
    assert load_text(text, "a.json", "json").data["basics"]["name"] == "Ada é GitHub"


def test_overlapping_edits_are_refused_and_identical_ones_count_once() -> None:
    assert apply("abcdef", [Edit(1, 3, "X"), Edit(1, 3, "X")]) == "aXdef"
    with pytest.raises(OverlappingEdits):
        apply("abcdef", [Edit(1, 3, "X"), Edit(2, 4, "Y")])


def _strings(data: Any, ptr: str = "") -> list[str]:
    if isinstance(data, str):
        return [ptr]
    if isinstance(data, dict):
        return [p for key, v in data.items() for p in _strings(v, child(ptr, key))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _strings(v, child(ptr, i))]
    return []


EXAMPLE_DOCUMENTS = [load(path) for path in sorted(EXAMPLES.glob("*.resumefmt.yaml"))]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_slice_of_any_string_of_the_examples_can_be_replaced(data: st.DataObject) -> None:
    document: Document = data.draw(st.sampled_from(EXAMPLE_DOCUMENTS))
    ptr = data.draw(st.sampled_from(_strings(document.data)))
    value = _value(document.data, ptr)
    start = data.draw(st.integers(0, len(value)))
    end = data.draw(st.integers(start, len(value)))
    new = data.draw(st.sampled_from(["", "X", "GitHub", "a: b", "#x", "'", '"', "é漢"]))
    text = apply(document.text, [replace_in_value(document, ptr, start, end, new)])
    expected = _set(document.data, ptr, value[:start] + new + value[end:])
    assert load_text(text, document.path).data == expected
    comments = [line for line in document.text.splitlines() if line.lstrip().startswith("#")]
    remaining = iter(text.splitlines())
    assert all(line in remaining for line in comments)  # every comment, in order


def test_a_space_inside_a_line_of_a_block_is_edited_in_place() -> None:
    """Only a space that would open a line of a block scalar reads as indentation."""
    text = 'resumefmt: "1.1"\nbasics:\n  name: Ada\n  summary: >\n    Built  it\n    and more.\n'
    document = load_text(text)
    edit = replace_in_value(document, "/basics/summary", 5, 7, " ")
    assert apply(text, [edit]) == text.replace("Built  it", "Built it")
    opening = replace_in_value(document, "/basics/summary", 0, 0, " ")  # a line would start so
    assert apply(text, [opening]).endswith('  summary: " Built  it and more.\\n"\n')


def test_line_starts_count_lines_as_the_reader_does() -> None:
    from resumefmt.editing import line_starts

    assert line_starts(load_text("a: b\r\nc: d\n")) == [0, 6, 11]


# --- hostile sources: an edit changes the value and nothing else, or is written anew ---

#: (source, pointer, start, end, new): each made the file read back as another
#: value (or not at all) when the edit was spliced in where the characters are.
HOSTILE_EDITS = [
    # The final line breaks of a block are its chomping, not text to write after.
    ("a: |+\n  x\n\n", "/a", 2, 2, "X"),
    ("a: |\n  x\n", "/a", 2, 2, "X"),
    # A line of a block left empty, or opening with a space or a tab, reads otherwise.
    ("a: >+\n  fold\n  more\n\nb: 1\n", "/a", 0, 4, ""),
    ("a: |\n    deep\n  # c\n", "/a", 0, 4, ""),
    ("a: |\n  x\tq\n  y\n", "/a", 0, 1, ""),
    ("k: |\n  \U0001f600 x\n  \U0001f600\n", "/k", 0, 1, ""),
    # A more-indented line of a folded block keeps its line breaks; a normal one folds.
    ("a: >\n  a\n   b\n  c\n", "/a", 2, 2, "X"),
    ("a: >\n  a\n   b\n  c\n", "/a", 0, 1, ""),
    # A space at either end of a line of multi-line flow text is folded away.
    ("a: 'multi\n  line'\n", "/a", 5, 5, " "),
    ('a: "multi\n  line"\n', "/a", 6, 6, " "),
    ("a: x\n  y\n", "/a", 1, 1, " "),
    ("a: x\r\n  y\r\nb: c\r\n", "/a", 2, 2, " "),
    # A line of plain text that would open with '- ' reads as a list item.
    ("a: x\n  y\n", "/a", 2, 3, "-"),
    ("a: x\n  y\n", "/a", 2, 2, "- x"),
    # Inside a flow collection ',', '[', ']', '{' and '}' end plain text.
    ("a: {b: c d, e: 'f g'}  # cm\n", "/a/b", 1, 1, ","),
    ("a: {b: c d, e: 'f g'}  # cm\n", "/a/b", 1, 1, "}"),
    ("a: [x y, 'z w', \"q\"]\n", "/a/0", 1, 1, "]"),
    ("a: [x y, b]\n", "/a/0", 0, 3, "p,q"),
]


@pytest.mark.parametrize(("source", "ptr", "start", "end", "new"), HOSTILE_EDITS)
def test_a_hostile_source_reads_back_as_the_edited_value(
    source: str, ptr: str, start: int, end: int, new: str
) -> None:
    document = load_text(source, "a.yaml")
    value = _value(document.data, ptr)
    text = apply(source, [replace_in_value(document, ptr, start, end, new)])
    assert load_text(text, "a.yaml").data == _set(
        document.data, ptr, value[:start] + new + value[end:]
    )
    for comment in ("# c\n", "# cm\n"):
        assert (comment in text) == (comment in source)


def test_a_plain_value_in_a_flow_collection_is_quoted_when_it_must_be() -> None:
    source = "a: {b: c, e: f}  # cm\n"
    document = load_text(source, "a.yaml")
    text = apply(source, [replace_value(document, "/a/b", "x, y")])
    assert text == 'a: {b: "x, y", e: f}  # cm\n'
    assert apply(source, [replace_value(document, "/a/b", "x y")]) == "a: {b: x y, e: f}  # cm\n"


def test_a_second_byte_order_mark_is_not_counted_in_columns() -> None:
    """The loader drops the first; the YAML reader skips another without counting it."""
    source = "\ufeff{a: bom val}  # c\n"
    document = load_text(source, "a.yaml")
    text = apply(source, [replace_in_value(document, "/a", 0, 3, "BOM")])
    assert text == "\ufeff{a: BOM val}  # c\n"


def test_a_key_in_a_flow_mapping_is_quoted_when_it_must_be() -> None:
    from resumefmt.editing import rename_key

    source = "a: {b: c, e: f}  # cm\n"
    document = load_text(source, "a.yaml")
    text = apply(source, [rename_key(document, "/a/b", "x, y")])
    assert text == 'a: {"x, y": c, e: f}  # cm\n'
    assert load_text(text, "a.yaml").data == {"a": {"x, y": "c", "e": "f"}}
