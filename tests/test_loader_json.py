"""The JSON loader: the standard library's data, with positions and duplicate keys."""

from __future__ import annotations

import json

import pytest

from resumefmt import DocumentError, load_text


def problems(text: str) -> list[tuple[int, int, str, str]]:
    with pytest.raises(DocumentError) as caught:
        load_text(text, "r.json", "json")
    return [
        (d.location.line, d.location.column, d.code, d.message) for d in caught.value.diagnostics
    ]


def test_positions_of_values_and_keys() -> None:
    text = '{\n  "basics": {"name": "成泽毅",\n\t"n": [1, 2.5e3, true, null]}\n}'
    doc = load_text(text, "r.json", "json")
    assert doc.data == json.loads(text)
    assert doc.positions["/basics/name"] == (2, 22)
    assert doc.key_positions["/basics/name"] == (2, 14)
    assert doc.positions["/basics/n/1"] == (3, 11)
    assert doc.key_positions["/basics/n"] == (3, 2)


def test_escapes_are_decoded_as_json_does() -> None:
    text = r'{"a\/b": "\ud83d\ude00 \u00e9\n", "k~": 1}'
    doc = load_text(text, "r.json", "json")
    assert doc.data == {"a/b": "😀 é\n", "k~": 1}
    assert doc.positions["/a~1b"] == (1, 10)
    assert doc.positions["/k~0"] == (1, 41)


def test_duplicate_keys_are_reported_with_both_locations() -> None:
    assert problems('{"name": "a",\n "name": "b"}') == [
        (
            2,
            2,
            "RF002",
            "duplicate key 'name': it is already defined at line 1, column 2; remove one of them",
        )
    ]


def test_syntax_errors_use_the_standard_library_position() -> None:
    assert problems('{"a": 1,\n "b": }') == [(2, 7, "RF001", "Expecting value")]


@pytest.mark.parametrize("word", ["NaN", "Infinity", "-Infinity"])
def test_non_json_numbers_are_refused_where_they_are(word: str) -> None:
    assert problems(f'{{"a": "NaN",\n "b": {word}}}') == [
        (2, 7, "RF001", f"{word} is not a JSON value: write a number, or quote it as text")
    ]


@pytest.mark.parametrize(
    ("text", "where", "closing"),
    [
        ('{"a": 1,}', (1, 8), "}"),
        ('{"a": [1,\n  2 ,\n]}', (2, 5), "]"),
        ("[\n1,\t\r\n ]", (2, 2), "]"),
    ],
)
def test_a_trailing_comma_is_named_at_the_comma(
    text: str, where: tuple[int, int], closing: str
) -> None:
    message = f"trailing comma: remove this ',' (JSON allows no comma before '{closing}')"
    assert problems(text) == [(*where, "RF001", message)]


def test_blank_text_is_an_empty_document() -> None:
    document = load_text(" \n\t\r\n", "r.json", "json")
    assert (document.data, document.positions) == (None, {})
