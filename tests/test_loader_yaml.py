"""The YAML loader: data, positions, and the things it refuses, with locations."""

from __future__ import annotations

import pytest

from resumefmt import DocumentError, load_text


def problems(text: str) -> list[tuple[int, int, str, str]]:
    with pytest.raises(DocumentError) as caught:
        load_text(text, "r.yaml")
    return [
        (d.location.line, d.location.column, d.code, d.message) for d in caught.value.diagnostics
    ]


def test_positions_of_values_and_keys_are_1_based_and_count_characters() -> None:
    doc = load_text("basics:\n  name: 成泽毅 x\n  tags: [a, b]\n", "r.yaml")
    assert doc.data == {"basics": {"name": "成泽毅 x", "tags": ["a", "b"]}}
    assert doc.positions["/basics/name"] == (2, 9)
    assert doc.key_positions["/basics/name"] == (2, 3)
    assert doc.positions["/basics/tags/1"] == (3, 13)
    assert doc.positions[""] == (1, 1)
    assert str(doc.locate("/basics/tags/1")) == "r.yaml:3:13"


def test_locate_a_missing_node_falls_back_to_its_nearest_ancestor() -> None:
    doc = load_text("work:\n  - role: x\n", "r.yaml")
    location = doc.locate("/work/0/organization")
    assert (location.line, location.column, location.pointer) == (2, 5, "/work/0/organization")


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("2021-03", "2021-03"),
        ("2021-03-01", "2021-03-01"),
        ("12:30", "12:30"),
        ("'2021'", "2021"),
        ('"true"', "true"),
        ("!!str 2021", "2021"),
        ("2021", 2021),
        ("0o17", 15),
        ("0x1F", 31),
        ("1.0", 1.0),
        ("true", True),
        ("False", False),
        ("~", None),
        ("", None),
        ("-.inf", float("-inf")),
    ],
)
def test_plain_scalars_follow_the_yaml_1_2_core_schema(typed: str, value: object) -> None:
    assert load_text(f"k: {typed}\n").data == {"k": value}


def test_source_text_of_non_string_plain_scalars_is_kept() -> None:
    doc = load_text("phone: 0123\nversion: 1.0\nname: x\n")
    assert doc.plain_scalars == {"/phone": "0123", "/version": "1.0"}


def test_duplicate_keys_are_reported_with_both_locations() -> None:
    assert problems("name: a\nheadline: b\nname: c\n") == [
        (
            3,
            1,
            "RF002",
            "duplicate key 'name': it is already defined at line 1, column 1; remove one of them",
        )
    ]


def test_aliases_are_refused_where_they_are_used() -> None:
    found = problems("a: &x 1\nb: *x\n")
    assert found == [
        (2, 4, "RF003", "YAML aliases (*x) are not supported: write the value out in full")
    ]


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(9))}]" for i in range(1, 10)]
    found = problems("\n".join(lines) + "\n")  # expanded, this would be 9**10 strings
    assert len(found) == 81  # one per alias: each is refused, none is expanded
    assert all(code == "RF003" for _, _, code, _ in found)
    assert found[0][:2] == (2, 10)


@pytest.mark.parametrize(
    ("text", "where", "tag"),
    [
        ("x: !!python/object:os.system {}\n", (1, 4), "!!python/object:os.system"),
        ("x: !!python/name:os.system ''\n", (1, 4), "!!python/name:os.system"),
        ("x: !custom 3\n", (1, 4), "!custom"),
        ("x: !!set {a, b}\n", (1, 4), "!!set"),
        ("x: !!timestamp 2021-03-01\n", (1, 4), "!!timestamp"),
    ],
)
def test_tags_never_construct_objects(text: str, where: tuple[int, int], tag: str) -> None:
    assert problems(text) == [
        (
            *where,
            "RF003",
            f"the YAML tag '{tag}' is not supported: resumefmt reads plain data only",
        )
    ]


def test_a_second_document_is_refused() -> None:
    assert problems("a: 1\n---\nb: 2\n") == [
        (2, 1, "RF003", "a second YAML document starts here: keep one résumé per file")
    ]


def test_complex_keys_are_refused() -> None:
    assert problems("? [a, b]\n: 1\n") == [
        (1, 3, "RF003", "a key must be plain text, not a list or mapping")
    ]


def test_syntax_errors_are_located() -> None:
    assert problems("work:\n  - role: [a, b\n  - role: c\n") == [
        (
            2,
            11,
            "RF001",
            "this '[' starts a list that is never closed: end it with ']', or put the text "
            "in quotes if it is not a list",
        )
    ]


def test_a_syntax_error_without_advice_keeps_the_parser_words() -> None:
    assert problems("a: {x: 1\n  y: 2}\n") == [
        (
            2,
            4,
            "RF001",
            "did not find expected ',' or '}' (while parsing a flow mapping at line 1, column 4)",
        )
    ]


def test_tab_indentation_gets_a_hint() -> None:
    ((line, column, code, message),) = problems("basics:\n\tname: x\n")
    assert (line, column, code) == (2, 1, "RF001")
    assert message.endswith("; YAML indents with spaces, not tabs")


def test_bad_utf8_is_located(tmp_path: pytest.TempPathFactory) -> None:
    from pathlib import Path

    from resumefmt import load

    path = Path(str(tmp_path)) / "r.yaml"
    path.write_bytes(b"name: ok\nalt: \xc3\xa9\xff\n")  # "é", then a byte UTF-8 never uses
    with pytest.raises(DocumentError) as caught:
        load(path)
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.location.line, diagnostic.location.column, diagnostic.code) == (
        2,
        7,
        "RF004",
    )
    assert diagnostic.message == (
        "not UTF-8 text: byte 0xff cannot be read; save the file as UTF-8"
    )


def test_a_byte_order_mark_is_accepted(tmp_path: pytest.TempPathFactory) -> None:
    from pathlib import Path

    from resumefmt import load

    path = Path(str(tmp_path)) / "r.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: x\n")
    assert load(path).data == {"name": "x"}


def test_the_pure_python_parser_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyYAML built without libyaml falls back to its Python parser: same data, same places."""
    import yaml

    from resumefmt import _yaml_reader
    from resumefmt._yaml_reader import read_yaml

    assert _yaml_reader._Parser is not yaml.SafeLoader, "these tests should run on libyaml"
    text = (
        "a: &x 1\nb: *x\nc: !!str 2\nd: [yes, 2021-03, {e: ~}]\nf: |\n  two\n  lines\n"
        "a: dup\ng: 成泽毅 — x\n"
    )
    with_c = read_yaml(text)
    monkeypatch.setattr(_yaml_reader, "_Parser", yaml.SafeLoader)
    with_python = read_yaml(text)
    for field in ("data", "positions", "key_positions", "plain_scalars", "problems"):
        assert getattr(with_c, field) == getattr(with_python, field), field
    assert len(with_c.problems) == 2
