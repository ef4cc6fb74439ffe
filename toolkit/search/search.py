"""Sheet search: from what a reader typed to ranked, faceted results.

Wagtail's search backend finds the matches (SQLite FTS5 with Porter stemming, PostgreSQL full-text
with English stemming and weights, or Elasticsearch/OpenSearch by a settings change). This module
adds what readers of jargon-heavy guidance need on any backend:

- stop words are dropped and synonyms/acronyms (editable in the admin) are expanded;
- if no sheet has every word, sheets with some of them are shown, and the page says so;
- results are ordered the same everywhere: editors' promoted sheets, then sheets whose title,
  term or other names hold every word, then whose summary does, then the rest in backend order;
- unknown words get a "Did you mean ...?" suggestion, never a silent correction.
"""

import hashlib
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from wagtail.contrib.search_promotions.models import Query
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, Or, Phrase, PlainText

from toolkit.core.cache import remember
from toolkit.core.in_order import in_order
from toolkit.glossary.glossary import current_glossary
from toolkit.sheets.models import DefinitionSheetPage, MethodSheetPage, SheetPage

from .models import SynonymGroup
from .query import (
    clean_query,
    content_words,
    coverage,
    find_units,
    names_exactly,
    suggest_spelling,
    synonym_index,
    words_of,
)

__all__ = ["SearchOutcome", "clean_query", "run_search", "sheets_in_order"]


@dataclass
class SearchOutcome:
    query: str = ""
    trimmed: bool = False
    ids: list = field(default_factory=list)
    units: list = field(default_factory=list)
    matched_all_words: bool = True
    suggestion: str | None = None
    promoted_ids: list = field(default_factory=list)
    showing_suggestion: bool = False


def cached(name, build):
    """A value built from the published content, rebuilt whenever the content version changes."""
    return remember(f"search:{name}", build)


def synonyms():
    return cached(
        "synonyms", lambda: synonym_index([group.term_list() for group in SynonymGroup.objects.all()])
    )


def vocabulary():
    """Every word in the search index of live, public sheets (titles, summaries, bodies...), plus
    the synonyms. Only those: the index also holds drafts that were never published and sheets
    behind a login or password, and "Did you mean" must not tell a reader the words in them."""

    def build():
        sheet_types = [
            ContentType.objects.get_for_model(model).pk for model in (DefinitionSheetPage, MethodSheetPage)
        ]
        public_ids = [str(pk) for pk in SheetPage.objects.live().public().values_list("pk", flat=True)]
        words = set()
        entries = IndexEntry.objects.filter(content_type_id__in=sheet_types, object_id__in=public_ids)
        for title, body in entries.values_list("title", "body"):
            words.update(words_of(title))
            words.update(words_of(body))
        for term in synonyms():
            words.update(term.split())
        return words

    return cached("vocabulary", build)


def other_names_subquery():
    return Subquery(DefinitionSheetPage.objects.filter(pk=OuterRef("pk")).values("other_names")[:1])


def backend_query(units, operator):
    """Wagtail search query objects: each unit is an OR of its forms; units joined by ``operator``."""
    parts = []
    for unit in units:
        forms = [Phrase(form) if " " in form else PlainText(form) for form in unit.all_forms()]
        parts.append(forms[0] if len(forms) == 1 else Or(forms))
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)


def glossary_sheet_ids(units):
    """Sheets the glossary names for the query: "NPPF" is a glossary term whose sheet explains it."""
    return {
        entry.sheet_id
        for entry in current_glossary().entries
        if entry.sheet_id and any(names_exactly(units, name) for name in (entry.term, *entry.aliases))
    }


def field_score(sheet, units, named_by_glossary=frozenset()):
    """How well the title (or a definition's term and other names) and the summary fit the query.

    An exact title is best, or a glossary term the query names whose sheet this is; then the
    share of the reader's words found in the title, counted above the share found in the
    summary. Sheets that tie keep the backend's relevance order.
    """
    names = [sheet.title, *(sheet.names or "").split(",")]
    exact = sheet.pk in named_by_glossary or any(names_exactly(units, name) for name in names if name.strip())
    return (
        10 * exact
        + 3 * max(coverage(units, sheet.title), coverage(units, sheet.names or ""))
        + 2 * coverage(units, sheet.summary)
    )


RERANK_TOP = 100  # the backend's best matches that are re-ordered by title and summary


def ranked_ids(units, operator):
    """Ids of every match: the backend's top ``RERANK_TOP`` re-ordered by ``field_score``, then the rest.

    Re-ordering only the head keeps a search that matches most of a large library fast, and the
    sheets whose titles match are always near the backend's top (titles weigh most there too).
    """
    matches = list(
        SheetPage.objects.live()
        .public()
        .annotate(names=other_names_subquery())
        .only("id", "title", "summary")
        .search(backend_query(units, operator))
    )
    named = glossary_sheet_ids(units)
    head = sorted(
        enumerate(matches[:RERANK_TOP]), key=lambda item: (-field_score(item[1], units, named), item[0])
    )
    return [sheet.pk for _, sheet in head] + [sheet.pk for sheet in matches[RERANK_TOP:]]


def promoted_sheet_ids(query):
    """Sheets that editors promoted for this exact query (Wagtail's search promotions)."""
    found = Query.objects.filter(query_string=query.lower()).first()
    if not found:
        return []
    live = set(SheetPage.objects.live().public().values_list("pk", flat=True))
    return [pick.page_id for pick in found.editors_picks.all() if pick.page_id in live]


def find(query):
    """Ranked ids for a cleaned query: every word if possible, else any word.

    Kept in the cache until the content changes, since readers repeat the same searches.
    """

    def build():
        units = find_units(content_words(words_of(query)), synonyms())
        ids = ranked_ids(units, "and")
        matched_all = True
        if not ids and len(units) > 1:
            ids = ranked_ids(units, "or")
            matched_all = not ids
        return units, ids, matched_all

    return cached("find:" + hashlib.sha256(query.encode()).hexdigest(), build)


def run_search(raw):
    query, trimmed = clean_query(raw)
    outcome = SearchOutcome(query=query, trimmed=trimmed)
    if not query:
        return outcome
    outcome.units, outcome.ids, outcome.matched_all_words = find(query)
    outcome.suggestion = suggest_spelling(words_of(query), vocabulary())
    if not outcome.ids and outcome.suggestion:
        # Show what the reader most likely meant, and say so (the page offers the original too).
        outcome.units, outcome.ids, outcome.matched_all_words = find(outcome.suggestion)
        outcome.showing_suggestion = bool(outcome.ids)
    outcome.promoted_ids = promoted_sheet_ids(query)
    if outcome.promoted_ids:
        promoted = set(outcome.promoted_ids)
        outcome.ids = outcome.promoted_ids + [pk for pk in outcome.ids if pk not in promoted]
    return outcome


def sheets_in_order(ids):
    """Listing rows for these sheet ids, in the same order, in one query."""
    return in_order(SheetPage.objects.listing(), ids)
