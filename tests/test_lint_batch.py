"""``lint -j N``: a batch linted by several processes reports what one process does.

Each case runs the real CLI in new processes: once with ``-j 1`` (this
process lints every file) and once with ``-j 2`` (worker processes), on a
folder mixing clean, flagged, invalid and unreadable files under two
configurations, and compares the bytes of standard output and error and
the exit code. No test here is timed: bench/lint.py measures the speed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, as_document_text, read_terminal, run_resumefmt

import resumefmt
from resumefmt.cli import lint

PACKAGE_ROOT = str(Path(resumefmt.__file__).resolve().parent.parent)
SEEDS = sorted(EXAMPLES.glob("*.resumefmt.yaml"))


def _run(
    *args: str | Path, cwd: Path, site: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``python -m resumefmt ARGS`` in ``cwd`` with this package (and a plugin in ``site``)."""
    path = PACKAGE_ROOT if site is None else f"{site}{os.pathsep}{PACKAGE_ROOT}"
    return run_resumefmt(*args, cwd=cwd, pythonpath=path, timeout=timeout)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of 40 résumés: copies of the seeds, broken ones, and a configured subfolder."""
    root = tmp_path_factory.mktemp("batch")
    folder = root / "cvs"
    (folder / "team").mkdir(parents=True)
    for index in range(30):
        shutil.copyfile(SEEDS[index % len(SEEDS)], folder / f"{index:02}.resumefmt.yaml")
    for index in range(4):  # linted under another configuration, which has a problem itself
        shutil.copyfile(SEEDS[index % len(SEEDS)], folder / "team" / f"t{index}.resumefmt.yaml")
    (folder / "team" / ".resumefmt.toml").write_text(
        'ignore = ["wording"]\nfail-on = "warning"\nunknown = 1\n', encoding="utf-8"
    )
    (folder / "05b-invalid.resumefmt.yaml").write_text(
        as_document_text("basics:\n  name: A\n  nickname: B\n"), encoding="utf-8"
    )
    (folder / "07b-syntax.resumefmt.yaml").write_text(
        'resumefmt: "1.0"\nbasics: [\n', encoding="utf-8"
    )
    (folder / "09b-duplicate.resumefmt.json").write_text(
        '{"resumefmt": "1.0", "basics": {"name": "A", "name": "B"}}', encoding="utf-8"
    )
    (folder / "11b-gone.resumefmt.yaml").symlink_to(root / "nowhere.resumefmt.yaml")
    (folder / "13b-clean.resumefmt.yaml").write_text(
        as_document_text("basics:\n  name: Ada Lovelace\n"), encoding="utf-8"
    )
    (folder / "15b-binary.resumefmt.yaml").write_bytes(b"\xff\xfe\x00bad")
    (root / "empty").mkdir()  # named, so reported in its place: "no résumé found"
    return root


@pytest.mark.parametrize("output", ["text", "json", "sarif", "github"])
def test_two_processes_print_what_one_prints(batch: Path, output: str) -> None:
    one = _run("lint", "-j", "1", "--format", output, "empty", "cvs", "-", cwd=batch)
    two = _run("lint", "-j", "2", "--format", output, "empty", "cvs", "-", cwd=batch)
    assert one.returncode == 2  # the unreadable file and the configuration's own problem
    assert "resumefmt: cannot read 'cvs/11b-gone.resumefmt.yaml'" in one.stderr
    assert "resumefmt: no résumé found in the folder 'empty'" in one.stderr
    assert "unknown setting 'unknown'" in one.stdout
    assert "RF101" in one.stdout or "RF1" in one.stdout  # the rules ran on the copies
    assert "nickname" in one.stdout  # the schema error
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)


def test_the_default_spreads_a_large_folder_and_prints_the_same(batch: Path) -> None:
    default = _run("lint", "cvs", cwd=batch)
    alone = _run("lint", "-j", "1", "cvs", cwd=batch)
    assert (default.returncode, default.stdout, default.stderr) == (
        alone.returncode,
        alone.stdout,
        alone.stderr,
    )


def test_the_default_uses_every_core_for_many_files_and_one_for_few(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lint, "usable_cores", lambda: 4)
    assert lint.choose_jobs(None, 1000) == 4
    assert lint.choose_jobs(None, lint.PARALLEL_FROM) == 4
    assert lint.choose_jobs(None, lint.PARALLEL_FROM - 1) == 1
    assert lint.choose_jobs(None, 1) == 1
    assert lint.choose_jobs(1, 1000) == 1  # -j 1 forces one process
    assert lint.choose_jobs(8, 3) == 3  # never more processes than files
    assert lint.choose_jobs(None, 1000, online=True) == 1


def test_usable_cores_counts_this_process_cores() -> None:
    assert 1 <= lint.usable_cores() <= (os.cpu_count() or 1)


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5"])
def test_jobs_must_be_a_whole_number_of_one_or_more(tmp_path: Path, value: str) -> None:
    result = _run("lint", f"--jobs={value}", str(SEEDS[0]), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert (
        f"resumefmt lint: error: argument -j/--jobs: must be a whole number of 1 or more, "
        f"not '{value}'"
    ) in result.stderr


KILLER = """
import os, signal
from resumefmt.rules import rule

