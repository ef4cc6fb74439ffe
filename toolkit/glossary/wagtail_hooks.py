"""Glossary terms are managed under "Glossary" in the admin menu."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Term


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "help"
    menu_label = "Glossary"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["term", "aliases", "sheet", "link_automatically"]
    list_filter = ["link_automatically"]
    search_fields = ["term", "aliases", "definition"]
    ordering = ["term"]


register_snippet(TermViewSet)
