"""What the admin's sheet form posts, as a browser with JavaScript does (Wagtail's test helpers)."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def definition_form(sheet=None, action=None, topics=(), audiences=(), **fields):
    """The form of a Definition sheet (``sheet``'s values, or a new one's), with ``fields`` changed.

    ``action`` is the button pressed ("action-publish", "action-submit"); none saves a draft.
    Checkboxes send one name many times, so topics and audiences are added after the nesting.
    """
    data = {
        "title": getattr(sheet, "title", "Community Shares"),
        "slug": getattr(sheet, "slug", "community-shares"),
        "term": getattr(sheet, "term", "Community shares"),
        "other_names": getattr(sheet, "other_names", ""),
        "summary": getattr(
            sheet, "summary", "Shares that local people buy to own a shop, pub or hall together."
        ),
        "body": streamfield([("paragraph", rich_text("<p>Plain words.</p>"))]),
        "key_facts": inline_formset([]),
        "links_out": inline_formset([]),
        "see_also": inline_formset([]),
        "comments": inline_formset([]),
        "last_reviewed": "",
        "review_due": "",
        "link_glossary_terms": "on",
    }
    if sheet is not None and sheet.last_reviewed:
        data["last_reviewed"] = sheet.last_reviewed.isoformat()
    data.update(fields)
    form = nested_form_data(data)
    if action:
        form[action] = "yes"
    return form | {"topics": [str(t.pk) for t in topics], "audiences": [str(a.pk) for a in audiences]}


def edit_url(sheet):
    return reverse("wagtailadmin_pages:edit", args=[sheet.pk])


def add_url(section, model="definitionsheetpage"):
    return reverse("wagtailadmin_pages:add", args=("sheets", model, section.pk))
