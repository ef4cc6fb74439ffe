"""The link checker against a real local server: statuses, redirects, retries and timeouts."""

from toolkit.linkcheck.checker import check_url, check_urls

FAST = {"timeout": 0.5, "retries": 2, "backoff": 0, "allow_private": True}


def test_a_working_link(web):
    result = check_url(web.url("/ok"), **FAST)
    assert (result.ok, result.status, result.error, result.attempts) == (True, 200, "", 1)
    assert web.hits["/ok"] == 1  # HEAD alone was enough


def test_a_permanent_redirect_works_but_is_reported(web):
    result = check_url(web.url("/moved"), **FAST)
    assert result.ok and result.status == 200
    assert result.redirect_status == 301 and result.moved_permanently
    assert result.final_url == web.url("/ok")


def test_not_found_is_broken_at_once(web):
    result = check_url(web.url("/missing"), **FAST)
    assert (result.ok, result.status, result.attempts) == (False, 404, 1)
    assert web.hits["/missing"] == 1  # a 4xx is final: no retry


def test_a_server_error_is_retried_then_broken(web):
    result = check_url(web.url("/broken"), **FAST)
    assert (result.ok, result.status, result.attempts) == (False, 500, 3)
    assert web.hits["/broken"] == 3


def test_a_server_that_hangs_times_out_after_retries(web):
    result = check_url(web.url("/hang"), timeout=0.3, retries=1, backoff=0, allow_private=True)
    assert not result.ok and result.status is None
    assert result.error == "timed out"
    assert result.attempts == 2


def test_a_server_refusing_head_is_asked_with_get(web):
    result = check_url(web.url("/no-head"), **FAST)
    assert result.ok and result.status == 200


def test_nothing_listening(web):
    dead = web.url("/ok")
    web.__exit__()
    result = check_url(dead, timeout=0.5, retries=0, allow_private=True)
    assert not result.ok and result.error


def test_private_addresses_are_not_visited_unless_allowed(web):
    result = check_url(web.url("/ok"), timeout=0.5, retries=0)
    assert not result.ok and result.error.startswith("skipped")
    assert web.hits["/ok"] == 0


def test_only_web_addresses_are_checked():
    for url in ("mailto:team@example.org", "ftp://example.org/file", "javascript:alert(1)", "http://"):
        result = check_url(url, **FAST)
        assert not result.ok and result.attempts == 0


def test_many_links_are_checked_concurrently(web):
    urls = [web.url(path) for path in ("/ok", "/moved", "/missing", "/broken", "/hang")] * 2
    seen = []
    results = check_urls(
        urls, workers=5, on_result=seen.append, timeout=0.5, retries=1, backoff=0, allow_private=True
    )
    assert len(results) == len(seen) == 5  # each address once
    assert {url.rsplit("/", 1)[1]: r.ok for url, r in results.items()} == {
        "ok": True,
        "moved": True,
        "missing": False,
        "broken": False,
        "hang": False,
    }
