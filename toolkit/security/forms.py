"""Forms for setting up, using and turning off two-factor authentication."""

from django import forms
from django.contrib.auth import authenticate

CODE_HELP = "The 6-digit code your authenticator app shows now."


class CodeForm(forms.Form):
    code = forms.RegexField(
        label="Code",
        regex=r"^\s*\d{6}\s*$",
        max_length=12,
        help_text=CODE_HELP,
        error_messages={"invalid": "Enter the 6 digits your app shows, without spaces."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if self.device is None or not self.device.verify_token(code):
            raise forms.ValidationError(
                "That code did not work. Check the time on your phone is right and try the newest code; "
                "after several wrong codes you must wait a little before trying again."
            )
        return code


class PasswordAndCodeForm(CodeForm):
    """Setting up or turning off 2FA asks for the password again, so an open session is not enough."""

    password = forms.CharField(label="Your password", widget=forms.PasswordInput, strip=False)

    field_order = ["password", "code"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self):
        password = self.cleaned_data["password"]
        user = self.request.user
        if authenticate(self.request, username=user.get_username(), password=password) != user:
            raise forms.ValidationError("That is not your password.")
        return password
