"""Check web addresses concurrently, with timeouts and retries. No Django here.

Each address is asked for with ``HEAD`` (cheap); servers that refuse ``HEAD`` are asked again with
``GET``, reading none of the body. Redirects are followed and recorded. Timeouts, connection
failures and server errors (5xx, 429) are retried with a growing pause; a 4xx answer is final.

By default only addresses on the public internet are checked, so a link typed into a sheet (or
brought in by a WordPress import) cannot make the server probe its own network:

- the host is normalised first (percent-escapes undone, IDNA-encoded), and an address whose host
  is still not a plain host name or IP address, or that carries a user name, is refused as written;
- the host is resolved once, every address it resolves to must be public, and the connection goes
  to one of those very addresses (``PinnedHTTPConnection``), so a DNS answer that changes between
  the check and the connection (DNS rebinding) cannot send us elsewhere;
- redirects are followed here, not by urllib, and every hop is checked the same way.

``allow_private=True`` lifts the network rule for every address (``check_links --allow-private``);
a list of networks, such as ``["127.0.0.1/32"]``, lifts it for those alone (tests use a server on
127.0.0.1 and check that everything else stays refused).
"""

import http.client
import ipaddress
import re
import socket
import ssl
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

USER_AGENT = "CommunityPlanningToolkit-LinkChecker/1.0 (+checks links in our sheets)"
RETRY_STATUSES = {429, 500, 502, 503, 504}
HEAD_REFUSED = {400, 403, 405, 501}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 10
DEFAULT_PORTS = {"http": 80, "https": 443}
# What may be left of a host after normalising: DNS labels (letters, digits, hyphens; underscores
# appear in real names) joined by dots, or an IP address (checked apart).
HOST_NAME = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)(\.(?!-)[a-z0-9_-]{1,63}(?<!-))*\.?$")
# Characters a request path may keep as they are; anything else (spaces, non-ASCII) is escaped,
# as a browser would do.
PATH_SAFE = "/:@!$&'()*+,;=-._~%?"


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


class InvalidAddress(ValueError):
    """The address cannot be checked as written: a bad host, a user name in it, a bad port."""


class NotAWebAddress(InvalidAddress):
    """Not http or https (mailto:, ftp:, javascript:): nothing for a link checker to ask."""


class Refused(Exception):
    """An address on the way (the link itself or a redirect) was refused; ``__cause__`` says why."""

    def __init__(self, hop_url):
        super().__init__(hop_url)
        self.hop_url = hop_url


class TooManyRedirects(Exception):
    """More than ``MAX_REDIRECTS`` hops: a loop, or a chain no reader would follow."""


@dataclass(frozen=True)
class Target:
    """One web address taken apart into what a connection needs, with its host normalised."""

    scheme: str
    host: str  # ASCII: an IDNA-encoded name or an IP address, without brackets
    port: int
    request_path: str  # path and query, escaped, never empty


def normalised_host(raw):
    """The host as DNS and the connection will see it, or ``InvalidAddress``.

    urllib undoes percent-escapes before it connects (``%31%32%37.0.0.1`` is 127.0.0.1), so the
    check must look at the same host, not at the text as written. Whatever is left that is not a
    plain name or IP address (a second ``%``, spaces, a zone id) is refused rather than guessed at.
    """
    host = urllib.parse.unquote(raw or "").strip()
    if not host or "%" in host:
        raise InvalidAddress(f"not a valid host name: {raw!r}")
    try:
        return ipaddress.ip_address(host).compressed
    except ValueError:
        pass
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError as error:
        raise InvalidAddress(f"not a valid host name: {raw!r}") from error
    if not HOST_NAME.match(host):
        raise InvalidAddress(f"not a valid host name: {raw!r}")
    return host


def parse_target(url):
    """Take an http(s) address apart, refusing what a browser and urllib could read differently.

    A user name (``http://example.org@10.0.0.1/``) or a backslash in the authority is a classic
    way to make one parser see one host and the next another, and no useful link needs either.
    """
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise InvalidAddress(str(error)) from error
    if parts.scheme not in DEFAULT_PORTS or not parts.netloc:
        raise NotAWebAddress("not a web address (http or https)")
    if "@" in parts.netloc or "\\" in parts.netloc:
        raise InvalidAddress("a user name, password or backslash in the address")
    host = normalised_host(parts.hostname)
    path = urllib.parse.quote(parts.path or "/", safe=PATH_SAFE)
    query = urllib.parse.quote(parts.query, safe=PATH_SAFE)
    return Target(
        parts.scheme, host, port or DEFAULT_PORTS[parts.scheme], path + (f"?{query}" if query else "")
    )


