"""The contact form: stored in the admin, emailed through Django's mail backend.

It is Wagtail's form builder (so editors choose the fields and read submissions under Forms) with
two additions: text fields have length limits, and a hidden "website" field catches robots. A
robot that fills it sees the normal thank-you page, but nothing is stored or sent.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from toolkit.core.models import ToolkitSettings

from .forms import HONEYPOT_FIELD, LimitedFormBuilder


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(AbstractEmailForm):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(blank=True, features=["bold", "italic", "link"])

    form_builder = LimitedFormBuilder
    parent_page_types = ["core.HomePage"]
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
