"""What the command line reads and writes besides plain files: devices, named pipes, folders,
closed or full standard output, links, signals, other users' files.

Every case runs the real CLI in a new process, importing the same package as
this test (so the tests can be pointed at another checkout with PYTHONPATH).
Device nodes and named pipes are the tests' own, made in ``tmp_path``.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bounded import run_bounded
from conftest import EXAMPLES

import resumefmt

SEED = EXAMPLES / "cheng-zeyi.resumefmt.yaml"  # lint prints about 11 KB for it
STARTER = EXAMPLES / "starter.resumefmt.yaml"
GOOD = 'resumefmt: "1.0"\nbasics:\n  name: Ada\n'
#: The package under test, for the child processes: PYTHONSAFEPATH keeps the
#: working folder (a checkout, perhaps another one) from coming first.
PACKAGE_ROOT = str(Path(resumefmt.__file__).resolve().parent.parent)
ENV = {"PYTHONPATH": PACKAGE_ROOT, "PYTHONSAFEPATH": "1"}
#: How long a named pipe is waited for (resumefmt.loader.PIPE_WAIT_SECONDS, as documented).
PIPE_WAIT_SECONDS = 5.0
root_only = pytest.mark.skipif(os.geteuid() != 0, reason="needs root")


def run(
    *args: str | Path,
    cwd: Path | None = None,
    stdout: int | None = subprocess.PIPE,
    preexec_fn: Callable[[], None] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """The CLI in a new process; ``stdout`` may be a file descriptor to write to."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **ENV}
    return subprocess.run(
        [sys.executable, "-m", "resumefmt", *map(str, args)],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        preexec_fn=preexec_fn,
        check=False,
    )


def markdown_of(path: Path) -> str:
    result = run("convert", path, "--to", "markdown")
    assert result.returncode == 0, result.stderr
    return result.stdout


# --- item 2: -o onto a device or a named pipe -------------------------------------------


