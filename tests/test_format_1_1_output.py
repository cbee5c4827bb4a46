"""Every converter prints everything format 1.1 holds, read back by the real consumer.

The fixture ``tests/fixtures/everything-1-1.resumefmt.yaml`` has every field
1.1 added (and entries without a role or dates); each of its strings must be
in the Markdown (as CommonMark reads it), in the PDF pdflatex makes of the
LaTeX, and in the PDF of every Typst theme (as pdftotext reads it). A photo
given as a path is embedded, bounded and checked (RF073 otherwise).
"""

# ruff: noqa: RUF001 (dashes and dots are what the output is checked for)

from __future__ import annotations

import os
import shutil
import stat
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from bounded import run_bounded
from conftest import NODE_BIN, ROOT, require_tool
from test_hostile_input import CHILD_ENV
from test_latex_compile import compile_pdf
from test_markdown import _markdownlint, blocks

from resumefmt.converters._common import profile_label
from resumefmt.converting import ConvertOptions, convert
from resumefmt.errors import DocumentError
from resumefmt.loader import load, load_text
from resumefmt.plugins import converter_registry
from resumefmt.richtext import parse, plain
from resumefmt.testing import pdf_images, pdf_links, pdf_text

REGISTRY = converter_registry(third_party=False)
FIXTURE = ROOT / "tests" / "fixtures" / "everything-1-1.resumefmt.yaml"
PHOTO = FIXTURE.parent / "photo.png"
RICH = {"summary", "highlights", "description", "reference"}
#: Not printed as written: dates are written out, addresses are link targets,
#: the photo is a picture.
NOT_TEXT = {"resumefmt", "start", "end", "date", "url", "image"}


def strings(node: Any, key: str = "") -> list[str]:
    """Every string of the document as a reader sees it (rich text without its markup)."""
    if isinstance(node, str):
        return [" ".join(plain(parse(node)).split()) if key in RICH else node]
    if isinstance(node, list):
        return [s for item in node for s in strings(item, key)]
    return [s for k, v in node.items() if k not in NOT_TEXT for s in strings(v, k)]


def squash(text: str) -> str:
    return "".join(text.split())


def missing_from(text: str) -> list[str]:
    data = load(FIXTURE).data
    said = squash(text)
    expected = [*strings(data), "Apr 2021 – Present", "2018 – Mar 2021", "May 2020"]
    # A profile without a username shows its address without the scheme.
    expected += [profile_label(p) for p in data["basics"]["profiles"]]
    return [value for value in expected if squash(value) not in said]


def test_the_fixture_has_every_field_1_1_added() -> None:
    data = load(FIXTURE).data
    assert {"volunteer", "certificates", "references"} <= set(data)
    assert data["basics"]["image"] and data["basics"]["location"]["country"]
    assert any("description" in e for e in data["work"])
    assert any("role" not in e for e in data["work"]) and any(
        "start" not in e for e in data["work"]
    )
    assert {"organization", "type"} <= set(data["projects"][0])
    assert any("url" not in p for p in data["basics"]["profiles"])


def test_markdown_prints_every_string_and_passes_markdownlint(tmp_path: Path) -> None:
    markdown = convert(load(FIXTURE), REGISTRY.converters["markdown"], ConvertOptions())
    for preset in ("commonmark", "gfm-like"):
        shown = " ".join(text for _, text, _ in blocks(markdown, preset))
        assert missing_from(shown) == [], preset
    assert "![Oriane Valdecasas](photo.png)" in markdown
    (tmp_path / "resume.md").write_text(markdown, encoding="utf-8")
    done = _markdownlint(require_tool("markdownlint-cli2", search=NODE_BIN), tmp_path, "resume.md")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 issues" in done.stdout + done.stderr


def test_latex_compiles_with_the_photo_and_prints_every_string(tmp_path: Path) -> None:
    tex = convert(load(FIXTURE), REGISTRY.converters["latex"], ConvertOptions())
    shutil.copy(PHOTO, tmp_path / "photo.png")  # the .tex names it relative to the résumé
    text = compile_pdf(tex, "pdflatex", tmp_path)
    assert missing_from(text) == []
    assert pdf_images((tmp_path / "resume.pdf").read_bytes()) == [(48, 64)]


