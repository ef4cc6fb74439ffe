"""The checker never visits this machine or its network unless told to (issue 15, finding 3).

Every test here runs real requests against real servers on loopback addresses, with the network
rule on; where a test must reach its own server, it allows 127.0.0.1 alone and nothing else.
"""

import ipaddress
import ssl
from urllib.parse import quote

import pytest

from toolkit.linkcheck.checker import (
    MAX_REDIRECTS,
    InvalidAddress,
    PinnedHTTPConnection,
    PinnedHTTPSConnection,
    address_is_public,
    check_url,
    check_urls,
    fetch_once,
    normalised_host,
)

FAST = {"timeout": 0.5, "retries": 1, "backoff": 0}
ONLY_OUR_SERVER = ["127.0.0.1/32"]


def test_a_percent_encoded_loopback_host_is_refused_before_any_request(web):
    """``%31%32%37.0.0.1`` is 127.0.0.1 to urllib, so it must be 127.0.0.1 to the check too."""
    result = check_url(web.url("/ok", host="%31%32%37.0.0.1"), **FAST)
    assert (result.ok, result.attempts) == (False, 0)
    assert result.error == "skipped: a private or local network address"
    double = check_url(web.url("/ok", host="%2531%2532%2537.0.0.1"), **FAST)
    assert double.error.startswith("not a valid web address: not a valid host name")
    assert web.hits["/ok"] == 0
    allowed = check_url(web.url("/ok", host="%31%32%37.0.0.1"), allow_private=True, **FAST)
    assert allowed.ok and web.hits["/ok"] == 1  # the very host urllib would have connected to


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "127.1",
        "2130706433",  # 127.0.0.1 as one number
        "0x7f.0.0.1",
        "10.0.0.1",
        "172.16.0.1",
        "192.168.1.1",
        "100.64.0.1",  # carrier-grade NAT
        "169.254.169.254",  # cloud metadata
        "0.0.0.0",  # noqa: S104 - a link to it is what is under test
        "224.0.0.1",  # multicast
        "239.255.255.250",
        "240.0.0.1",  # reserved
        "255.255.255.255",
        "[::1]",
        "[::]",
        "[fe80::1]",
        "[fc00::1]",
        "[ff02::1]",
        "[::ffff:127.0.0.1]",  # IPv4-mapped IPv6
        "[::ffff:10.0.0.1]",
        "[::ffff:169.254.169.254]",
        "localhost",
    ],
)
def test_private_local_and_special_addresses_are_refused(web, host):
    result = check_url(f"http://{host}:{web.port}/ok", **FAST)
    assert (result.ok, result.attempts) == (False, 0), result
    assert result.error == "skipped: a private or local network address"
    assert web.hits["/ok"] == 0


def test_public_addresses_are_public():
    for address in ("93.184.216.34", "1.1.1.1", "2606:4700::1111", "::ffff:93.184.216.34"):
        assert address_is_public(ipaddress.ip_address(address)), address


@pytest.mark.parametrize(
    ("raw", "host"),
    [
        ("%31%32%37.0.0.1", "127.0.0.1"),
        ("Example.ORG", "example.org"),
        ("b%C3%BCcher.example", "xn--bcher-kva.example"),
        ("bücher.example", "xn--bcher-kva.example"),
        ("::ffff:7f00:1", "::ffff:7f00:1"),
        ("0:0:0:0:0:0:0:1", "::1"),
    ],
)
def test_hosts_are_normalised_as_the_connection_will_see_them(raw, host):
    assert normalised_host(raw) == host


@pytest.mark.parametrize(
    "raw",
    ["", "%2531.0.0.1", "exa mple.org", "exa%20mple.org", "a\x00b.org", "fe80::1%25eth0", "-x.org", "a..b"],
)
def test_hosts_that_are_not_plain_names_or_addresses_are_refused(raw):
    with pytest.raises(InvalidAddress):
        normalised_host(raw)


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org@127.0.0.1:{port}/ok",
        "http://user:pass@127.0.0.1:{port}/ok",
        "http://127.0.0.1:{port}\\@example.org/ok",
        "http://example.org:80\\@127.0.0.1:{port}/ok",
    ],
)
def test_user_names_and_backslashes_are_refused_even_where_private_addresses_are_allowed(web, url):
    result = check_url(url.format(port=web.port), allow_private=True, **FAST)
    assert (result.ok, result.attempts) == (False, 0)
    assert result.error.startswith("not a valid web address"), result.error
    assert sum(web.hits.values()) == 0


