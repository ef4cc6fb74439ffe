"""Admin report: broken (and permanently moved) links, sheet by sheet, with CSV export; when the
last check finished, whether one is under way, and a button for editors to queue one."""

import django_filters
from django.contrib import messages
from django.db.models import F, Q
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views import View
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from toolkit.security.spreadsheets import SafeSpreadsheetExportMixin
from toolkit.sheets.models import SectionPage, SheetPage

from .models import CheckedLink, LinkCheckRun, LinkOccurrence
from .runs import check_status
from .tasks import queue_check

BROKEN = Q(link__ok=False)
MOVED = Q(link__ok=True, link__redirect_status__in=[301, 308])


def sheets_with_problems(request=None):
    """Only sheets that have a broken or moved link: the choices an editor can act on."""
    with_problems = LinkOccurrence.objects.filter(BROKEN | MOVED).values("sheet")
    return SheetPage.objects.filter(pk__in=with_problems).order_by("title")


def sections(request=None):
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


def source_edit_url(occurrence):
    return occurrence.edit_url


class BrokenLinksReportView(SafeSpreadsheetExportMixin, ReportView):
    """Each broken link where it is used, grouped by sheet, so an editor can fix a sheet at a time.

    Every row links to the edit page of what holds the link (a sheet, an organisation, a law), if
    the editor may change it. Above the list: when the last check finished, or that none has yet,
    so an empty list is never mistaken for "nothing is broken".
    """

    template_name = "linkcheck/broken_links_report.html"
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
        "place": "Used in",
        "where": "Where",
        "link.url": "Address",
        "link.problem": "Problem",
        "link.checked_at": "Checked",
    }

    @cached_property
    def check_status(self):
        return check_status()

    @property
    def no_results_message(self):
        status = self.check_status
        if status.never_checked:
            if status.pending:
                return "The first check is under way: broken links will be listed here when it finishes."
            return "No check has been made yet, so no broken links are known."
        if self.is_filtering:
            return "The last check found nothing that matches these filters."
        return "The last check found no broken links."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["check_status"] = self.check_status
        context["can_queue_check"] = self.request.user.has_perm("linkcheck.add_linkcheckrun")
        return context

    @property
    def columns(self):
        return [
            TitleColumn("place", label="Used in", get_url=source_edit_url),
            Column("where", label="Where"),
            Column("url", label="Address", accessor="link.url"),
            Column("problem", label="Problem", accessor="link.problem"),
            DateColumn("checked_at", label="Checked", accessor="link.checked_at"),
        ]

    def get_queryset(self):
        return (
            LinkOccurrence.objects.filter(BROKEN | MOVED)
            .select_related("link", "sheet")
            .prefetch_related("source")
            .order_by(F("sheet__title").asc(nulls_last=True), "where", "link__url")
        )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.request.GET.get("problem"):
            queryset = queryset.filter(BROKEN)
        return queryset

    def decorate_paginated_queryset(self, object_list):
        finder = AdminURLFinder(self.request.user)
        for occurrence in object_list:
            source = occurrence.source
            occurrence.place = str(source) if source is not None else occurrence.where
            occurrence.edit_url = finder.get_edit_url(source) if source is not None else None
        return object_list

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return super().as_spreadsheet(self.decorate_paginated_queryset(list(queryset)), spreadsheet_format)


class QueueLinkCheckView(PermissionCheckedMixin, View):
    """The "Check all links now" button: queue a check for the task worker, then back to the report.

    POST only (Django's CSRF check applies). While a check is queued or running, pressing again
    queues nothing and says so.
    """

    http_method_names = ["post"]
    permission_policy = ModelPermissionPolicy(LinkCheckRun)
    permission_required = "add"

    def post(self, request):
        run, queued = queue_check(request.user)
        if not queued:
            messages.info(request, "A check is already queued or running, so no other was queued.")
        elif run.status == LinkCheckRun.FINISHED:  # the task backend ran it at once
            count = run.links_checked
            messages.success(
                request, f"The check has finished: {count} link{'s' if count != 1 else ''} checked."
            )
        else:
            messages.success(request, "A check of every link is queued. This page shows when it finishes.")
        return redirect("linkcheck_report")
