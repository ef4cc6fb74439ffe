"""Who reads the contact form's messages in the admin, and how they leave it.

The messages hold the public's names and email addresses, so only Editors (and superusers) read
and export them; Reviewers, who can edit the contact page, do not. And the export goes through
the same formula-safe spreadsheet writer as every other export of text the public wrote: a
message starting with ``=HYPERLINK(...)`` must not arrive in an editor's spreadsheet as a formula.
"""

from wagtail.contrib.forms.views import SubmissionsListView

from toolkit.security.spreadsheets import SafeSpreadsheetExportMixin

READ_MESSAGES = "wagtailforms.view_formsubmission"


class SafeSubmissionsListView(SafeSpreadsheetExportMixin, SubmissionsListView):
    """Wagtail's list of form submissions, with CSV cells that cannot run as formulas."""


def forms_whose_messages_user_may_read(user, editable_forms):
    """For Wagtail's ``filter_form_submissions_for_user`` hook."""
    if user.is_superuser or user.has_perm(READ_MESSAGES):
        return editable_forms
    return editable_forms.none()
