"""Synonyms under Snippets; what readers search under Reports."""

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import QueryLog, SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "link"
    menu_label = "Search synonyms"
    list_display = ["__str__", "note"]
    search_fields = ["terms"]


register_snippet(SynonymGroupViewSet)


class QueryLogFilterSet(WagtailFilterSet):
    class Meta:
        model = QueryLog
        fields = {"results": ["exact"], "last_searched": ["gte"]}


class QueryLogViewSet(ModelViewSet):
    """A read-only report: most searched first; filter on 0 results to see what readers miss."""

    model = QueryLog
    icon = "search"
    menu_label = "Search queries"
    menu_hook = "register_reports_menu_item"
    list_display = ["query", "hits", "results", "last_searched"]
    list_export = ["query", "hits", "results", "last_searched"]
    filterset_class = QueryLogFilterSet
    search_fields = ["query"]
    ordering = ["-hits", "query"]
    inspect_view_enabled = True
    form_fields = ["query"]


query_log_viewset = QueryLogViewSet("search_queries")


@hooks.register("register_admin_viewset")
def register_query_log_viewset():
    return query_log_viewset


@hooks.register("construct_reports_menu")
def hide_wagtail_search_terms_report(request, menu_items):
    """Wagtail's own "Search terms" report counts hits without results; ours shows both."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
