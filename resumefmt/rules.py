"""What a lint rule is, and what it sees: the API of ``resumefmt/lint_rules/``.

A rule is data: a stable code (``RF101``), a dotted name in its family
(``dates.inverted-range``), a default severity, options with defaults, must-fail
and must-pass examples, and a ``check`` that yields :class:`Finding` values for
one document. Where a regular expression over a field says it all,
:func:`pattern_rule` builds the whole rule from data.
"""

from __future__ import annotations

import functools
import re

from resumefmt import model
from resumefmt._record import Record
from resumefmt.diagnostics import Fix as Fix  # rules declare fixes with it

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable, Iterable, Iterator
    from typing import Any, TypedDict, Unpack

    from resumefmt.diagnostics import Severity
    from resumefmt.editing import Edit
    from resumefmt.loader import Document

    Check = Callable[["Context"], Iterable["Finding"]]

    class RuleSettings(TypedDict, total=False):
        """What :func:`rule` and :func:`pattern_rule` pass on to :class:`Rule`."""

        severity: Severity
        options: dict[str, Any] | None  # a default, or an Option
        reports: tuple[str, ...]
        passes: tuple[str, ...]
        online: bool
        enabled: bool
        formerly: tuple[str, ...]
        fixable: bool
        languages: tuple[str, ...] | None

    Message = str | Callable[[re.Match[str]], str | None]

SEVERITIES = ("error", "warning", "info")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


class Finding(Record):
    """What a rule found: a node, a message, and optionally a span inside its text.

    ``start``/``end`` are character offsets into the string value; the linter
    turns them into the line and column where that text is written. With
    ``key=True`` the finding points at the member's key instead of its value.

    ``fix``, from a rule declared ``fixable``, is the one safe change that
    mends it: a :class:`Fix` of the value (``Fix("GitHub")`` replaces the
    finding's span; ``Fix("", 4, 8)`` deletes ``value[4:8]``), or several,
    or :class:`~resumefmt.editing.Edit` values of the file's text.
    ``resumefmt lint --fix`` applies it.
    """

    __slots__ = ("end", "fix", "key", "message", "pointer", "start")

    def __init__(
        self,
        pointer: str,
        message: str,
        start: int | None = None,
        end: int | None = None,
        *,
        key: bool = False,
        fix: Fix | Edit | tuple[Fix | Edit, ...] | None = None,
    ) -> None:
        self.pointer = pointer
        self.message = message
        self.start = start
        self.end = end
        self.key = key
        self.fix: tuple[Fix | Edit, ...] = (
            () if fix is None else fix if isinstance(fix, tuple) else (fix,)
        )


class Option(Record):
    """A rule option: its default, and the values a configuration may give it.

    The type is the default's: an integer option takes integers, a float
    option any number, a list option a list whose items have the type of the
    default's items (strings when the default is empty). ``minimum`` and
    ``maximum`` bound a number (or each number of a list); ``choices`` are
    the values a string (or each string of a list) may take, and ``pattern``
    a regular expression it must match whole; ``what`` names such a string in
    messages (``"section name"``). ``at_most`` is another rule's option,
    ``"CODE:option"``, that this number may not exceed (a shortest length
    above a longest one would report every text).
    """

    __slots__ = ("at_most", "choices", "default", "maximum", "minimum", "pattern", "what")

    def __init__(
        self,
        default: Any,
        *,
        minimum: float | None = None,
        maximum: float | None = None,
        choices: Iterable[str] = (),
        pattern: str | None = None,
        what: str | None = None,
        at_most: str | None = None,
    ) -> None:
        self.default = default
        self.minimum = minimum
        self.maximum = maximum
        self.choices = tuple(choices)
        self.pattern = pattern
        self.what = what
        self.at_most = at_most

    def problem(self, value: Any) -> tuple[str, int | None] | None:
        """Why ``value`` cannot be given to this option, or None.

        The reason completes "option NAME of RULE"; the index is that of the
        list item at fault, if it is one.
        """
        if not isinstance(self.default, list):
            wrong = self._wrong(value, self.default)
            return None if wrong is None else (f"must be {self.describe()}, not {wrong}", None)
        if not isinstance(value, list):
            return f"must be {self.describe()}, not {_toml_type(value)}", None
        like = self.default[0] if self.default else ""
        for index, item in enumerate(value):
            wrong = self._wrong(item, like)
            if wrong is not None:
                return f"must be {self.describe()}; item {index + 1} is {wrong}", index
        return None

    def _wrong(self, value: Any, like: Any) -> str | None:
        """``value`` as a message shows it, when it cannot stand where ``like`` does."""
        if not _same_type(value, like):
            return _toml_type(value)
        low = self.minimum is not None and value < self.minimum
        high = self.maximum is not None and value > self.maximum
        if isinstance(value, int | float) and (low or high):
            return repr(value)
        if isinstance(value, str) and (
            (self.choices and value not in self.choices)
            or (self.pattern is not None and re.fullmatch(self.pattern, value) is None)
        ):
            return repr(value if len(value) <= 40 else value[:37] + "...")
        return None

    def describe(self) -> str:
        """What the option takes, in words: ``an integer from 0 to 1200``."""
        many = isinstance(self.default, list)
        like = (self.default[0] if self.default else "") if many else self.default
        if isinstance(like, str) and self.what:
            said = f"{self.what}s" if many else f"a {self.what}"
        else:
            said = "a number" if isinstance(like, float) else _toml_type(like)
            if many:
                said = said.split(" ", 1)[1] + "s"
        if self.choices:
            said += f" ({', '.join(self.choices)})"
        if self.minimum is not None and self.maximum is not None:
            said += f" from {self.minimum} to {self.maximum}"
        elif self.minimum is not None:
            said += f" of at least {self.minimum}"
        elif self.maximum is not None:
            said += f" of at most {self.maximum}"
        return f"an array of {said}" if many else said


