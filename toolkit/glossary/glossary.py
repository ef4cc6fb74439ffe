"""The current glossary: entries from the database, cached by glossary version, and its term index.

Building it costs a handful of queries (terms, their related terms, live sheets, the glossary
page); the result is kept in the shared cache, and each process keeps the compiled term index
for the current version in memory, so a page that links terms normally asks the database nothing.
"""

import html
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import ObjectDoesNotExist

from toolkit.core.cache import GLOSSARY, remember
from toolkit.core.cache import version as token_version
from toolkit.sheets.models import SheetPage

from .entries import SheetRecord, TermRecord, build_entries, split_names
from .linker import Term as LinkTerm
from .linker import TermIndex
from .models import GlossaryPage, Term

CACHE_SECONDS = 24 * 60 * 60
LETTERS = [chr(code) for code in range(ord("A"), ord("Z") + 1)]

_in_process = {}  # {version: Glossary}, at most one, so a process compiles each version once


@dataclass
class Glossary:
    version: str
    entries: list
    url: str = ""  # the glossary page's address, or "" when there is no live glossary page
    title: str = "Glossary"
    _by_slug: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self._by_slug = {entry.slug: entry for entry in self.entries}

    def entry(self, slug):
        return self._by_slug.get(slug)

    def entry_url(self, entry):
        return f"{self.url}#{entry.anchor}" if self.url else ""

    def _term_index(self, href_of):
        return TermIndex(
            LinkTerm(key=entry.slug, names=entry.link_names, href=href_of(entry))
            for entry in self.entries
            if entry.link_names
        )

    @cached_property
    def index(self):
        """The compiled term index; empty when there is no glossary page to link to."""
        if not self.url:
            return TermIndex([])
        return self._term_index(self.entry_url)

    def entries_used(self, texts, sheet_ids=()):
        """The entries named in any of ``texts`` (plain text) or defined by one of the sheets
        ``sheet_ids``, in glossary order: what a booklet of those sheets needs explained.

        Names are found the way they are linked on screen (same forms, same exclusions), whether
        or not there is a glossary page to link to.
        """
        index = self.index if self.url else self._term_index(lambda entry: "")
        linker = index.linker()
        for text in texts:
            linker.link(html.escape(text))
        defining = set(sheet_ids)
        used = set(linker.linked) | {
            entry.slug for entry in self.entries if entry.defined_by_sheet_id in defining
        }
        return [entry for entry in self.entries if entry.slug in used]

    def own_keys(self, sheet_id):
        """The entries a Definition Sheet defines, which are never linked on that sheet."""
        return {entry.slug for entry in self.entries if entry.defined_by_sheet_id == sheet_id}

    def linker(self, sheet_id=None):
        return self.index.linker(exclude=self.own_keys(sheet_id))

    def by_letter(self):
        """Every letter A-Z (then "#"), each with its entries; letters without any have none."""
        groups = defaultdict(list)
        for entry in self.entries:
            groups[entry.letter].append(entry)
        letters = LETTERS + (["#"] if groups.get("#") else [])
        return [
            {"letter": letter, "id": _letter_id(letter), "entries": groups.get(letter, [])}
            for letter in letters
        ]

    def definitions(self, slugs, current_sheet_id=None):
        """What the inline definitions of these entries show, for the page's script to read."""
        result = {}
        for slug in slugs:
            entry = self.entry(slug)
            if entry is None:
                continue
            item = {"term": entry.term, "definition": entry.definition, "url": self.entry_url(entry)}
            if entry.sheet_url and entry.sheet_id != current_sheet_id:
                item |= {"sheetUrl": entry.sheet_url, "sheetTitle": entry.sheet_title}
            result[slug] = item
        return result


def _letter_id(letter):
    return "letter-" + (letter.lower() if letter != "#" else "other")


def forget_compiled_glossary():
    """Drop this process's compiled glossary (tests do, since their rolled-back transactions
    bring an old glossary version back with different rows behind it)."""
    _in_process.clear()


def current_glossary():
    version = token_version(GLOSSARY)
    glossary = _in_process.get(version)
    if glossary is None:
        data = remember("glossary", load_glossary_data, timeout=CACHE_SECONDS, token=GLOSSARY)
        glossary = Glossary(version=version, **data)
        _in_process.clear()
        _in_process[version] = glossary
    return glossary


def load_glossary_data():
    """Entries, glossary address and title, read from the database (about six queries)."""
    related = defaultdict(list)
    for from_id, to_id in Term.related.through.objects.values_list("from_term_id", "to_term_id"):
        related[from_id].append(to_id)
    terms = [
        TermRecord(
            id=term.pk,
            term=term.term,
            slug=term.slug,
            definition=term.definition,
            aliases=term.alias_list(),
            other_forms=term.other_form_list(),
            sheet_id=term.sheet_id,
            link_automatically=term.link_automatically,
            not_linked=term.not_linked_list(),
            related_ids=tuple(related[term.pk]),
        )
        for term in Term.objects.all()
    ]
    sheets = {}
    for sheet in SheetPage.objects.live().public().select_related("definitionsheetpage").order_by("path"):
        try:
            definition = sheet.definitionsheetpage
        except ObjectDoesNotExist:
            definition = None
        sheets[sheet.pk] = SheetRecord(
            id=sheet.pk,
            title=sheet.title,
            url=sheet.url or "",
            summary=sheet.summary,
            term=definition.term if definition else "",
            other_names=split_names(definition.other_names) if definition else (),
        )
    page = GlossaryPage.objects.live().public().first()
    return {
        "entries": build_entries(terms, sheets),
        "url": (page.url or "") if page else "",
        "title": page.title if page else "Glossary",
    }
