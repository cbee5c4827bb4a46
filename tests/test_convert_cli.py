"""``resumefmt convert`` as a user runs it: whole processes, every format."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES

FORMATS = ("jsonresume", "latex", "markdown")
SEED = EXAMPLES / "shuai-xie.resumefmt.yaml"
STARTER = EXAMPLES / "starter.resumefmt.yaml"
INVALID = 'resumefmt: "1.0"\nbasics:\n  name: Ada\nwork:\n  - organization: X\n    role: Y\n'


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "resumefmt", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_stdout_by_default_and_dash(fmt: str) -> None:
    plain = run("convert", SEED, "--to", fmt)
    dash = run("convert", SEED, "--to", fmt, "-o", "-")
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.strip()
    assert dash.returncode == 0
    assert dash.stdout == plain.stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_deterministic(fmt: str) -> None:
    assert run("convert", SEED, "--to", fmt).stdout == run("convert", SEED, "--to", fmt).stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_o_writes_atomically_and_replaces_whole(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / "cv.out"
    out.write_text("old content " * 10_000, encoding="utf-8")  # longer than the new output
    done = run("convert", SEED, "--to", fmt, "-o", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert out.read_text(encoding="utf-8") == run("convert", SEED, "--to", fmt).stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cv.out"]  # no temporary file left


@pytest.mark.parametrize("fmt", FORMATS)
def test_invalid_document_is_refused_and_nothing_written(fmt: str, tmp_path: Path) -> None:
    source = tmp_path / "bad.resumefmt.yaml"
    source.write_text(INVALID, encoding="utf-8")
    validate = run("validate", source)
    missing = run("convert", source, "--to", fmt, "-o", tmp_path / "new.out")
    kept = tmp_path / "kept.out"
    kept.write_text("keep me\n", encoding="utf-8")
    existing = run("convert", source, "--to", fmt, "-o", kept)
    for done in (missing, existing):
        assert done.returncode == 1
        assert done.stdout == ""
        assert "missing required key 'start' in work[0] [RF012]" in validate.stdout
        for line in validate.stdout.splitlines():  # the same located errors as validate
            assert line in done.stderr
    assert not (tmp_path / "new.out").exists()
    assert kept.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.resumefmt.yaml", "kept.out"]


@pytest.mark.parametrize(
    "output", ["cv.resumefmt.yaml", "./cv.resumefmt.yaml", "link.yaml", "sub/../cv.resumefmt.yaml"]
)
def test_output_equal_to_input_is_refused(output: str, tmp_path: Path) -> None:
    source = tmp_path / "cv.resumefmt.yaml"
    source.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(source)
    (tmp_path / "sub").mkdir()
    done = run("convert", "cv.resumefmt.yaml", "--to", "markdown", "-o", output, cwd=tmp_path)
    assert done.returncode == 2
    assert "refusing to write over the input 'cv.resumefmt.yaml'" in done.stderr
    assert "Traceback" not in done.stderr
    assert source.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_unknown_format_lists_the_formats() -> None:
    done = run("convert", SEED, "--to", "docx")
    assert done.returncode == 2
    assert "unknown format 'docx'; known: jsonresume, latex, markdown" in done.stderr


def test_template_dir_replaces_one_template(tmp_path: Path) -> None:
    (tmp_path / "header.md.j2").write_text(
        "# {{ header.name }} — {{ resume.basics.email | md }}\n", encoding="utf-8"
    )
    done = run("convert", SEED, "--to", "markdown", "--template-dir", tmp_path)
    default = run("convert", SEED, "--to", "markdown").stdout
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "# Shuai Xie — <shuai.xie@example.com>"
    assert "[GitHub: Shuai-Xie]" not in done.stdout  # the built-in header is gone
    body = default[default.index("## Education") :]
    assert done.stdout.endswith(body)  # the other templates still apply


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{% for x in %}\n", "header.md.j2:1: template error: "),
        ("{{ header.nickname }}\n", "header.md.j2:1: template error: 'dict object' has no "),
    ],
)
def test_broken_user_template_is_a_located_error(
    template: str, message: str, tmp_path: Path
) -> None:
    (tmp_path / "header.md.j2").write_text(template, encoding="utf-8")
    out = tmp_path / "cv.md"
    done = run("convert", SEED, "--to", "markdown", "--template-dir", tmp_path, "-o", out)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_missing_template_dir_is_a_usage_error(tmp_path: Path) -> None:
    done = run("convert", SEED, "--to", "markdown", "--template-dir", tmp_path / "nope")
    assert done.returncode == 2
    assert f"template folder '{tmp_path / 'nope'}' does not exist" in done.stderr


def test_a_user_template_that_raises_is_an_error_not_a_bug(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "resume.md.j2").write_text("{{ 1/0 }}\n", encoding="utf-8")
    result = run("convert", STARTER, "--to", "markdown", "--template-dir", "t", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "resumefmt: t/resume.md.j2:1: template error: ZeroDivisionError: division by zero\n"
    )


def test_convert_prints_one_line_per_problem(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        'resumefmt: "1.0"\nbasics:\n  name: 5\nwork: x\n', encoding="utf-8"
    )
    result = run("convert", "bad.yaml", "--to", "markdown", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith("bad.yaml:") for line in lines)


def test_outputs_keep_their_mode_and_their_symlink(tmp_path: Path) -> None:
    private = tmp_path / "cv.md"
    private.write_text("old\n", encoding="utf-8")
    private.chmod(0o600)
    (tmp_path / "link.md").symlink_to(private)
    result = run("convert", STARTER, "--to", "markdown", "-o", "link.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "link.md").is_symlink()
    assert private.read_text(encoding="utf-8").startswith("# Ada Lovelace")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
