"""``set_site_address``: the default site's public address, written out on sheets; bad input refused."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def set_address(*args):
    out = io.StringIO()
    call_command("set_site_address", *args, stdout=out)
    return out.getvalue()


def test_the_new_address_is_written_out_on_sheets_at_once(client, site):
    page_url = site.definition.url
    assert "http://localhost/" in client.get(page_url).content.decode()  # and now in the page cache
    said = set_address("https://toolkit.example.org/", "--name", "Our toolkit")
    assert "now at https://toolkit.example.org (was http://localhost)" in said
    default = Site.objects.get(is_default_site=True)
    assert (default.hostname, default.port, default.site_name) == ("toolkit.example.org", 443, "Our toolkit")
    page = client.get(page_url).content.decode()
    assert f"https://toolkit.example.org{page_url}" in page, "the cached page was replaced"
    assert "http://localhost/" not in page


def test_a_port_other_than_the_usual_is_kept(site):
    set_address("http://127.0.0.1:8000")
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"


@pytest.mark.parametrize(
    ("address", "complaint"),
    [
        ("toolkit.example.org", "is not a web address"),
        ("ftp://toolkit.example.org", "is not a web address"),
        ("https://", "is not a web address"),
        ("https://toolkit.example.org:99999", "is not a web address"),
        ("https://toolkit.example.org/sheets/", "more than a host"),
        ("https://me:secret@toolkit.example.org", "more than a host"),
        ("https://exa mple.org", "is not a web address"),  # was accepted, spaces and all
        ("https://exa<mple>.org", "is not a web address"),
        ("https://-toolkit.example.org", "is not a web address"),
    ],
)
def test_bad_addresses_are_refused_and_nothing_changes(site, address, complaint):
    before = Site.objects.get(is_default_site=True).root_url
    with pytest.raises(CommandError, match=complaint):
        set_address(address)
    assert Site.objects.get(is_default_site=True).root_url == before


def test_an_address_another_site_has_is_refused(site):
    default = Site.objects.get(is_default_site=True)
    Site.objects.create(
        hostname="other.example.org", port=443, root_page=default.root_page, site_name="Other"
    )
    with pytest.raises(CommandError, match=r"Another site \(Other\) already has other.example.org:443"):
        set_address("https://other.example.org")
