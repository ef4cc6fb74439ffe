"""The headed parts of a sheet besides its body's own headings, in page order.

The sheet's templates write each part under ``headings.<name>`` and "On this page" lists the same
objects (``SheetPage.table_of_contents``), so a heading is renamed in one place.
"""

from toolkit.core.headings import NEXT_STEPS, Heading

# A Method Sheet's own parts, above the body.
WHEN_TO_USE = Heading("when-to-use", "When to use it")
WHO_IS_INVOLVED = Heading("who-is-involved", "Who is involved")
STEPS = Heading("steps", "Steps")
PITFALLS = Heading("pitfalls", "Pitfalls")
WHAT_GOOD_LOOKS_LIKE = Heading("what-good-looks-like", "What good looks like")
# Every sheet's parts after the body.
LINKS_OUT = Heading("links-out", "Useful links")
RELATED = Heading("related", "Related")

# What the templates read, as ``headings.steps``, ``headings.next_steps``...
HEADINGS = {
    "when_to_use": WHEN_TO_USE,
    "who_is_involved": WHO_IS_INVOLVED,
    "steps": STEPS,
    "pitfalls": PITFALLS,
    "what_good_looks_like": WHAT_GOOD_LOOKS_LIKE,
    "links_out": LINKS_OUT,
    "related": RELATED,
    "next_steps": NEXT_STEPS,
}
