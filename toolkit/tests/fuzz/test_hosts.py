"""Invalid Host headers: a 400 page in the design, one one-line WARNING from
``django.security.DisallowedHost`` and no email to the admins (``toolkit.core.log_filters``)."""

import logging

import pytest
from django.core import mail
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from . import strategies as hostile
from .answers import check_answer
from .conftest import examples

pytestmark = pytest.mark.django_db

bad_hosts = st.one_of(
    st.sampled_from(["evil example", "exa_mple..org:99999", "[::1", "a" * 300, "host:port", ":80", "@evil"]),
    hostile.short_text.map(hostile.without_surrogates).map(lambda text: "x" + text + " y"),
)


@override_settings(ADMINS=[("Admin", "admin@example.org")], ALLOWED_HOSTS=["testserver"])
@examples(10)
@given(host=bad_hosts, path=st.sampled_from(["/", "/search/?q=plan", "/suggest/", "/feedback/useful/"]))
def test_an_invalid_host_is_a_400_and_one_warning_line(site, reader, caplog, host, path):
    caplog.clear()
    mail.outbox.clear()
    with caplog.at_level(logging.WARNING):
        response = reader().get(path, HTTP_HOST=host.encode("utf-8").decode("latin-1"))
    assert response.status_code == 400
    check_answer(response, f"Host {host[:80]!r}")
    records = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert [(r.name, r.levelno) for r in records] == [("django.security.DisallowedHost", logging.WARNING)]
    assert records[0].exc_info is None and "\n" not in records[0].getMessage()
    assert mail.outbox == []
