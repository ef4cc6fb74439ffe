"""``manage.py check_links`` on the test site, against the local server; and its admin report."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from toolkit.linkcheck.models import CheckedLink, LinkOccurrence
from toolkit.sheets.models import SheetLinkOut

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "check_links",
        "--allow-private",
        "--timeout",
        "0.4",
        "--retries",
        "1",
        "--backoff",
        "0",
        *args,
        stdout=out,
        stderr=err,
    )
    return out.getvalue(), err.getvalue()


def test_results_are_stored_per_link_and_place(linked_site, web):
    out, err = run("--workers", "4")
    assert "Checked 5 links: 3 broken, 1 moved permanently." in out
    assert "Checking links" in err  # the progress bar
    by_path = {link.url.rsplit("/", 1)[1]: link for link in CheckedLink.objects.all()}
    assert (by_path["ok"].ok, by_path["ok"].status) == (True, 200)
    assert (by_path["moved"].ok, by_path["moved"].redirect_status) == (True, 301)
    assert (by_path["missing"].ok, by_path["missing"].status) == (False, 404)
    assert (by_path["broken"].ok, by_path["broken"].status, by_path["broken"].attempts) == (False, 500, 2)
    assert (by_path["hang"].ok, by_path["hang"].error) == (False, "timed out")
    assert all(link.checked_at for link in by_path.values())
    places = {(o.sheet_id, o.where) for o in LinkOccurrence.objects.filter(link=by_path["missing"])}
    assert places == {(linked_site.definition.pk, "Useful links: Localism Act 2011")}
    assert LinkOccurrence.objects.filter(
        link=by_path["broken"], sheet=linked_site.definition, where="Body"
    ).exists()
    assert LinkOccurrence.objects.filter(link=by_path["ok"], sheet=None).count() >= 2  # organisations, law


def test_a_second_run_replaces_the_first(linked_site, web):
    run()
    SheetLinkOut.objects.filter(sheet=linked_site.definition).update(url=web.url("/ok"))
    run()
    assert not CheckedLink.objects.filter(url=web.url("/missing")).exists()
    assert LinkOccurrence.objects.filter(link__url=web.url("/ok"), sheet=linked_site.definition).exists()


def test_fail_on_broken_exits_non_zero(linked_site):
    with pytest.raises(CommandError, match="3 broken links"):
        run("--fail-on-broken")


def test_a_malformed_address_is_recorded_and_the_run_goes_on(linked_site, web):
    """One such link used to end the whole run with a traceback (issue 15)."""
    malformed = "http://example.org:80\\@x/"
    SheetLinkOut.objects.filter(sheet=linked_site.other_definition).update(url=malformed)
    out, err = run()
    assert "Checked 6 links: 4 broken, 1 moved permanently." in out
    link = CheckedLink.objects.get(url=malformed)
    assert (link.ok, link.status) == (False, None) and link.checked_at
    assert link.error.startswith("not a valid web address")
    assert CheckedLink.objects.get(url=web.url("/ok")).ok


@pytest.mark.parametrize(
    "flags", [["--workers", "0"], ["--workers", "many"], ["--timeout", "-1"], ["--retries", "9"]]
)
def test_bad_flags_are_refused_before_anything_changes(site, flags):
    with pytest.raises(CommandError):
        run(*flags)
    assert not CheckedLink.objects.exists()


def test_the_admin_report_lists_broken_links_sheet_by_sheet(admin_client, linked_site, web):
    run()
    page = admin_client.get(reverse("linkcheck_report")).content.decode()
    assert linked_site.definition.title in page
    assert web.url("/missing") in page and web.url("/broken") in page and "timed out" in page
    assert web.url("/moved") not in page  # moved links are listed under their own filter
    assert reverse("wagtailadmin_pages:edit", args=[linked_site.definition.pk]) in page
    moved = admin_client.get(reverse("linkcheck_report"), {"problem": "moved"}).content.decode()
    assert web.url("/moved") in moved and web.url("/missing") not in moved
    csv = b"".join(
        admin_client.get(reverse("linkcheck_report"), {"export": "csv"}).streaming_content
    ).decode()
    assert csv.splitlines()[0] == "Used in,Where,Address,Problem,Checked"
    assert web.url("/missing") in csv


def test_the_report_narrows_to_one_section_or_one_sheet(admin_client, linked_site, web):
    run()
    report = reverse("linkcheck_report")
    definition, method = linked_site.definition, linked_site.method

    def addresses(**filters):
        page = admin_client.get(report, filters)
        assert page.status_code == 200
        return {
            url
            for url in (web.url(p) for p in ("/missing", "/broken", "/hang", "/moved"))
            if url in page.content.decode()
        }

    assert addresses(problem="all", section=method.get_parent().pk) == {web.url("/moved")}
    assert addresses(problem="all", section=definition.get_parent().pk) == {
        web.url("/missing"),
        web.url("/broken"),
        web.url("/hang"),
    }
    assert addresses(problem="all", sheet=method.pk) == {web.url("/moved")}
    assert addresses(sheet=definition.pk) == {web.url("/missing"), web.url("/broken"), web.url("/hang")}
    choices = admin_client.get(report).content.decode()
    assert f'<option value="{definition.pk}">' in choices and f'<option value="{method.pk}">' in choices
    assert f'<option value="{linked_site.other_definition.pk}">' not in choices, "its links all work"
    for bad in ({"sheet": "not-a-number"}, {"sheet": "999999"}, {"section": "-1"}):
        assert admin_client.get(report, bad).status_code == 200
