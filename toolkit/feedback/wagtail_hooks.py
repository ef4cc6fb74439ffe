"""Admin wiring: the suggestions queue, the feedback queue and the per-sheet feedback report.

Both queues are snippet viewsets, so every change (a status, a note, a deletion, a reply) is
written to Wagtail's audit log with the user who made it. Text from the public is only ever shown
through Django's escaping templates and Wagtail's table components. Open items come first, each
row's sheet links to the sheet and its edit page, and an item closes in one step: "Reply and
close" for a suggestion, "Mark as closed" for one answer or for any selection of either.
"""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import QueueIndexView, ReplyAndCloseView, SheetLinksInspectView
from .bulk_actions import CloseBulkAction
from .closing import CLOSED_ACTION, REPLIED_ACTION
from .filters import PageFeedbackFilterSet, SuggestionFilterSet
from .models import PageFeedback, Suggestion
from .reports import SheetFeedbackReportView
from .sheet_links import PageColumn, SheetColumn
from .submissions import forms_whose_messages_user_may_read


class FromThePublicOnly(ModelPermissionPolicy):
    """Suggestions and feedback come only from the public forms: nobody, not even a superuser, adds
    or copies one in the admin (an "Add suggestion" button there only invited confusion)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


for submitted_model in (Suggestion, PageFeedback):
    register_permission_policy(submitted_model, FromThePublicOnly(submitted_model), exact_class=True)


class QueueViewSet(SnippetViewSet):
    """What both queues share: read-only for the public's part, open items first, sheet links."""

    copy_view_enabled = False
    index_view_class = QueueIndexView
    inspect_view_enabled = True
    inspect_view_class = SheetLinksInspectView
    search_backend_name = None

    def get_queryset(self, request):
        return self.model.objects.select_related("sheet")


class SuggestionViewSet(QueueViewSet):
    model = Suggestion
    icon = "help"
    menu_label = "Suggestions"
    list_display = [
        "__str__",
        "kind",
        SheetColumn(title_then_accessor="sheet_title"),
        "status",
        DateColumn("created_at", label="Received"),
    ]
    filterset_class = SuggestionFilterSet
    search_fields = ["title", "details", "sheet_title"]
    list_export = ["kind", "sheet_title", "title", "details", "status", "created_at", "closed_at"]
    export_filename = "suggestions"
    inspect_view_fields = ["kind", "sheet", "title", "details", "email", "status", "created_at"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(reply_url_name=self.get_url_name("reply"), **kwargs)

    @property
    def reply_view(self):
        return ReplyAndCloseView.as_view(
            index_url_name=self.get_url_name("list"), edit_url_name=self.get_url_name("edit")
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("reply/<row_id:pk>/", self.reply_view, name="reply")]


class PageFeedbackViewSet(QueueViewSet):
    model = PageFeedback
    icon = "comment"
    menu_label = "Was it useful?"
    list_display = [
        "__str__",  # the title column: a link to the answer, and its ⋯ menu
        PageColumn(),
        "useful",  # its choices make it "Yes" or "No"
        "doing",
        "comment",
        "status",
        DateColumn("created_at", label="Received"),
    ]
    filterset_class = PageFeedbackFilterSet
    search_fields = ["comment", "doing"]
    list_export = ["page", "path", "get_useful_display", "doing", "comment", "status", "created_at"]
    inspect_view_fields = ["page", "path", "useful", "doing", "comment", "status", "created_at"]

    def get_queryset(self, request):
        return self.model.objects.select_related("page", "sheet")

    export_headings = {"get_useful_display": "Useful"}
    export_filename = "page-feedback"


class FeedbackGroup(SnippetViewSetGroup):
    menu_label = "Feedback"
    menu_icon = "comment"
    menu_order = 320
    items = (SuggestionViewSet, PageFeedbackViewSet)


register_snippet(FeedbackGroup)


@hooks.register("register_admin_urls")
def register_feedback_report_urls():
    return [
        path("reports/sheet-feedback/", SheetFeedbackReportView.as_view(), name="feedback_report"),
        path(
            "reports/sheet-feedback/results/",
            SheetFeedbackReportView.as_view(results_only=True),
            name="feedback_report_results",
        ),
    ]


class FeedbackReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("feedback.view_pagefeedback")


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return FeedbackReportMenuItem(
        "Sheet feedback", reverse("feedback_report"), name="sheet-feedback", icon_name="comment", order=900
    )


hooks.register("filter_form_submissions_for_user", forms_whose_messages_user_may_read)


hooks.register("register_bulk_action", CloseBulkAction)


@hooks.register("register_log_actions")
def register_closing_actions(actions):
    actions.register_action(CLOSED_ACTION, "Close", "Closed")
    actions.register_action(REPLIED_ACTION, "Reply and close", "Replied to the reader and closed")
