"""Themes: plugins in the registry, listed by ``resumefmt themes``, checked by the public kit;
and what the themes do with a page budget (``--pages``) and a watched file (``--watch``)."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, example_files, require_module, run_resumefmt

from resumefmt.plugins import PluginError, Registry, Theme, converter_registry

SEED = EXAMPLES / "shuai-xie.resumefmt.yaml"
KIT_THEME = '#import "@resumefmt/kit:1.0.0": *\n#let data = load()\n'


def test_themes_lists_each_format_s_themes() -> None:
    result = run_resumefmt("themes")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "latex:",
        "  classic   (default)",
        "pdf, png, typst:",
        "  classic  the LaTeX classic look: Computer Modern serif, blue headings over a rule "
        "(default)",
        "  sans     Noto Sans (shipped), a slate-blue name, headings in spaced capitals, roomy",
        "  compact  dense, for one page: Libertinus Serif, small margins, dates inline",
    ]


def test_themes_as_json() -> None:
    listed = json.loads(run_resumefmt("themes", "--format", "json").stdout)
    assert listed[1]["formats"] == ["pdf", "png", "typst"]
    assert [t["name"] for t in listed[1]["themes"]] == ["classic", "sans", "compact"]
    assert [t["default"] for t in listed[1]["themes"]] == [True, False, False]


def _theme(tmp_path: Path, name: str, body: str) -> Theme:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "resume.typ").write_text(body, encoding="utf-8")
    return Theme(name, converters=("pdf", "png", "typst"), directory=str(folder), summary="mine")


def test_a_third_party_theme_is_offered_and_passes_the_kit(tmp_path: Path) -> None:
    require_module("typst")
    from resumefmt.testing import check_theme

    registry = converter_registry(third_party=False)
    body = (
        KIT_THEME
        + """
