"""Admin report: how useful readers found each sheet, with a CSV and Excel export."""

from django.db.models import Count, Q
from django.urls import reverse
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from toolkit.security.spreadsheets import SafeSpreadsheetExportMixin
from toolkit.sheets.models import SheetPage

from .models import PageFeedback


class SheetFeedbackReportView(SafeSpreadsheetExportMixin, ReportView):
    """One row per sheet with answers: yes, no, the share of yes, and how many left a comment.

    Sheets with the most "no" answers come first: those are the ones to improve.
    """

    page_title = "Sheet feedback"
    header_icon = "comment"
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    permission_policy = ModelPermissionPolicy(PageFeedback)
    permission_required = "view"
    export_filename = "sheet-feedback"
    list_export = ["title", "url_path", "yes_count", "no_count", "useful_percent", "comment_count"]
    export_headings = {
        "title": "Sheet",
        "url_path": "Address",
        "yes_count": "Useful",
        "no_count": "Not useful",
        "useful_percent": "% useful",
        "comment_count": "Comments",
    }
    no_results_message = "No reader has answered “Is this page useful?” on a sheet yet."

    @property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label="Sheet",
                get_url=lambda sheet: (
                    reverse("wagtailsnippets_feedback_pagefeedback:list") + f"?sheet={sheet.pk}"
                ),
            ),
            Column("yes_count", label="Useful"),
            Column("no_count", label="Not useful"),
            Column("useful_percent", label="% useful"),
            Column("comment_count", label="Comments"),
        ]

    def get_queryset(self):
        return (
            SheetPage.objects.annotate(
                yes_count=Count("feedback", filter=Q(feedback__useful=True)),
                no_count=Count("feedback", filter=Q(feedback__useful=False)),
                comment_count=Count("feedback", filter=~Q(feedback__comment="")),
            )
            .filter(Q(yes_count__gt=0) | Q(no_count__gt=0))
            .order_by("-no_count", "title")
        )

    def decorate_paginated_queryset(self, object_list):
        for sheet in object_list:
            sheet.useful_percent = round(100 * sheet.yes_count / (sheet.yes_count + sheet.no_count))
        return object_list

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return super().as_spreadsheet(self.decorate_paginated_queryset(queryset), spreadsheet_format)
