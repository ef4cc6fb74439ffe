"""Form building for the contact page: length limits and a honeypot against spam robots."""

from urllib.parse import urlsplit

from django import forms
from django.urls import Resolver404, resolve
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.models import Page

from toolkit.sheets.models import SheetPage

HONEYPOT_FIELD = "website"
MESSAGE_MAX_LENGTH = 5000


class LimitedFormBuilder(FormBuilder):
    """Wagtail's form builder with a ceiling on every text field, so nobody can post a novel."""

    def create_multiline_field(self, field, options):
        options["max_length"] = MESSAGE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def get_form_class(self):
        form_class = super().get_form_class()
        form_class.base_fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label="Leave this empty",
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return form_class


# --- the public's suggestions and "Is this page useful?" -----------------------------------------

TOPIC_MAX_LENGTH = 150
DETAILS_MAX_LENGTH = 3000
COMMENT_MAX_LENGTH = 1000


def honeypot_field():
    """A field people never see or fill in; robots that fill every field give themselves away."""
    return forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


class HoneypotMixin:
    def is_robot(self):
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))


def live_sheets():
    return SheetPage.objects.live().public()


class SheetChoiceField(forms.ModelChoiceField):
    """A live, public sheet given by its id (a hidden field), with a plain message when it is not."""

    widget = forms.HiddenInput
    default_error_messages = {
        "invalid_choice": "We could not find that sheet. Go back to the sheet and try again.",
        "required": "We could not tell which sheet this is about. Go back to the sheet and try again.",
    }
    MAX_DIGITS = 18  # a bigint holds any 18-digit id; a 20-digit one overflowed SQLite's integer (a 500)

    def to_python(self, value):
        """Only whole numbers the database can hold are looked up; anything else is not a sheet."""
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not (text.isascii() and text.isdigit()) or len(text) > self.MAX_DIGITS:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(text)


class SuggestSheetForm(HoneypotMixin, forms.Form):
    title = forms.CharField(
        label="What should the new sheet be about?",
        max_length=TOPIC_MAX_LENGTH,
        help_text="A few words, for example “Running a litter pick”.",
        error_messages={"required": "Tell us what the new sheet should be about."},
    )
    details = forms.CharField(
        label="Why would it help, and who would use it?",
        max_length=DETAILS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"Up to {DETAILS_MAX_LENGTH} characters.",
        error_messages={"required": "Tell us why the sheet would help."},
    )
    email = forms.EmailField(
        label="Your email address, if you would like a reply",
        required=False,
        max_length=254,
        help_text="Optional. We use it only to reply, and delete it when we close your suggestion.",
    )
    website = honeypot_field()


class SuggestChangeForm(HoneypotMixin, forms.Form):
    sheet = SheetChoiceField(queryset=None)
    details = forms.CharField(
        label="What should we change?",
        max_length=DETAILS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Tell us what is wrong, out of date or missing, and where on the sheet. "
        f"Up to {DETAILS_MAX_LENGTH} characters.",
        error_messages={"required": "Tell us what we should change."},
    )
    email = SuggestSheetForm.base_fields["email"]
    website = honeypot_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sheet"].queryset = live_sheets()


DOING_MAX_LENGTH = 300
PAGE_ID_MAX = 2**31 - 1  # the largest id a page can have; a longer number is no page of ours
ADDRESS_MAX_LENGTH = 500


def live_pages():
    return Page.objects.live().public()


class UsefulForm(HoneypotMixin, forms.Form):
    """Yes or no about one page and, after "No", what the reader was doing and what went wrong.

    The page is a Wagtail page's id, or for a view that is not a page (search, the A to Z, the
    pack) the address it was on, which must be one of ``views_without_a_page`` (so nobody can
    fill the queue with made-up addresses, and the redirect back never leaves the site). No name,
    no email, nothing that identifies the reader.
    """

    page = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    path = forms.CharField(required=False, max_length=ADDRESS_MAX_LENGTH, widget=forms.HiddenInput)
    useful = forms.TypedChoiceField(
        label="Is this page useful?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose yes or no.",
            "invalid_choice": "Choose yes or no.",
        },
    )
    doing = forms.CharField(
        label="What were you doing? (optional)",
        max_length=DOING_MAX_LENGTH,
        required=False,
    )
    comment = forms.CharField(
        label="What went wrong? (optional)",
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Please do not include personal details such as your name or address.",
    )
    website = honeypot_field()

    NOT_FOUND = "We could not find that page. Go back to the page and try again."

    def __init__(self, data=None, *args, views_without_a_page=(), **kwargs):
        if data is not None and not data.get("page") and data.get("sheet"):
            # The form sheets had before the bar (still in pages cached before it) sent "sheet".
            data = data.copy()
            data["page"] = data["sheet"]
        super().__init__(data, *args, **kwargs)
        self.views_without_a_page = set(views_without_a_page)

    def clean_page(self):
        """The live, public page with this id, or ``None`` when none was given."""
        value = self.cleaned_data["page"].strip()
        if not value:
            return None
        if not value.isascii() or not value.isdigit() or int(value) > PAGE_ID_MAX:
            raise forms.ValidationError(self.NOT_FOUND)  # before the database sees a number it overflows on
        page = live_pages().filter(pk=int(value)).specific().first()
        if page is None or not page.url:
            raise forms.ValidationError(self.NOT_FOUND)
        return page

    def clean_path(self):
        """The address (with its query) the reader was on, or ``""``; checked in ``clean``."""
        value = self.cleaned_data["path"].strip()
        if not value:
            return ""
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith("//"):
            raise forms.ValidationError(self.NOT_FOUND)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def address_fits(self, address, page):
        """On a page: one of the page's own addresses. Else: one of the listed views."""
        if page:
            return urlsplit(address).path.startswith(page.url)
        try:
            match = resolve(urlsplit(address).path)
        except (Resolver404, ValueError):
            return False
        return match.view_name in self.views_without_a_page

    def clean(self):
        """A page, with the address of one of its own routes or none; or else the address of one
        of the views that carry the bar and are not pages."""
        cleaned = super().clean()
        if self.has_error("page") or self.has_error("path"):
            return cleaned
        page, path = cleaned.get("page"), cleaned.get("path")
        if path and not self.address_fits(path, page):
            self.add_error("path", self.NOT_FOUND)
        elif not (page or path):
            self.add_error(
                None, "We could not tell which page this is about. Go back to the page and try again."
            )
        return cleaned

    def back_url(self):
        """Where the reader came from: the address they were on, else the page's own."""
        page = self.cleaned_data.get("page")
        return self.cleaned_data.get("path") or (page.url if page else "")

    def stored_path(self):
        """The address to keep: without the query, which may hold what the reader searched for."""
        return urlsplit(self.back_url()).path[:255]
