"""The glossary at the back of a booklet: the glossary's entries for the terms the sheets use.

A term is used when a sheet in the pack mentions one of its names (found as the glossary finds
them to link on screen) or is the Definition Sheet for it. On a site without any glossary entries,
the pack's Definition Sheets stand in, with their summaries as the meanings.
"""

from django.utils.html import strip_tags

from toolkit.glossary.glossary import current_glossary


def pack_glossary(sheets, articles):
    """``term``, ``other_names`` and ``meaning`` of each term used in ``articles`` (the sheets'
    printed HTML), in glossary (A to Z) order."""
    glossary = current_glossary()
    if not glossary.entries:
        return definition_terms(sheets)
    entries = glossary.entries_used((strip_tags(html) for html in articles), [sheet.pk for sheet in sheets])
    return [
        {"term": entry.term, "other_names": list(entry.aliases), "meaning": entry.definition}
        for entry in entries
    ]


def definition_terms(sheets):
    """The terms defined by the Definition Sheets among ``sheets``, A to Z."""
    entries = {}
    for sheet in sheets:
        term = getattr(sheet, "term", "")
        if term and term.lower() not in entries:
            entries[term.lower()] = {
                "term": term,
                "other_names": sheet.other_name_list(),
                "meaning": sheet.summary,
            }
    return [entries[key] for key in sorted(entries)]