@rule("KL001", "killer.worker")
def kill(context):
    '''Ends the process it runs in, as the kernel's out-of-memory killer would.'''
    if context.document.path.endswith("03.resumefmt.yaml"):
        os.kill(os.getpid(), signal.SIGKILL)
    return []

def register(registry):
    registry.add_rule(kill)
"""


def test_a_worker_that_dies_ends_the_run_with_a_message(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "rfkiller.py").write_text(KILLER, encoding="utf-8")
    info = site / "rfkiller-1.0.dist-info"
    info.mkdir()
    (info / "entry_points.txt").write_text(
        "[resumefmt.plugins]\nrfkiller = rfkiller\n", encoding="utf-8"
    )
    for index in range(8):
        shutil.copyfile(SEEDS[0], tmp_path / f"{index:02}.resumefmt.yaml")
    result = _run("lint", "-j", "2", ".", cwd=tmp_path, site=site)
    assert result.returncode == 2
    assert result.stderr == (
        "resumefmt: a worker process ended before it had linted its files (killed, or out "
        "of memory); run again with -j 1 to lint in one process\n"
    )
    assert result.stdout == ""


def test_ctrl_c_ends_a_parallel_batch_quietly(tmp_path: Path) -> None:
    for index in range(2000):
        shutil.copyfile(SEEDS[0], tmp_path / f"{index:04}.resumefmt.yaml")
    env = {**os.environ, "PYTHONPATH": PACKAGE_ROOT}
    with subprocess.Popen(
        [sys.executable, "-m", "resumefmt", "lint", "-j", "2", "."],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a process group of its own, as a terminal's job is
    ) as process:
        time.sleep(1.5)  # the workers are linting: 2,000 files take several seconds
        assert process.poll() is None, "the batch ended before it could be interrupted"
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends: the whole group
        stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in stderr
    assert stderr == ""
    assert stdout == ""
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):  # no worker is left behind
        os.killpg(process.pid, 0)


def _stderr_on_a_terminal(folder: Path, *flags: str) -> tuple[str, str]:
    """``(stdout, what a terminal on standard error showed)`` of ``lint FOLDER``."""
    import pty
    import tempfile

    controller, terminal = pty.openpty()
    env = {**os.environ, "PYTHONPATH": PACKAGE_ROOT}
    # A file, not a pipe: the findings fill a pipe long before the terminal is read to its end.
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8") as out,
        subprocess.Popen(
            [sys.executable, "-m", "resumefmt", "lint", *flags, str(folder)],
            stdout=out,
            stderr=terminal,
            text=True,
            env=env,
            cwd=folder,  # not this checkout: PYTHONPATH says which package runs
        ) as process,
    ):
        os.close(terminal)
        shown = read_terminal(controller)
        process.wait(timeout=60)
        out.seek(0)
        stdout = out.read()
    os.close(controller)
    return stdout, shown.decode("utf-8", "replace")


def test_a_batch_shows_its_progress_on_a_terminal_and_only_for_text(tmp_path: Path) -> None:
    for index in range(60):
        shutil.copyfile(SEEDS[0], tmp_path / f"{index:02}.resumefmt.yaml")
    stdout, shown = _stderr_on_a_terminal(tmp_path, "-j", "2")
    assert "linting: 50/60" in shown and "linting: 60/60" in shown
    # The progress line is cleared before the summary takes its place, with the
    # counts one process finds.
    found = json.loads(_run("lint", "--format", "json", "-j", "1", tmp_path, cwd=tmp_path).stdout)
    counts = {s: sum(f["severity"] == s for f in found) for s in ("error", "warning", "info")}
    summary = (
        f"60 files linted: {counts['error']} errors, {counts['warning']} warnings, "
        f"{counts['info']} info"
    )
    assert counts["warning"] and shown.endswith(f"\r\x1b[K{summary}\r\n")
    assert "linting" not in stdout
    for output in ("json", "sarif", "github"):
        stdout, shown = _stderr_on_a_terminal(tmp_path, "-j", "2", "--format", output)
        assert shown == ""
        assert "linting" not in stdout
    _, shown = _stderr_on_a_terminal(tmp_path, "-q")
    assert shown == ""
