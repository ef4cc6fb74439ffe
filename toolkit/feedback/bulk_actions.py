"""“Mark as closed”, next to Wagtail's bulk Delete in both queues (and in each row's ⋯ menu).

Closing spam or answered items one by one was the slowest part of the queues. Suggestions are
closed with an outcome (accepted, declined or spam), chosen once for the whole selection; answers
to "Is this page useful?" are simply marked read. Items already closed keep their outcome.
"""

from django import forms
from django.utils.text import capfirst
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .closing import close_all
from .models import PageFeedback, Suggestion

ACTION_TYPE = "close"


class OutcomeForm(forms.Form):
    status = forms.ChoiceField(
        label="Close them as",
        choices=Suggestion.outcome_choices(),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how to close them."},
        help_text="Closing deletes the readers' email addresses.",
    )


class CloseBulkAction(SnippetBulkAction):
    display_name = "Mark as closed"
    action_type = ACTION_TYPE
    aria_label = "Mark the selected items as closed"
    template_name = "feedback/bulk_actions/confirm_close.html"
    action_priority = 20
    models = [Suggestion, PageFeedback]

    def get_form_class(self):
        return OutcomeForm if self.model is Suggestion else forms.Form

    def check_perm(self, item):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", item)

    def get_all_objects_in_listing_query(self, parent_id):
        """Wagtail's "select all in listing" sends ``id=all`` without the listing's filters, so it
        means every open item of the queue (never a closed one, whose outcome would be rewritten)."""
        return self.model.objects.open().values_list("pk", flat=True)

    def get_execution_context(self):
        status = self.cleaned_form.cleaned_data.get("status") if self.cleaned_form else None
        return {**super().get_execution_context(), "user": self.request.user, "status": status}

    @classmethod
    def execute_action(cls, objects, user=None, status=None, **kwargs):
        closed = close_all(objects, user, status)
        kwargs["self"].already_closed = len(objects) - len(closed)
        return len(closed), 0

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["already_closed"] = sum(1 for entry in context["items"] if entry["item"].is_closed)
        return context

    def get_success_message(self, num_parent_objects, num_child_objects):
        names = (
            self.model._meta.verbose_name if num_parent_objects == 1 else self.model._meta.verbose_name_plural
        )
        message = f"{num_parent_objects} {names} marked as closed."
        if self.already_closed:
            message += (
                f" {self.already_closed} {'was' if self.already_closed == 1 else 'were'} closed already."
            )
        return capfirst(message)
