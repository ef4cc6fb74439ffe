"""The glossary as readers see it: Term snippets and live Definition Sheets merged into one list.

Pure Python (no Django), so the merging rules are tested alone. Why merge at read time rather
than copy each Definition Sheet into a Term when it is published: a copy goes stale (a sheet
unpublished, renamed or deleted leaves a Term behind) and editors would have two places to keep
in step. Here nothing is copied, so nothing is typed twice and nothing is left behind.

The rules, which never show two entries for one thing:

1. Every Term snippet is an entry, with its own short definition.
2. A live Definition Sheet joins the Term that names its term (as the Term's term or one of its
   aliases, ignoring case; a Term that already points at the sheet is preferred). The entry
   keeps the Term's short definition, adds the sheet's other names, and links to the sheet.
3. A Definition Sheet that no Term names becomes an entry of its own: the sheet's term, its other
   names, and a definition taken from the sheet's summary (whole sentences, at most 40 words).
   A second sheet with the same term only adds its names to the first one's entry.
4. Each name belongs to one entry. An entry's own term comes first, then the aliases editors
   gave Terms, then the other names of sheets; a name an earlier entry already has is dropped
   from later ones. So "town council", listed as another name on the Parish Council sheet,
   stays with the "Town council" Term and is not shown (or linked) as the parish council.
"""

import re
import unicodedata
from dataclasses import dataclass, field

DEFINITION_MAX_WORDS = 40
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class TermRecord:
    """The fields of a Term snippet that the glossary needs."""

    id: int
    term: str
    slug: str
    definition: str
    aliases: tuple[str, ...] = ()
    other_forms: tuple[str, ...] = ()
    sheet_id: int | None = None
    link_automatically: bool = True
    not_linked: tuple[str, ...] = ()
    related_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class SheetRecord:
    """A live sheet a glossary entry can point to; definition sheets also carry their term."""

    id: int
    title: str
    url: str
    summary: str = ""
    term: str = ""  # empty for method sheets
    other_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class GlossaryEntry:
    slug: str
    term: str
    definition: str
    aliases: tuple[str, ...]  # other names shown to readers
    link_names: tuple[str, ...]  # every name the linker may link (empty when linking is off)
    sheet_id: int | None = None
    sheet_title: str = ""
    sheet_url: str = ""
    defined_by_sheet_id: int | None = None  # the Definition Sheet whose term this is
    term_id: int | None = None  # the Term snippet, when there is one
    related: tuple[tuple[str, str], ...] = ()  # (slug, term) of related entries

    @property
    def anchor(self):
        return f"term-{self.slug}"

    @property
    def letter(self):
        """The A-Z heading the entry sits under; "#" for terms that start with a digit or symbol."""
        first = unicodedata.normalize("NFKD", self.term.strip()[:1]).upper()[:1]
        return first if "A" <= first <= "Z" else "#"


def split_names(text):
    """Comma-separated names as a tuple, without blanks."""
    return tuple(name.strip() for name in (text or "").split(",") if name.strip())


def name_key(name):
    return " ".join(name.split()).casefold().replace("\u2019", "'")