def _same_type(value: Any, like: Any) -> bool:
    """As TOML reads types: a float option takes an integer; a boolean is no number."""
    if isinstance(like, bool) or isinstance(value, bool):
        return type(value) is type(like)
    if isinstance(like, float):
        return isinstance(value, int | float)
    return isinstance(value, type(like))


_TOML_TYPES: tuple[tuple[type, str], ...] = (
    (bool, "a boolean"),
    (int, "an integer"),
    (float, "a float"),
    (str, "a string"),
    (list, "an array"),
    (dict, "a table"),
)


def _toml_type(value: Any) -> str:
    """What TOML calls the type of ``value``: ``an integer``, ``a string``..."""
    return next((said for kind, said in _TOML_TYPES if isinstance(value, kind)), "a date or time")


class Rule:
    """A lint rule: its code, name, severity, options, examples and manual.

    ``manual`` is the user manual (by default the check's docstring); its first
    paragraph is the one-line summary ``resumefmt rules`` prints. ``reports``
    are YAML documents the rule must report, ``passes`` documents it must not.
    Declare rules with :func:`rule` (a check function) or :func:`pattern_rule`
    (a regular expression), not by calling this directly. ``fixable`` says
    that its findings may carry a safe fix (``resumefmt lint --fix``).
    ``languages`` (``("en",)``) are the languages whose text it judges; None:
    every language.
    """

    __slots__ = (
        "check",
        "code",
        "enabled",
        "fixable",
        "formerly",
        "languages",
        "manual",
        "name",
        "online",
        "option_specs",
        "options",
        "passes",
        "reports",
        "severity",
    )

    def __init__(
        self,
        code: str,
        name: str,
        check: Check,
        *,
        manual: str | None = None,
        severity: Severity = "warning",
        options: dict[str, Any] | None = None,
        reports: tuple[str, ...] = (),
        passes: tuple[str, ...] = (),
        online: bool = False,
        enabled: bool = True,
        formerly: tuple[str, ...] = (),
        fixable: bool = False,
        languages: tuple[str, ...] | None = None,
    ) -> None:
        self.code = code
        self.name = name
        self.check = check
        self.manual = dedent(manual if manual is not None else check.__doc__ or "")
        self.severity: Severity = severity
        #: Each option's declaration: a plain default is an :class:`Option` of its type.
        self.option_specs: dict[str, Option] = {
            key: value if isinstance(value, Option) else Option(value)
            for key, value in (options or {}).items()
        }
        #: Each option's default, as the rule's check reads it.
        self.options: dict[str, Any] = {k: o.default for k, o in self.option_specs.items()}
        self.reports = reports
        self.passes = passes
        self.online = online
        #: False for a rule that runs only when the configuration selects it.
        self.enabled = enabled
        #: Names the rule had before: configurations and comments may still use them.
        self.formerly = formerly
        #: Whether its findings may carry a fix; the linter drops those of other rules.
        self.fixable = fixable
        #: The languages (primary tags: ``en``) whose text it judges; None: all.
        self.languages = languages

    @property
    def family(self) -> str:
        """The first part of the name (``dates`` of ``dates.inverted-range``)."""
        return self.name.split(".", 1)[0]

    @property
    def summary(self) -> str:
        """The manual's first paragraph on one line, as plain text."""
        return " ".join(plain_text(self.manual).split("\n\n", 1)[0].split())

    def __repr__(self) -> str:
        return f"Rule({self.code}, {self.name})"


