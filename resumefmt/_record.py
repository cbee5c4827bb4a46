"""A light base for small value classes: equality, hash and repr from ``__slots__``.

``dataclasses`` and ``typing.NamedTuple`` would do, but importing them costs a
pre-commit hook about 8 ms and 3.5 ms per run (bench/startup.py), a third of
the start-up budget; a record defined on this base costs nothing to import.
Records are immutable by convention: nothing assigns to their fields.
"""

from __future__ import annotations


class Record:
    __slots__: tuple[str, ...] = ()

    def astuple(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.astuple() == other.astuple()

    def __hash__(self) -> int:
        return hash(self.astuple())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"
