"""A web server on 127.0.0.1 for `links --check`: each path answers one way.

with LinkServer() as server:
    server.url("/ok")          # http://127.0.0.1:PORT/ok
    server.requests            # [(method, path, headers)] as received

/ok        200 with a page (and a Set-Cookie the checker must never send back)
/moved     301 to /ok
/gone404   404            /gone410   410
/reset     the connection dropped with a TCP reset, nothing sent
/sleep     nothing until the server stops (past any --timeout)
/nohead    405 to HEAD, 200 to GET
/flaky     503 the first time, 200 after
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the tests read `requests`

    def _answer(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)

    def _route(self) -> None:
        srv = self.server
        with srv.lock:
            srv.requests.append((self.command, self.path, dict(self.headers.items())))
            seen = sum(1 for _, p, _ in srv.requests if p == self.path)
        page = b"<html><body>#CloseTheCamps</body></html>"
        if self.path == "/ok":
            self._answer(200, page, Set_Cookie="session=abc; Path=/")
        elif self.path == "/moved":
            self._answer(301, Location="/ok")
        elif self.path in ("/gone404", "/gone410"):
            self._answer(int(self.path[-3:]))
        elif self.path == "/reset":
            # SO_LINGER 0: close() sends RST instead of FIN.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
        elif self.path == "/sleep":
            srv.stopping.wait(30)
        elif self.path == "/trickle-head":
            # A byte of the status line every 0.2 s: each read is quick, the whole is not.
            for b in b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n":
                if srv.stopping.wait(0.2):
                    return
                self.wfile.write(bytes([b]))
                self.wfile.flush()
        elif self.path == "/trickle-body":
            if self.command == "HEAD":
                self._answer(405)
                return
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.flush()
            for _ in range(1000):
                if srv.stopping.wait(0.2):
                    return
                self.wfile.write(b"x")
                self.wfile.flush()
        elif self.path == "/nohead":
            self._answer(405 if self.command == "HEAD" else 200, page)
        elif self.path == "/flaky":
            self._answer(503 if seen == 1 else 200, page)
        else:
            self._answer(404)

    do_GET = do_HEAD = _route

    def finish(self) -> None:
        with contextlib.suppress(OSError):  # the /reset socket is already gone
            super().finish()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.requests: list[tuple[str, str, dict[str, str]]] = []

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # resets and cut-off clients are what this server is for


class LinkServer:
    def __init__(self) -> None:
        self._server = _Server()
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def requests(self) -> list[tuple[str, str, dict[str, str]]]:
        with self._server.lock:
            return list(self._server.requests)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    def __enter__(self) -> LinkServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()
