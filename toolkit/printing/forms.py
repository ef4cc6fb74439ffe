"""Forms for emailing a sheet and naming a print pack."""

from django import forms

from .pack import MAX_TITLE_CHARS

HONEYPOT_FIELD = "website"


class EmailSheetForm(forms.Form):
    """Only an address: the message itself is fixed (title, summary, link), never the sender's text."""

    email = forms.EmailField(
        label="Email address to send it to",
        max_length=254,
        help_text="We send the sheet's title, summary and link, and keep no copy of the address.",
        error_messages={
            "required": "Enter the email address to send the sheet to.",
            "invalid": "Enter an email address in the right format, like name@example.org.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_robot(self):
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))


class PackTitleForm(forms.Form):
    title = forms.CharField(
        label="Title for the cover",
        max_length=MAX_TITLE_CHARS,
        required=False,
        help_text=f"Up to {MAX_TITLE_CHARS} characters, for example “Notes for the March meeting”.",
        error_messages={"max_length": f"Keep the title to {MAX_TITLE_CHARS} characters or fewer."},
    )
