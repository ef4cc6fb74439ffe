"""Admin wiring: the suggestions queue, the feedback queue and the per-sheet feedback report.

Both queues are snippet viewsets, so every change (a status, a note, a deletion) is written to
Wagtail's audit log with the user who made it. Text from the public is only ever shown through
Django's escaping templates and Wagtail's table components.
"""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from toolkit.security.spreadsheets import SafeSpreadsheetExportMixin

from .models import PageFeedback, Suggestion
from .reports import SheetFeedbackReportView
from .submissions import forms_whose_messages_user_may_read


class SafeExportIndexView(SafeSpreadsheetExportMixin, IndexView):
    pass


class FromThePublicOnly(ModelPermissionPolicy):
    """Suggestions and feedback come only from the public forms: nobody, not even a superuser, adds
    or copies one in the admin (an "Add suggestion" button there only invited confusion)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


for submitted_model in (Suggestion, PageFeedback):
    register_permission_policy(submitted_model, FromThePublicOnly(submitted_model), exact_class=True)


class SuggestionViewSet(SnippetViewSet):
    model = Suggestion
    copy_view_enabled = False
    icon = "help"
    menu_label = "Suggestions"
    list_display = ["__str__", "kind", "sheet", "status", DateColumn("created_at", label="Received")]
    list_filter = ["status", "kind"]
    search_fields = ["title", "details", "sheet_title"]
    search_backend_name = None
    index_view_class = SafeExportIndexView
    list_export = ["kind", "sheet_title", "title", "details", "status", "created_at", "closed_at"]
    export_filename = "suggestions"
    inspect_view_enabled = True
    inspect_view_fields = ["kind", "sheet_title", "title", "details", "email", "status", "created_at"]


class PageFeedbackViewSet(SnippetViewSet):
    model = PageFeedback
    copy_view_enabled = False
    icon = "comment"
    menu_label = "Was it useful?"
    list_display = [
        "sheet",
        BooleanColumn("useful", label="Useful"),
        "comment",
        "status",
        DateColumn("created_at", label="Received"),
    ]
    list_filter = ["useful", "status", "sheet"]
    search_fields = ["comment"]
    search_backend_name = None
    index_view_class = SafeExportIndexView
    list_export = ["sheet", "useful", "comment", "status", "created_at"]
    export_filename = "page-feedback"
    inspect_view_enabled = True


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
