"""Addresses that name a row by id: a number too long for any row is a 404, not a 500."""

import pytest
from django.urls import resolve, reverse

pytestmark = pytest.mark.django_db

TOO_LONG = "9" * 20  # beyond 64 bits: SQLite's driver raised OverflowError with <int:pk>


@pytest.mark.parametrize(
    "address",
    [
        f"/admin/sheets/{TOO_LONG}/reviewed/",
        f"/admin/snippets/editorial/law/changed/{TOO_LONG}/",
        f"/admin/snippets/feedback/suggestion/reply/{TOO_LONG}/",
    ],
)
def test_an_admin_address_with_an_id_beyond_any_row_is_not_found(admin_client, address):
    resolve(address.replace(TOO_LONG, "1"))  # the address is a real view's, with a short id
    assert admin_client.get(address).status_code == 404
    assert admin_client.post(address, {"note": "x"}).status_code == 404


def test_ids_that_fit_still_reverse_and_resolve():
    address = reverse("editorial_mark_reviewed", args=[123456789012345678])
    assert address == "/admin/sheets/123456789012345678/reviewed/"
