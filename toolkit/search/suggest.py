"""Search-as-you-type: sheet titles (and other names) and glossary terms that match what is typed.

The candidates are a small list (one row per sheet or term) built once per content version and
kept in the cache, so answering a keystroke is a scan of a few hundred strings in memory.
"""

from urllib.parse import urlencode

from django.urls import reverse

from toolkit.glossary.models import GlossaryPage, Term
from toolkit.sheets.models import DefinitionSheetPage, SheetPage

from .query import clean_query, suggest_spelling, words_of
from .search import cached, vocabulary

MAX_SUGGESTIONS = 8


def candidates():
    def build():
        rows = []
        names = dict(DefinitionSheetPage.objects.live().values_list("pk", "other_names"))
        for sheet in SheetPage.objects.live().public().listing().order_by("title"):
            rows.append(
                {
                    "label": sheet.title,
                    "url": sheet.url,
                    "kind": f"{sheet.kind_label} sheet",
                    "match": " ".join(words_of(f"{sheet.title} {names.get(sheet.pk, '')}")),
                }
            )
        rows += glossary_candidates()
        return rows

    return cached("suggest", build)


def glossary_candidates():
    """Glossary terms as suggestions (each opens at its place on the glossary page)."""
    glossary = GlossaryPage.objects.live().first()
    if glossary is None:
        return []
    return [
        {
            "label": term.term,
            "url": f"{glossary.url}#term-{term.slug}",
            "kind": "Glossary term",
            "match": " ".join(words_of(" ".join([term.term, *term.alias_list()]))),
        }
        for term in Term.objects.all()
    ]


def matching(words):
    starts, contains = [], []
    for row in candidates():
        match_words = row["match"].split()
        if all(any(m.startswith(w) for m in match_words) for w in words):
            (starts if row["match"].startswith(words[0]) else contains).append(row)
    return [{key: row[key] for key in ("label", "url", "kind")} for row in starts + contains]


def suggestions(raw):
    """Up to eight titles and terms for what is typed; for a typo, first a search for the likely word."""
    query, _ = clean_query(raw)
    words = words_of(query)
    if not words or len(query) < 2:
        return []
    rows = matching(words)
    if not rows:
        corrected = suggest_spelling(words, vocabulary())
        if corrected:
            search_row = {
                "label": f"Search for “{corrected}”",
                "url": reverse("search:search") + "?" + urlencode({"q": corrected}),
                "kind": "Did you mean",
            }
            rows = [search_row] + matching(corrected.split())
    return rows[:MAX_SUGGESTIONS]
