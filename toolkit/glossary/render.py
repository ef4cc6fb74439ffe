"""A sheet's summary, body and key facts with glossary terms linked, cached until anything changes.

The linked HTML is cached under the sheet's live revision, the glossary version and the site's
content version, so publishing the sheet, editing a term or moving a page makes it stale. Previews
are never cached (a draft shares its page's key). The body's blocks are rendered here rather
than by ``{% include_block %}`` so that a cached sheet skips their rendering (and the queries
behind rich-text links and embeds) altogether; none of them depends on who is reading.
"""

from dataclasses import dataclass, field

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from toolkit.core.cache import remember

from .cache import glossary_version
from .glossary import current_glossary


@dataclass
class LinkedSheet:
    summary: str
    body: list
    key_facts: list
    definitions: dict = field(default_factory=dict)  # {slug: what the inline definition shows}

    @classmethod
    def from_parts(cls, parts):
        return cls(
            summary=mark_safe(parts["summary"]),  # noqa: S308 - escaped or rendered by Django, then linked
            body=[mark_safe(html) for html in parts["body"]],  # noqa: S308
            key_facts=[mark_safe(html) for html in parts["key_facts"]],  # noqa: S308
            definitions=parts["definitions"],
        )


def linked_sheet(page, context):
    """The sheet's texts, linked when the sheet allows it and there is a glossary page to link to."""
    request = context.get("request")
    if not page.live_revision_id or not page.live or getattr(request, "is_preview", False):
        return LinkedSheet.from_parts(_link_parts(page, context))
    name = f"glossary-sheet:{page.pk}:{page.live_revision_id}:{int(page.link_glossary_terms)}:{glossary_version()}"
    return LinkedSheet.from_parts(remember(name, lambda: _link_parts(page, context)))


def _link_parts(page, context):
    key_facts = context.get("key_facts")
    if key_facts is None:
        key_facts = list(page.key_facts.all())
    flat = context.flatten()
    summary = str(conditional_escape(page.summary))
    body = [str(block.render_as_block(context=dict(flat))) for block in page.body]
    facts = [str(conditional_escape(fact.text)) for fact in key_facts]
    definitions = {}
    glossary = current_glossary()
    if page.link_glossary_terms and len(glossary.index):
        linker = glossary.linker(sheet_id=page.pk)
        summary = linker.link(summary)
        body = [linker.link(html) for html in body]
        facts = [linker.link(html) for html in facts]
        definitions = glossary.definitions(linker.linked, current_sheet_id=page.pk)
    return {"summary": summary, "body": body, "key_facts": facts, "definitions": definitions}
