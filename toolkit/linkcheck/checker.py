"""Check web addresses concurrently, with timeouts and retries. No Django here.

Each address is asked for with ``HEAD`` (cheap); servers that refuse ``HEAD`` are asked again with
``GET``, reading none of the body. Redirects are followed and recorded. Timeouts, connection
failures and server errors (5xx, 429) are retried with a growing pause; a 4xx answer is final.

By default only addresses on the public internet are checked, so a link typed into a sheet cannot
make the server probe its own network; ``allow_private=True`` lifts that (tests use a server on
127.0.0.1).
"""

import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

USER_AGENT = "CommunityPlanningToolkit-LinkChecker/1.0 (+checks links in our sheets)"
RETRY_STATUSES = {429, 500, 502, 503, 504}
HEAD_REFUSED = {400, 403, 405, 501}


@dataclass(frozen=True)
class LinkResult:
    url: str
    status: int | None = None  # the final HTTP status, None when no answer came
    error: str = ""  # why there was no usable answer
    final_url: str = ""  # where redirects ended, when they did
    redirect_status: int | None = None  # the first redirect's status (301, 302, ...)
    attempts: int = 1

    @property
    def ok(self):
        return self.status is not None and self.status < 400

    @property
    def moved_permanently(self):
        return self.redirect_status in (301, 308)


class NotPublic(Exception):
    """The address points inside a private network, which the checker will not visit."""


def host_is_public(host):
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        return True  # the request itself will fail with a clear "cannot resolve" error
    return all(ipaddress.ip_address(info[4][0].split("%")[0]).is_global for info in infos)


class RecordingRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows redirects like urllib does, remembering the first redirect status."""

    def __init__(self, allow_private):
        self.allow_private = allow_private
        self.first_status = None

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if self.first_status is None:
            self.first_status = code
        if not self.allow_private and not host_is_public(urllib.parse.urlsplit(newurl).hostname or ""):
            raise NotPublic(newurl)
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.method = req.get_method()  # keep HEAD as HEAD after a redirect
        return new


def fetch_once(url, method, timeout, allow_private):
    """One request; returns ``(status, final_url, first_redirect_status)`` or raises."""
    handler = RecordingRedirectHandler(allow_private)
    opener = urllib.request.build_opener(handler)
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.geturl(), handler.first_status
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.geturl() or url, handler.first_status


def describe(error):
    reason = getattr(error, "reason", error)
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return "timed out"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "address not found (DNS)"
    return str(reason)[:200] or reason.__class__.__name__


def check_url(url, timeout=10.0, retries=2, backoff=0.5, allow_private=False, sleep=time.sleep):
    """Check one address; never raises."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return LinkResult(url, error="not a web address (http or https)", attempts=0)
    if not allow_private and not host_is_public(parts.hostname):
        return LinkResult(url, error="skipped: a private or local network address", attempts=0)
    attempt = 0
    while True:
        attempt += 1
        try:
            status, final_url, redirect_status = fetch_once(url, "HEAD", timeout, allow_private)
            if status in HEAD_REFUSED:
                status, final_url, redirect_status = fetch_once(url, "GET", timeout, allow_private)
        except NotPublic as blocked:
            return LinkResult(
                url, error=f"skipped: redirects to a private address ({blocked})", attempts=attempt
            )
        except (urllib.error.URLError, OSError, ValueError) as error:
            result = LinkResult(url, error=describe(error), attempts=attempt)
        else:
            result = LinkResult(
                url,
                status=status,
                final_url=final_url if final_url != url else "",
                redirect_status=redirect_status,
                attempts=attempt,
            )
            if status not in RETRY_STATUSES:
                return result
        if attempt > retries:
            return result
        sleep(backoff * 2 ** (attempt - 1))


def check_urls(urls, workers=8, on_result=None, **options):
    """Check many addresses at once, ``workers`` at a time; returns ``{url: LinkResult}``.

    ``on_result(result)`` is called as each one finishes (for a progress bar).
    """
    results = {}
    unique = list(dict.fromkeys(urls))
    if not unique:
        return results
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(unique)))) as pool:
        futures = {pool.submit(check_url, url, **options): url for url in unique}
        for future in as_completed(futures):
            result = future.result()
            results[result.url] = result
            if on_result:
                on_result(result)
    return results
