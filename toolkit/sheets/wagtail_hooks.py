"""Admin wiring for the sheet edit form: the script and styles of its widgets (``widgets.py``),
and the rule that a sheet needs a topic and an audience to go live, for bulk publishing too."""

from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .forms import missing_to_publish
from .models import SheetPage


@hooks.register("insert_editor_js")
def sheet_editor_js():
    return format_html('<script src="{}"></script>', static("sheets/js/sheet-editor.js"))


@hooks.register("insert_global_admin_css")  # Wagtail 8 has no editor-only CSS hook
def sheet_editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("sheets/css/sheet-editor.css"))


@hooks.register("before_bulk_action")
def refuse_to_bulk_publish_unplaced_sheets(request, action_type, objects, action):
    """Bulk "Publish" publishes each page's latest draft without its form (and, if asked, the
    drafts below it), so it would put a sheet with no topic or audience live. Then it publishes
    nothing and names the sheets to finish first."""
    if action_type != "publish":
        return None
    pages = list(objects)
    if action.cleaned_form.cleaned_data.get("include_descendants"):
        pages += [page for parent in objects for page in parent.get_descendants().not_live()]
    sheets = SheetPage.objects.filter(pk__in=[page.pk for page in pages]).specific().order_by("title")
    unplaced = [sheet.title for sheet in sheets if missing_to_publish(sheet)]
    if not unplaced:
        return None
    names = ", ".join(f"“{title}”" for title in unplaced)
    messages.error(
        request,
        f"Nothing was published. These sheets need at least one topic and one audience first: {names}. "
        "Tick them on each sheet’s “Classify and review” tab, then publish it.",
    )
    return redirect(action.next_url)
