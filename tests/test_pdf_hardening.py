"""PDF and PNG outputs keep the hardening every other output has (issue 11 on the PDF path)."""

from __future__ import annotations

import os
import stat
import subprocess
import threading
from pathlib import Path

import pytest
from bounded import run_bounded
from conftest import EXAMPLES, require_module, run_resumefmt

require_module("typst")
pypdf = require_module("pypdf")

STARTER = EXAMPLES / "starter.resumefmt.yaml"
HEAD = 'resumefmt: "1.0"\nbasics:\n  name: Ada\n'


def _links(pdf: Path) -> list[str]:
    reader = pypdf.PdfReader(str(pdf))
    found = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A", {})
            if "/URI" in action:
                found.append(str(action["/URI"]))
    return found


def _text(pdf: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(str(pdf)).pages)


def test_pdf_onto_a_character_device_writes_into_it(tmp_path: Path) -> None:
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    result = run_resumefmt("convert", STARTER, "--to", "pdf", "-o", node)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(node.stat().st_mode)  # still the device, not a file put in its place


def test_pdf_streams_into_a_named_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()))
    reader.start()
    result = run_resumefmt("convert", STARTER, "--to", "pdf", "-o", pipe, timeout=60)
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert got and got[0].startswith(b"%PDF-")
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_pdf_to_dev_stdout_reaches_the_pipe() -> None:
    result = subprocess.run(
        ["sh", "-c", f"resumefmt convert {STARTER} --to pdf -o /dev/stdout | head -c 5"],
        capture_output=True,
        check=False,
        env={**os.environ, "PATH": f"{Path(os.sys.executable).parent}:{os.environ['PATH']}"},
    )
    assert result.stdout == b"%PDF-", result.stderr


def test_page_names_that_could_name_the_input_are_refused(tmp_path: Path) -> None:
    source = tmp_path / "cv-1.json"
    source.write_text('{"resumefmt": "1.0", "basics": {"name": "Ada"}}', encoding="utf-8")
    before = source.read_bytes()
    result = run_resumefmt("convert", source, "--to", "png", "-o", tmp_path / "cv-{p}.json")
    assert result.returncode == 2
    assert "refusing to write over the input" in result.stderr and "cv-{p}.json" in result.stderr
    assert source.read_bytes() == before


def test_script_links_print_as_text_in_the_pdf(tmp_path: Path) -> None:
    links = ["javascript&colon;alert%281%29", "vbscript:msgbox", "file:///etc/passwd", "data:x,y"]
    summary = " and ".join(f"[l{n}]({link})" for n, link in enumerate(links))
    source = tmp_path / "cv.resumefmt.yaml"
    source.write_text(HEAD + f"  summary: 'see {summary} and [ok](https://ok.example)'\n")
    result = run_resumefmt("convert", source, "-o", tmp_path / "cv.pdf")
    assert result.returncode == 0, result.stderr
    assert _links(tmp_path / "cv.pdf") == ["https://ok.example"]
    assert "file:///etc/passwd" in _text(tmp_path / "cv.pdf")  # printed, as a reader sees it


def test_bidi_overrides_and_controls_do_not_reach_the_page(tmp_path: Path) -> None:
    source = tmp_path / "cv.resumefmt.yaml"
    source.write_text(
        HEAD + '  headline: "pay \\u202e1000$\\u202c now; \\e[31mred\\a; tab\\there"\n',
        encoding="utf-8",
    )
    result = run_resumefmt("convert", source, "-o", tmp_path / "cv.pdf")
    assert result.returncode == 0, result.stderr
    text = _text(tmp_path / "cv.pdf")
    assert "1000$" in text and "$0001" not in text
    assert "\u202e" not in text and "\x1b" not in text and "\x07" not in text


@pytest.mark.parametrize("value", ["\u00b2", "99999999999999999999", "253402300800", "-1", "1.5"])
def test_a_bad_source_date_epoch_is_a_usage_error(value: str, tmp_path: Path) -> None:
    result = run_bounded(
        f"convert --to pdf: SOURCE_DATE_EPOCH={value!r}",
        "convert", STARTER, "-o", tmp_path / "cv.pdf",
        env={"SOURCE_DATE_EPOCH": value},
    )  # fmt: skip
    assert result.returncode == 2
    assert "SOURCE_DATE_EPOCH must be whole seconds since 1970" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_png_file_name_with_controls_is_shown_escaped(tmp_path: Path) -> None:
    seed = EXAMPLES / "shuai-xie.resumefmt.yaml"
    name = "x\x1b]0;pwn\x07\nf.yaml:1:1: error: forged.png"
    result = run_resumefmt("convert", seed, "--to", "png", "-o", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stderr and "\nf.yaml:1:1" not in result.stderr
    assert "wrote page 1 of" in result.stderr