@pytest.mark.parametrize("theme", ["classic", "sans", "compact"])
def test_every_theme_prints_every_string_and_the_photo(theme: str, tmp_path: Path) -> None:
    from resumefmt.converters.typst import EngineOptions

    converter: Any = REGISTRY.converters["pdf"]
    pdf = converter.build(load(FIXTURE), EngineOptions(theme=theme))[0]
    assert missing_from(pdf_text(pdf, "pdftotext")) == []
    assert pdf_images(pdf) == [(48, 64)]
    links = pdf_links(pdf)
    for target in ("skype:oriane.v?chat", "tel:+34-955-000-000", "https://cleanup.example.org"):
        assert target in links


def test_the_typst_file_carries_its_photo_and_compiles_alone(tmp_path: Path) -> None:
    import typst

    source = convert(load(FIXTURE), REGISTRY.converters["typst"], ConvertOptions())
    (tmp_path / "resume.typ").write_text(source, encoding="utf-8")
    pdf = typst.compile(str(tmp_path / "resume.typ"), format="pdf")
    assert pdf_images(pdf) == [(48, 64)]


UNDATED = """\
resumefmt: "1.1"
basics: {name: Ada}
work:
  - organization: Analytical Engine Project
  - organization: Royal Society
    role: Reader
  - organization: Babbage & Co
    end: "1843"
volunteer:
  - organization: Ragged School
projects:
  - name: Flyology
"""


def _outputs(text: str, tmp_path: Path) -> dict[str, str]:
    from resumefmt.converters.typst import EngineOptions

    document = load_text(text, str(tmp_path / "cv.yaml"))
    tex = convert(document, REGISTRY.converters["latex"], ConvertOptions())
    converter: Any = REGISTRY.converters["pdf"]
    shown = {
        "markdown": convert(document, REGISTRY.converters["markdown"], ConvertOptions()),
        "latex": compile_pdf(tex, "pdflatex", tmp_path),
    }
    for theme in ("classic", "sans", "compact"):
        pdf = converter.build(document, EngineOptions(theme=theme))[0]
        shown[theme] = pdf_text(pdf, "pdftotext")
    return shown


def test_entries_without_dates_or_role_print_what_there_is(tmp_path: Path) -> None:
    for name, text in _outputs(UNDATED, tmp_path).items():
        said = " ".join(text.split())
        for value in ("Analytical Engine Project", "Reader", "Royal Society", "Babbage & Co",
                      "1843", "Ragged School", "Flyology"):  # fmt: skip
            assert value in said, (name, value)
        assert "None" not in said and "none" not in said, name
        # No separator left dangling where a date or a role would be.
        for line in text.splitlines():
            line = line.strip()
            assert not line.endswith(("–", "—", "·", ",")), (name, line)
            assert not line.startswith(("–", "—", "·", ",")), (name, line)


def test_markdown_headings_of_entries_without_a_role() -> None:
    markdown = convert(load_text(UNDATED), REGISTRY.converters["markdown"], ConvertOptions())
    assert "### Analytical Engine Project\n" in markdown
    assert "### Reader — Royal Society\n" in markdown
    assert "### Babbage & Co\n\n1843\n" in markdown


@pytest.mark.parametrize(
    ("profile", "label"),
    [
        ({"network": "GitHub", "username": "ada", "url": "https://github.com/ada"}, "GitHub: ada"),
        ({"network": "Scholar", "url": "https://scholar.example.com/ada"}, "Scholar"),
        ({"network": "Skype", "url": "skype:ada.l?chat"}, "Skype: ada.l?chat"),
        ({"network": "Phone", "url": "tel:+44-20-7946-0000"}, "Phone: +44-20-7946-0000"),
        ({"network": "Mail", "url": "mailto:ada@example.com"}, "Mail: ada@example.com"),
        ({"network": "Mastodon", "username": "@ada@x.example"}, "Mastodon: @ada@x.example"),
    ],
)
def test_a_profile_prints_how_to_reach_you(profile: dict[str, str], label: str) -> None:
    assert profile_label(profile) == label