def rule(code: str, name: str, **settings: Unpack[RuleSettings]) -> Callable[[Check], Rule]:
    """Declare a rule: decorate its check, whose docstring is the rule's manual.

    ``settings`` are :class:`Rule`'s keywords: ``severity``, ``options`` (with
    their defaults), ``reports`` and ``passes`` (YAML examples), ``online``,
    ``enabled``, ``formerly``, ``fixable`` and ``languages``.

    ::

        @rule("RF101", "dates.inverted-range", severity="error",
              reports=(...,), passes=(...,))
        def inverted_range(context: Context) -> Iterator[Finding]:
            \"\"\"An entry that ends before it starts. ...\"\"\"
    """

    def declare(check: Check) -> Rule:
        return Rule(code, name, check, **settings)

    return declare


def check_rule(rule: Rule) -> str | None:
    """Why ``rule`` cannot be registered, or None."""
    letters = rule.code.rstrip("0123456789")
    digits = rule.code[len(letters) :]
    if len(letters) < 2 or not set(letters) <= _UPPER or len(digits) < 3:
        return "the code must be capital letters then three or more digits, like RF101"
    if not _valid_name(rule.name):
        return f"the name '{rule.name}' must be family.kebab-case, like dates.inverted-range"
    if rule.severity not in SEVERITIES:
        return f"the severity must be one of {', '.join(SEVERITIES)}"
    if not callable(rule.check):
        return "check must be callable"
    for key, option in rule.option_specs.items():
        said = option.problem(option.default)
        if said is not None:
            return f"the default of option {key} {said[0]}"
    return None


def _valid_name(name: str) -> bool:
    parts = name.split(".")
    return len(parts) >= 2 and all(
        part
        and part[0].isascii()
        and part[0].isalpha()
        and set(part) <= _NAME_CHARS
        and "--" not in part
        and not part.endswith("-")
        for part in parts
    )


