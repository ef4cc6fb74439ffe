"""The contact form, the public's suggestions and "Is this page useful?".

The contact form is stored in the admin and emailed through Django's mail backend.

It is Wagtail's form builder (so editors choose the fields and read submissions under Forms) with
two additions: text fields have length limits, and a hidden "website" field catches robots. A
robot that fills it sees the normal thank-you page, but nothing is stored or sent.
"""

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from toolkit.core.models import ToolkitSettings
from toolkit.core.ratelimit import client_address, over_limit, too_many

from .forms import HONEYPOT_FIELD, LimitedFormBuilder
from .sheet_links import SheetFieldPanel

MESSAGES_PER_CLIENT = (5, 3600)  # five contact messages an hour from one client


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(AbstractEmailForm):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(blank=True, features=["bold", "italic", "link"])

    form_builder = LimitedFormBuilder
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="Email",
            help_text="Leave “to address” empty to use the contact address in Toolkit settings.",
        ),
    ]

    def get_submissions_list_view_class(self):
        # Imported here: Wagtail's admin views load models, so they cannot be imported while
        # Django is still loading this module.
        from .submissions import SafeSubmissionsListView

        return SafeSubmissionsListView

    def serve(self, request, *args, **kwargs):
        """Every message is stored and emailed to the team, so one client may send only a few."""
        if request.method == "POST" and over_limit("contact", client_address(request), *MESSAGES_PER_CLIENT):
            return too_many(request, MESSAGES_PER_CLIENT)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        if form.cleaned_data.pop(HONEYPOT_FIELD, ""):
            return None
        submission = self.get_submission_class().objects.create(form_data=form.cleaned_data, page=self)
        if self.recipients():
            self.send_mail(form)
        return submission

    def recipients(self):
        """The page's own addresses, or else the site's contact address."""
        if self.to_address:
            return self.to_address
        return ToolkitSettings.for_site(self.get_site()).contact_email

    def send_mail(self, form):
        original = self.to_address
        self.to_address = self.recipients()
        try:
            super().send_mail(form)
        finally:
            self.to_address = original


class QueueQuerySet(models.QuerySet):
    """What the editors' queues ask of suggestions and answers alike: open ones, closed ones, and
    open ones first (newest first within each), so a small team sees what is left to do."""

    def open(self):
        return self.exclude(status__in=self.model.CLOSED)

    def closed(self):
        return self.filter(status__in=self.model.CLOSED)

    def open_first(self):
        closed = models.Case(
            models.When(status__in=self.model.CLOSED, then=models.Value(1)),
            default=models.Value(0),
            output_field=models.IntegerField(),
        )
        return self.order_by(closed, "-created_at", "-pk")


class Suggestion(models.Model):
    """A reader's idea for a new sheet or a change to one: a queue for the editors, never published.

    The reader may leave an email address for a reply. It is kept only while it may be needed:
    it is wiped when the suggestion is closed, and ``purge_suggestion_emails`` wipes any older than
    a set number of days.
    """

    class Kind(models.TextChoices):
        NEW_SHEET = "new_sheet", "New sheet"
        CHANGE = "change", "Change to a sheet"

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_REVIEW = "in_review", "Being looked at"
        ACCEPTED = "accepted", "Accepted (closed)"
        DECLINED = "declined", "Declined (closed)"
        SPAM = "spam", "Spam (closed)"

    CLOSED = (Status.ACCEPTED, Status.DECLINED, Status.SPAM)

    @classmethod
    def outcome_choices(cls):
        """The closed statuses, for a "Close it as" question (so without "(closed)" after each)."""
        return [(status.value, status.label.removesuffix(" (closed)")) for status in cls.CLOSED]

    kind = models.CharField(max_length=20, choices=Kind.choices)
    sheet = models.ForeignKey(
        "sheets.SheetPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
        help_text="The sheet a change is suggested for.",
    )
    sheet_title = models.CharField(
        max_length=255, blank=True, help_text="The sheet's title when the suggestion was made."
    )
    title = models.CharField("Topic", max_length=200, blank=True)
    details = models.TextField()
    email = models.EmailField(
        "Email for a reply",
        blank=True,
        help_text="Wiped automatically when the suggestion is closed.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    moderator_note = models.TextField(
        "Notes for the team", blank=True, help_text="Not shown to the public or sent to anyone."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = QueueQuerySet.as_manager()

    panels = [
        FieldPanel("kind", read_only=True),
        SheetFieldPanel(),
        FieldPanel("title", read_only=True),
        FieldPanel("details", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("status"),
        FieldPanel("moderator_note"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "suggestion"
        verbose_name_plural = "suggestions"

    def __str__(self):
        subject = self.title or self.sheet_title or "a sheet"
        return f"{self.get_kind_display()}: {subject}"[:120]

    @property
    def is_closed(self):
        return self.status in self.CLOSED

    def close(self, status):
        """Close it as ``status`` (one of ``CLOSED``); saving wipes the reader's email address."""
        if status not in self.CLOSED:
            raise ValueError(f"{status!r} is not a closed status")
        self.status = status
        self.save(update_fields=["status"])

    def save(self, *args, **kwargs):
        if self.is_closed:
            self.closed_at = self.closed_at or timezone.now()
            self.email = ""
        else:
            self.closed_at = None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "closed_at", "email"}
        super().save(*args, **kwargs)


class PageFeedback(models.Model):
    """One "Is this page useful?" answer, from the bar at the foot of every public page.

    It is about a Wagtail page (``page``; ``sheet`` as well when that page is a sheet, so the
    per-sheet report keeps counting) or, for a view that is not a page (search, the A to Z, the
    pack), only the address it was given on (``path``). ``path`` also keeps a page's address at
    the time, so an editor can still tell where an answer came from after the page moves.
    Nothing about the reader is stored: no address, no cookie, no email.
    """

    class Status(models.TextChoices):
        NEW = "new", "New"
        READ = "read", "Read (closed)"

    CLOSED = (Status.READ,)

    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    sheet = models.ForeignKey(
        "sheets.SheetPage", null=True, blank=True, on_delete=models.CASCADE, related_name="feedback"
    )
    path = models.CharField("Address", max_length=255, blank=True)
    # Choices so that every admin screen and export says "Yes" or "No", never "True" or "False".
    useful = models.BooleanField(choices=[(True, "Yes"), (False, "No")])
    doing = models.TextField("What they were doing", blank=True)
    comment = models.TextField("What went wrong", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = QueueQuerySet.as_manager()

    panels = [
        SheetFieldPanel("page"),
        FieldPanel("path", read_only=True),
        FieldPanel("useful", read_only=True),
        FieldPanel("doing", read_only=True),
        FieldPanel("comment", read_only=True),
        FieldPanel("status"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"

    def __str__(self):
        answer = "Useful" if self.useful else "Not useful"
        text = self.comment or self.doing
        return f"{answer}: {text[:60]}" if text else answer

    @property
    def is_closed(self):
        return self.status in self.CLOSED

    def save(self, *args, **kwargs):
        # An answer about a sheet is an answer about that page (a sheet's id is its page's id).
        if self.sheet_id and not self.page_id:
            self.page_id = self.sheet_id
        super().save(*args, **kwargs)

    def close(self, status=Status.READ):
        self.status = status
        self.save(update_fields=["status"])
