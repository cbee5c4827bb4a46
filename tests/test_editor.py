"""What an editor shows: the real yaml-language-server, driven over LSP on stdio.

Editors check résumé files through yaml-language-server and the modeline
``# yaml-language-server: $schema=...`` at the top of each file. These tests start the
server from tests/node (``npm install`` there) and speak to it as an editor does.
The online schema store stays off, so nothing here needs the network; the
offline test also points the server's HTTP at a local socket that counts
connections, to show that the modeline ``init`` writes needs none.
"""

from __future__ import annotations

import json
import os
import queue
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, NODE_BIN, ROOT, SCHEMA_DIR, require_tool

import resumefmt

pytestmark = pytest.mark.external
#: The package under test (the subprocess runs it, not whatever is installed).
PACKAGE_ROOT = Path(resumefmt.__file__).resolve().parent.parent

TIMEOUT = 30.0  # seconds to wait for any one answer or diagnostics
STARTER = EXAMPLES / "starter.resumefmt.yaml"
SCHEMA = SCHEMA_DIR / "resumefmt-1.1.schema.json"

# What the editor answers to workspace/configuration: validation on, schema store off.
YAML_SETTINGS: dict[str, Any] = {
    "validate": True,
    "hover": True,
    "completion": True,
    "schemas": {},
    "schemaStore": {"enable": False},
}

Diagnostic = dict[str, Any]


