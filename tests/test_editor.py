"""What an editor shows: the real yaml-language-server, driven over LSP on stdio.

Editors check résumé files through yaml-language-server and the modeline
``# yaml-language-server: $schema=...`` at the top of each file. These tests start the
server from tests/node (``npm install`` there) and speak to it as an editor does.
The online schema store stays off, so nothing here needs the network.
"""

from __future__ import annotations

import json
import queue
import re
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, NODE_BIN, ROOT, SCHEMA_DIR, require_tool

pytestmark = pytest.mark.external

TIMEOUT = 30.0  # seconds to wait for any one answer or diagnostics
STARTER = EXAMPLES / "starter.resumefmt.yaml"
SCHEMA = SCHEMA_DIR / "resumefmt-1.0.schema.json"

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

    def __init__(self, command: list[str], root: Path) -> None:
        self.proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=root,
        )
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

    @staticmethod
    def _answer(method: str, params: Any) -> Any:
        if method == "workspace/configuration":
            return [
                YAML_SETTINGS if item.get("section") == "yaml" else None for item in params["items"]
            ]
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
