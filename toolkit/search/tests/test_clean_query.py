"""The query cleaner is pure Python: what a reader types never reaches the backend as syntax."""

import pytest

from toolkit.search.query import MAX_QUERY_CHARS, MAX_QUERY_WORDS, clean_query


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("neighbourhood plan", "neighbourhood plan"),
        ('"section 106"', "section 106"),
        ("plan*", "plan"),
        ("title:plan", "title plan"),
        ("cil & s106 | acv !", "cil s106 acv"),
        ("residents' rights", "residents rights"),
        ("o'clock", "o'clock"),
        ("co-operative", "co-operative"),
        ("🏠 housing 🏠", "housing"),
        ("'; DROP TABLE wagtailcore_page; --", "DROP TABLE wagtailcore page"),
        ("NEAR(plan survey)", "NEAR plan survey"),
        ("   ", ""),
        ("*:&|!'\"", ""),
        ("café société", "café société"),
        ("ｐｌａｎ", "plan"),  # full-width letters are normalised
    ],
)
def test_clean_query(raw, expected):
    assert clean_query(raw)[0] == expected


def test_long_queries_are_trimmed_and_flagged():
    query, trimmed = clean_query("planning " * 2000)
    assert trimmed
    assert len(query) <= MAX_QUERY_CHARS
    assert len(query.split()) == MAX_QUERY_WORDS


def test_short_queries_are_not_flagged():
    assert clean_query("parish council") == ("parish council", False)
