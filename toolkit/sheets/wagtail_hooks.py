"""Admin wiring for the sheet edit form: the script and styles of its widgets (``widgets.py``)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_js")
def sheet_editor_js():
    return format_html('<script src="{}"></script>', static("sheets/js/sheet-editor.js"))


@hooks.register("insert_global_admin_css")  # Wagtail 8 has no editor-only CSS hook
def sheet_editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("sheets/css/sheet-editor.css"))
