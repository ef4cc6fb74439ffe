"""Results of the last link check: one row per address, where each address is used, and the runs."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

# A run that is still queued or running after this long is taken to have died with its worker
# (a check of a thousand sheets takes minutes), so it no longer blocks the "Check now" button.
GIVE_UP_AFTER = timedelta(hours=6)


class CheckedLink(models.Model):
    """One outbound address and what happened when ``check_links`` last asked for it."""

    url = models.CharField("Address", max_length=2000, unique=True)
    status = models.PositiveSmallIntegerField("HTTP status", null=True, blank=True)
    ok = models.BooleanField(null=True, help_text="Empty until the address has been checked.")
    error = models.CharField(max_length=300, blank=True)
    final_url = models.CharField("Redirected to", max_length=2000, blank=True)
    redirect_status = models.PositiveSmallIntegerField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["url"]
        verbose_name = "checked link"

    def __str__(self):
        return self.url

    @property
    def problem(self):
        """What is wrong, in words an editor can act on."""
        if self.ok is None:
            return "Not checked yet"
        if self.error:
            return self.error
        if not self.ok:
            return f"HTTP {self.status}" + (" (page not found)" if self.status in (404, 410) else "")
        if self.redirect_status in (301, 308):
            return f"Moved permanently to {self.final_url}"
        return ""


class LinkOccurrence(models.Model):
    """Where an address appears: a sheet (and which part of it), an organisation or a law.

    ``source`` is the object an editor opens to fix the link, whatever its kind, so the report can
    link every row to its edit page; ``sheet`` is kept as well for the report's section and sheet
    filters, and so a deleted sheet takes its rows with it.
    """

    link = models.ForeignKey(CheckedLink, on_delete=models.CASCADE, related_name="occurrences")
    sheet = models.ForeignKey(
        "sheets.SheetPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    source_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    source_id = models.CharField(max_length=255, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    where = models.CharField(max_length=300)

    class Meta:
        ordering = ["sheet__title", "where"]

    def __str__(self):
        return f"{self.link.url} in {self.where}"


class LinkCheckRunQuerySet(models.QuerySet):
    def pending(self, now=None):
        """Runs queued or under way, leaving out those that have outlived ``GIVE_UP_AFTER``."""
        cutoff = (now or timezone.now()) - GIVE_UP_AFTER
        return self.filter(
            Q(status=LinkCheckRun.QUEUED, queued_at__gte=cutoff)
            | Q(status=LinkCheckRun.RUNNING, started_at__gte=cutoff)
        )

    def abandoned(self, now=None):
        """Runs queued, or started, longer than ``GIVE_UP_AFTER`` ago and never finished."""
        cutoff = (now or timezone.now()) - GIVE_UP_AFTER
        return self.filter(
            Q(status=LinkCheckRun.QUEUED, queued_at__lt=cutoff)
            | Q(status=LinkCheckRun.RUNNING, started_at__lt=cutoff)
        )

    def last_finished(self):
        return self.filter(status=LinkCheckRun.FINISHED).order_by("-finished_at", "-pk").first()


class LinkCheckRun(models.Model):
    """One check of every outbound link, queued from the report or started by ``check_links``.

    The report reads "Last checked" from the last finished run and "A check is running" from a
    pending one, so it never says that no links are broken before any check has been made.
    Permission to add a run is permission to queue a check.
    """

    QUEUED, RUNNING, FINISHED, FAILED = "queued", "running", "finished", "failed"
    STATUSES = [(QUEUED, "Queued"), (RUNNING, "Running"), (FINISHED, "Finished"), (FAILED, "Failed")]

    status = models.CharField(max_length=10, choices=STATUSES, default=QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    queued_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    links_checked = models.PositiveIntegerField(null=True, blank=True)
    broken = models.PositiveIntegerField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)

    objects = LinkCheckRunQuerySet.as_manager()

    class Meta:
        ordering = ["-queued_at"]
        verbose_name = "link check"
        constraints = [
            # Two presses of "Check now" at the same moment still queue a single check.
            models.UniqueConstraint(
                fields=["status"], condition=Q(status="queued"), name="linkcheck_one_queued_run"
            )
        ]

    def __str__(self):
        return f"Link check {self.get_status_display().lower()} ({self.queued_at:%d %b %Y %H:%M})"

    @property
    def began_at(self):
        """When it started, or when it was queued if it never started."""
        return self.started_at or self.queued_at