class LintSettings(Record):
    """Run-wide settings the CLI passes to every rule.

    ``progress(done, total)``, when given, is called as online checks finish;
    rules never print, the CLI decides whether and how to show it.
    """

    __slots__ = ("allow_private_hosts", "cache_dir", "online", "progress")

    def __init__(
        self,
        *,
        online: bool = False,
        allow_private_hosts: bool = False,
        cache_dir: str | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.online = online
        self.allow_private_hosts = allow_private_hosts
        self.cache_dir = cache_dir
        self.progress = progress


class Context:
    """What a rule sees of one document: its data, its options, today's date."""

    __slots__ = ("_memo", "document", "languages", "options", "settings", "shared", "today")

    def __init__(
        self,
        document: Document,
        options: dict[str, Any],
        today: datetime.date,
        settings: LintSettings | None = None,
        shared: dict[str, Any] | None = None,
        memo: dict[str, Any] | None = None,
        languages: tuple[str, ...] | None = None,
    ) -> None:
        self.document = document
        #: The languages the running rule judges (None: all): :meth:`strings` keeps their text.
        self.languages = languages
        self.options = options
        self.today = today
        self.settings = settings or LintSettings()
        #: State kept for the whole run (e.g. each URL checked once), per rule family.
        self.shared: dict[str, Any] = {} if shared is None else shared
        self._memo: dict[str, Any] = {} if memo is None else memo

    @property
    def data(self) -> Any:
        """The document's data: plain dicts, lists and strings, valid against its schema."""
        return self.document.data

    def strings(self, *selectors: str) -> Iterator[tuple[str, str]]:
        """``(pointer, text)`` of each string whose pointer matches a selector.

        A selector is a pointer without the leading slash where ``*`` stands
        for one token and ``**`` for any number: ``work/*/highlights/*``.
        Selections are made once per document, by pointer shape (list indexes
        written ``#``, so ``/work/3/highlights/0`` is ``/work/#/highlights/#``).
        Literal selector tokens are keys, never numbers. For a rule that
        judges some languages only, the strings in other languages are left out
        (see :meth:`speaks`).
        """
        if self.languages is not None:
            return (item for item in self._all_strings(selectors) if self.speaks(item[0]))
        return self._all_strings(selectors)

    def language(self, ptr: str) -> str:
        """The language of the text at ``ptr`` (:func:`resumefmt.model.language_of`)."""
        return model.language_of(self.document, ptr)

    def speaks(self, ptr: str) -> bool:
        """Whether the running rule judges the language of the text at ``ptr``."""
        if self.languages is None:
            return True
        return self.language(ptr).split("-", 1)[0].lower() in self.languages

    def _all_strings(self, selectors: tuple[str, ...]) -> Iterator[tuple[str, str]]:
        key = "strings:" + "|".join(selectors)
        if key not in self._memo:
            every = self.memo("strings", lambda: list(_walk_strings(self.document.data, "", ())))
            patterns = [tuple(s.strip("/").split("/")) for s in selectors]
            verdicts = _VERDICTS.get(selectors)  # one answer per pointer shape, for every document
            if verdicts is None or len(verdicts) > _MAX_SHAPES:
                verdicts = _VERDICTS[selectors] = {}
            chosen = []
            for ptr, shape, text in every:
                verdict = verdicts.get(shape)
                if verdict is None:
                    verdict = verdicts[shape] = any(_matches(p, shape) for p in patterns)
                if verdict:
                    chosen.append((ptr, text))
            self._memo[key] = chosen
        return iter(self._memo[key])

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per document, shared by every rule that asks for ``key``.

        Rules of one family that read the same derived data (the addresses in
        the document, the opening verb of each bullet) compute it once.
        """
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


def pattern_rule(
    code: str,
    name: str,
    manual: str,
    *,
    pattern: str,
    message: Message,
    fields: tuple[str, ...] = model.PROSE,
    flags: int = 0,
    hint: Callable[[str], bool] | None = None,
    subject: Callable[[Context, str], str] | None = None,
    fix: Callable[[re.Match[str]], str | Fix | None] | None = None,
    **settings: Unpack[RuleSettings],
) -> Rule:
    """Declare a rule that is one regular expression over some fields (a selector each).

    ``message`` is a format string (``{0}`` is the matched text, ``{1}``... its
    groups) or a function of the match that returns the message, or None to
    let that match pass. The pattern is compiled on first use, so a run pays
    only for the patterns its document needs. ``hint(text)`` is a cheap test
    that every text the pattern can match passes: the others are not searched.
    ``subject(context, text)``, if given, is what the pattern reads instead of
    the text (of the same length, so offsets are kept). ``fix(match)``, if
    given, is what replaces the match (or a :class:`Fix` of other offsets of
    the text, or None for no fix), and makes the rule ``fixable``.
    ``settings`` are as for :func:`rule`.
    """

    @functools.cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    def check(context: Context) -> Iterator[Finding]:
        for ptr, text in context.strings(*fields):
            if hint is not None and not hint(text):
                continue
            read = text if subject is None else subject(context, text)
            for match in compiled().finditer(read):
                if callable(message):
                    said = message(match)
                else:
                    said = message.format(match.group(0), *match.groups(default=""))
                if said is not None:
                    mended = None if fix is None else fix(match)
                    if isinstance(mended, str):
                        mended = Fix(mended)
                    yield Finding(ptr, said, match.start(), match.end(), fix=mended)

    if fix is not None:
        settings.setdefault("fixable", True)
    return Rule(code, name, check, manual=manual, **settings)


#: selectors → pointer shape → whether it is selected. Documents of a batch share
#: their shapes, so matching selectors (the dearest step of a run) is done once per
#: batch, not once per file; a table that grows past the bound starts again.
_VERDICTS: dict[tuple[str, ...], dict[tuple[str, ...], bool]] = {}
_MAX_SHAPES = 50_000


def _walk_strings(
    node: Any, ptr: str, shape: tuple[str, ...]
) -> Iterator[tuple[str, tuple[str, ...], str]]:
    """``(pointer, shape, text)`` of every string; a shape writes list indexes as ``#``."""
    if isinstance(node, str):
        yield ptr, shape, node
    elif isinstance(node, dict):
        for key, value in node.items():
            escaped = key.replace("~", "~0").replace("/", "~1")
            yield from _walk_strings(value, f"{ptr}/{escaped}", (*shape, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk_strings(value, f"{ptr}/{index}", (*shape, "#"))


def _matches(pattern: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    """Whether pointer ``tokens`` match a selector (``*`` one token, ``**`` any number)."""
    if "**" not in pattern:  # most selectors: token by token, no recursion
        if len(pattern) != len(tokens):
            return False
        pairs = zip(pattern, tokens, strict=True)
        return all(want == "*" or want == token for want, token in pairs)
    if not pattern:
        return not tokens
    head = pattern[0]
    if head == "**":
        return any(_matches(pattern[1:], tokens[i:]) for i in range(len(tokens) + 1))
    if not tokens or (head != "*" and head != tokens[0]):
        return False
    return _matches(pattern[1:], tokens[1:])


def dedent(text: str) -> str:
    """A docstring without its indentation and surrounding blank lines."""
    lines = text.strip("\n").splitlines()
    if not lines:
        return ""
    rest = [line for line in lines[1:] if line.strip()]
    indent = min((len(line) - len(line.lstrip()) for line in rest), default=0)
    return "\n".join([lines[0].strip(), *(line[indent:] for line in lines[1:])]).strip()


def plain_text(manual: str) -> str:
    """A manual as read on a terminal: double backquotes and ``:role:`` marks removed."""
    if "`" not in manual:
        return manual
    text = re.sub(r":[a-z]+:`~?([^`]+)`", r"\1", manual)
    return re.sub(r"``(.+?)``", r"\1", text, flags=re.DOTALL)
