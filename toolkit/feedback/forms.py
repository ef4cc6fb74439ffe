"""Form building for the contact page: length limits and a honeypot against spam robots."""

from django import forms
from wagtail.contrib.forms.forms import FormBuilder

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


# --- the public's suggestions and "Was this page useful?" ----------------------------------------

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
    from toolkit.sheets.models import SheetPage

    return SheetPage.objects.live().public()


class SheetChoiceField(forms.ModelChoiceField):
    """A live, public sheet given by its id (a hidden field), with a plain message when it is not."""

    widget = forms.HiddenInput
    default_error_messages = {
        "invalid_choice": "We could not find that sheet. Go back to the sheet and try again.",
        "required": "We could not tell which sheet this is about. Go back to the sheet and try again.",
    }


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


class UsefulForm(HoneypotMixin, forms.Form):
    """Yes or no, and an optional comment. No name, no email, nothing that identifies the reader."""

    sheet = SheetChoiceField(queryset=None)
    useful = forms.TypedChoiceField(
        label="Was this page useful?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose yes or no.",
            "invalid_choice": "Choose yes or no.",
        },
    )
    comment = forms.CharField(
        label="How could we make it better? (optional)",
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Please do not include personal details such as your name or address.",
    )
    website = honeypot_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sheet"].queryset = live_sheets()
