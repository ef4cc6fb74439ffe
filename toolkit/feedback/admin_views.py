"""Admin views for the queues: the listings (open first), the inspect page and "Reply and close"."""

import smtplib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import FormView
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import IndexView, InspectView

from toolkit.security.spreadsheets import SafeSpreadsheetExportMixin

from .bulk_actions import ACTION_TYPE as CLOSE_ACTION_TYPE
from .closing import reply_and_close
from .models import Suggestion
from .sheet_links import render_sheet_links

REPLY_MAX_LENGTH = 5000


def may_change(user, item):
    return policy_registry.get_by_type(type(item)).user_has_permission_for_instance(user, "change", item)


class QueueIndexView(SafeSpreadsheetExportMixin, IndexView):
    """A queue's listing: open items first (newest first), unless the editor sorts by a column;
    each open row's ⋯ menu closes it in one step."""

    reply_url_name = None

    def order_queryset(self, queryset):
        if self.is_explicitly_ordered:
            return super().order_queryset(queryset)
        return queryset.open_first()

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.is_closed and may_change(self.request.user, instance):
            buttons.append(self.close_button(instance))
        return buttons

    def close_button(self, instance):
        if self.reply_url_name:
            label = "Reply and close" if instance.email else "Close"
            return MenuItem(
                label, url=reverse(self.reply_url_name, args=[instance.pk]), icon_name="mail", priority=5
            )
        meta = self.model._meta
        url = reverse("wagtail_bulk_action", args=[meta.app_label, meta.model_name, CLOSE_ACTION_TYPE])
        query = urlencode({"id": instance.pk, "next": self.request.get_full_path()})
        return MenuItem("Mark as closed", url=f"{url}?{query}", icon_name="check", priority=5)


class SheetLinksInspectView(InspectView):
    """The inspect page, with the sheet as links rather than its title in plain text."""

    def get_sheet_display_value(self):
        return render_sheet_links(self.object.sheet, getattr(self.object, "sheet_title", ""))

    def get_page_display_value(self):
        """An answer's page as links, or the address of the view it was given on."""
        if self.object.page is None:
            return self.object.path
        return render_sheet_links(self.object.page)


class ReplyForm(forms.Form):
    """The reply (only when the reader left an address) and how the suggestion is closed."""

    reply = forms.CharField(
        label="Your reply",
        max_length=REPLY_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    status = forms.ChoiceField(
        label="Close it as",
        choices=Suggestion.outcome_choices(),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how to close the suggestion."},
    )

    def __init__(self, *args, recipient="", **kwargs):
        super().__init__(*args, **kwargs)
        self.recipient = recipient
        if recipient:
            self.fields["reply"].help_text = (
                f"Sent to {recipient} when you choose “Send reply and close”. Closing deletes the "
                "address, so this is the only reply you can send."
            )
        else:
            del self.fields["reply"]

    def clean(self):
        cleaned = super().clean()
        if self.recipient and self.data.get("send") and not cleaned.get("reply", "").strip():
            self.add_error("reply", "Write your reply, or choose “Close without replying”.")
        return cleaned


class ReplyAndCloseView(WagtailAdminTemplateMixin, FormView):
    """One page for one suggestion: read it, write the reply, choose the outcome, send and close."""

    form_class = ReplyForm
    template_name = "feedback/reply_and_close.html"
    header_icon = "mail"
    index_url_name = None
    edit_url_name = None

    def dispatch(self, request, *args, **kwargs):
        self.suggestion = get_object_or_404(Suggestion.objects.select_related("sheet"), pk=kwargs["pk"])
        if not may_change(request.user, self.suggestion):
            raise PermissionDenied
        if self.suggestion.is_closed:
            messages.warning(
                request, f"“{self.suggestion}” is already closed ({self.suggestion.get_status_display()})."
            )
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return "Reply and close" if self.suggestion.email else "Close"

    def get_page_subtitle(self):
        return str(self.suggestion)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": "Suggestions"},
            {"url": reverse(self.edit_url_name, args=[self.suggestion.pk]), "label": str(self.suggestion)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "recipient": self.suggestion.email}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            suggestion=self.suggestion,
            sheet_links=render_sheet_links(self.suggestion.sheet, self.suggestion.sheet_title),
            index_url=reverse(self.index_url_name),
            **kwargs,
        )

    def form_valid(self, form):
        reply = form.cleaned_data.get("reply", "") if self.request.POST.get("send") else ""
        status = form.cleaned_data["status"]
        site = Site.find_for_request(self.request)
        try:
            recipient = reply_and_close(self.suggestion, self.request.user, status, reply, site)
        except (smtplib.SMTPException, OSError):
            form.add_error(
                None, "The reply could not be sent, so the suggestion is still open. Try again later."
            )
            return self.form_invalid(form)
        outcome = dict(Suggestion.outcome_choices())[status].lower()
        done = f"Your reply was sent to {recipient}." if recipient else "No reply was sent."
        messages.success(self.request, f"“{self.suggestion}” is closed as {outcome}. {done}")
        return redirect(self.index_url_name)
