"""Start-up budgets held by what each command imports (docs/decisions.md has the figures).

A pre-commit hook pays the start-up of ``validate`` or ``lint`` on every
commit, so each command runs here in a fresh interpreter and every module it
imports must be on its allow-list: the libraries it may use (with whatever
they import themselves on this interpreter) and the resumefmt modules it
needs. A new import on the hot path fails this test with its name; the
benchmarks in ``bench/`` say what it costs.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, require_module

SEED = str(EXAMPLES / "shuai-xie.resumefmt.yaml")

#: What every command needs: the argument parser and the loader with the validator.
CORE = (
    "resumefmt",
    "resumefmt.cli",
    "resumefmt.cli._common",
    "resumefmt._jsonschema",
    "resumefmt._package",
    "resumefmt._reading",
    "resumefmt._record",
    "resumefmt._schema_1_0",
    "resumefmt._schema_1_1",
    "resumefmt._text",
    "resumefmt.codes",
    "resumefmt.diagnostics",
    "resumefmt.errors",
    "resumefmt.loader",
    "resumefmt.pointer",
    "resumefmt.schemas",
    "resumefmt.validation",
    "resumefmt.versions",
)
LINT = (
    "resumefmt.cli.lint",
    "resumefmt.cli.report",
    "resumefmt.config",
    "resumefmt.linter",
    "resumefmt.model",
    "resumefmt.plugins",
    "resumefmt.richtext",
    "resumefmt.rules",
    "resumefmt.selection",
    "resumefmt.suppression",
    "resumefmt.lint_rules.*",  # every built-in family
)
CONVERT_MARKDOWN = (
    "resumefmt.cli.convert",
    "resumefmt.converting",
    "resumefmt.selection",
    "resumefmt.model",
    "resumefmt.plugins",
    "resumefmt.richtext",
    "resumefmt.converters",
    "resumefmt.converters._common",
    "resumefmt.converters.markdown.*",
    "resumefmt.locales.*",  # the labels and dates of the language being built
    # Registered, so their packages are imported; their modules are not.
    "resumefmt.converters.latex",
    "resumefmt.converters.jsonresume",
    "resumefmt.converters.rendercv",
    "resumefmt.converters.typst",
)
CONVERT_PDF = (
    "resumefmt.cli.convert",
    "resumefmt.converting",
    "resumefmt.selection",
    "resumefmt.model",
    "resumefmt.plugins",
    "resumefmt.richtext",
    "resumefmt._atomic",
    "resumefmt.converters",
    "resumefmt.converters._common",
    "resumefmt.converters._scripts",  # which language a run of text is in
    "resumefmt.converters.typst.*",
    "resumefmt.locales.*",  # the labels and dates of the language being built
    # Registered, so their packages are imported; their modules are not.
    "resumefmt.converters.latex",
    "resumefmt.converters.jsonresume",
    "resumefmt.converters.markdown",
    "resumefmt.converters.rendercv",
)

#: What the reference interpreter does besides importing the libraries: argparse
#: imports part of what it uses only when a parser gets its first argument.
REFERENCE_WORK = ", importlib; argparse.ArgumentParser().add_argument('x')"
#: Imported by every module of the package.
ALWAYS = {"__future__"}

#: command line → (libraries it may import, resumefmt modules or packages it may import)
BUDGETS = {
    "validate YAML": (
        ["validate", SEED],
        ["argparse", "yaml"],
        [*CORE, "resumefmt.cli.validate", "resumefmt._yaml_reader"],
    ),
    "validate JSON": (
        ["validate", "{json}"],
        ["argparse", "json", "bisect", "collections.abc"],
        [*CORE, "resumefmt.cli.validate", "resumefmt._json_reader"],
    ),
    "lint": (
        ["lint", SEED],
        ["argparse", "yaml", "bisect", "datetime"],
        [*CORE, "resumefmt._yaml_reader", *LINT],
    ),
    "convert --to markdown": (
        ["convert", SEED, "--to", "markdown"],
        # Jinja2 decodes the templates' string literals with the unicode_escape codec.
        ["argparse", "yaml", "jinja2", "unicodedata", "encodings.unicode_escape"],
        [*CORE, "resumefmt._yaml_reader", *CONVERT_MARKDOWN],
    ),
    # The Typst engine, and neither Jinja2 nor fontTools (the glyph check reads cmaps itself).
    "convert --to pdf": (
        ["convert", SEED, "-o", "{pdf}"],
        # pathlib, tempfile, signal, contextlib, threading: writing the output file
        # atomically, cleaning up on a termination signal (main thread only).
        [
            "argparse",
            "yaml",
            "json",
            "typst",
            "unicodedata",
            "bisect",
            "struct",
            "tempfile",
            "pathlib",
            "signal",
            "contextlib",
            "threading",
        ],
        [*CORE, "resumefmt._yaml_reader", *CONVERT_PDF],
    ),
}


def imported(code: str) -> set[str]:
    """The modules a fresh interpreter adds to ``sys.modules`` while it runs ``code``.

    ``sys.modules`` rather than ``-X importtime``: modules imported through
    ``importlib.import_module`` (commands, plugins) do not show in the latter.
    """
    probe = (
        "import sys; before = set(sys.modules)\n"
        f"try:\n    {code}\n"
        "finally:\n    sys.stderr.write('\\0' + ' '.join(sorted(set(sys.modules) - before)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    return set(result.stderr.rpartition("\0")[2].split())


def running(*args: str) -> str:
    """Code that runs ``resumefmt ARGS`` as the console script does."""
    return f"from resumefmt.cli import main; main({list(args)!r})"


@pytest.fixture(scope="module")
def json_seed(tmp_path_factory: pytest.TempPathFactory) -> str:
    from resumefmt.loader import load

    path = tmp_path_factory.mktemp("json") / "seed.resumefmt.json"
    path.write_text(json.dumps(load(SEED).data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _allowed_package(name: str, allowed: list[str]) -> bool:
    """Whether ``name`` is listed: ``x`` is that module, ``x.*`` a package and all below it."""
    return any(
        name == entry.removesuffix(".*")
        or (entry.endswith(".*") and name.startswith(entry.removesuffix("*")))
        for entry in allowed
    )


@pytest.mark.parametrize("budget", BUDGETS, ids=list(BUDGETS))
def test_command_imports_only_its_allow_list(budget: str, json_seed: str, tmp_path: Path) -> None:
    command, libraries, ours = BUDGETS[budget]
    if "typst" in libraries:
        require_module("typst")
    places = {"{json}": json_seed, "{pdf}": str(tmp_path / "cv.pdf")}
    command = [places.get(part, part) for part in command]
    allowed = imported("import " + ", ".join(libraries) + REFERENCE_WORK)
    found = imported(running(*command))
    assert "resumefmt.loader" in found, "the command did not run"
    outside = sorted(
        name
        for name in found - allowed
        if not (name.startswith("resumefmt") and _allowed_package(name, ours))
        and name not in ALWAYS
    )
    assert outside == [], f"{budget} imports modules outside its allow-list: {outside}"


def test_markdown_conversion_loads_only_the_markdown_converter() -> None:
    found = imported(running("convert", SEED, "--to", "markdown"))
    assert "resumefmt.converters.markdown._model" in found
    others = (
        "resumefmt.converters.latex.",
        "resumefmt.converters.jsonresume.",
        "resumefmt.converters.rendercv.",
        "resumefmt.converters.typst.",
    )
    assert sorted(n for n in found if n.startswith(others)) == []
    assert "typst" not in found


@pytest.mark.parametrize(
    "module",
    [
        *("typing", "dataclasses", "pathlib", "importlib.metadata", "importlib.resources"),
        *("jinja2", "concurrent.futures", "multiprocessing"),  # the last two: lint -j only
    ],
)
def test_lint_leaves_out_what_start_up_cannot_afford(module: str) -> None:
    """The modules docs/decisions.md measured as too dear for a hook, named one by one."""
    assert module not in imported(running("lint", SEED))


def test_a_json_resume_validates_without_pyyaml(json_seed: str) -> None:
    found = imported(running("validate", json_seed))
    assert "resumefmt.loader" in found and "yaml" not in found


def test_the_allow_lists_name_real_modules() -> None:
    """A renamed module must be renamed here too, or the budget would check nothing."""
    root = Path(__file__).resolve().parent.parent
    for _command, _libraries, ours in BUDGETS.values():
        for name in ours:
            path = root.joinpath(*name.removesuffix(".*").split("."))
            assert path.with_suffix(".py").is_file() or (path / "__init__.py").is_file(), name