@root_only
def test_o_onto_a_character_device_writes_into_it(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # our own /dev/null
    result = run("convert", STARTER, "--to", "markdown", "-o", null)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    after = null.lstat()
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == os.makedev(1, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


@root_only
def test_o_onto_a_block_device_is_refused(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    os.mknod(disk, stat.S_IFBLK | 0o600, os.makedev(7, 250))  # never opened: refused first
    result = run("convert", STARTER, "--to", "markdown", "-o", disk)
    assert (result.returncode, result.stderr) == (
        2,
        f"resumefmt: '{disk}' is a block device (a disk): resumefmt does not write to it\n",
    )
    assert stat.S_ISBLK(disk.lstat().st_mode)


def test_o_onto_a_named_pipe_streams_into_its_reader(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []

    def read() -> None:
        with pipe.open("rb") as reader:  # blocks until the writer opens the pipe
            received.append(reader.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = run("convert", STARTER, "--to", "markdown", "-o", pipe)
    reader.join(timeout=30)
    assert (result.returncode, result.stderr) == (0, "")
    assert received == [markdown_of(STARTER).encode("utf-8")]
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


def test_o_onto_a_named_pipe_nobody_reads_is_refused_in_time(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    case = run_bounded(
        "-o onto a FIFO nobody reads",
        "convert",
        STARTER,
        "--to",
        "markdown",
        "-o",
        pipe,
        env=ENV,
        seconds=PIPE_WAIT_SECONDS + 15,
    )
    assert (case.returncode, case.stderr) == (
        2,
        f"resumefmt: cannot write '{pipe}': it is a named pipe that no program opened "
        "for reading within 5 seconds\n",
    )
    assert PIPE_WAIT_SECONDS - 0.5 < case.seconds < PIPE_WAIT_SECONDS + 10
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


# --- item 7: a short write to standard output ---------------------------------------------

BAD = GOOD + "".join(f"  x{i}: 1\n" for i in range(40))  # 40 errors: 6 KB of JSON
OUTPUTS = {
    "lint": ["lint", str(SEED)],
    "lint --format json": ["lint", "--format", "json", str(SEED)],
    "validate --format json": ["validate", "--format", "json", "{bad}"],
    "convert": ["convert", str(SEED), "--to", "latex"],
    "rules": ["rules"],
}


@pytest.mark.parametrize("command", OUTPUTS)
def test_a_short_write_to_stdout_is_an_error(command: str, tmp_path: Path) -> None:
    """A file size limit makes the system take part of a write, then refuse the rest.

    That is what a disk does when it fills up during a write; Python's own
    standard output dropped the rest of a large write and exited 0.
    """
    (tmp_path / "bad.yaml").write_text(BAD, encoding="utf-8")
    args = [a.replace("{bad}", str(tmp_path / "bad.yaml")) for a in OUTPUTS[command]]
    limit = 1024

    def cap_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    out = tmp_path / "out"
    with out.open("wb") as handle:
        result = run(*args, stdout=handle.fileno(), preexec_fn=cap_file_size)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "resumefmt: cannot write the output: File too large"
    assert out.stat().st_size == limit


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs with 4 KiB left (skipped where this user cannot mount)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace')}")
    try:
        (disk / "filler").write_bytes(b"\0" * 60 * 1024)
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


@pytest.mark.parametrize("command", ["lint", "lint --format json", "convert"])
def test_a_full_disk_under_stdout_is_an_error(command: str, small_disk: Path) -> None:
    out = small_disk / "out"
    with out.open("wb") as handle:
        result = run(*OUTPUTS[command], stdout=handle.fileno())
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "resumefmt: cannot write the output: No space left on device"
    )


# --- item 11: standard output closed ------------------------------------------------------


def close_stdout() -> None:
    os.close(1)


@pytest.mark.parametrize(
    "args",
    [
        ["convert", str(SEED), "--to", "markdown"],
        ["lint", str(SEED)],
        ["lint", "--format", "json", str(STARTER)],
        ["validate", "--format", "json", str(STARTER)],
    ],
    ids=["convert", "lint", "lint --format json", "validate --format json"],
)
def test_a_closed_stdout_is_a_clear_error(args: list[str]) -> None:
    result = run(*args, stdout=None, preexec_fn=close_stdout)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        "resumefmt: cannot write the output: standard output is closed; "
        "redirect it (to /dev/null to discard it)"
    )


def test_o_works_with_stdout_closed(tmp_path: Path) -> None:
    """The output file may take descriptor 1: nothing meant for stdout may land in it."""
    out = tmp_path / "cv.md"
    result = run("convert", STARTER, "--to", "markdown", "-o", out, preexec_fn=close_stdout)
    assert (result.returncode, result.stderr) == (0, "")
    assert out.read_text(encoding="utf-8") == markdown_of(STARTER)


# --- item 13: signals, odd -o paths, owners, --config, unreadable files, named pipes -------

SLOW_FSYNC = """
import os, sys, time

def slow_fsync(fd):
    sys.stderr.write("writing\\n")
    sys.stderr.flush()
    time.sleep(60)

os.fsync = slow_fsync  # hold the writer between writing the temporary file and renaming it
from resumefmt.cli import main
sys.exit(main())
"""


@pytest.mark.parametrize(
    ("signum", "code"),
    [(signal.SIGTERM, -signal.SIGTERM), (signal.SIGHUP, -signal.SIGHUP), (signal.SIGINT, 130)],
    ids=["SIGTERM", "SIGHUP", "SIGINT"],
)
def test_a_signal_during_o_leaves_no_temporary_file(signum: int, code: int, tmp_path: Path) -> None:
    out = tmp_path / "cv.md"
    out.write_text("keep me\n", encoding="utf-8")
    env = {**os.environ, **ENV}
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_FSYNC, "convert", str(STARTER), "--to", "markdown", "-o", out],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    assert process.stderr.readline() == "writing\n"
    assert len(list(tmp_path.iterdir())) == 2  # the output and its temporary file
    process.send_signal(signum)
    process.communicate(timeout=30)
    assert process.returncode == code
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cv.md"]
    assert out.read_text(encoding="utf-8") == "keep me\n"


def test_o_empty_says_what_is_missing() -> None:
    result = run("convert", STARTER, "--to", "markdown", "-o", "")
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "resumefmt: -o needs the name of a file to write (or - for standard output)\n",
    )


def test_o_onto_a_folder_is_refused(tmp_path: Path) -> None:
    result = run("convert", STARTER, "--to", "markdown", "-o", tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        f"resumefmt: '{tmp_path}' is a folder: give -o the name of a file to write\n",
    )


def test_o_onto_a_symlink_loop_is_refused_and_the_links_stay(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    result = run("convert", STARTER, "--to", "markdown", "-o", "a", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        "resumefmt: cannot write 'a': it is a loop of symbolic links; "
        "remove the link or choose another name\n",
    )
    assert (tmp_path / "a").readlink() == Path("b") and (tmp_path / "b").readlink() == Path("a")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


def test_o_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "real.md").write_text("old\n", encoding="utf-8")
    (tmp_path / "link.md").symlink_to("real.md")
    result = run("convert", STARTER, "--to", "markdown", "-o", "link.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "link.md").readlink() == Path("real.md")
    assert (tmp_path / "real.md").read_text(encoding="utf-8") == markdown_of(STARTER)


@root_only
def test_a_replaced_file_keeps_its_owner_group_and_mode(tmp_path: Path) -> None:
    out = tmp_path / "cv.md"
    out.write_text("old\n", encoding="utf-8")
    os.chown(out, 65534, 65534)
    out.chmod(0o640)
    tmp_path.chmod(0o755)
    result = run("convert", STARTER, "--to", "markdown", "-o", out)
    assert result.returncode == 0, result.stderr
    after = out.stat()
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (65534, 65534, 0o640)
    assert out.read_text(encoding="utf-8") == markdown_of(STARTER)


def test_config_on_a_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    result = run("lint", STARTER, "--config", tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"resumefmt: configuration file '{tmp_path}' is a folder: give the path of a "
        ".resumefmt.toml or pyproject.toml\n"
    )


def test_lint_of_a_missing_file_is_not_reported_clean(tmp_path: Path) -> None:
    result = run("lint", "gone.resumefmt.yaml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        "resumefmt: cannot read 'gone.resumefmt.yaml': No such file or directory",
        "1 file could not be read: nothing was linted",
    ]


def test_lint_counts_the_files_it_could_not_read(tmp_path: Path) -> None:
    (tmp_path / "cv.yaml").write_text(GOOD, encoding="utf-8")
    result = run("lint", "cv.yaml", "gone.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "1 file linted: 0 errors, 0 warnings, 0 info; 1 could not be read"
    )


def _without_read_override() -> None:
    """As root, give up the capabilities that read any file, so that mode 000 holds."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_lint_of_an_unreadable_file_says_so(tmp_path: Path) -> None:
    locked = tmp_path / "cv.resumefmt.yaml"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    drop = _without_read_override if os.geteuid() == 0 else None
    try:
        result = run("lint", locked, preexec_fn=drop)
    except subprocess.SubprocessError as exc:  # a container that forbids dropping them
        pytest.skip(f"cannot drop the capabilities that override file modes: {exc}")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"resumefmt: cannot read '{locked}': Permission denied",
        "1 file could not be read: nothing was linted",
    ]


def test_a_named_pipe_without_a_writer_is_refused_in_time(tmp_path: Path) -> None:
    pipe = tmp_path / "cv.resumefmt.yaml"
    os.mkfifo(pipe)
    for command in ("validate", "lint"):
        case = run_bounded(
            f"{command} a FIFO without a writer",
            command,
            pipe,
            env=ENV,
            seconds=PIPE_WAIT_SECONDS + 15,
        )
        assert case.returncode == 2
        assert case.stderr.splitlines()[0] == (
            f"resumefmt: cannot read '{pipe}': it is a named pipe that no program opened "
            "for writing within 5 seconds"
        )
        assert PIPE_WAIT_SECONDS - 0.5 < case.seconds < PIPE_WAIT_SECONDS + 10


def test_a_named_pipe_whose_writer_comes_late_is_read(tmp_path: Path) -> None:
    pipe = tmp_path / "cv.resumefmt.yaml"
    os.mkfifo(pipe)

    def write_late() -> None:
        time.sleep(1)
        with pipe.open("w", encoding="utf-8") as writer:  # waits for the reader
            writer.write(GOOD)

    writer = threading.Thread(target=write_late, daemon=True)
    writer.start()
    result = run("validate", pipe)
    writer.join(timeout=30)
    assert (result.returncode, result.stderr) == (0, "1 file valid\n")


def test_a_named_pipe_whose_writer_is_slow_to_write_is_waited_for(tmp_path: Path) -> None:
    """A writer that holds the pipe open is waited for past the wait, as on standard input."""
    pipe = tmp_path / "cv.resumefmt.yaml"
    os.mkfifo(pipe)
    fd = os.open(pipe, os.O_RDWR)  # a writer at once (read-write does not wait for a reader)

    def write_late() -> None:
        time.sleep(PIPE_WAIT_SECONDS + 1)
        os.write(fd, GOOD.encode("utf-8"))
        os.close(fd)

    writer = threading.Thread(target=write_late, daemon=True)
    writer.start()
    result = run("validate", pipe)
    writer.join(timeout=30)
    assert (result.returncode, result.stderr) == (0, "1 file valid\n")


# --- lint DIR, validate DIR ---------------------------------------------------------------


def make_tree(root: Path) -> None:
    bad = GOOD + "  x: 1\n"
    for name in [
        "b.resumefmt.yaml",
        "a/z.resumefmt.json",
        "a/b/c.resumefmt.yml",
        "a.resumefmt.yaml",
        ".hidden/h.resumefmt.yaml",
        ".git/g.resumefmt.yaml",
        "node_modules/pkg/n.resumefmt.yaml",
        "a/.tmp.resumefmt.yaml",
        "a/notes.yaml",
        "a/resume.json",
    ]:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".json"):
            path.write_text('{"resumefmt": "1.0", "basics": {"name": "A", "x": 1}}')
        else:
            path.write_text(bad, encoding="utf-8")


FOUND = ["a.resumefmt.yaml", "a/b/c.resumefmt.yml", "a/z.resumefmt.json", "b.resumefmt.yaml"]


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_a_folder_is_searched_for_resumes(command: str, tmp_path: Path) -> None:
    make_tree(tmp_path / "cvs")
    result = run(command, "--format", "json", "cvs", cwd=tmp_path)
    assert result.returncode == 1
    paths = [finding["path"] for finding in json.loads(result.stdout)]
    assert sorted(set(paths), key=paths.index) == [f"cvs/{name}" for name in FOUND]


def test_a_folder_and_files_together(tmp_path: Path) -> None:
    make_tree(tmp_path / "cvs")
    (tmp_path / "own.yaml").write_text(GOOD, encoding="utf-8")
    result = run("validate", "own.yaml", "cvs", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "5 files: 1 valid, 4 invalid (4 errors)\n"


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_a_folder_without_resumes_is_an_error(command: str, tmp_path: Path) -> None:
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "x.resumefmt.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "cv.yaml").write_text(GOOD, encoding="utf-8")  # not named as a résumé
    result = run(command, ".", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    summary = {"lint": "1 file could not be read: nothing was linted\n", "validate": ""}
    assert result.stderr == (
        "resumefmt: no résumé found in the folder '.': resumefmt looks below it for "
        "*.resumefmt.yaml, *.resumefmt.yml, *.resumefmt.json "
        "(hidden folders and node_modules are skipped)\n" + summary[command]
    )


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_a_folder_without_resumes_does_not_stop_the_others(command: str, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "bad.resumefmt.yaml").write_text(GOOD + "nope: 1\n", encoding="utf-8")
    result = run(command, "empty", "bad.resumefmt.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "bad.resumefmt.yaml:" in result.stdout and "[RF011]" in result.stdout
    assert "no résumé found in the folder 'empty'" in result.stderr
