"""Every public address and page, with hostile query strings, paths, methods and headers.

Each answer is below 500, in the site's design, without a traceback or the input's markup, and
the log has no error for it (see ``answers``).
"""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from . import strategies as hostile
from .answers import check_answer, check_log
from .conftest import examples
from .targets import all_addresses

pytestmark = pytest.mark.django_db

METHODS = ("GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE")
CONTENT_TYPES = (
    "application/x-www-form-urlencoded",
    "application/json",
    "multipart/form-data",  # without a boundary
    "multipart/form-data; boundary=x",
    "text/plain",
    "application/xml",
    "",
    "text/html; charset=utf-99",
)
header_value = hostile.short_text.map(hostile.without_surrogates).map(
    lambda text: text.encode("utf-8").decode("latin-1")  # what WSGI hands Django for non-ASCII bytes
)
headers = st.dictionaries(
    st.sampled_from(
        [
            "HTTP_ACCEPT",
            "HTTP_ACCEPT_LANGUAGE",
            "HTTP_COOKIE",
            "HTTP_REFERER",
            "HTTP_ORIGIN",
            "HTTP_IF_NONE_MATCH",
            "HTTP_IF_MODIFIED_SINCE",
            "HTTP_RANGE",
            "HTTP_X_FORWARDED_FOR",
            "HTTP_X_FORWARDED_PROTO",
            "HTTP_SEC_FETCH_SITE",
            "HTTP_USER_AGENT",
        ]
    ),
    st.one_of(header_value, st.sampled_from(["sessionid=" + "x" * 40, "csrftoken=;;;", "bytes=9-1", "*"])),
    max_size=3,
)


def send(client, method, path, body, content_type, extra):
    if method in ("GET", "HEAD", "OPTIONS", "TRACE", "DELETE"):
        return client.generic(method, path, **extra)
    return client.generic(method, path, data=body, content_type=content_type, **extra)


@examples(60)
@given(data=st.data())
def test_every_address_with_hostile_query_strings_methods_and_headers(site, reader, caplog, data):
    path, parameters = data.draw(st.sampled_from(all_addresses(site)), label="address")
    query = data.draw(hostile.raw_query(list(parameters) or ["q", "page"]), label="query")
    method = data.draw(st.sampled_from(METHODS), label="method")
    body = data.draw(hostile.form_text, label="body").encode()
    content_type = data.draw(st.sampled_from(CONTENT_TYPES), label="content type")
    extra = data.draw(headers, label="headers")
    target = f"{path}?{query}"
    response = send(reader(), method, target, body, content_type, extra)
    check_answer(response, f"{method} {target[:300]}")
    check_log(caplog, target[:300])


@examples(40)
@given(data=st.data())
def test_every_address_with_a_hostile_path_after_it(site, reader, caplog, data):
    path, _ = data.draw(st.sampled_from(all_addresses(site)), label="address")
    tail = data.draw(hostile.path_tail, label="tail")
    target = path.rstrip("/") + "/" + tail
    response = reader().get(target)
    check_answer(response, f"GET {target[:300]}")
    check_log(caplog, target[:300])


def id_parameters(site):
    """Each address with each parameter it reads that holds an id, a page number or a slug."""
    return [
        (path, name)
        for path, parameters in all_addresses(site)
        for name in parameters
        if name
        in ("page", "sheet", "topic", "p", "page_id", "cat", "tag", "attachment_id", "section", "audience")
    ]


@examples(3)
@given(value=hostile.hostile_number)
@example(value="²")  # str.isdigit() says yes, int() says no
@example(value="99999999999999999999")  # 20 digits: overflows SQLite's integer
def test_numbers_in_every_parameter_that_reads_one(site, reader, caplog, value):
    """Every parameter that names an id or a page number, alone, with the worst numbers."""
    for path, name in id_parameters(site):
        target = f"{path}?{name}={hostile.encoded(value)}"
        response = reader().get(target)
        check_answer(response, target[:300])
    check_log(caplog, value[:100])
