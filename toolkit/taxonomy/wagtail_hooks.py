"""Topics and audiences are managed under "Taxonomy" in the admin menu, each with how many sheets
use it (see ``sheet_usage``)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, Topic
from .sheet_usage import SheetUsageDeleteBulkAction, SheetUsageViewSetMixin


class TopicViewSet(SheetUsageViewSetMixin, SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class AudienceViewSet(SheetUsageViewSetMixin, SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug", "sort_order"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Taxonomy"
    menu_icon = "folder-open-inverse"
    items = (TopicViewSet, AudienceViewSet)


register_snippet(TaxonomyGroup)


class DeleteTaxonomyBulkAction(SheetUsageDeleteBulkAction):
    models = [Topic, Audience]


hooks.register("register_bulk_action", DeleteTaxonomyBulkAction, order=1)
