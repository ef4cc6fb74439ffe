"""Security headers: a strict Content-Security-Policy on public pages, a looser one in the admin."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def policy(response):
    return dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in response["Content-Security-Policy"].split(";")
    )


@pytest.mark.parametrize("path", ["home", "definition", "suggest", "search", "not-found"])
def test_public_pages_forbid_inline_script_and_style(client, site, path):
    url = {
        "home": site.home.url,
        "definition": site.definition.url,
        "suggest": "/suggest/",
        "search": "/search/?q=plan",
        "not-found": "/no-such-page/",
    }[path]
    response = client.get(url)
    directives = policy(response)
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_public_templates_have_no_inline_script(client, site):
    """Data blocks (JSON-LD, glossary JSON) are allowed: browsers never run them."""
    import re

    page = client.get(site.definition.url).content.decode()
    for attrs in re.findall(r"<script([^>]*)>", page):
        assert (
            "src=" in attrs or 'type="application/ld+json"' in attrs or 'type="application/json"' in attrs
        ), attrs
    assert not re.search(r"\son[a-z]+=", page), "inline event handler"
    assert " style=" not in page


def test_the_admin_gets_its_own_policy(admin_client):
    directives = policy(admin_client.get(reverse("wagtailadmin_home")))
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'self'"
