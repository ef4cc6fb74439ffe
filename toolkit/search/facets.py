"""Facets for search results: sheet kind, section, topic and audience, with counts.

Filters live in the URL (``?q=plan&kind=method&topic=surveys``) so a filtered search can be
bookmarked and shared; each facet takes one value, and any facet can be cleared with one link.
Values that are not real (a typo, an old bookmark) are ignored and reported, never an error.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.db.models.functions import Substr
from wagtail.models import Page

from toolkit.sheets.models import DefinitionSheetPage, MethodSheetPage, SectionPage, SheetPage
from toolkit.taxonomy.models import Audience, Topic

FACETS = ("kind", "section", "topic", "audience")
KINDS = {"definition": DefinitionSheetPage, "method": MethodSheetPage}
MAX_VALUE = 80


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)


VALID_VALUES = {
    "kind": lambda: set(KINDS),
    "section": lambda: set(SectionPage.objects.live().values_list("slug", flat=True)),
    "topic": lambda: set(Topic.objects.values_list("slug", flat=True)),
    "audience": lambda: set(Audience.objects.values_list("slug", flat=True)),
}


def read_filters(params):
    """The facet values asked for, and the ones we could not make sense of."""
    chosen, ignored = {}, []
    for name in FACETS:
        value = params.get(name, "").strip()[:MAX_VALUE]
        if not value:
            continue
        if value in VALID_VALUES[name]():
            chosen[name] = value
        else:
            ignored.append((name, value))
    return chosen, ignored


def section_prefix_length():
    return Page.steplen * 3  # root / home / section


def apply_filters(ids, chosen):
    """The ids (kept in order) that pass every chosen facet."""
    if not chosen:
        return ids
    queryset = SheetPage.objects.filter(pk__in=ids)
    if "kind" in chosen:
        queryset = queryset.filter(pk__in=KINDS[chosen["kind"]].objects.values("pk"))
    if "section" in chosen:
        section = SectionPage.objects.live().get(slug=chosen["section"])
        queryset = queryset.filter(path__startswith=section.path)
    if "topic" in chosen:
        queryset = queryset.filter(topics__slug=chosen["topic"])
    if "audience" in chosen:
        queryset = queryset.filter(audiences__slug=chosen["audience"])
    keep = set(queryset.values_list("pk", flat=True))
    return [pk for pk in ids if pk in keep]


def build_facets(ids, chosen, query):
    """Facet options with counts over the current results, each linking to itself toggled."""
    base = {"q": query} | chosen

    def url(name, value):
        params = dict(base)
        if chosen.get(name) == value:
            params.pop(name)
        else:
            params[name] = value
        return "?" + urlencode(params)

    def options(name, rows):
        return [
            FacetOption(value, label, count, chosen.get(name) == value, url(name, value))
            for value, label, count in rows
            if count
        ]

    sheets = SheetPage.objects.filter(pk__in=ids)
    kinds = Counter(sheets.values_list("content_type__model", flat=True))
    kind_rows = [
        ("definition", "Definition sheets", kinds.get("definitionsheetpage", 0)),
        ("method", "Method sheets", kinds.get("methodsheetpage", 0)),
    ]
    prefixes = Counter(
        sheets.annotate(prefix=Substr("path", 1, section_prefix_length())).values_list("prefix", flat=True)
    )
    section_rows = [
        (section.slug, section.title, prefixes.get(section.path, 0))
        for section in SectionPage.objects.live().order_by("path")
    ]
    topic_rows = [
        (topic.slug, topic.name, topic.n)
        for topic in Topic.objects.filter(sheets__in=ids).annotate(n=Count("sheets")).order_by("-n", "name")
    ]
    audience_rows = [
        (audience.slug, audience.name, audience.n)
        for audience in Audience.objects.filter(sheets__in=ids).annotate(n=Count("sheets"))
    ]
    return [
        Facet("kind", "Type of sheet", options("kind", kind_rows)),
        Facet("section", "Section", options("section", section_rows)),
        Facet("topic", "Topic", options("topic", topic_rows)),
        Facet("audience", "Useful for", options("audience", audience_rows)),
    ]


def clear_url(query, chosen, name):
    return "?" + urlencode({"q": query} | {k: v for k, v in chosen.items() if k != name})


def cached_facets(ids, chosen, query):
    """``build_facets``, remembered until the content changes (same query, same filters)."""
    from .search import cached

    key = hashlib.sha256(repr((query, sorted(chosen.items()))).encode()).hexdigest()
    return cached("facets:" + key, lambda: build_facets(ids, chosen, query))
