"""Facets for search results: sheet kind, section, topic and audience, with counts.

Filters live in the URL (``?q=plan&kind=method&topic=surveys``) so a filtered search can be
bookmarked and shared; each facet takes one value, and any facet can be cleared with one link.
Values that are not real (a typo, an old bookmark) are ignored and reported, never an error.

Only filters that would change the results are offered: an option every result already has (or
none has) is a link back to the same page, and a group left with no options is not shown at all.
A long group shows its commonest options and keeps the rest behind "Show all", so that on a phone
the filters stay short (see ``Facet.shown`` and ``Facet.more``).
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

from .search import cached

FACETS = ("kind", "section", "topic", "audience")
KINDS = {"definition": DefinitionSheetPage, "method": MethodSheetPage}
KIND_LABELS = {"definition": "Definition sheets", "method": "Method sheets"}
FACET_LABELS = {"kind": "Type of sheet", "section": "Section", "topic": "Topic", "audience": "Useful for"}
FACET_PLURALS = {"kind": "types", "section": "sections", "topic": "topics", "audience": "groups"}
MAX_VALUE = 80
SHOW_AT_MOST = 8  # a group with more options than this shows only its first TOP_OPTIONS
TOP_OPTIONS = 5


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

    @property
    def plural(self):
        """For "Show all 45 topics"."""
        return FACET_PLURALS[self.name]

    @property
    def is_long(self):
        return len(self.options) > SHOW_AT_MOST

    @property
    def shown(self):
        """The options always on view: all of a short group; of a long one (in practice topics,
        which come commonest first) the first few and whichever is selected."""
        if not self.is_long:
            return self.options
        return self.options[:TOP_OPTIONS] + [o for o in self.options[TOP_OPTIONS:] if o.selected]

    @property
    def more(self):
        """The rest of a long group, for "Show all"."""
        if not self.is_long:
            return []
        return [option for option in self.options[TOP_OPTIONS:] if not option.selected]


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
    """The groups of filters worth offering over the current results: options with their counts,
    each linking to the same search with it toggled. An option is offered when it would narrow
    the results (some have it, not all) or when it is selected (to remove it); a group with no
    such option is left out."""
    base = {"q": query} | chosen
    total = len(ids)

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
            if count and (count < total or chosen.get(name) == value)
        ]

    sheets = SheetPage.objects.filter(pk__in=ids)
    kinds = Counter(sheets.values_list("content_type__model", flat=True))
    kind_rows = [
        ("definition", KIND_LABELS["definition"], kinds.get("definitionsheetpage", 0)),
        ("method", KIND_LABELS["method"], kinds.get("methodsheetpage", 0)),
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
    rows = {"kind": kind_rows, "section": section_rows, "topic": topic_rows, "audience": audience_rows}
    facets = [Facet(name, FACET_LABELS[name], options(name, rows[name])) for name in FACETS]
    return [facet for facet in facets if facet.options]


def clear_url(query, chosen, name):
    return "?" + urlencode({"q": query} | {k: v for k, v in chosen.items() if k != name})


def value_label(name, value):
    """What a reader calls a filter's value: "Method sheets", a section's title, a topic's name."""
    if name == "kind":
        return KIND_LABELS[value]
    if name == "section":
        return SectionPage.objects.live().filter(slug=value).values_list("title", flat=True).first()
    model = Topic if name == "topic" else Audience
    return model.objects.filter(slug=value).values_list("name", flat=True).first()


def describe_filters(query, chosen):
    """The chosen filters in words, each with the link that removes it (shown beside the results,
    outside "Filter results", so a reader sees at once why the list is short)."""
    return [
        {
            "name": name,
            "label": FACET_LABELS[name],
            "value": value_label(name, value) or value,
            "clear_url": clear_url(query, chosen, name),
        }
        for name, value in chosen.items()
    ]


def cached_facets(ids, chosen, query):
    """``build_facets``, remembered until the content changes (same query, same filters)."""
    key = hashlib.sha256(repr((query, sorted(chosen.items()))).encode()).hexdigest()
    return cached("facet-groups:" + key, lambda: build_facets(ids, chosen, query))
