"""Write docs/fields.md, the reference of every field, from the newest schema (run from anywhere).

The schema is where each field's type, title, description and examples are
written once (editors show them on hover); this script lays them out as a
page, and marks what is newer than the first version ("since 1.1").
tests/test_field_reference.py fails while the committed page differs from
what this script writes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resumefmt" / "schema"
TARGET = ROOT / "docs" / "fields.md"


def _versions() -> list[str]:
    names = (p.name for p in SOURCE.glob("resumefmt-*.schema.json"))
    found = [n.removeprefix("resumefmt-").removesuffix(".schema.json") for n in names]
    return sorted(found, key=lambda v: tuple(int(part) for part in v.split(".")))


def _schema(version: str) -> dict[str, Any]:
    path = SOURCE / f"resumefmt-{version}.schema.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _ref_name(node: dict[str, Any]) -> str | None:
    ref = node.get("$ref")
    return ref.removeprefix("#/$defs/") if isinstance(ref, str) else None


class Reference:
    """The page for the newest schema, with each field's first version."""

    def __init__(self) -> None:
        self.versions = _versions()
        self.newest = self.versions[-1]
        self.schema = _schema(self.newest)
        self.defs: dict[str, Any] = self.schema["$defs"]
        # Where each field first appears: (owner, key) → version; owner "" is the top level.
        self.since: dict[tuple[str, str], str] = {}
        for version in reversed(self.versions):
            for owner, key in _fields(_schema(version)):
                self.since[(owner, key)] = version

    def anchor(self, name: str) -> str:
        return _slug(self.defs[name].get("title", name))

    def mark(self, owner: str, key: str) -> str:
        version = self.since.get((owner, key), self.newest)
        if owner and version == self._first(owner):  # the whole kind is new: said once, above
            return ""
        return f" *since {version}*" if version != self.versions[0] else ""

    def _first(self, owner: str) -> str:
        return min(
            (self.since[key] for key in self.since if key[0] == owner),
            default=self.newest,
            key=lambda v: tuple(int(p) for p in v.split(".")),
        )

    def type_of(self, node: dict[str, Any]) -> str:
        """A field's type in words, linking to the kind of entry or object it holds."""
        name = _ref_name(node)
        if name == "text":  # format 1.1: a string, or the same text in several languages
            return "text, or a [language map](locales.md)"
        if name is not None:
            target = self.defs[name]
            if target.get("type") == "object" or "properties" in target:
                return f"[{target.get('title', name).lower()}](#{self.anchor(name)})"
            return f"{self.type_of(target)} ({target.get('title', name).lower()})"
        kind = node.get("type")
        if kind == "array":
            items = node.get("items", {})
            name = _ref_name(items)
            if name is not None and "properties" in self.defs[name]:  # "list of [link]" reads badly
                title = self.defs[name].get("title", name).lower()
                return f"list of [{title} entries](#{self.anchor(name)})"
            return f"list of {self.type_of(items)}"
        if isinstance(kind, list):
            return " or ".join(_WORDS.get(k, k) for k in kind)
        return _WORDS.get(str(kind), "any value")

    def field(self, owner: str, key: str, node: dict[str, Any], required: bool) -> list[str]:
        target = self.defs.get(_ref_name(node) or "", {})
        title = node.get("title") or target.get("title") or key
        parts = [f"- **`{key}`** ({self.type_of(node)}{', required' if required else ''})"]
        parts.append(f" — *{_one_line(title)}.*{self.mark(owner, key)}")
        description = node.get("description") or target.get("description")
        if description:
            parts.append(f" {_one_line(description)}")
        examples = node.get("examples") or target.get("examples")
        if examples:
            shown = ", ".join(_example(e) for e in examples[:3])
            parts.append(f" Example{'s' if len(examples) > 1 else ''}: {shown}.")
        return ["".join(parts)]

    def fields(self, owner: str, node: dict[str, Any]) -> list[str]:
        """The field list of an object, then one for each object written inside it."""
        required = set(node.get("required", []))
        lines: list[str] = []
        inline: list[tuple[str, dict[str, Any]]] = []
        for key, child in node.get("properties", {}).items():
            lines += self.field(owner, key, child, key in required)
            if "properties" in child:
                inline.append((f"{owner}.{key}" if owner else key, child))
        if "^x-" in node.get("patternProperties", {}):
            lines.append("- **`x-…`** (any value) — your own fields: kept, never printed.")
        for path, child in inline:
            lines += ["", f"### {path}", "", *self.fields(path, child)]
        return lines

    def render(self) -> str:
        schema = self.schema
        out = [
            "# Field reference",
            "",
            "<!-- Generated by scripts/gen_field_reference.py from "
            f"resumefmt/schema/resumefmt-{self.newest}.schema.json: do not edit by hand. -->",
            "",
            f"Every field of the resumefmt format {self.newest}, from its JSON Schema (the "
            "text editors show on hover). *since 1.1* marks what a file must declare "
            f'`resumefmt: "1.1"` (or later) to use; `resumefmt migrate FILE` moves a file to '
            f"{self.newest}. [The format](format.md) explains how the parts fit together.",
            "",
            "## Top level",
            "",
            *self.fields("", schema),
        ]
        users: dict[str, list[str]] = {}
        for key, node in schema["properties"].items():
            name = _ref_name(node.get("items", {}))
            if name is not None:
                users.setdefault(name, []).append(key)
        ordered = [*users, *(name for name in self.defs if name not in users)]
        for name in ordered:
            node = self.defs[name]
            if not (node.get("type") == "object" or "properties" in node):
                continue
            out += ["", f"## {node.get('title', name)}", ""]
            if name in users:
                sections = ", ".join(f"`{s}`" for s in users[name])
                out += [f"Entries of {sections}.{self._kind_mark(name)}", ""]
            if node.get("description"):
                out += [_one_line(node["description"]), ""]
            if isinstance(node.get("type"), list) and "string" in node["type"]:
                out += ["Either text (the item's title alone) or a mapping of these fields:", ""]
            out += self.fields(name, node)
        return "\n".join(out) + "\n"

    def _kind_mark(self, name: str) -> str:
        first = self._first(name)
        return f" *Since {first}.*" if first != self.versions[0] else ""


_WORDS = {
    "string": "text",
    "object": "mapping",
    "array": "list",
    "integer": "whole number",
    "number": "number",
    "boolean": "true or false",
}


def _fields(schema: dict[str, Any]) -> list[tuple[str, str]]:
    """Every (owner, key) a schema defines: top level, basics, each definition."""
    found: list[tuple[str, str]] = []

    def walk(owner: str, node: dict[str, Any]) -> None:
        for key, child in node.get("properties", {}).items():
            found.append((owner, key))
            if "properties" in child:
                walk(f"{owner}.{key}" if owner else key, child)

    walk("", schema)
    for name, node in schema.get("$defs", {}).items():
        walk(name, node)
    return found


def _slug(heading: str) -> str:
    """The anchor GitHub (and most Markdown renderers) give a heading."""
    kept = "".join(c for c in heading.lower() if c.isalnum() or c in " -_")
    return kept.replace(" ", "-")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _example(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{_one_line(text)}{pad}{fence}"


def render() -> str:
    return Reference().render()


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    print(TARGET.relative_to(ROOT))


if __name__ == "__main__":
    main()
