"""The sheet (or page) a suggestion or an answer is about, as two links: its edit page and the live page.

The queues, the inspect pages, the edit forms and the reply page all show the sheet this way, so
an editor goes from what a reader wrote to the sheet in one click, whichever screen they are on.
"""

from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column

TEMPLATE = "feedback/includes/sheet_links.html"


def sheet_links(sheet, title_then=""):
    """What the template needs: the title, the two addresses, or the old title of a deleted sheet."""
    if sheet is None:
        return {"sheet": None, "title_then": title_then}
    return {
        "sheet": sheet,
        "title": sheet.title,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[sheet.pk]),
        "live_url": sheet.url if sheet.live else "",
        "title_then": title_then,
    }


def render_sheet_links(sheet, title_then=""):
    return render_to_string(TEMPLATE, sheet_links(sheet, title_then))


class SheetColumn(Column):
    """A listing column of sheet links (use with ``select_related("sheet")``)."""

    cell_template_name = "feedback/tables/sheet_cell.html"

    def __init__(self, name="sheet", title_then_accessor=None, **kwargs):
        kwargs.setdefault("label", "Sheet")
        kwargs.setdefault("sort_key", "sheet__title")
        super().__init__(name, **kwargs)
        self.title_then_accessor = title_then_accessor

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        title_then = getattr(instance, self.title_then_accessor) if self.title_then_accessor else ""
        context.update(sheet_links(context["raw_value"], title_then))
        return context


class PageColumn(SheetColumn):
    """The page an answer is about, as links; for a view that is not a page (search, the A to Z,
    the pack) the address it was on (use with ``select_related("page")``)."""

    cell_template_name = "feedback/tables/page_cell.html"

    def __init__(self, **kwargs):
        super().__init__("page", title_then_accessor="path", label="Page", sort_key="page__title", **kwargs)


class SheetFieldPanel(FieldPanel):
    """A read-only ``sheet`` field shown as links instead of plain text."""

    read_only_output_template_name = "feedback/panels/sheet_links.html"

    def __init__(self, field_name="sheet", **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        return render_sheet_links(value)
