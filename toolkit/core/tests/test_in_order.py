"""``in_order``: rows in the caller's order from one query, missing ones left out."""

import pytest
from wagtail.models import Page

from toolkit.core.in_order import in_order

pytestmark = pytest.mark.django_db


def test_rows_come_in_the_order_given_from_one_query_without_the_missing(site, django_assert_num_queries):
    wanted = [site.method.pk, 10**9, site.definition.pk, site.home.pk]  # 10**9: no such page
    with django_assert_num_queries(1):
        rows = in_order(Page.objects.live(), iter(wanted))
    assert [row.pk for row in rows] == [site.method.pk, site.definition.pk, site.home.pk]


def test_a_filtered_queryset_keeps_its_filter(site):
    rows = in_order(Page.objects.filter(depth__gt=2), [site.home.pk, site.definition.pk])
    assert [row.pk for row in rows] == [site.definition.pk]
