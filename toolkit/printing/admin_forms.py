"""The print pack's edit form: at least one sheet, checked without a blank form to fill first.

The multiple chooser appends one form per chosen sheet. With the panel's ``min_num`` Wagtail would
also start every new pack with an empty, required sheet form above the chosen ones, which had to be
filled or deleted before the pack would save; so the rule lives here instead.
"""

from wagtail.admin.forms import WagtailAdminPageForm

NO_SHEETS = "Choose at least one sheet for the pack."


class PrintPackForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        items = self.formsets["items"]
        if items.is_valid():
            kept = [form for form in items.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
            if not kept:
                self.add_error(None, NO_SHEETS)
        return cleaned
