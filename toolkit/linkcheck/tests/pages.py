"""Reading the "Broken links" report in tests."""

from django.urls import reverse
from django.utils import timezone


def report(client, **params):
    response = client.get(reverse("linkcheck_report"), params)
    assert response.status_code == 200
    return response.content.decode()


def when(moment):
    """A time as the report writes it: "3 December 2026 at 14:05", in the site's time zone."""
    local = timezone.localtime(moment)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"
