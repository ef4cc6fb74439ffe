"""Every committed content change bans the front cache once; a rolled-back one leaves nothing
behind (a real HTTP server on loopback stands in for Varnish and counts the BANs)."""

import pytest
from django.db import transaction

from toolkit.core.cache import bump_content_version


@pytest.mark.django_db(transaction=True)
def test_one_ban_per_commit_and_none_left_pending_by_a_rollback(front_cache):
    with transaction.atomic():
        for _ in range(5):
            bump_content_version()
        assert front_cache == [], "nothing is banned before the commit"
    assert len(front_cache) == 1, "five changes in one commit: one ban"

    class Abandoned(Exception):
        pass

    with pytest.raises(Abandoned), transaction.atomic():
        bump_content_version()
        raise Abandoned
    assert len(front_cache) == 1, "a rolled-back change bans nothing"
    bump_content_version()  # the next change, committed, still bans
    assert len(front_cache) == 2
