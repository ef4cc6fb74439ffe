"""Filters for the queues: "Open" or "Closed" first, then each model's own."""

import django_filters
from django import forms
from wagtail.admin.filters import WagtailFilterSet

from .models import PageFeedback, Suggestion

OPEN, CLOSED = "open", "closed"


class QueueFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label="Open or closed",
        choices=[(OPEN, "Open"), (CLOSED, "Closed")],
        empty_label="All",
        widget=forms.RadioSelect,
        method="filter_state",
    )

    def filter_state(self, queryset, name, value):
        return queryset.open() if value == OPEN else queryset.closed()


class SuggestionFilterSet(QueueFilterSet):
    class Meta:
        model = Suggestion
        fields = ["state", "status", "kind"]


class PageFeedbackFilterSet(QueueFilterSet):
    class Meta:
        model = PageFeedback
        fields = ["state", "useful", "sheet"]
