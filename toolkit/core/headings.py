"""A headed part of a page, named once: its heading on the page and its entry in a contents list
("On this page") both read its anchor and title from here, so the two cannot drift apart."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    anchor: str  # the ``id`` of the heading, and the link's ``#`` target
    title: str


# The end of every sheet, route, section and topic page (``includes/what_to_do_next.html``).
NEXT_STEPS = Heading("next-steps", "What to do next")
