"""The glossary at the back of a booklet.

Until the toolkit has its own glossary, a pack's glossary is the terms its Definition Sheets
define, each with the sheet's summary as its meaning. A glossary app can take over by changing
this one function: the booklet only asks it for ``term``, ``other_names`` and ``meaning``.
"""


def pack_glossary(sheets):
    """Entries for the terms defined by the Definition Sheets among ``sheets``, A to Z."""
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
