"""Admin wiring: the laws and policies list, its "Mark as changed" action, "Mark as reviewed", the
review panel on the dashboard and the review notice at the top of a sheet's edit page."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from toolkit.taxonomy.sheet_usage import (
    SheetUsageDeleteBulkAction,
    SheetUsageIndexView,
    SheetUsageViewSetMixin,
)

from .freshness import LAW_CHANGED_ACTION, MARKED_REVIEWED_ACTION
from .listing import sheet_listing_viewset, sheet_page_viewset
from .models import Law
from .notices import review_notices
from .panels import ReviewDuePanel
from .views import MarkLawChangedView, MarkReviewedView
from .workflow_menu import plain_review_actions
from .workflow_messages import confirm_review_action, withdraw_locked_page
from .workflow_notices import changes_requested_notices


class LawIndexView(SheetUsageIndexView):
    mark_changed_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("editorial.change_law"):
            buttons.append(
                MenuItem(
                    "Mark as changed",
                    url=reverse(self.mark_changed_url_name, args=[instance.pk]),
                    icon_name="warning",
                    priority=15,
                )
            )
        return buttons


class LawViewSet(SheetUsageViewSetMixin, SnippetViewSet):
    model = Law
    sheet_relation = "citing_sheets"
    icon = "doc-full"
    menu_label = "Laws and policies"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "kind", "changed_on"]
    list_filter = ["kind"]
    search_fields = ["name"]
    search_backend_name = None
    index_view_class = LawIndexView

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            mark_changed_url_name=self.get_url_name("mark_changed"), **kwargs
        )

    @property
    def mark_changed_view(self):
        return MarkLawChangedView.as_view(index_url_name=self.get_url_name("list"))

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("changed/<row_id:pk>/", self.mark_changed_view, name="mark_changed"),
        ]


register_snippet(LawViewSet)


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    panels.append(ReviewDuePanel())


@hooks.register("register_log_actions")
def register_review_actions(actions):
    actions.register_action(LAW_CHANGED_ACTION, "Mark as changed", "Marked as changed; citing sheets flagged")
    actions.register_action(MARKED_REVIEWED_ACTION, "Mark as reviewed", "Marked as reviewed")


@hooks.register("register_admin_urls")
def register_mark_reviewed_url():
    return [path("sheets/<row_id:pk>/reviewed/", MarkReviewedView.as_view(), name="editorial_mark_reviewed")]


hooks.register("sheet_editor_notices", review_notices)

# The review workflow in plain words: the request for changes first on the edit page, then the
# actions and confirmations (see workflow_notices, workflow_menu and workflow_messages).
hooks.register("sheet_editor_notices", changes_requested_notices, order=-1)
hooks.register("construct_page_action_menu", plain_review_actions)
hooks.register("after_create_page", confirm_review_action)
hooks.register("after_edit_page", confirm_review_action)
hooks.register("before_edit_page", withdraw_locked_page)


class DeleteLawsBulkAction(SheetUsageDeleteBulkAction):
    models = [Law]
    sheet_relation = "citing_sheets"


hooks.register("register_bulk_action", DeleteLawsBulkAction, order=1)


@hooks.register("register_admin_viewset")
def register_sheet_listings():
    """Sheets filterable by section, topic, audience, law, kind and review (see ``listing``)."""
    return [sheet_page_viewset, sheet_listing_viewset]
