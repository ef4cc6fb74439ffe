"""The sheet edit form: what a sheet needs before it can go live, but not before it can be saved.

A sheet on no topic is on no topic page, and one for no audience is missing from the "Useful for"
filter, so topics and audiences are required to publish or to submit for review (whatever is
approved is published as it was submitted). Drafts may be saved without them: Wagtail lifts
required fields on "Save draft" for every field its ``FieldPanel`` marks ``required_on_save=False``
(``WagtailAdminModelForm.defer_required_fields``), and the panels of both kinds do so for these.
Wagtail's bulk "Publish" skips the form, so ``wagtail_hooks.py`` asks ``missing_to_publish`` there.
"""

from wagtail.admin.forms import WagtailAdminPageForm

REQUIRED_TO_PUBLISH = {
    "topics": "Tick at least one topic before you publish or submit this sheet (you can save a draft "
    "without one): topics put the sheet on its topic pages. It is on the “Classify and review” tab.",
    "audiences": "Tick at least one audience under “Useful for” before you publish or submit this "
    "sheet (you can save a draft without one): readers filter by it. It is on the “Classify and "
    "review” tab.",
}


class SheetPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in REQUIRED_TO_PUBLISH.items():
            if name in self.fields:
                self.fields[name].required = True
                self.fields[name].error_messages["required"] = message


def missing_to_publish(sheet):
    """The names of what ``sheet``'s latest draft still needs before it may be published."""
    latest = sheet.get_latest_revision_as_object()
    return [name for name in REQUIRED_TO_PUBLISH if not list(getattr(latest, name).all())]
