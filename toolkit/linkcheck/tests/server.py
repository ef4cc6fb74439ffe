"""A local web server for link-checking tests: answers 200, 301, 404, 500, or hangs.

It listens on 127.0.0.1 (or another loopback address) on a free port, in a thread, and counts the
requests for each path, so tests can see retries, and which ``Host`` header each one came with.
``/hang`` waits until the server stops (longer than any test timeout); ``/redirect?to=ADDRESS``
redirects anywhere; ``/loop`` redirects to itself. With an ``ssl.SSLContext`` it speaks HTTPS.
"""

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.answer(body=False)

    def do_GET(self):
        self.answer(body=True)

    def answer(self, body):
        server = self.server
        server.hits[self.path] += 1
        server.hosts.append(self.headers.get("Host"))
        if self.path.startswith(("/redirect?", "/loop")):
            target = parse_qs(urlsplit(self.path).query).get("to", ["/loop"])[0]
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
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
    def __init__(self, host="127.0.0.1", tls=None):
        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        if tls:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.scheme = "https" if tls else "http"
        self.httpd.daemon_threads = True
        self.httpd.hits = Counter()
        self.httpd.hosts = []
        self.httpd.stopping = threading.Event()
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def hits(self):
        return self.httpd.hits

    @property
    def hosts(self):
        return self.httpd.hosts

    @property
    def port(self):
        return self.httpd.server_address[1]

    def url(self, path, host=None):
        return f"{self.scheme}://{host or self.httpd.server_address[0]}:{self.port}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
