"""Admin report: broken (and permanently moved) links, sheet by sheet, with CSV export."""

import django_filters
from django.db.models import Q
from django.urls import reverse
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from toolkit.security.spreadsheets import SafeSpreadsheetExportMixin

from .models import CheckedLink, LinkOccurrence

BROKEN = Q(link__ok=False)
MOVED = Q(link__ok=True, link__redirect_status__in=[301, 308])


def sheets_with_problems(request=None):
    """Only sheets that have a broken or moved link: the choices an editor can act on."""
    from toolkit.sheets.models import SheetPage

    with_problems = LinkOccurrence.objects.filter(BROKEN | MOVED).values("sheet")
    return SheetPage.objects.filter(pk__in=with_problems).order_by("title")


def sections(request=None):
    from toolkit.sheets.models import SectionPage

    return SectionPage.objects.order_by("title")


class LinkProblemFilterSet(WagtailFilterSet):
    """Which problems, and for an editor who looks after one section or one sheet, only those."""

    problem = django_filters.ChoiceFilter(
        label="Show",
        choices=[("broken", "Broken links"), ("moved", "Moved permanently"), ("all", "Broken and moved")],
        empty_label=None,
        null_label=None,
        method="filter_problem",
    )
    section = django_filters.ModelChoiceFilter(
        label="Section", queryset=sections, method="filter_section", empty_label="All sections"
    )
    sheet = django_filters.ModelChoiceFilter(
        label="Sheet", queryset=sheets_with_problems, empty_label="All sheets"
    )

    class Meta:
        model = LinkOccurrence
        fields = ["problem", "section", "sheet"]

    def filter_problem(self, queryset, name, value):
        return queryset.filter({"moved": MOVED, "all": BROKEN | MOVED}.get(value, BROKEN))

    def filter_section(self, queryset, name, section):
        return queryset.filter(sheet__path__startswith=section.path, sheet__depth=section.depth + 1)


def sheet_edit_url(occurrence):
    return reverse("wagtailadmin_pages:edit", args=[occurrence.sheet_id]) if occurrence.sheet_id else None


class BrokenLinksReportView(SafeSpreadsheetExportMixin, ReportView):
    """Each broken link where it is used, grouped by sheet, so an editor can fix a sheet at a time."""

    page_title = "Broken links"
    header_icon = "link"
    index_url_name = "linkcheck_report"
    index_results_url_name = "linkcheck_report_results"
    permission_policy = ModelPermissionPolicy(CheckedLink)
    permission_required = "view"
    filterset_class = LinkProblemFilterSet
    export_filename = "broken-links"
    list_export = ["place", "where", "link.url", "link.problem", "link.checked_at"]
    export_headings = {
        "place": "Sheet",
        "where": "Where",
        "link.url": "Address",
        "link.problem": "Problem",
        "link.checked_at": "Checked",
    }
    no_results_message = "No broken links were found by the last check (run “manage.py check_links”)."

    @property
    def columns(self):
        return [
            TitleColumn("place", label="Sheet", get_url=sheet_edit_url),
            Column("where", label="Where"),
            Column("url", label="Address", accessor="link.url"),
            Column("problem", label="Problem", accessor="link.problem"),
            DateColumn("checked_at", label="Checked", accessor="link.checked_at"),
        ]

    def get_queryset(self):
        return (
            LinkOccurrence.objects.filter(BROKEN | MOVED)
            .select_related("link", "sheet")
            .order_by("sheet__title", "where", "link__url")
        )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.request.GET.get("problem"):
            queryset = queryset.filter(BROKEN)
        return queryset

    def decorate_paginated_queryset(self, object_list):
        for occurrence in object_list:
            occurrence.place = occurrence.sheet.title if occurrence.sheet_id else "(not a sheet)"
        return object_list

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return super().as_spreadsheet(self.decorate_paginated_queryset(list(queryset)), spreadsheet_format)
