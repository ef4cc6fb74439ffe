"""Hostile values for the fuzz suite: what scanners, broken clients and curious readers send.

Every text strategy can carry a markup marker (``<script>fuzz…</script>``-like) so a test can tell
whether the input came back unescaped; ``MARKER_RE`` finds such a marker in any text. Query
strings and paths are built as raw strings so they can hold what a browser never sends: broken
percent-encoding, invalid UTF-8 bytes, encoded lone surrogates and NUL.
"""

import re
import string
from urllib.parse import quote

from hypothesis import strategies as st

MEGABYTE = 1024 * 1024

# Markup that must never come back as it was sent. Each carries a number so the check finds the
# one a test sent, not another one; the check looks for the opening tag, which escaping breaks.
MARKER_TEMPLATES = (
    "<script>fuzz{n}</script>",
    '"><img src=x onerror=fuzz{n}>',
    "'><svg onload=fuzz{n}>",
    "<a href=javascript:fuzz{n}>x</a>",
)
MARKER_RE = re.compile(r"<(?:script|img|svg|a)[ >][^<]{0,40}fuzz\d+")

HUGE_NUMBERS = (
    "99999999999999999999",  # 20 digits: over 64 bits
    "18446744073709551616",  # 2**64
    "9223372036854775808",  # 2**63: one over PostgreSQL's bigint
    "2147483648",  # 2**31: one over PostgreSQL's integer
    "-9223372036854775809",
    "-1",
    "0",
    "00000000000000000001",
    "1e309",
    "NaN",
    "Infinity",
    "0x10",
    "1_000",
    " 1",
    "1 ",
    "+1",
    "1.5",
)
# Characters that str.isdigit() accepts but int() refuses (and some int() accepts: Arabic-Indic).
ODD_DIGITS = ("²", "¹²", "①", "𝟙", "١٢", "߁", "٣" * 20)
CONTROL = tuple(chr(c) for c in (*range(0, 32), 127)) + ("\x85", "\u2028", "\u2029", "\ufeff", "\ufffe")
BIDI_AND_COMBINING = (
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "\u2066",  # left-to-right isolate
    "e\u0301",  # e and a combining acute
    "Z\u0336\u0337\u0338" * 20,  # stacked combining marks
    "\u200b",  # zero-width space
    "שכונה",
    "حي",
)
EMOJI = ("💩", "👩‍👩‍👧‍👦", "🏳️‍🌈", "\U0001f1ec\U0001f1e7", "🧑🏽‍💻")
WORDS = ("neighbourhood", "plan", "council", "survey", "forum", "a", "the", "", " ", "*", "%", "_", '"', "'")
TRICKS = (
    "' OR 1=1 --",
    "../../../../etc/passwd",
    "..%2f..%2f",
    "{{ 7*7 }}",
    "{% debug %}",
    "${7*7}",
    "\\",
    "//evil.example/",
    "http://evil.example/",
    "javascript:alert(1)",
    "&amp;&lt;",
    "AND NOT OR NEAR",
    '"unclosed',
    "(((((((((",
    "-" * 50,
)


def marker(n):
    return st.sampled_from(MARKER_TEMPLATES).map(lambda template: template.format(n=n))


markers = st.integers(min_value=0, max_value=999).flatmap(marker)
pieces = st.one_of(
    st.sampled_from(HUGE_NUMBERS),
    st.sampled_from(ODD_DIGITS),
    st.sampled_from(CONTROL),
    st.sampled_from(BIDI_AND_COMBINING),
    st.sampled_from(EMOJI),
    st.sampled_from(WORDS),
    st.sampled_from(TRICKS),
    markers,
    st.text(max_size=8),  # anything Unicode, lone surrogates included
)


def without_surrogates(text):
    """Lone surrogates cannot be encoded as UTF-8: a real client sends them as bytes instead
    (see ``raw_query``), so form fields and headers get the replacement character."""
    return text.encode("utf-8", "replace").decode("utf-8")


short_text = st.one_of(
    st.lists(pieces, min_size=1, max_size=6).map("".join), st.sampled_from(HUGE_NUMBERS + ODD_DIGITS)
)
hostile_text = st.one_of(
    short_text,
    st.just("x" * MEGABYTE),  # a 1 MB field
    st.just("<script>fuzz1</script>" * (MEGABYTE // 22)),
)
form_text = hostile_text.map(without_surrogates)
hostile_number = st.one_of(
    st.sampled_from(HUGE_NUMBERS + ODD_DIGITS),
    st.sampled_from(HUGE_NUMBERS + ODD_DIGITS),
    st.integers().map(str),
    st.integers(min_value=10**19, max_value=10**30).map(str),  # 20-digit and longer ids
    short_text.map(without_surrogates),
)

# Raw bytes as a client may put them in a URL: invalid UTF-8, an encoded lone surrogate, an
# overlong slash, and broken percent-escapes.
BROKEN_ESCAPES = (
    "%",
    "%z",
    "%zz",
    "%ff",
    "%fe%ff",
    "%c0%af",
    "%ed%a0%80",
    "%e2%82",
    "%00",
    "%%",
    "%2",
    "+%+",
)


def encoded(text):
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


raw_piece = st.one_of(st.sampled_from(BROKEN_ESCAPES), short_text.map(encoded))
huge_raw_value = st.just(encoded("x" * MEGABYTE))
small_raw_value = st.lists(raw_piece, min_size=0, max_size=4).map("".join)
raw_value = st.one_of(small_raw_value, huge_raw_value)


def raw_query(names, values=raw_value):
    """A query string naming ``names`` (the parameters a view reads) and made-up ones, each
    possibly repeated, with values that may be broken percent-encoding or invalid UTF-8."""
    name = st.one_of(st.sampled_from(names), small_raw_value, st.sampled_from(["", "%", "q[]", "page[0]"]))
    pair = st.tuples(name, values, st.sampled_from(["=", "", "=="]))
    separator = st.sampled_from(["&", ";", "&&"])
    return st.tuples(st.lists(pair, min_size=1, max_size=6), separator).map(
        lambda args: args[1].join(f"{n}{eq}{v}" for n, v, eq in args[0])
    )


# A path segment: what a reader may type or a scanner try after a real address.
path_segment = st.one_of(
    st.sampled_from(BROKEN_ESCAPES),
    st.sampled_from(["..", ".", "%2e%2e", "print", "email", "pdf", "index.php", "wp-login.php", ".env"]),
    st.text(alphabet=string.ascii_letters + string.digits + "-_", min_size=1, max_size=30),
    st.sampled_from(HUGE_NUMBERS).map(encoded),
    short_text.map(encoded),
)
path_tail = (
    st.lists(path_segment, min_size=1, max_size=3)
    .map("/".join)
    .flatmap(
        lambda tail: st.sampled_from([tail, tail + "/", tail + ".pdf", tail + "/print/", tail + "/email/"])
    )
)
