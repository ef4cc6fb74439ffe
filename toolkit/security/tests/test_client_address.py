"""Who the client is behind a proxy: one answer for rate limits and the login lockout (#15)."""

import pytest
from django.test import RequestFactory

from toolkit.core.ratelimit import client_address
from toolkit.security.axes import client_ip

PROXY = "127.0.0.1"  # the shipped stack: nginx and Varnish on the same machine as gunicorn
READER = "203.0.113.7"


def request_from(remote, **headers):
    meta = {"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **meta)


def test_without_a_header_setting_the_connection_is_the_client(settings):
    settings.CLIENT_IP_HEADER = ""
    assert client_address(request_from(READER, x_real_ip="198.51.100.1")) == READER


def test_x_real_ip_is_believed_from_a_trusted_proxy(settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    assert client_address(request_from(PROXY, x_real_ip=READER)) == READER
    assert client_ip(request_from(PROXY, x_real_ip=READER)) == READER  # django-axes asks the same


def test_x_real_ip_from_anyone_else_is_ignored(settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    assert client_address(request_from(READER, x_real_ip="198.51.100.1")) == READER


def test_a_header_that_is_not_an_address_is_ignored(settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    assert client_address(request_from(PROXY, x_real_ip="not-an-address")) == PROXY


def test_x_forwarded_for_takes_the_rightmost_address_that_is_not_a_proxy(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1", "10.0.0.0/8"]
    # The reader made up the first value; nginx (10.0.0.2) appended the reader; the load balancer
    # appended nginx.
    forwarded = f"198.51.100.99, {READER}, 10.0.0.2"
    assert client_address(request_from(PROXY, x_forwarded_for=forwarded)) == READER


@pytest.mark.parametrize("made_up", ["198.51.100.1", "198.51.100.2", "garbage", "127.0.0.1"])
def test_a_client_cannot_choose_its_address_with_x_forwarded_for(settings, made_up):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    forwarded = f"{made_up}, {READER}"
    assert client_address(request_from(PROXY, x_forwarded_for=forwarded)) == READER


def test_x_forwarded_for_from_an_untrusted_connection_is_ignored(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    assert client_address(request_from(READER, x_forwarded_for="198.51.100.1")) == READER


def test_when_every_hop_is_a_proxy_the_nearest_is_the_client(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    assert client_address(request_from(PROXY, x_forwarded_for="garbage, ::1")) == "::1"


def test_a_bad_trusted_proxies_entry_trusts_nothing_more_and_does_not_error(settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    settings.TRUSTED_PROXIES = ["not-a-network"]
    assert client_address(request_from(PROXY, x_real_ip=READER)) == PROXY
