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
