"""Moving a document to the newest format version: one step per version, as data.

A :class:`Step` takes a document from one version to the next. It is a list
of operations, each of which says two things: what it does to the document's
data (:meth:`Operation.change`, the specification) and which spans of the
text it edits to get there (:meth:`Operation.edits`, through
:mod:`resumefmt.editing`, so comments, quoting, order and layout survive).
:func:`migrate_text` applies the edits, reads the result back and checks that
its data is exactly what the operations say, so a step can never change more
than it declares.

Every step sets the ``resumefmt`` key and moves references to the old
version's schema (a ``$schema`` value, the ``# yaml-language-server:
$schema=...`` modeline) to the new one's, in the form they are written in
(the published address, a path, a ``file:`` address). Format 1.1 only added
fields, so that is all its step does; a step that renames a key lists a
:class:`Rename`.
"""

from __future__ import annotations

import copy
import re

from resumefmt import pointer
from resumefmt._record import Record
from resumefmt.editing import Edit, apply, rename_key, replace_value
from resumefmt.schemas import load_schema, schema_filename
from resumefmt.versions import VERSION_KEY

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from resumefmt.loader import Document

#: The modeline yaml-language-server reads; group 1 is the schema reference.
MODELINE = re.compile(r"^[ \t]*#[ \t]*yaml-language-server:[ \t]*\$schema=(\S+)", re.MULTILINE)
SCHEMA_KEY = "$schema"


class Operation(Record):
    """One change a step makes: to the data, and as edits of the text."""

    __slots__: tuple[str, ...] = ()

    def change(self, data: Any, step: Step) -> Any:
        """The data after this operation (a copy; ``data`` is left alone)."""
        raise NotImplementedError

    def edits(self, document: Document, step: Step) -> list[Edit]:
        """The edits of ``document``'s text that make the change."""
        raise NotImplementedError


class SetVersion(Operation):
    """``resumefmt: "<source>"`` becomes ``resumefmt: "<target>"``, quoted as it was."""

    def change(self, data: Any, step: Step) -> Any:
        return {**data, VERSION_KEY: step.target}

    def edits(self, document: Document, step: Step) -> list[Edit]:
        return [replace_value(document, "/" + VERSION_KEY, step.target)]


class MoveSchemaReferences(Operation):
    """A ``$schema`` value and the editor modeline that name the source version's schema.

    They are moved to the target version's schema in the same form: the
    published address to the published address, ``../schema/resumefmt-1.0.schema.json``
    to ``../schema/resumefmt-1.1.schema.json``. References to anything else
    (a schema of the user's own) are left as written.
    """

    def change(self, data: Any, step: Step) -> Any:
        value = data.get(SCHEMA_KEY)
        moved = step.schema_reference(value) if isinstance(value, str) else None
        return data if moved is None else {**data, SCHEMA_KEY: moved}

    def edits(self, document: Document, step: Step) -> list[Edit]:
        found: list[Edit] = []
        value = document.data.get(SCHEMA_KEY)
        moved = step.schema_reference(value) if isinstance(value, str) else None
        if moved is not None:
            found.append(replace_value(document, "/" + pointer.escape(SCHEMA_KEY), moved))
        if document.syntax == "yaml":
            for start, end, reference in modelines(document.text):
                moved = step.schema_reference(reference)
                if moved is not None:
                    found.append(Edit(start, end, moved))
        return found


class Rename(Operation):
    """The key ``old`` becomes ``new`` in every mapping at ``at``.

    ``at`` is a JSON pointer whose ``*`` tokens stand for any key or index:
    ``Rename("/work/*", "company", "organization")``. Only the key is
    rewritten; its value and the member's place stay as written.
    """

    __slots__ = ("at", "new", "old")

    def __init__(self, at: str, old: str, new: str) -> None:
        self.at = at
        self.old = old
        self.new = new

    def change(self, data: Any, step: Step) -> Any:
        data = copy.deepcopy(data)
        for ptr in matches(data, self.at):
            mapping = _node(data, ptr)
            if isinstance(mapping, dict) and self.old in mapping and self.new not in mapping:
                renamed = {(self.new if k == self.old else k): v for k, v in mapping.items()}
                mapping.clear()
                mapping.update(renamed)
        return data

    def edits(self, document: Document, step: Step) -> list[Edit]:
        found = []
        for ptr in matches(document.data, self.at):
            mapping = _node(document.data, ptr)
            if isinstance(mapping, dict) and self.old in mapping and self.new not in mapping:
                found.append(rename_key(document, pointer.child(ptr, self.old), self.new))
        return found