def test_a_country_name_stands_for_its_code() -> None:
    text = 'resumefmt: "1.1"\nbasics:\n  name: Ada\n  location: {city: Lyon, countryCode: FR, %s}\n'
    named = load_text(text % "country: France")
    coded = load_text(text % "region: Rhône")
    for converter in ("markdown", "latex", "typst"):
        out = convert(named, REGISTRY.converters[converter], ConvertOptions())
        assert "Lyon, France" in out and "FR" not in out.replace("FRA", "")
        out = convert(coded, REGISTRY.converters[converter], ConvertOptions())
        assert "Lyon, Rh" in out and ", FR" in out


WEB_PHOTO = 'resumefmt: "1.1"\nbasics:\n  name: Ada\n  image: "https://203.0.113.9/ada.jpg"\n'


def test_a_web_photo_is_a_link_and_never_fetched() -> None:
    from resumefmt.converters.typst import EngineOptions

    document = load_text(WEB_PHOTO)
    markdown = convert(document, REGISTRY.converters["markdown"], ConvertOptions())
    assert "![Ada](https://203.0.113.9/ada.jpg)" in markdown
    tex = convert(document, REGISTRY.converters["latex"], ConvertOptions())
    assert r"\href{https://203.0.113.9/ada.jpg}{Photo}" in tex and "includegraphics" not in tex
    converter: Any = REGISTRY.converters["pdf"]
    # No socket: TEST-NET-3 is never reached, and the build does not try.
    pdf = converter.build(document, EngineOptions())[0]
    assert "https://203.0.113.9/ada.jpg" in pdf_links(pdf) and pdf_images(pdf) == []


def test_a_photo_that_could_run_a_script_is_text_in_markdown() -> None:
    document = load_text(WEB_PHOTO.replace("https://203.0.113.9/ada.jpg", "javascript:alert(1)"))
    markdown = convert(document, REGISTRY.converters["markdown"], ConvertOptions())
    assert "](javascript" not in markdown and "Ada (javascript:alert(1))" in markdown


def test_latex_refuses_a_photo_name_it_cannot_take(tmp_path: Path) -> None:
    shutil.copy(PHOTO, tmp_path / "my photo%.png")
    path = tmp_path / "cv.resumefmt.yaml"
    path.write_text('resumefmt: "1.1"\nbasics:\n  name: Ada\n  image: "my photo%.png"\n')
    with pytest.raises(DocumentError) as caught:
        convert(load(path), REGISTRY.converters["latex"], ConvertOptions())
    assert caught.value.message == (
        f"{path}:4:10: error: LaTeX cannot name the photo file as it is written: rename it "
        "with letters, digits, '.', '-', '_' and '+' only (or convert --to pdf) [RF073]"
    )


# Hostile photos: refused from their status or their first bytes, bounded, exit 1.


def _png(width: int, height: int, body: bytes = b"") -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    return b"\x89PNG\r\n\x1a\n" + header + body


def _make(kind: str, folder: Path) -> str:
    """A photo of the given kind in ``folder``; the value to write as ``image``."""
    target = folder / "photo.png"
    if kind == "device":
        os.mknod(target, 0o444 | stat.S_IFCHR, os.makedev(1, 5))  # our own /dev/zero
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    elif kind == "huge":
        with target.open("wb") as handle:
            handle.truncate(2 * 1024**3)  # 2 GiB that take no room
    elif kind == "text":
        target.write_text("not a picture\n")
    elif kind == "bomb":
        target.write_bytes(_png(100_000, 100_000, b"\0" * 64))
    elif kind == "corrupt":
        target.write_bytes(_png(40, 40) + b"\0" * 500)
    elif kind == "outside":
        (folder.parent / "secret.png").write_bytes(PHOTO.read_bytes())
        return "../secret.png"
    elif kind == "symlink":
        (folder.parent / "secret.png").write_bytes(PHOTO.read_bytes())
        target.symlink_to(folder.parent / "secret.png")
    elif kind == "absolute":
        return str(PHOTO)
    elif kind == "missing":
        pass
    elif kind == "scheme":
        return "data:image/png;base64,iVBORw0KGgo="
    return "photo.png"


