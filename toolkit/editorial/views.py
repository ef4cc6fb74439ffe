"""Admin view: mark a law or policy as changed, flagging every sheet that cites it."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from toolkit.sheets.models import SheetPage

from .freshness import flag_citing_sheets, today
from .models import Law


class LawChangedForm(forms.Form):
    note = forms.CharField(
        label="What changed",
        max_length=300,
        required=False,
        help_text="One line for the people who will review the sheets (optional).",
    )


class MarkLawChangedView(WagtailAdminTemplateMixin, FormView):
    """A confirmation page listing the citing sheets; confirming flags them all in one step."""

    form_class = LawChangedForm
    template_name = "editorial/mark_law_changed.html"
    header_icon = "warning"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("editorial.change_law"):
            raise PermissionDenied
        self.law = get_object_or_404(Law, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Mark “{self.law}” as changed"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": "Laws and policies"},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            law=self.law,
            sheets=SheetPage.objects.filter(cites=self.law).order_by("title"),
            today=today(),
            index_url=reverse(self.index_url_name),
            **kwargs,
        )

    def form_valid(self, form):
        flagged = flag_citing_sheets(self.law, user=self.request.user, note=form.cleaned_data["note"])
        messages.success(
            self.request,
            f"“{self.law}” is marked as changed; {len(flagged)} sheet{'s' if len(flagged) != 1 else ''} "
            "flagged for review.",
        )
        return redirect(self.index_url_name)
