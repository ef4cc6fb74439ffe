"""Keyword search over live sheets, made safe for whatever a reader types.

Wagtail's database backend does the work (SQLite FTS5, or PostgreSQL full-text with stemming and
weights): titles count most, then summaries, then bodies (see ``SheetPage.search_fields``). This
module only cleans the query so that operators and odd characters can never reach the backend's
parser as syntax.
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


def search_sheets(query):
    """Live, public sheets matching every word of the query, best first."""
    if not query:
        return SheetPage.objects.none()
    return SheetPage.objects.live().public().listing().search(query, operator="and")
