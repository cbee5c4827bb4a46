"""``convert --to pdf|png|typst``: the command line, the output's properties, data staying data."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bounded import run_bounded
from conftest import EXAMPLES, ROOT, require_module, require_tool, run_resumefmt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import resumefmt_documents

typst = require_module("typst")
pypdf = require_module("pypdf")

from resumefmt.converters.typst._source import literal, string  # noqa: E402
from resumefmt.testing import HOSTILE_DOCUMENT, pdf_links, pdf_text  # noqa: E402

SEED = EXAMPLES / "shuai-xie.resumefmt.yaml"
CJK_SEED = EXAMPLES / "cheng-zeyi.resumefmt.yaml"
PNG = b"\x89PNG\r\n\x1a\n"


def pages(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


# The format: --to, or -o's extension ---------------------------------------


@pytest.mark.parametrize(
    ("name", "start"),
    [("cv.pdf", b"%PDF-"), ("cv.png", PNG), ("cv.typ", b"// A r\xc3\xa9sum\xc3\xa9 written by")],
)
def test_the_format_is_the_one_the_output_extension_names(
    tmp_path: Path, name: str, start: bytes
) -> None:
    result = run_resumefmt("convert", SEED, "-o", tmp_path / name)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / name).read_bytes().startswith(start)


def test_to_wins_over_the_extension(tmp_path: Path) -> None:
    result = run_resumefmt("convert", SEED, "--to", "markdown", "-o", tmp_path / "cv.pdf")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cv.pdf").read_text(encoding="utf-8").startswith("# Shuai Xie")


def test_without_to_an_unknown_extension_is_a_usage_error(tmp_path: Path) -> None:
    result = run_resumefmt("convert", SEED, "-o", tmp_path / "cv.docx")
    assert result.returncode == 2
    assert result.stderr.startswith(f"resumefmt: cannot tell the format from '{tmp_path}/cv.docx'")
    assert "give --to FORMAT" in result.stderr
    assert not (tmp_path / "cv.docx").exists()


def test_without_to_or_output_the_format_is_asked_for() -> None:
    result = run_resumefmt("convert", SEED)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "resumefmt: give --to FORMAT, or -o OUT with the format's extension (e.g. -o cv.pdf)\n"
    )


@pytest.mark.parametrize("target", ["pdf", "png"])
def test_a_binary_format_refuses_standard_output(target: str) -> None:
    result = run_resumefmt("convert", SEED, "--to", target)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"resumefmt: {target} is binary: give -o FILE (e.g. -o cv.{target})\n"


def test_dash_output_writes_the_pdf_to_a_pipe() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "resumefmt", "convert", str(SEED), "--to", "pdf", "-o", "-"],
        capture_output=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"%PDF-") and pages(done.stdout) >= 1


def test_a_missing_extra_is_one_line_naming_the_install_command(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['typst'] = None\n"  # what an install without the extra sees
        "from resumefmt.cli import main\n"
        f"sys.exit(main(['convert', {str(SEED)!r}, '-o', {str(tmp_path / 'cv.pdf')!r}]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "resumefmt: PDF and PNG output need the Typst engine: pip install 'resumefmt[pdf]'\n"
    )
    assert not (tmp_path / "cv.pdf").exists()


def test_an_unknown_theme_lists_the_themes(tmp_path: Path) -> None:
    result = run_resumefmt("convert", SEED, "-o", tmp_path / "cv.pdf", "--theme", "fancy")
    assert result.returncode == 2
    assert result.stderr == "resumefmt: pdf has no theme 'fancy'; themes: classic, sans, compact\n"
    assert not (tmp_path / "cv.pdf").exists()


def test_a_font_path_that_does_not_exist_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-fonts"
    result = run_resumefmt("convert", SEED, "-o", tmp_path / "cv.pdf", "--font-path", missing)
    assert result.returncode == 2
    assert result.stderr == f"resumefmt: font folder '{missing}' does not exist\n"
    assert not (tmp_path / "cv.pdf").exists()


def test_font_path_and_pages_are_for_pdf_and_png() -> None:
    result = run_resumefmt("convert", SEED, "--to", "markdown", "--pages", "1")
    assert result.returncode == 2
    assert "--font-path and --pages apply to pdf and png, not markdown" in result.stderr


def test_template_dir_is_for_latex_and_markdown(tmp_path: Path) -> None:
    result = run_resumefmt("convert", SEED, "-o", tmp_path / "cv.pdf", "--template-dir", tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "resumefmt: --template-dir restyles latex and markdown; pdf takes a theme "
        "(--theme, and docs/themes.md on writing one)\n"
    )


def test_an_invalid_document_is_refused_located_and_nothing_is_written(tmp_path: Path) -> None:
    source = tmp_path / "bad.resumefmt.yaml"
    source.write_text('resumefmt: "1.0"\nbasics:\n  name: Ada\nwork:\n  - role: X\n')
    output = tmp_path / "cv.pdf"
    output.write_bytes(b"the last good PDF")
    result = run_resumefmt("convert", source, "-o", output)
    assert result.returncode == 1
    assert f"{source}:5:5: error: missing required key 'organization' in work[0]" in result.stderr
    assert output.read_bytes() == b"the last good PDF"


def test_the_output_is_never_the_input(tmp_path: Path) -> None:
    source = tmp_path / "cv.pdf"
    source.write_bytes(SEED.read_bytes())
    result = run_resumefmt("convert", source, "--to", "pdf", "-o", source)
    assert result.returncode == 2
    assert "refusing to write over the input" in result.stderr
    assert source.read_bytes() == SEED.read_bytes()


# The PDF: reproducible, with metadata, tags and links -------------------------


def _build(tmp_path: Path, name: str, *args: str, env: dict[str, str] | None = None) -> bytes:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    environment.pop("SOURCE_DATE_EPOCH", None)
    environment.update(env or {})
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "resumefmt",
            "convert",
            str(SEED),
            "-o",
            str(tmp_path / name),
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=environment,
    )
    assert done.returncode == 0, done.stderr
    return (tmp_path / name).read_bytes()


def test_the_same_input_gives_the_same_bytes_and_no_clock_time(tmp_path: Path) -> None:
    first = _build(tmp_path, "a.pdf")
    second = _build(tmp_path, "b.pdf")
    assert first == second
    assert b"/CreationDate" not in first and b"/ModDate" not in first


def test_source_date_epoch_dates_the_pdf(tmp_path: Path) -> None:
    pdf = _build(tmp_path, "cv.pdf", env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert b"/CreationDate(D:20231114221320Z)" in pdf
    assert pdf == _build(tmp_path, "again.pdf", env={"SOURCE_DATE_EPOCH": "1700000000"})


def test_a_malformed_source_date_epoch_is_a_usage_error(tmp_path: Path) -> None:
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "yesterday"}
    environment.pop("PYTHONPATH", None)
    done = subprocess.run(
        [sys.executable, "-m", "resumefmt", "convert", str(SEED), "-o", str(tmp_path / "x.pdf")],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=environment,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "resumefmt: SOURCE_DATE_EPOCH must be whole seconds since 1970, up to 253402300799 "
        "(9999-12-31), not 'yesterday'\n"
    )


def test_the_pdf_has_title_author_language_tags_and_outline(tmp_path: Path) -> None:
    pdf = _build(tmp_path, "cv.pdf")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None
    assert (reader.metadata.title, reader.metadata.author) == ("Shuai Xie", "Shuai Xie")
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en"
    assert "/StructTreeRoot" in catalog  # tagged
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert [item.title for item in reader.outline] == [
        "Education",
        "Skills",
        "Languages",
        "Experience",
        "Research",
        "Publications",
        "Awards",
        "Interests",
    ]


def test_every_link_is_a_real_annotation(tmp_path: Path) -> None:
    links = pdf_links(_build(tmp_path, "cv.pdf"))
    for target in (
        "mailto:shuai.xie@example.com",
        "https://shuai-xie.github.io",
        "https://github.com/Shuai-Xie",
        "https://scholar.google.com/citations?user=DzyIoEMAAAJ&hl=zh-CN",
        "https://chatrhino.ttfb/",
        "https://arxiv.org/abs/2303.00501",
        "https://github.com/Shuai-Xie/DEAL",
    ):
        assert target in links


# PNG ----------------------------------------------------------------------------


def test_png_writes_the_first_page_and_says_so(tmp_path: Path) -> None:
    result = run_resumefmt("convert", SEED, "-o", tmp_path / "cv.png")
    assert result.returncode == 0
    assert (tmp_path / "cv.png").read_bytes().startswith(PNG)
    assert re.fullmatch(
        r"resumefmt: wrote page 1 of \d to .*cv\.png; put \{p\} in the name "
        r"\(e\.g\. cv-\{p\}\.png\) to write every page\n",
        result.stderr,
    )


def test_png_with_a_page_placeholder_writes_every_page(tmp_path: Path) -> None:
    result = run_resumefmt("convert", SEED, "-o", tmp_path / "cv-{p}.png", "--theme", "compact")
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["cv-1.png", "cv-2.png"]
    assert all(p.read_bytes().startswith(PNG) for p in tmp_path.iterdir())


# --to typst: a Typst file that compiles on its own --------------------------------


def test_the_typst_source_compiles_alone_to_the_same_text(tmp_path: Path) -> None:
    source = tmp_path / "cv.typ"
    assert run_resumefmt("convert", CJK_SEED, "-o", source).returncode == 0
    assert "sys.inputs" in source.read_text(encoding="utf-8")  # the kit's load(), redefined
    alone = typst.compile(str(source), root=str(tmp_path))
    through = tmp_path / "cv.pdf"
    assert run_resumefmt("convert", CJK_SEED, "-o", through).returncode == 0
    assert pdf_text(alone) == pdf_text(through.read_bytes())


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_a_typst_string_literal_holds_any_text(text: str) -> None:
    value = typst.eval(b"", f"{string(text)}", format="json")
    import json

    assert json.loads(value) == text


def test_a_typst_literal_holds_nested_data() -> None:
    import json

    data = {"a": [1, 2.5, None, True, "x"], "b": {}, "c": [], "d": ["one"], "e-f": {"g": "#h"}}
    assert json.loads(typst.eval(b"", literal(data), format="json")) == data


# Data stays data -------------------------------------------------------------------


def test_a_hostile_document_prints_literally_and_reads_no_file(tmp_path: Path) -> None:
    """Every Typst special, #read, #include, #import and #eval: printed as written."""
    pdftotext = require_tool("pdftotext")
    source = tmp_path / "eve.resumefmt.yaml"
    source.write_text(HOSTILE_DOCUMENT, encoding="utf-8")
    run = run_bounded("pdf: hostile Typst markup", "convert", source, "-o", tmp_path / "eve.pdf")
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    assert run.seconds < 10 and run.peak_mib < 700
    done = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(tmp_path / "eve.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    text = " ".join(done.stdout.split())
    for literal_text in (
        'Eve #read("/etc/passwd") $x^2$ *bold* _em_ @ref <lbl> `raw` \\ // /* */',
        '#include "/etc/passwd"',
        '#import "/etc/hostname": * and #eval("1+1") and #sys.inputs',
        "= Heading - item + enum / term: x ~ nbsp -- --- ... 'quote'",
        "#let x = 1 #x #{ 1 + 1 } #[content] #(1) $ 1 / 2 $ \\u{41} \\#",
    ):
        assert literal_text in text
    assert "root:" not in text  # nothing of /etc/passwd


def test_the_hostile_typst_source_also_prints_literally(tmp_path: Path) -> None:
    source = tmp_path / "eve.resumefmt.yaml"
    source.write_text(HOSTILE_DOCUMENT, encoding="utf-8")
    assert run_resumefmt("convert", source, "-o", tmp_path / "eve.typ").returncode == 0
    pdf = typst.compile(str(tmp_path / "eve.typ"), root=str(tmp_path))
    assert '#include "/etc/passwd"' in pdf_text(pdf)


def test_a_theme_cannot_read_outside_its_folder(tmp_path: Path) -> None:
    """The theme's folder is Typst's root: even a theme's own code reads nothing else."""
    from resumefmt.converters.typst import EngineOptions, TypstConverter
    from resumefmt.errors import ResumefmtError
    from resumefmt.loader import load
    from resumefmt.plugins import Registry, Theme

    (tmp_path / "secret.txt").write_text("the secret")
    folder = tmp_path / "nosy"
    folder.mkdir()
    (folder / "resume.typ").write_text('#read("../secret.txt")\n', encoding="utf-8")
    registry = Registry()
    converter = TypstConverter("pdf", registry)
    registry.add_converter(converter)
    registry.add_theme(Theme("nosy", converters=("pdf",), directory=str(folder), summary="x"))
    with pytest.raises(ResumefmtError) as raised:
        converter.build(load(SEED), EngineOptions(theme="nosy"))
    assert "theme 'nosy' failed to compile" in raised.value.message
    assert "would escape the project root" in raised.value.message


# Any valid document: a PDF, or a located glyph error ---------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=resumefmt_documents())
def test_every_valid_document_compiles_or_names_its_undrawn_characters(
    document: dict[str, Any],
) -> None:
    """Random text in every field never breaks a theme; what no font draws is RF070."""
    import json

    from resumefmt.errors import DocumentError
    from resumefmt.testing import build_pdf

    try:
        pdf = build_pdf(json.dumps(document, ensure_ascii=False), "classic")
    except DocumentError as exc:
        assert {d.code for d in exc.diagnostics} == {"RF070"}
        return
    assert pdf.startswith(b"%PDF-") and pages(pdf) >= 1


def test_compiling_the_hostile_document_opens_only_the_theme_kit_and_output(
    tmp_path: Path,
) -> None:
    """Traced: the engine opens the theme's and the kit's files, fonts and its output; never
    /etc/passwd or /etc/hostname, which the document names."""
    strace = require_tool("strace")
    source = tmp_path / "eve.resumefmt.yaml"
    source.write_text(HOSTILE_DOCUMENT, encoding="utf-8")
    log = tmp_path / "trace.log"
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    output = str(tmp_path / "e.pdf")
    command = [sys.executable, "-m", "resumefmt", "convert", str(source), "-o", output]
    done = subprocess.run(
        [strace, "-f", "-qq", "-e", "trace=open,openat,openat2", "-o", str(log), *command],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=environment,
    )
    assert done.returncode == 0, done.stderr
    opened = {
        line.split('"')[1]
        for line in log.read_text(encoding="utf-8").splitlines()
        if '"' in line and "ENOENT" not in line and "O_DIRECTORY" not in line  # files only
    }
    assert not {"/etc/passwd", "/etc/hostname"} & opened
    python = (sys.prefix, sys.base_prefix, str(Path(typst.__file__).parent.parent))
    system = ("/proc/", "/sys/", "/dev/", "/etc/localtime", "/etc/ld.so.cache", "/lib", "/usr/lib")
    allowed = (str(ROOT), str(tmp_path), *system, "/usr/share/locale/", *python)
    assert sorted(p for p in opened if not p.startswith(allowed)) == []
    read_typst = sorted(p for p in opened if p.endswith((".typ", ".toml")))
    theme = str(ROOT / "resumefmt" / "converters" / "typst")
    assert read_typst and all(p.startswith(theme) for p in read_typst)


def test_a_file_inside_the_theme_folder_is_not_read_either(tmp_path: Path) -> None:
    """Data naming a file the theme could read (its own folder) still prints as text."""
    import shutil

    from resumefmt.converters.typst import BUILTIN_THEMES, EngineOptions, TypstConverter
    from resumefmt.loader import load_text
    from resumefmt.plugins import Registry, Theme

    folder = tmp_path / "classic"
    shutil.copytree(BUILTIN_THEMES[0].directory, folder)
    (folder / "secret.txt").write_text("TOP-SECRET", encoding="utf-8")
    (folder / "secret.typ").write_text("TOP-SECRET-TYPST", encoding="utf-8")
    registry = Registry()
    converter = TypstConverter("pdf", registry)
    registry.add_converter(converter)
    registry.add_theme(Theme("copy", converters=("pdf",), directory=str(folder), summary=""))
    text = (
        'resumefmt: "1.0"\nbasics:\n  name: \'#read("secret.txt")\'\n'
        "  headline: '#include \"secret.typ\"'\n"
    )
    pdf = converter.build(load_text(text, "s.yaml"), EngineOptions(theme="copy"))[0]
    printed = pdf_text(pdf)
    assert '#read("secret.txt")' in printed and '#include "secret.typ"' in printed
    assert "TOP-SECRET" not in printed
