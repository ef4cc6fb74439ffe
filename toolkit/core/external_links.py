"""Links that leave the site, marked so that nobody is surprised to land on another website.

Each one gets the class ``external`` (the stylesheet draws a small arrow after it) and the words
"(external site)" for screen readers, inside the link so that they are part of its name. Rich text
comes from Wagtail already rendered, so this is pure string work on HTML that Wagtail or our own
templates made (attribute values always quoted); it runs before the glossary linker, which never
looks inside a link. Links to this site are relative (Wagtail renders page links as paths), so
every ``http(s)://`` address counts as another website.
"""

import re

EXTERNAL_NOTE = '<span class="visually-hidden external-note"> (external site)</span>'
_LINK = re.compile(r"<a\s(?P<attrs>[^>]*)>(?P<text>.*?)</a>", re.DOTALL | re.IGNORECASE)
_EXTERNAL_HREF = re.compile(r'\bhref="https?://', re.IGNORECASE)
_CLASS = re.compile(r'\bclass="([^"]*)"')


def _mark(match):
    attrs, text = match["attrs"], match["text"]
    if not _EXTERNAL_HREF.search(attrs) or "external-note" in text:
        return match[0]
    found = _CLASS.search(attrs)
    if found is None:
        attrs = f'{attrs} class="external"'
    elif "external" not in found[1].split():
        attrs = f'{attrs[: found.start()]}class="{found[1]} external"{attrs[found.end() :]}'
    return f"<a {attrs}>{text}{EXTERNAL_NOTE}</a>"


def mark_external_links(html):
    """``html`` with every link to another website marked (once, however often it is called)."""
    if "http" not in html:
        return html
    return _LINK.sub(_mark, html)
