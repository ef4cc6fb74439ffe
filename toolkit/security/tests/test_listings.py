"""Listings never name pages a reader may not open."""

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def test_get_started_does_not_list_a_login_only_pathway(client, site):
    """Finding 11 of the security review: ``/get-started/`` listed login-only pathways."""
    assert site.pathway.title in client.get(site.pathway.get_parent().url).content.decode()
    PageViewRestriction.objects.create(page=site.pathway, restriction_type=PageViewRestriction.LOGIN)
    listing = client.get(site.pathway.get_parent().url).content.decode()
    assert site.pathway.title not in listing
    assert site.pathway.url not in listing
