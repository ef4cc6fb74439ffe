"""Results of the last link check: one row per address, and where each address is used."""

from django.db import models


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
    """Where an address appears: a sheet (and which part of it), an organisation or a law."""

    link = models.ForeignKey(CheckedLink, on_delete=models.CASCADE, related_name="occurrences")
    sheet = models.ForeignKey(
        "sheets.SheetPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    where = models.CharField(max_length=300)

    class Meta:
        ordering = ["sheet__title", "where"]

    def __str__(self):
        return f"{self.link.url} in {self.where}"
