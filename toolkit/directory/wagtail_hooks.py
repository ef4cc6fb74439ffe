from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    menu_label = "Organisations"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "area", "url"]
    list_filter = ["topics"]
    # The search covers the model's own index (its search_fields). Naming fields here would pass
    # them to the search backend, which SQLite's full-text backend cannot do (a 500, "no such
    # column"; django-modelsearch issue 47, open).


register_snippet(OrganisationViewSet)