SAID = {
    "device": "the photo 'photo.png' is not a regular file",
    "fifo": "the photo 'photo.png' is not a regular file",
    "folder": "the photo 'photo.png' is not a regular file",
    "huge": "the photo 'photo.png' is 2048.0 MiB; a photo may have at most 4 MiB: scale it down",
    "text": "the photo 'photo.png' is not a PNG or JPEG image",
    "bomb": "the photo 'photo.png' has 100000 by 100000 pixels; a photo may have at most 25 "
    "million: scale it down",
    "corrupt": "the photo 'photo.png' cannot be read as an image: failed to decode image",
    "outside": "the photo '../secret.png' is outside the résumé's folder: put it beside the "
    "résumé or in a folder below it",
    "symlink": "the photo 'photo.png' is outside the résumé's folder: put it beside the résumé "
    "or in a folder below it",
    "absolute": f"the photo '{PHOTO}' must be a path relative to the résumé, not an absolute one",
    "missing": "the photo 'photo.png' does not exist (paths are relative to the résumé)",
    "scheme": "the photo 'data:image/png;base64,iVBORw0KGgo=' is neither a file path nor an "
    "http(s):// address: give one of them",
}


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize(
    ("target", "kind"),
    # Only an engine decodes the image: TeX reports a corrupt one when it compiles.
    [(t, k) for t in ("pdf", "latex") for k in sorted(SAID) if (t, k) != ("latex", "corrupt")],
)
def test_a_hostile_photo_is_refused_located_and_bounded(
    kind: str, target: str, tmp_path: Path
) -> None:
    folder = tmp_path / "cv"
    folder.mkdir()
    written = _make(kind, folder)
    resume = folder / "cv.resumefmt.yaml"
    resume.write_text(f'resumefmt: "1.1"\nbasics:\n  name: Ada\n  image: "{written}"\n')
    out = folder / f"cv.{'pdf' if target == 'pdf' else 'tex'}"
    case = run_bounded(
        f"convert --to {target}, photo: {kind}", "convert", resume, "-o", out, env=CHILD_ENV
    )
    assert case.returncode == 1, case.stderr
    first = case.stderr.splitlines()[0]
    assert first.startswith(f"{resume}:4:10: error: {SAID[kind]}"), first
    assert first.endswith("[RF073]")
    assert not out.exists()
    assert case.seconds < 15 and case.peak_mib < 400


def test_a_photo_at_the_size_limit_is_embedded_in_bounded_time(tmp_path: Path) -> None:
    # Noise does not compress: about 3.9 MiB of PNG, under the 4 MiB limit.
    side = 1180
    noise = os.urandom(side * side * 3)
    rows = b"".join(b"\0" + noise[y * side * 3 : (y + 1) * side * 3] for y in range(side))
    idat = zlib.compress(rows, 1)
    body = (
        struct.pack(">I", len(idat))
        + b"IDAT"
        + idat
        + struct.pack(">I", zlib.crc32(b"IDAT" + idat))
    )
    end = struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))
    (tmp_path / "photo.png").write_bytes(_png(side, side, body + end))
    assert 3.5 * 2**20 < (tmp_path / "photo.png").stat().st_size < 4 * 2**20
    resume = tmp_path / "cv.resumefmt.yaml"
    resume.write_text('resumefmt: "1.1"\nbasics:\n  name: Ada\n  image: photo.png\n')
    out = tmp_path / "cv.pdf"
    case = run_bounded(
        "convert --to pdf, a 3.9 MiB photo", "convert", resume, "-o", out, env=CHILD_ENV, seconds=60
    )
    assert case.returncode == 0, case.stderr
    assert pdf_images(out.read_bytes()) == [(side, side)]
    assert case.seconds < 30 and case.peak_mib < 900
