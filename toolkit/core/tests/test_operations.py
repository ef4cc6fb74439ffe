"""What a council's web team runs on: JSON logs without WeasyPrint's chatter, error reports (to
Sentry, or by email to ADMINS), and uploaded images served in production. All with production
settings, in processes of their own, talking to real servers on loopback."""

import gzip
import http.server
import io
import json
import os
import signal
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import boto3
import brotli
import pytest
from botocore.exceptions import EndpointConnectionError
from PIL import Image as PILImage

from toolkit.tests.servers import free_port, gunicorn, manage, psql, python_in_django, uses_postgres, wait_for

LOG_AND_PRINT = """
import logging
logging.getLogger("toolkit.operations").warning("a warning for the log")
from weasyprint import HTML
HTML(string="<h1>A sheet</h1><p>Its text.</p>").write_pdf()
"""


def test_production_logs_are_json_lines_without_weasyprint_chatter(production):
    result = manage(production(LOG_LEVEL="INFO"), "shell", "--no-imports", "-c", LOG_AND_PRINT)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    assert {
        "level": "WARNING",
        "logger": "toolkit.operations",
        "message": "a warning for the log",
    }.items() <= (records[-1].items())
    assert not [r for r in records if r["logger"].startswith(("weasyprint", "fontTools"))], records


class SentryReceiver(http.server.BaseHTTPRequestHandler):
    """Where the test's Sentry DSN points: keeps the body of every envelope sent to it."""

    received = []

    def do_POST(self):  # noqa: N802 - the name http.server calls
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            body = brotli.decompress(body)
        self.received.append((self.path, body.decode(errors="replace")))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry():
    SentryReceiver.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), SentryReceiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


def test_errors_are_reported_to_sentry_when_its_dsn_is_set(production, sentry):
    dsn = f"http://publickey@127.0.0.1:{sentry.server_address[1]}/42"
    code = 'import logging, sentry_sdk; logging.getLogger("toolkit").error("the index is broken"); sentry_sdk.flush()'
    python_in_django(production(SENTRY_DSN=dsn), code)
    assert any(
        path == "/api/42/envelope/" and "the index is broken" in body
        for path, body in SentryReceiver.received
    )


def unusable_database(tmp_path):
    """A database the site reaches but cannot use (no tables, or not a database at all): a fault
    worth a report, unlike an outage, which is one warning line (see test_database_down.py)."""
    if uses_postgres():
        name = f"toolkit_unmigrated_{os.getpid()}"
        psql(f"DROP DATABASE IF EXISTS {name}")
        psql(f"CREATE DATABASE {name}")
        return f"postgres://postgres@127.0.0.1:5432/{name}"
    path = tmp_path / "not-a-database.sqlite3"
    path.write_bytes(b"this file is not a database " * 200)
    return f"sqlite:///{path}"


def test_without_sentry_server_errors_are_emailed_to_admins(production, tmp_path, smtp_server):
    env = production(
        database_url=unusable_database(tmp_path),
        ADMINS="Web team <webteam@example.org>",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=smtp_server.port,
        DEFAULT_FROM_EMAIL="toolkit@example.org",
    )
    with gunicorn(env, tmp_path, workers=1) as server:
        status, body, headers = server.get("/")
        assert status == 503 and "not available right now" in body and headers["Retry-After"] == "60"
        (message,) = smtp_server.wait_for(1)
        assert message["to"] == ["webteam@example.org"]
        assert "Service Unavailable: /" in message["data"]
        server.get("/healthz")  # 503 on a file that is no database, 200 on one without tables
        assert len(smtp_server.messages) == 1, "a load balancer's health checks send no email"


UPLOAD_IMAGE = """
import io
from django.core.files.images import ImageFile
from wagtail.images.models import Image
image = Image(title="Park map")
image.file.save("park-map.png", ImageFile(io.BytesIO(PNG), name="park-map.png"), save=False)
image.save()
print(image.file.url)
print(image.get_rendition("fill-80x60").url)
"""


def png_bytes():
    out = io.BytesIO()
    PILImage.new("RGB", (160, 120), "seagreen").save(out, format="PNG")
    return out.getvalue()


def test_uploaded_images_are_served_in_production_and_nothing_else_from_media(production, tmp_path):
    env = production()
    original, rendition = python_in_django(env, f"PNG = {png_bytes()!r}\n" + UPLOAD_IMAGE).split()
    assert original.startswith("/media/original_images/") and rendition.startswith("/media/images/")
    with gunicorn(env, tmp_path, workers=1) as server:
        for url in (original, rendition):
            status, _, headers = server.get(url)
            assert status == 200 and headers["Content-Type"] == "image/png", url
            assert "max-age=" in headers["Cache-Control"] and headers["X-Content-Type-Options"] == "nosniff"
        for refused in ("/media/documents/minutes.pdf", "/media/"):
            assert server.get(refused)[0] == 404, refused
        for climbing in ("/media/images/../../settings.py", "/media/images/%2e%2e/%2e%2e/x.png"):
            assert server.get(climbing)[0] == 400, climbing  # refused before any file is opened


@pytest.fixture
def s3_server(tmp_path):
    """An S3-compatible server (moto's) on a loopback port, with an empty bucket."""
    port = free_port()
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3", endpoint_url=endpoint, region_name="eu-west-2", aws_access_key_id="k", aws_secret_access_key="s"
    )

    def bucket_made():
        try:
            client.create_bucket(
                Bucket="toolkit-media", CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
            )
        except EndpointConnectionError:
            return False
        return True

    wait_for(bucket_made, what="the S3 server")
    yield endpoint, client
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def test_media_go_to_s3_compatible_storage_chosen_by_environment_variables(production, tmp_path, s3_server):
    endpoint, client = s3_server
    env = production(
        AWS_STORAGE_BUCKET_NAME="toolkit-media",
        AWS_S3_ENDPOINT_URL=endpoint,
        AWS_S3_REGION_NAME="eu-west-2",
        AWS_ACCESS_KEY_ID="k",
        AWS_SECRET_ACCESS_KEY="s",
    )
    original, rendition = python_in_django(env, f"PNG = {png_bytes()!r}\n" + UPLOAD_IMAGE).split()
    keys = {item["Key"] for item in client.list_objects_v2(Bucket="toolkit-media")["Contents"]}
    for url in (original, rendition):
        assert url.startswith(f"{endpoint}/toolkit-media/") and "Signature=" in url, url
        assert urlsplit(url).path.removeprefix("/toolkit-media/") in keys
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the loopback S3 server
            assert response.read().startswith(b"\x89PNG")
    with gunicorn(env, tmp_path, workers=1) as server:
        assert json.loads(server.get("/healthz")[1])["storage"] == "ok"
        stored = urlsplit(rendition).path.removeprefix("/toolkit-media/")
        assert server.get(f"/media/{stored}")[0] == 404, "the app serves nothing from /media/ with S3"
