"""A local web server for link-checking tests: answers 200, 301, 404, 500, or hangs.

It listens on 127.0.0.1 on a free port, in a thread, and counts the requests for each path, so
tests can see retries. ``/hang`` waits until the server stops (longer than any test timeout).
"""

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.answer(body=False)

    def do_GET(self):
        self.answer(body=True)

    def answer(self, body):
        server = self.server
        server.hits[self.path] += 1
        if self.path == "/hang":
            server.stopping.wait(30)
            return
        if self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
            self.end_headers()
            return
        status = {"/ok": 200, "/no-head": 200, "/moved": 301, "/missing": 404, "/broken": 500}.get(
            self.path, 404
        )
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "2" if body else "0")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


class LocalServer:
    def __init__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.hits = Counter()
        self.httpd.stopping = threading.Event()
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def hits(self):
        return self.httpd.hits

    def url(self, path):
        host, port = self.httpd.server_address
        return f"http://{host}:{port}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