class Step(Record):
    """From format ``source`` to ``target``: the version, schema references, then ``operations``."""

    __slots__ = ("operations", "source", "target")

    def __init__(self, source: str, target: str, operations: tuple[Operation, ...] = ()) -> None:
        self.source = source
        self.target = target
        self.operations = (SetVersion(), MoveSchemaReferences(), *operations)

    def schema_reference(self, reference: str) -> str | None:
        """``reference`` moved to the target's schema, or None when it names another schema."""
        old_url, new_url = (load_schema(v)["$id"] for v in (self.source, self.target))
        if reference == old_url:
            return str(new_url)
        old_name = schema_filename(self.source)
        folder, slash, name = reference.rpartition("/")
        if name == old_name and not reference.startswith(("http:", "https:")):
            return folder + slash + schema_filename(self.target)
        return None

    def change(self, data: Any) -> Any:
        for operation in self.operations:
            data = operation.change(data, self)
        return data

    def edits(self, document: Document) -> list[Edit]:
        return [edit for operation in self.operations for edit in operation.edits(document, self)]


#: Every step, oldest first: STEPS[i] goes from KNOWN_VERSIONS[i] to KNOWN_VERSIONS[i + 1].
STEPS: tuple[Step, ...] = (
    # 1.1 only added fields (volunteer, certificates, references, image, descriptions …)
    # and made some optional: every valid 1.0 document is valid 1.1 as it is.
    Step("1.0", "1.1"),
)


class MigrationFailed(Exception):
    """The edits did not give the data the steps declare: a bug in a step, nothing is written."""


def steps_from(version: str, steps: tuple[Step, ...] | None = None) -> list[Step]:
    """The steps (default: :data:`STEPS`) from ``version`` to the newest; none from the newest."""
    chain: list[Step] = []
    for step in STEPS if steps is None else steps:
        if step.source == version or (chain and step.source == chain[-1].target):
            chain.append(step)
    return chain


def migrate_text(document: Document, steps: list[Step]) -> str:
    """``document``'s text moved through ``steps``, each one editing only its spans.

    Raises :class:`MigrationFailed` when the text read back does not hold the
    data the steps declare.
    """
    from resumefmt.loader import load_text

    text = document.text
    for step in steps:
        expected = step.change(document.data)
        text = apply(text, step.edits(document))
        document = load_text(text, document.path, document.syntax)
        if document.data != expected:
            raise MigrationFailed(
                f"the step from {step.source} to {step.target} changed more than it declares"
            )
    return text


def modelines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, reference)`` of each editor modeline in the leading comments of ``text``.

    Only the comments before the first line of data are looked at: further
    down, a line of text inside a block could look the same.
    """
    found: list[tuple[int, int, str]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and stripped != "---":
            break
        match = MODELINE.match(line)
        if match:
            found.append((position + match.start(1), position + match.end(1), match.group(1)))
        position += len(line)
    return found


def matches(data: Any, pattern: str) -> list[str]:
    """The pointers of ``data`` that ``pattern`` names (``*`` matches any one token)."""
    found = [("", data)]
    for token in pointer.split(pattern):
        following = []
        for ptr, node in found:
            if isinstance(node, dict):
                keys: list[str | int] = list(node) if token == "*" else [token]
                following += [(pointer.child(ptr, k), node[k]) for k in keys if k in node]
            elif isinstance(node, list):
                if token == "*":
                    following += [(pointer.child(ptr, i), v) for i, v in enumerate(node)]
                elif token.isdigit() and int(token) < len(node):
                    following.append((pointer.child(ptr, token), node[int(token)]))
        found = following
    return [ptr for ptr, _node in found]


def _node(data: Any, ptr: str) -> Any:
    for token in pointer.split(ptr):
        data = data[int(token)] if isinstance(data, list) else data[token]
    return data
