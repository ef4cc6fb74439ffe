"""Every kind of response a reader can get from gunicorn with production settings, behind the
TLS proxy (``X-Forwarded-Proto: https``), has the security headers; every cookie the site sets is
Secure, SameSite and, unless a script must read it, HttpOnly.

``test_headers.py`` checks pages through Django's test client with test settings; this is the
real server, where static files (WhiteNoise), errors raised before the view (a bad Host header)
and the 503 page take other paths through the middleware.
"""

import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.urls import reverse

from toolkit.tests.servers import (
    SHEET_PATH,
    NoRedirects,
    WebClient,
    gunicorn,
    python_in_django,
    uses_postgres,
)


def policy(headers):
    return dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in headers["Content-Security-Policy"].split(";")
    )


def assert_secure_headers(what, headers, page=True):
    assert headers.get("X-Content-Type-Options") == "nosniff", what
    assert headers.get("Referrer-Policy") == "same-origin", what
    assert "camera=()" in headers.get("Permissions-Policy", ""), what
    assert headers.get("Strict-Transport-Security", "").startswith("max-age=31536000"), what
    directives = policy(headers)
    assert directives.get("frame-ancestors") == "'none'", what
    if page:
        assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'", what
        assert "unsafe-inline" not in headers["Content-Security-Policy"], what


PAGES = {
    "home": "/",
    "sheet": SHEET_PATH,
    "search": "/search/?q=plan",
    "glossary": "/glossary/",
    "not found": "/no-such-page/",
}


def cookie_attributes(headers_list):
    """{name: set of lower-cased attributes} from raw Set-Cookie headers."""
    found = {}
    for header in headers_list:
        name, _, rest = header.partition("=")
        found[name.strip()] = {part.strip().lower() for part in rest.split(";")[1:]}
    return found


def test_every_kind_of_response_has_the_security_headers_under_https(production, tmp_path):
    env = production()
    with gunicorn(env, tmp_path, workers=1) as server:
        for what, path in PAGES.items():
            status, _, headers = server.get(path)
            assert status == (404 if what == "not found" else 200), what
            assert_secure_headers(what, headers)
        for what, path in {
            "feed": "/feeds/sheets/",
            "sitemap": "/sitemap.xml",
            "robots": "/robots.txt",
        }.items():
            status, _, headers = server.get(path)
            assert status == 200, what
            assert_secure_headers(what, headers, page=False)
        status, body, headers = server.get("/", headers={"Host": "attacker.example"})
        assert status == 400
        assert_secure_headers("bad host", headers)
        reader = WebClient(server.base)
        statuses = [reader.post_form("/suggest/", {"title": "", "details": ""})[0] for _ in range(6)]
        assert statuses == [400] * 5 + [429], statuses  # a form with mistakes, then the limit
        status, _, headers = reader.post_form("/suggest/", {"title": "", "details": ""})
        assert status == 429
        assert_secure_headers("rate limited", headers)
        status, _, headers = server.get("/static/css/toolkit.css")
        assert status == 200 and headers["Content-Type"].startswith("text/css")
        assert_secure_headers("static file", headers, page=False)


def test_the_503_page_has_the_security_headers(production, tmp_path):
    unreachable = (
        "postgres://postgres@127.0.0.1:1/nowhere"
        if uses_postgres()
        else f"sqlite:///{tmp_path / 'no-such-folder' / 'db.sqlite3'}"
    )
    with gunicorn(production(database_url=unreachable), tmp_path, workers=1) as server:
        status, body, headers = server.get("/")
        assert status == 503 and "Traceback" not in body
        assert_secure_headers("503 page", headers)


SIGN_IN_USER = """
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser("cookie-editor", "e@example.org", "a-long-test-password-1")
"""


class RecordingClient(WebClient):
    """A WebClient that also keeps every Set-Cookie header whole, with its attributes."""

    def __init__(self, base):
        super().__init__(base)
        self.set_cookies = []

    def request(self, path, data=None, headers=None, method=None, timeout=30):
        sent = {"Host": self.host, "X-Forwarded-Proto": "https", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if isinstance(data, dict):
            data = urllib.parse.urlencode(data).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(self.base + path, data=data, headers=sent, method=method)  # noqa: S310
        try:
            response = urllib.request.build_opener(NoRedirects).open(request, timeout=timeout)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            for header in response.headers.get_all("Set-Cookie") or []:
                self.set_cookies.append(header)
                name, _, rest = header.partition("=")
                self.cookies[name.strip()] = rest.split(";")[0]
            return response.status, response.read().decode(errors="replace"), dict(response.headers)


def test_every_cookie_is_secure_samesite_and_httponly_unless_a_script_reads_it(production, tmp_path):
    env = production()
    python_in_django(env, SIGN_IN_USER)
    sheet_id = python_in_django(
        env, 'from wagtail.models import Page; print(Page.objects.get(slug="neighbourhood-plan").pk)'
    ).strip()
    origin = {"Origin": "https://toolkit.example.org"}
    with gunicorn(env, tmp_path, workers=1) as server:
        reader = RecordingClient(server.base)
        assert reader.get("/suggest/")[0] == 200 and reader.cookies.get("csrftoken")
        assert reader.request("/pack/add/", data={"sheet": sheet_id}, headers=origin)[0] == 302
        assert "sessionid" in reader.cookies  # the reader's pack
        editor = RecordingClient(server.base)
        editor.sign_in("cookie-editor", "a-long-test-password-1")
    cookies = cookie_attributes(reader.set_cookies + editor.set_cookies)
    assert {"csrftoken", "sessionid"} <= set(cookies), cookies
    for name, attributes in cookies.items():
        assert "secure" in attributes, name
        assert "samesite=lax" in attributes or "samesite=strict" in attributes, name
    assert "httponly" in cookies["sessionid"]
    assert "httponly" in cookies["csrftoken"], "no script of the site reads the CSRF cookie"


@pytest.mark.django_db
def test_an_admin_session_ends_after_its_configured_age(client, settings, django_user_model):
    """The absolute age (``SESSION_COOKIE_AGE``, shortened here to a second): the session is
    refused by the server afterwards, whatever the browser keeps."""
    django_user_model.objects.create_superuser("aged", "aged@example.org", "a-long-test-password-2")
    settings.SESSION_COOKIE_AGE = 1
    assert (
        client.post("/admin/login/", {"username": "aged", "password": "a-long-test-password-2"}).status_code
        == 302
    )
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    time.sleep(1.5)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
