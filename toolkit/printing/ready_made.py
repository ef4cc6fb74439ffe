"""Which ready-made pack goes with a page that lists sheets (a route, a section, a topic).

Packs are not tied to pages: an editor makes "Start here for Residents" or "All of Neighbourhood
Planning" from whatever sheets they choose. So a page offers the pack that holds every sheet it
lists (the smallest such pack, then the first in the editors' order), and none when no pack holds
them all: a booklet that left out part of the page would not be the page on paper.
"""

from toolkit.core.cache import remember

from .models import PrintPackItem, PrintPackPage


def ready_made_packs():
    """Every live, public ready-made pack that has sheets, with their ids, in the editors' order
    (one query and Wagtail's privacy check, remembered until any content changes)."""

    def find():
        items = (
            PrintPackItem.objects.filter(pack__in=PrintPackPage.objects.live().public())
            .select_related("pack")
            .order_by("pack__path")
        )
        packs = {}
        for item in items:
            packs.setdefault(item.pack_id, (item.pack, set()))[1].add(item.sheet_id)
        return [(pack, frozenset(sheet_ids)) for pack, sheet_ids in packs.values()]

    return remember("ready-made-packs", find)


def pack_holding(sheet_ids):
    """The ready-made pack that holds all of ``sheet_ids`` with the fewest others, or ``None``."""
    wanted = set(sheet_ids)
    if not wanted:
        return None
    holding = [
        (len(held), order, pack) for order, (pack, held) in enumerate(ready_made_packs()) if wanted <= held
    ]
    return min(holding, key=lambda found: found[:2])[2] if holding else None
