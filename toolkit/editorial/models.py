"""Laws and policies that sheets rely on.

Planning law changes, and a sheet that explains an old version of it misleads people. Each sheet
says which laws and policies it cites (``SheetPage.cites``); when one of them changes, an editor
marks it changed and every sheet citing it is flagged for review in one step (see
``freshness.flag_citing_sheets``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class Law(models.Model):
    """An Act, a set of regulations or a government policy, with its official address."""

    class Kind(models.TextChoices):
        ACT = "act", "Act of Parliament"
        REGULATIONS = "regulations", "Regulations"
        POLICY = "policy", "Government policy or guidance"

    name = models.CharField(
        max_length=200, unique=True, help_text="As it is usually written, e.g. “Localism Act 2011”."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ACT)
    url = models.URLField("Official address", max_length=500, help_text="legislation.gov.uk or GOV.UK.")
    changed_on = models.DateField(
        null=True,
        blank=True,
        help_text="When it last changed in a way that may affect sheets. Set it with “Mark as changed”, "
        "which also flags every sheet citing it for review.",
    )
    change_note = models.CharField(
        max_length=300, blank=True, help_text="What changed, in a line (for the people reviewing sheets)."
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("url")]),
        FieldRowPanel([FieldPanel("changed_on", read_only=True), FieldPanel("change_note")]),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "law or policy"
        verbose_name_plural = "laws and policies"

    def __str__(self):
        return self.name


class ReviewFlagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(cleared_at__isnull=True)


class ReviewFlag(models.Model):
    """Why a sheet was flagged for review: which law changed, what changed, who said so and when.

    A flag stays open until someone marks the sheet as reviewed ("Mark as reviewed" on its edit
    page), so the reason is in front of whoever picks the sheet up, however long that takes.
    """

    sheet = models.ForeignKey("sheets.SheetPage", on_delete=models.CASCADE, related_name="review_flags")
    law = models.ForeignKey(
        Law, null=True, blank=True, on_delete=models.SET_NULL, related_name="review_flags"
    )
    law_name = models.CharField(max_length=200, help_text="Kept in case the law is deleted later.")
    note = models.CharField("What changed", max_length=300, blank=True)
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    flagged_at = models.DateTimeField(default=timezone.now)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cleared_at = models.DateTimeField(null=True, blank=True)

    objects = ReviewFlagQuerySet.as_manager()

    class Meta:
        ordering = ["-flagged_at", "-pk"]
        indexes = [models.Index(fields=["sheet", "cleared_at"])]

    def __str__(self):
        return f"{self.law_name} changed ({self.flagged_at:%d %b %Y})"

    @property
    def flagged_by_name(self):
        if self.flagged_by is None:
            return "an editor"
        return self.flagged_by.get_full_name() or self.flagged_by.get_username()
