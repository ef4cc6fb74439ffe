"""Admin wiring: the "Broken links" report under Reports, and its "Check all links now" button."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import BrokenLinksReportView, QueueLinkCheckView


@hooks.register("register_admin_urls")
def register_linkcheck_report_urls():
    return [
        path("reports/broken-links/", BrokenLinksReportView.as_view(), name="linkcheck_report"),
        path(
            "reports/broken-links/results/",
            BrokenLinksReportView.as_view(results_only=True),
            name="linkcheck_report_results",
        ),
        path("reports/broken-links/check/", QueueLinkCheckView.as_view(), name="linkcheck_queue_check"),
    ]


class BrokenLinksMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("linkcheck.view_checkedlink")


@hooks.register("register_reports_menu_item")
def register_broken_links_menu_item():
    return BrokenLinksMenuItem(
        "Broken links", reverse("linkcheck_report"), name="broken-links", icon_name="link", order=910
    )