#let st = (
  font: ("Libertinus Serif",), size: 11pt, small: 0.9em, margin: 2cm, leading: 0.6em,
  par-gap: 1em, gap: 6pt, item-gap: 2pt, header-gap: 8pt, header-align: left,
  name-size: 2em, alt-size: 1.5em, name-fill: black, headline-size: 1.2em,
  separator: [ | ], bullet: [-], link: blue,
  heading: (body, st) => block(strong(body)),
  head: (title, when, st) => two-sides(title, when, st),
  sub: (what, where, st) => two-sides(what, where, st),
)
#show: setup.with(data, st)
#render(data, st)
"""
    )
    registry.add_theme(_theme(tmp_path, "plain", body))
    assert registry.converters["pdf"].themes == ("classic", "sans", "compact", "plain")
    check_theme("plain", [SEED.read_text(encoding="utf-8")], registry=registry)


def test_the_kit_refuses_a_theme_that_prints_nothing(tmp_path: Path) -> None:
    require_module("typst")
    from resumefmt.testing import check_theme

    registry = converter_registry(third_party=False)
    registry.add_theme(_theme(tmp_path, "blank", KIT_THEME + "Nothing to see.\n"))
    with pytest.raises(AssertionError, match="'Ada Lovelace' is missing or out of order"):
        check_theme("blank", registry=registry, extractors=("pypdf",))


def test_the_kit_refuses_a_theme_that_needs_the_network(tmp_path: Path) -> None:
    from resumefmt.testing import check_theme

    registry = converter_registry(third_party=False)
    body = '#import "@preview/fontawesome:0.6.0": *\n' + KIT_THEME
    registry.add_theme(_theme(tmp_path, "online", body))
    with pytest.raises(AssertionError, match="a theme must not import @preview packages"):
        check_theme("online", registry=registry)


@pytest.mark.parametrize("name", ["classic", "sans", "compact"])
def test_the_built_in_themes_pass_the_kit(name: str) -> None:
    require_module("typst")
    from resumefmt.testing import check_theme

    check_theme(name, [path.read_text(encoding="utf-8") for path in example_files()])


def test_a_theme_name_taken_is_refused(tmp_path: Path) -> None:
    registry = converter_registry(third_party=False)
    with pytest.raises(PluginError, match="theme 'classic' of pdf is already registered"):
        registry.add_theme(_theme(tmp_path, "classic", KIT_THEME))


def test_a_theme_without_its_main_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PluginError, match=r"theme ghost: no file .*ghost/resume.typ"):
        Registry().add_theme(
            Theme("ghost", converters=("pdf",), directory=str(tmp_path / "ghost"), summary="")
        )


def test_a_theme_registered_before_its_converter_is_offered(tmp_path: Path) -> None:
    from resumefmt.converters.typst import TypstConverter

    registry = Registry()
    registry.add_theme(_theme(tmp_path, "early", KIT_THEME))
    registry.add_converter(TypstConverter("pdf", registry))
    assert registry.converters["pdf"].themes == ("early",)


# --pages ----------------------------------------------------------------------------


def _pages(pdf: Path) -> int:
    pypdf = require_module("pypdf")
    return len(pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages)


def test_pages_tightens_the_layout_to_fit(tmp_path: Path) -> None:
    require_module("typst")
    loose, fitted = tmp_path / "loose.pdf", tmp_path / "fitted.pdf"
    assert run_resumefmt("convert", SEED, "-o", loose).returncode == 0
    result = run_resumefmt("convert", SEED, "-o", fitted, "--pages", "2")
    assert result.returncode == 0, result.stderr
    assert (_pages(loose), _pages(fitted)) == (3, 2)
    from resumefmt.loader import load
    from resumefmt.selection import selected
    from resumefmt.testing import assert_readable

    printed = selected(load(SEED), None, None).data  # the seed's variants resolved away
    assert_readable(fitted.read_bytes(), printed, "pypdf")  # nothing dropped


def test_pages_that_cannot_be_met_say_how_much_is_over(tmp_path: Path) -> None:
    require_module("typst")
    output = tmp_path / "cv.pdf"
    result = run_resumefmt("convert", SEED, "-o", output, "--pages", "1")
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"{SEED}:1:1: error: the résumé does not fit 1 page: with the tightest spacing and "
        "9.5 pt type it takes 2 pages, about 0."
    )
    assert result.stderr.endswith(" page too many; shorten it or allow more pages [RF071]\n")
    assert not output.exists()


def test_pages_must_be_a_positive_number() -> None:
    result = run_resumefmt("convert", SEED, "--to", "pdf", "-o", "x.pdf", "--pages", "0")
    assert result.returncode == 2
    assert "argument --pages: '0' is not a number of pages (1 or more)" in result.stderr


# --watch ----------------------------------------------------------------------------


def _wait_for(stream_lines: list[str], text: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if any(text in line for line in stream_lines):
            return
        time.sleep(0.05)
    process.kill()
    raise AssertionError(f"no '{text}' in {stream_lines}")


def test_watch_rebuilds_on_save_and_keeps_the_last_good_pdf(tmp_path: Path) -> None:
    require_module("typst")
    import threading

    source = tmp_path / "cv.resumefmt.yaml"
    source.write_text(EXAMPLES.joinpath("starter.resumefmt.yaml").read_text(encoding="utf-8"))
    output = tmp_path / "cv.pdf"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    process = subprocess.Popen(
        [sys.executable, "-m", "resumefmt", "convert", str(source), "-o", str(output), "--watch"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    assert process.stderr is not None
    reader = threading.Thread(target=lambda: lines.extend(iter(process.stderr.readline, "")))
    reader.start()
    try:
        _wait_for(lines, f"resumefmt: wrote {output}", process)
        good = output.read_bytes()
        text = source.read_text(encoding="utf-8")
        time.sleep(0.05)
        source.write_text(text.replace("end: present", "end: 2021-13"), encoding="utf-8")
        _wait_for(lines, f"resumefmt: kept the last {output}", process)
        assert any("'2021-13' is not a date" in line for line in lines)  # lint, and the build
        assert output.read_bytes() == good
        lines.clear()
        source.unlink()
        _wait_for(lines, f"resumefmt: {source} is gone; waiting for it to come back", process)
        assert output.read_bytes() == good
        source.write_text(text.replace("Ada Lovelace", "Ada King"), encoding="utf-8")
        _wait_for(lines, f"resumefmt: wrote {output}", process)
        assert output.read_bytes() != good
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        reader.join()
        process.stderr.close()


def test_watch_needs_a_file_and_an_output() -> None:
    result = run_resumefmt("convert", "-", "-o", "cv.pdf", "--watch")
    assert result.returncode == 2
    assert result.stderr == "resumefmt: --watch needs a FILE to watch and an -o FILE to rebuild\n"
