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
    # The search covers the model's own index (its search_fields). Naming fields here would pass
    # them to the search backend, which SQLite's full-text backend cannot do (a 500, "no such
    # column"; django-modelsearch issue 47, open).
    ordering = ["term"]


register_snippet(TermViewSet)
