"""Keyword search over live sheets, made safe for whatever a reader types.

Wagtail's search backend finds the matches and scores them (SQLite FTS5, PostgreSQL full-text with
stemming, or Elasticsearch). Backends differ in how far they honour field boosts (SQLite's index
has only a title and a body column), so the order readers see is settled here, the same on every
backend: sheets whose title holds every word first, then those whose summary does, then the rest,
each tier in the backend's own order.
"""

import re
import unicodedata

from toolkit.sheets.models import SheetPage

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 12
# Letters and digits in any script, plus apostrophes and hyphens inside words.
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)


def clean_query(raw):
    """The words of a query, without operators, symbols or control characters, and its length capped.

    Returns ``(query, was_trimmed)``. ``'"cil" OR s106*: & | ! 🏠'`` becomes ``'cil OR s106'``:
    quotes, wildcards, colons and emoji are not syntax for us, just noise.
    """
    text = unicodedata.normalize("NFKC", raw or "")
    words = WORD.findall(text)
    trimmed = len(text) > MAX_QUERY_CHARS or len(words) > MAX_QUERY_WORDS
    words = [word.replace("’", "'") for word in words[:MAX_QUERY_WORDS]]
    query = " ".join(words)[:MAX_QUERY_CHARS].strip()
    return query, trimmed


# Words too common to tell titles apart; they still take part in the backend's matching.
TIER_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "do",
        "for",
        "from",
        "how",
        "i",
        "in",
        "is",
        "it",
        "my",
        "of",
        "on",
        "or",
        "the",
        "to",
        "what",
    ]
)


def words_of(text):
    return [word.lower() for word in WORD.findall(text or "")]


def covers(query_words, text):
    """Whether every query word starts a word of ``text`` or is started by one ("plan" ~ "planning")."""
    text_words = words_of(text)
    return all(any(t.startswith(q) or q.startswith(t) for t in text_words) for q in query_words)


def tier(sheet, query_words):
    if covers(query_words, sheet.title):
        return 0
    if covers(query_words, sheet.summary):
        return 1
    return 2


def search_sheet_ids(query):
    """The ids of live, public sheets matching the query, best first."""
    if not query:
        return []
    matches = SheetPage.objects.live().public().only("id", "title", "summary").search(query, operator="and")
    query_words = [word for word in words_of(query) if word not in TIER_STOP_WORDS] or words_of(query)
    ranked = sorted(enumerate(matches), key=lambda item: (tier(item[1], query_words), item[0]))
    return [sheet.pk for _, sheet in ranked]


def sheets_in_order(ids):
    """Listing rows for these sheet ids, in the same order, in one query."""
    found = SheetPage.objects.listing().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]
