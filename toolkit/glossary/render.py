"""A sheet's texts with glossary terms linked, cached until anything changes.

The texts are the key facts, a Method Sheet's own parts (when to use it, who is involved, each
step's text, pitfalls, what good looks like) and the body, linked in page order so that the first
mention on the page is the one linked. The summary is never linked: it is the sheet's own
one-paragraph explanation, read before anything else, and a definition inside it would interrupt
the very sentences that say what the sheet is about. Links to other websites in the rich text are
marked as such (``toolkit.core.external_links``) before terms are linked.

The linked HTML is cached under the sheet's live revision, the glossary version and the site's
content version, so publishing the sheet, editing a term or moving a page makes it stale. Previews
are never cached (a draft shares its page's key). The body's blocks are rendered here rather
than by ``{% include_block %}`` so that a cached sheet skips their rendering (and the queries
behind rich-text links and embeds) altogether; none of them depends on who is reading.
"""

from dataclasses import dataclass, field

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail.templatetags.wagtailcore_tags import richtext

from toolkit.core.cache import GLOSSARY, remember, version
from toolkit.core.external_links import mark_external_links

from .glossary import current_glossary


def safe(html):
    """Every part was escaped or rendered by Django, then linked by our linker, which escapes."""
    return mark_safe(html)  # noqa: S308


CACHE_FORMAT = 4  # bumped when the cached parts change shape


@dataclass
class LinkedSheet:
    summary: str
    body: list
    key_facts: list
    definitions: dict = field(default_factory=dict)  # {slug: what the inline definition shows}
    method: dict = field(default_factory=dict)  # a Method Sheet's own parts, as HTML

    @classmethod
    def from_parts(cls, parts):
        return cls(
            summary=safe(parts["summary"]),
            body=[safe(html) for html in parts["body"]],
            key_facts=[safe(html) for html in parts["key_facts"]],
            definitions=parts["definitions"],
            method=map_method_texts(parts["method"], safe),
        )


def linked_sheet(page, context):
    """The sheet's texts, linked when the sheet allows it and there is a glossary page to link to."""
    request = context.get("request")
    if not page.live_revision_id or not page.live or getattr(request, "is_preview", False):
        return LinkedSheet.from_parts(_link_parts(page, context))
    name = f"glossary-sheet:{CACHE_FORMAT}:{page.pk}:{page.live_revision_id}:{int(page.link_glossary_terms)}:{version(GLOSSARY)}"
    return LinkedSheet.from_parts(remember(name, lambda: _link_parts(page, context)))


def related_rows(page, context, name):
    """Rows the view already fetched (``key_facts``, ``steps``...), else fetched here."""
    rows = context.get(name)
    return list(getattr(page, name).all()) if rows is None else rows


def method_texts(page, context):
    """A Method Sheet's own parts as HTML, in page order; nothing for a Definition Sheet."""
    if page.kind != "method":
        return {}
    return {
        "when_to_use": rich_html(page.when_to_use),
        "who_is_involved": rich_html(page.who_is_involved),
        "steps": [
            {"title": step.title, "text": rich_html(step.text)}
            for step in related_rows(page, context, "steps")
        ],
        "pitfalls": [str(conditional_escape(p.text)) for p in related_rows(page, context, "pitfalls")],
        "what_good_looks_like": rich_html(page.what_good_looks_like),
    }


def rich_html(value):
    """A rich text field as the reader sees it, links to other websites marked."""
    return mark_external_links(str(richtext(value)))


def map_method_texts(method, apply):
    """``method`` (from ``method_texts``) with ``apply`` run over each text in page order, for
    linking and for marking safe; step titles are headings, so they are left as they are."""
    if not method:
        return {}
    return {
        "when_to_use": apply(method["when_to_use"]),
        "who_is_involved": apply(method["who_is_involved"]),
        "steps": [{"title": step["title"], "text": apply(step["text"])} for step in method["steps"]],
        "pitfalls": [apply(html) for html in method["pitfalls"]],
        "what_good_looks_like": apply(method["what_good_looks_like"]),
    }


def _link_parts(page, context):
    flat = context.flatten()
    summary = str(conditional_escape(page.summary))
    method = method_texts(page, context)
    body = [str(block.render_as_block(context=dict(flat))) for block in page.body]
    facts = [str(conditional_escape(fact.text)) for fact in related_rows(page, context, "key_facts")]
    definitions = {}
    glossary = current_glossary()
    if page.link_glossary_terms and len(glossary.index):
        linker = glossary.linker(sheet_id=page.pk)
        facts = [linker.link(html) for html in facts]  # the key facts come first, under the summary
        method = map_method_texts(method, linker.link)
        body = [linker.link(html) for html in body]
        definitions = glossary.definitions(linker.linked, current_sheet_id=page.pk)
    return {
        "summary": summary,
        "method": method,
        "body": body,
        "key_facts": facts,
        "definitions": definitions,
    }