def slugify(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "term"


def shorten(text, max_words=DEFINITION_MAX_WORDS):
    """Whole sentences from the start of ``text`` up to ``max_words`` words (cut if the first is longer)."""
    kept = []
    count = 0
    for sentence in _SENTENCE_END.split(" ".join(text.split())):
        words = len(sentence.split())
        if count + words > max_words:
            break
        kept.append(sentence)
        count += words
    if kept:
        return " ".join(kept)
    return " ".join(text.split()[:max_words]).rstrip(",;:") + "\u2026"


@dataclass
class _Draft:
    slug: str
    term: str
    definition: str
    aliases: tuple = ()
    other_forms: tuple = ()
    sheet_names: list = field(default_factory=list)
    sheet: SheetRecord | None = None
    fed_by: SheetRecord | None = None
    term_id: int | None = None
    link_automatically: bool = True
    not_linked: tuple = ()
    related_ids: tuple = ()

    def names(self):
        return {name_key(self.term)} | {name_key(alias) for alias in self.aliases}


def build_entries(terms, sheets):
    """Glossary entries, in A-Z order, from Term records and the live sheets (``{id: SheetRecord}``)."""
    drafts = [
        _Draft(
            slug=record.slug,
            term=record.term,
            definition=record.definition,
            aliases=record.aliases,
            other_forms=record.other_forms,
            sheet=sheets.get(record.sheet_id),
            term_id=record.id,
            link_automatically=record.link_automatically,
            not_linked=record.not_linked,
            related_ids=record.related_ids,
        )
        for record in sorted(terms, key=lambda r: name_key(r.term))
    ]
    slugs = {draft.slug for draft in drafts}
    definition_sheets = sorted((s for s in sheets.values() if s.term), key=lambda s: (name_key(s.term), s.id))
    for sheet in definition_sheets:
        draft = _draft_for_sheet(drafts, sheet)
        if draft is None:
            draft = _Draft(
                slug=_unique_slug(slugify(sheet.term), slugs),
                term=sheet.term,
                definition=shorten(sheet.summary),
                sheet=sheet,
            )
            drafts.append(draft)
        draft.sheet_names.extend(sheet.other_names)
        if draft.fed_by is None:
            draft.fed_by = sheet
            draft.sheet = draft.sheet or sheet
    return _entries(drafts)


def _draft_for_sheet(drafts, sheet):
    key = name_key(sheet.term)
    named = [draft for draft in drafts if key in draft.names()]
    named.sort(
        key=lambda d: (
            name_key(d.term) != key,
            d.sheet is None or d.sheet.id != sheet.id,
            d.fed_by is not None,
        )
    )
    return named[0] if named else None


def _unique_slug(slug, taken):
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate


def _entries(drafts):
    """Give each name to one entry (terms first, then Term aliases, then sheet names)."""
    owner = {}
    owned = {id(draft): [] for draft in drafts}
    tiers = [
        lambda d: [(d.term, False)],
        lambda d: [(name, True) for name in d.aliases] + [(name, False) for name in d.other_forms],
        lambda d: [(name, True) for name in d.sheet_names],
    ]
    for names_of in tiers:
        for draft in drafts:
            for name, shown in names_of(draft):
                key = name_key(name)
                if owner.setdefault(key, id(draft)) == id(draft):
                    owned[id(draft)].append((name, shown))
    slug_of = {draft.term_id: (draft.slug, draft.term) for draft in drafts if draft.term_id is not None}
    entries = []
    for draft in drafts:
        names = owned[id(draft)]
        not_linked = {name_key(name) for name in draft.not_linked}
        aliases = _unique(name for name, shown in names if shown and name_key(name) != name_key(draft.term))
        link_names = (
            _unique(name for name, _ in names if name_key(name) not in not_linked)
            if draft.link_automatically
            else ()
        )
        entries.append(
            GlossaryEntry(
                slug=draft.slug,
                term=draft.term,
                definition=draft.definition,
                aliases=aliases,
                link_names=link_names,
                sheet_id=draft.sheet.id if draft.sheet else None,
                sheet_title=draft.sheet.title if draft.sheet else "",
                sheet_url=draft.sheet.url if draft.sheet else "",
                defined_by_sheet_id=draft.fed_by.id if draft.fed_by else None,
                term_id=draft.term_id,
                related=tuple(slug_of[i] for i in draft.related_ids if i in slug_of and i != draft.term_id),
            )
        )
    entries.sort(key=lambda entry: name_key(entry.term))
    return entries


def _unique(names):
    seen = set()
    result = []
    for name in names:
        key = name_key(name)
        if key not in seen:
            seen.add(key)
            result.append(name)
    return tuple(result)
