"""Admin views: mark a law or policy as changed (flagging every sheet that cites it), and mark a
sheet as reviewed (both dates in one step, its flags cleared)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from toolkit.sheets.models import SheetPage

from .freshness import (
    ReviewDatesRefused,
    flag_citing_sheets,
    mark_reviewed,
    may_mark_reviewed,
    next_review_after,
    today,
)
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
        try:
            flagged = flag_citing_sheets(self.law, user=self.request.user, note=form.cleaned_data["note"])
        except ReviewDatesRefused as refused:
            form.add_error(None, f"{refused} No sheet was flagged: correct that sheet, then try again.")
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"“{self.law}” is marked as changed; {len(flagged)} sheet{'s' if len(flagged) != 1 else ''} "
            "flagged for review.",
        )
        return redirect(self.index_url_name)


class MarkReviewedForm(forms.Form):
    review_due = forms.DateField(
        label="Next review due",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="A year from today unless the sheet needs an earlier look.",
    )

    def clean_review_due(self):
        due = self.cleaned_data["review_due"]
        if due <= today():
            raise forms.ValidationError("The next review must be after today.")
        return due


class MarkReviewedView(WagtailAdminTemplateMixin, FormView):
    """Confirms that a reviewer checked the sheet today: sets "Last reviewed" to today and the
    next review date, clears its flags, and republishes only if nothing else changed (a draft in
    progress keeps going through the workflow)."""

    form_class = MarkReviewedForm
    template_name = "editorial/mark_reviewed.html"
    header_icon = "tick"

    def dispatch(self, request, *args, **kwargs):
        self.sheet = get_object_or_404(SheetPage, pk=kwargs["pk"]).specific
        if not may_mark_reviewed(self.sheet, request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Mark “{self.sheet.title}” as reviewed"

    def get_initial(self):
        return {"review_due": next_review_after(today())}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sheet=self.sheet,
            today=today(),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.sheet.pk]),
            flags=self.sheet.review_flags.open(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            mark_reviewed(self.sheet, self.request.user, review_due=form.cleaned_data["review_due"])
        except ReviewDatesRefused as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        if self.sheet.has_unpublished_changes:
            done = "Its draft keeps the new dates and still needs to go through review."
        else:
            done = "The live sheet shows the new date."
        messages.success(self.request, f"“{self.sheet.title}” is marked as reviewed today. {done}")
        return redirect("wagtailadmin_pages:edit", self.sheet.pk)