class LspClient:
    """A small LSP client: Content-Length framing, JSON-RPC ids, a background reader."""

    def __init__(
        self,
        command: list[str],
        root: Path,
        http: dict[str, Any] | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=root,
            env=env,
        )
        self.http = http  # the editor's "http" settings (proxy) the server asks for
        self._next_id = 0
        self._write_lock = threading.Lock()
        self._responses: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._diagnostics: dict[str, list[Diagnostic]] = {}
        self._published = threading.Condition()
        self.stderr_lines: list[str] = []
        self._threads = [
            threading.Thread(target=self._read_messages, daemon=True),
            threading.Thread(target=self._read_stderr, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    # --- sending ---------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        with self._write_lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = TIMEOUT) -> Any:
        with self._write_lock:
            self._next_id += 1
            request_id = self._next_id
            self._responses[request_id] = queue.Queue()
        self._send({"id": request_id, "method": method, "params": params})
        try:
            response = self._responses[request_id].get(timeout=timeout)
        except queue.Empty:
            tail = self._stderr_tail()
            raise AssertionError(f"no answer to {method} in {timeout} s{tail}") from None
        finally:
            del self._responses[request_id]
        if "error" in response:
            raise AssertionError(f"{method} failed: {response['error']}")
        return response.get("result")

    # --- receiving -------------------------------------------------------------

    def _read_messages(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        try:
            while True:
                length = 0
                while (line := stream.readline()) not in (b"\r\n", b""):
                    name, _, value = line.decode("ascii").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value)
                if not line:
                    return  # the server closed its output
                self._dispatch(json.loads(stream.read(length)))
        except (OSError, ValueError):
            return  # the pipe was closed under us at shutdown

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        try:
            for raw in self.proc.stderr:
                self.stderr_lines.append(raw.decode(errors="replace").rstrip())
        except (OSError, ValueError):
            return

    def _dispatch(self, message: dict[str, Any]) -> None:
        method = message.get("method")
        if method is None:  # a response to one of our requests
            waiting = self._responses.get(message["id"])
            if waiting is not None:
                waiting.put(message)
        elif "id" in message:  # a request from the server: an editor must answer it
            self._send({"id": message["id"], "result": self._answer(method, message["params"])})
        elif method == "textDocument/publishDiagnostics":
            with self._published:
                params = message["params"]
                self._diagnostics[params["uri"]] = params["diagnostics"]
                self._published.notify_all()

    def _answer(self, method: str, params: Any) -> Any:
        if method == "workspace/configuration":
            sections = {"yaml": YAML_SETTINGS, "http": self.http}
            return [sections.get(item.get("section")) for item in params["items"]]
        return None  # client/registerCapability, window/workDoneProgress/create, ...

    def diagnostics(
        self,
        uri: str,
        until: Callable[[list[Diagnostic]], bool] = lambda _: True,
        timeout: float = TIMEOUT,
    ) -> list[Diagnostic]:
        """The latest diagnostics published for uri, once `until` holds for them."""
        with self._published:
            found = self._published.wait_for(
                lambda: uri in self._diagnostics and until(self._diagnostics[uri]), timeout
            )
            latest = self._diagnostics.get(uri)
        if not found:
            raise AssertionError(
                f"diagnostics for {uri} not as awaited in {timeout} s; last published: "
                f"{latest}{self._stderr_tail()}"
            )
        assert latest is not None
        return latest

    def _stderr_tail(self) -> str:
        tail = "\n".join(self.stderr_lines[-20:])
        return f"\nserver stderr:\n{tail}" if tail else ""

    # --- the editor's side of a session ------------------------------------------

    def completion_labels(self, uri: str, line: int, character: int) -> list[str]:
        result = self.request(
            "textDocument/completion",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
        )
        items = result["items"] if isinstance(result, dict) else (result or [])
        return [str(item["label"]) for item in items]

    def start(self, root: Path) -> dict[str, Any]:
        result: dict[str, Any] = self.request(
            "initialize",
            {
                "processId": None,
                "clientInfo": {"name": "resumefmt-tests"},
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": {
                    "workspace": {"configuration": True, "didChangeConfiguration": {}},
                    "textDocument": {
                        "publishDiagnostics": {"relatedInformation": True},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "completion": {"completionItem": {"snippetSupport": False}},
                    },
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": YAML_SETTINGS}})
        return result

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.as_uri()
        document = {
            "uri": uri,
            "languageId": "yaml",
            "version": 1,
            "text": path.read_text(encoding="utf-8") if text is None else text,
        }
        self.notify("textDocument/didOpen", {"textDocument": document})
        return uri

    def close(self) -> None:
        """shutdown and exit, as an editor does; kill the server if it lingers."""
        try:
            if self.proc.poll() is None:
                self.request("shutdown", None, timeout=5)
                self.notify("exit", None)
        except (AssertionError, OSError):
            pass
        finally:
            try:
                assert self.proc.stdin is not None
                self.proc.stdin.close()
            except OSError:
                pass
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            for thread in self._threads:
                thread.join(timeout=5)
            for stream in (self.proc.stdout, self.proc.stderr):
                if stream is not None:
                    stream.close()


@pytest.fixture(scope="module")
def server() -> Iterator[LspClient]:
    executable = require_tool("yaml-language-server", search=NODE_BIN)
    client = LspClient([executable, "--stdio"], ROOT)
    try:
        client.start(ROOT)
        yield client
    finally:
        client.close()


def line_of(text: str, needle: str) -> int:
    """The 0-based number of the only line of text that contains needle."""
    found = [n for n, line in enumerate(text.splitlines()) if needle in line]
    assert len(found) == 1, f"{needle!r} is on lines {found}"
    return found[0]


def bad_copy(tmp_path: Path, replacements: dict[str, str]) -> tuple[Path, str]:
    """The starter, its modeline pointed at the schema by absolute URI, with edits."""
    text = STARTER.read_text(encoding="utf-8")
    modeline, rest = text.split("\n", 1)
    assert modeline.startswith("# yaml-language-server: $schema=")
    text = f"# yaml-language-server: $schema={SCHEMA.as_uri()}\n{rest}"
    for old, new in replacements.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "bad.resumefmt.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def hover_text(hover: dict[str, Any] | None) -> str:
    assert hover is not None, "no hover: the schema was not applied"
    contents = hover["contents"]
    if isinstance(contents, dict):
        shown = str(contents["value"])
    elif isinstance(contents, list):
        shown = "\n".join(c if isinstance(c, str) else c["value"] for c in contents)
    else:
        shown = str(contents)
    return re.sub(r"\\(.)", r"\1", shown)  # undo Markdown's backslash escapes


def test_starter_has_no_diagnostics_and_its_schema_applies(server: LspClient) -> None:
    text = STARTER.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/resumefmt-1.1.schema.json")
    uri = server.open(STARTER)
    assert server.diagnostics(uri) == []

    # No diagnostics could also mean no schema: hovering a key shows the schema's text.
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for key in ("resumefmt", "basics"):
        line = line_of(text, f"{key}:")
        shown = hover_text(
            server.request(
                "textDocument/hover",
                {"textDocument": {"uri": uri}, "position": {"line": line, "character": 2}},
            )
        )
        assert schema["properties"][key]["title"] in shown
        assert schema["properties"][key]["description"] in shown
    assert server.diagnostics(uri) == []  # still none now the schema is surely loaded


def test_wrong_type_and_unknown_key_are_reported_on_their_lines(
    server: LspClient, tmp_path: Path
) -> None:
    path, text = bad_copy(
        tmp_path,
        {
            "  headline: Software Engineer\n": "  headline: [a, b]\n",
            '    highlights:\n      - "**Build': '    hilights:\n      - "**Build',
        },
    )
    headline, hilights = line_of(text, "headline:"), line_of(text, "hilights:")
    assert (headline, hilights) == (8, 23)  # the starter's layout, as the lines below expect

    found = server.diagnostics(server.open(path), until=bool)
    by_line = {d["range"]["start"]["line"]: d for d in found}
    assert sorted(by_line) == [headline, hilights], found
    assert "Incorrect type" in by_line[headline]["message"]
    assert "string" in by_line[headline]["message"]
    assert by_line[hilights]["range"]["start"]["character"] == 4
    assert "hilights" in by_line[hilights]["message"]
    assert "not allowed" in by_line[hilights]["message"]
    assert all(d["severity"] == 1 for d in found)  # errors, not warnings


def test_bad_date_shows_the_schemas_pattern_error_message(
    server: LspClient, tmp_path: Path
) -> None:
    path, text = bad_copy(tmp_path, {'end: "2021-06"': 'end: "2021-13"'})
    message = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]["endDate"][
        "patternErrorMessage"
    ]
    assert message.startswith("Not a date: ")

    found = server.diagnostics(server.open(path), until=bool)
    assert [(d["range"]["start"]["line"], d["message"]) for d in found] == [
        (line_of(text, '"2021-13"'), message)
    ]


# --- offline, with exactly what `resumefmt init` writes ------------------------------------------


class ConnectionCounter:
    """A local HTTP proxy that counts the connections made to it and refuses each (502).

    The offline server's proxy: any schema fetched from the network would come
    here and fail, so an unchanged count shows nothing was. (A connection
    closed without an answer would leave the server's request pending forever.)
    """

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.address = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.count = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _peer = self.socket.accept()
            except OSError:
                return  # closed
            self.count += 1
            with connection:
                connection.settimeout(5)
                try:
                    connection.recv(65536)
                    connection.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    pass

    def close(self) -> None:
        self.socket.close()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder where `resumefmt init cv` ran, as a new user's would be."""
    folder = tmp_path_factory.mktemp("workspace")
    result = subprocess.run(
        [sys.executable, "-m", "resumefmt", "init", "cv"],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(PACKAGE_ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def offline(workspace: Path) -> Iterator[tuple[LspClient, ConnectionCounter]]:
    executable = require_tool("yaml-language-server", search=NODE_BIN)
    counter = ConnectionCounter()
    proxy = {"proxy": counter.address, "proxyStrictSSL": False}
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("no_proxy",)}
    env |= {"HTTP_PROXY": counter.address, "HTTPS_PROXY": counter.address}
    env |= {"http_proxy": counter.address, "https_proxy": counter.address}
    client = LspClient([executable, "--stdio"], workspace, http=proxy, env=env)
    try:
        client.start(workspace)
        yield client, counter
    finally:
        client.close()
        counter.close()


def test_the_modeline_init_writes_gives_the_11_schema_offline(
    offline: tuple[LspClient, ConnectionCounter], workspace: Path
) -> None:
    server, counter = offline
    path = workspace / "cv.resumefmt.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=./resumefmt-1.1.schema.json"
    assert (workspace / "resumefmt-1.1.schema.json").read_text(encoding="utf-8") == (
        SCHEMA.read_text(encoding="utf-8")
    )
    before = counter.count
    uri = server.open(path)
    assert server.diagnostics(uri) == []

    shown = hover_text(
        server.request(
            "textDocument/hover",
            {
                "textDocument": {"uri": uri},
                "position": {"line": line_of(text, "resumefmt:"), "character": 2},
            },
        )
    )
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["properties"]["resumefmt"]["description"] in shown  # the 1.1 text
    assert "resumefmt-1.1.schema.json" in shown

    # Completion on a new top-level line offers the sections 1.1 added.
    extended = text + "\n"
    server.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": extended}],
        },
    )
    labels = server.completion_labels(uri, len(extended.splitlines()), 0)
    assert {"volunteer", "certificates", "references"} <= set(labels), labels
    assert counter.count == before  # nothing was fetched: the schema is the file beside


def test_a_wrong_value_in_a_11_field_is_squiggled_offline(
    offline: tuple[LspClient, ConnectionCounter], workspace: Path
) -> None:
    server, counter = offline
    text = (workspace / "cv.resumefmt.yaml").read_text(encoding="utf-8")
    text += "\nvolunteer:\n  - organization: [a, b]\n"
    path = workspace / "wrong.resumefmt.yaml"
    path.write_text(text, encoding="utf-8")
    before = counter.count
    found = server.diagnostics(server.open(path), until=bool)
    assert [d["range"]["start"]["line"] for d in found] == [line_of(text, "organization: [a")]
    assert "Incorrect type" in found[0]["message"]
    assert counter.count == before


def test_the_published_address_would_need_the_network(
    offline: tuple[LspClient, ConnectionCounter], workspace: Path
) -> None:
    """The control: the published $id cannot load here, and the attempt reaches the counter.

    So the passing tests above did not fetch their schema by another road.
    """
    server, counter = offline
    url = json.loads(SCHEMA.read_text(encoding="utf-8"))["$id"]
    text = (workspace / "cv.resumefmt.yaml").read_text(encoding="utf-8")
    text = text.replace("./resumefmt-1.1.schema.json", url, 1)
    path = workspace / "published.resumefmt.yaml"
    path.write_text(text, encoding="utf-8")
    before = counter.count
    found = server.diagnostics(server.open(path), until=bool)
    assert any("Unable to load schema" in d["message"] and url in d["message"] for d in found), (
        found
    )
    assert counter.count > before
