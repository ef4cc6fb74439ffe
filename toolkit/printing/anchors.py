"""Keeping ids unique when many sheets share one booklet.

Each sheet's page uses the same ids ("key-facts", "links-out", heading anchors); put forty sheets
in one document and they collide, which breaks links and the PDF's structure tree. Prefixing every
id (and the references to it) with the sheet's own prefix keeps each sheet's links working.
Pure string work on HTML that our templates made (attribute values are always quoted and escaped).
"""

import re

ID_REFERENCES = re.compile(r'\b(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"')
FRAGMENT_LINK = re.compile(r'\bhref="#([^"]+)"')


def prefix_ids(html, prefix):
    """``html`` with every id, and every reference to one, starting with ``prefix``."""

    def ids(match):
        names = " ".join(prefix + name for name in match[2].split())
        return f'{match[1]}="{names}"'

    html = ID_REFERENCES.sub(ids, html)
    return FRAGMENT_LINK.sub(lambda match: f'href="#{prefix}{match[1]}"', html)