@pytest.mark.parametrize(
    "hop",
    [
        "http://127.0.0.2:{port}/ok",
        "http://%31%32%37.0.0.2:{port}/ok",
        "http://[::ffff:127.0.0.2]:{port}/ok",
        "http://2130706434:{port}/ok",  # 127.0.0.2 as one number
    ],
)
def test_every_redirect_hop_is_checked(web, other_loopback_web, hop):
    """Our server (allowed) redirects to another private address (not allowed): not followed."""
    hop = hop.format(port=other_loopback_web.port)
    result = check_url(web.url(f"/redirect?to={quote(hop, safe='')}"), allow_private=ONLY_OUR_SERVER, **FAST)
    assert result.error == f"skipped: redirects to a private address ({hop})"
    assert not result.ok and sum(other_loopback_web.hits.values()) == 0
    allowed = check_url(web.url(f"/redirect?to={quote(hop, safe='')}"), allow_private=True, **FAST)
    assert allowed.ok and other_loopback_web.hits["/ok"] == 1  # reachable: refused, not missed


def test_a_redirect_to_a_user_name_trick_is_refused(web):
    hop = f"http://example.org@127.0.0.1:{web.port}/ok"
    result = check_url(web.url(f"/redirect?to={quote(hop, safe='')}"), allow_private=ONLY_OUR_SERVER, **FAST)
    assert result.error.startswith("redirects to an address that cannot be checked: a user name")
    assert web.hits["/ok"] == 0


def test_redirects_are_followed_to_a_limit(web):
    result = check_url(web.url("/loop"), allow_private=ONLY_OUR_SERVER, **FAST)
    assert (result.ok, result.error) == (False, f"more than {MAX_REDIRECTS} redirects")
    assert web.hits["/loop"] == MAX_REDIRECTS + 1  # and no retry: a loop stays a loop


def test_the_connection_goes_to_the_checked_address_and_asks_for_the_links_host(web):
    """``toolkit.test`` resolves nowhere: the request can only have reached the address given."""
    address = ipaddress.ip_address("127.0.0.1")
    connection = PinnedHTTPConnection("toolkit.test", web.port, [address], timeout=2)
    try:
        connection.request("GET", "/ok")
        assert connection.getresponse().status == 200
    finally:
        connection.close()
    assert web.hosts == [f"toolkit.test:{web.port}"]


def test_tls_to_the_checked_address_still_checks_the_links_certificate(tls_web, trusting):
    address = ipaddress.ip_address("127.0.0.1")
    connection = PinnedHTTPSConnection("toolkit.test", tls_web.port, [address], 2, context=trusting)
    try:
        connection.request("HEAD", "/ok")
        assert connection.getresponse().status == 200
    finally:
        connection.close()
    assert tls_web.server_names == ["toolkit.test"] and tls_web.hosts == [f"toolkit.test:{tls_web.port}"]
    elsewhere = PinnedHTTPSConnection("elsewhere.test", tls_web.port, [address], 2, context=trusting)
    with pytest.raises(ssl.SSLCertVerificationError):
        elsewhere.request("HEAD", "/ok")
    elsewhere.close()


def test_https_links_are_followed_through_their_redirects(tls_web, trusting):
    status, final_url, first_redirect = fetch_once(
        tls_web.url("/moved", host="localhost"), "HEAD", 2, ONLY_OUR_SERVER, tls_context=trusting
    )
    assert (status, final_url, first_redirect) == (200, tls_web.url("/ok", host="localhost"), 301)
    assert tls_web.server_names == ["localhost", "localhost"]


def test_one_malformed_address_does_not_stop_the_others(web):
    urls = ["http://example.org:80\\@x/", "http://[::1/", "http://exa mple.org/", web.url("/ok")]
    results = check_urls(urls, workers=2, allow_private=ONLY_OUR_SERVER, **FAST)
    assert set(results) == set(urls)
    assert results[web.url("/ok")].ok
    for url in urls[:3]:
        assert not results[url].ok and results[url].error.startswith("not a valid web address"), results[url]