def address_is_public(address):
    """Whether an IP address is on the public internet (an IPv4-mapped IPv6 address as its IPv4)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def address_allowed(address, allow_private):
    """``allow_private``: False (public only), True (anything) or a list of networks also allowed."""
    if allow_private is True or address_is_public(address):
        return True
    networks = [ipaddress.ip_network(network) for network in allow_private or ()]
    return any(address in network for network in networks if network.version == address.version)


def resolve_checked(target, allow_private):
    """Resolve the host once and return its addresses, if every one of them may be visited.

    The connection is then made to these addresses and no others (see ``PinnedHTTPConnection``).
    """
    infos = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos))
    refused = [address for address in addresses if not address_allowed(address, allow_private)]
    if refused or not addresses:
        raise NotPublic(f"{target.host} is {refused[0] if refused else 'nowhere'}")
    return addresses


def connect_to_any(addresses, port, timeout):
    """A socket to the first of the checked addresses that answers, as ``create_connection`` does."""
    last_error = OSError("no address to connect to")
    for address in addresses:
        try:
            return socket.create_connection((str(address), port), timeout)
        except OSError as error:
            last_error = error
    raise last_error


class PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to addresses resolved (and checked) beforehand, never resolving again.

    ``host`` stays the name of the link, so the ``Host`` header is the one the link asks for.
    """

    def __init__(self, host, port, addresses, timeout):
        super().__init__(host, port, timeout=timeout)
        self.addresses = addresses

    def connect(self):
        self.sock = connect_to_any(self.addresses, self.port, self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    """The HTTPS kind: TLS on a socket to a checked address, with SNI and the certificate check on
    the link's own host name (so a pinned address cannot weaken the certificate check)."""

    def __init__(self, host, port, addresses, timeout, context=None):
        super().__init__(host, port, timeout=timeout, context=context or ssl.create_default_context())
        self.addresses = addresses

    def connect(self):
        sock = connect_to_any(self.addresses, self.port, self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def request_once(target, addresses, method, timeout, tls_context=None):
    """One request to the checked addresses; returns ``(status, location)`` (location may be None)."""
    if target.scheme == "https":
        connection = PinnedHTTPSConnection(target.host, target.port, addresses, timeout, tls_context)
    else:
        connection = PinnedHTTPConnection(target.host, target.port, addresses, timeout)
    try:
        connection.request(method, target.request_path, headers={"User-Agent": USER_AGENT})
        response = connection.getresponse()
        return response.status, response.getheader("Location")
    finally:
        connection.close()  # never read the body: the status is all we need


def fetch_once(url, method, timeout, allow_private, tls_context=None):
    """Follow one address to its end; returns ``(status, final_url, first_redirect_status)``.

    Redirects are followed here, at most ``MAX_REDIRECTS`` of them, so that every hop's address is
    parsed, resolved and checked like the first one. ``HEAD`` stays ``HEAD`` after a redirect.
    """
    first_redirect_status = None
    for _hop in range(MAX_REDIRECTS + 1):
        try:
            target = parse_target(url)
            addresses = resolve_checked(target, allow_private)
        except (InvalidAddress, NotPublic) as error:
            raise Refused(url) from error
        status, location = request_once(target, addresses, method, timeout, tls_context)
        if status not in REDIRECT_STATUSES or not location:
            return status, url, first_redirect_status
        if first_redirect_status is None:
            first_redirect_status = status
        url = urllib.parse.urljoin(url, location.strip())
    raise TooManyRedirects(url)


def describe(error):
    """The reason for a failed request, in words an editor can act on."""
    if isinstance(error, (TimeoutError, socket.timeout)) or "timed out" in str(error):
        return "timed out"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, socket.gaierror):
        return "address not found (DNS)"
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"certificate not valid: {error.verify_message}"[:200]
    if isinstance(error, TooManyRedirects):
        return f"more than {MAX_REDIRECTS} redirects"
    return str(error)[:200] or error.__class__.__name__


def refusal(url, hop_url, error):
    """A result for an address (or a hop it redirects to) that the checker will not visit."""
    if isinstance(error, NotPublic):
        if hop_url == url:
            return LinkResult(url, error="skipped: a private or local network address", attempts=0)
        return LinkResult(url, error=f"skipped: redirects to a private address ({hop_url})")
    if hop_url == url:
        return LinkResult(url, error=f"not a valid web address: {error}"[:300], attempts=0)
    return LinkResult(url, error=f"redirects to an address that cannot be checked: {error}"[:300])


def check_url(url, timeout=10.0, retries=2, backoff=0.5, allow_private=False, sleep=time.sleep):
    """Check one address; never raises, so one bad address cannot stop a whole run."""
    try:
        return check_url_with_retries(url, timeout, retries, backoff, allow_private, sleep)
    except Exception as error:  # noqa: BLE001 - recorded as this link's problem; the rest go on
        return LinkResult(url, error=f"could not be checked: {describe(error)}"[:300])


def check_url_with_retries(url, timeout, retries, backoff, allow_private, sleep):
    try:
        parse_target(url)
    except NotAWebAddress as error:
        return LinkResult(url, error=str(error), attempts=0)
    except InvalidAddress as error:
        return refusal(url, url, error)
    attempt = 0
    while True:
        attempt += 1
        try:
            status, final_url, redirect_status = fetch_once(url, "HEAD", timeout, allow_private)
            if status in HEAD_REFUSED:
                status, final_url, redirect_status = fetch_once(url, "GET", timeout, allow_private)
        except Refused as refused:
            return refusal(url, refused.hop_url, refused.__cause__)
        except TooManyRedirects as error:
            return LinkResult(url, error=describe(error), attempts=attempt)  # a loop stays a loop
        except (OSError, http.client.HTTPException) as error:
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
            result = future.result()  # check_url never raises
            results[result.url] = result
            if on_result:
                on_result(result)
    return results
