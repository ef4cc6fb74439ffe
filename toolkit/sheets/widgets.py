"""Widgets of the sheet edit form. Their behaviour is in ``static/sheets/js/sheet-editor.js``
(Stimulus controllers loaded by ``wagtail_hooks.py``); without it they still work as plain fields.
"""

from django import forms
from django.utils.text import capfirst
from wagtail.admin.widgets import AdminAutoHeightTextInput

from toolkit.core.word_limits import word_count


class WordCountTextarea(AdminAutoHeightTextInput):
    """Wagtail's growing text box with "12 of 60 words" under it, kept up to date as the editor
    types and announced politely to screen readers. The limit itself is the field's validator:
    this only shows it before saving. Words are counted as the validator counts them
    (``toolkit.core.word_limits``)."""

    template_name = "sheets/widgets/word_count_textarea.html"

    def __init__(self, max_words, attrs=None):
        attrs = {
            "data-sheet-word-count-target": "input",
            "data-action": "input->sheet-word-count#update",
            **(attrs or {}),
        }
        super().__init__(attrs)
        self.max_words = max_words

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        count_id = f"{widget['attrs'].get('id') or name}-word-count"
        described_by = widget["attrs"].get("aria-describedby", "")
        widget["attrs"]["aria-describedby"] = f"{described_by} {count_id}".strip()
        words = word_count(value)
        widget["word_count"] = {
            "id": count_id,
            "max": self.max_words,
            "over": words > self.max_words,
            "text": word_count_text(words, self.max_words),
        }
        return context


def word_count_text(words, max_words):
    """What the counter says (the script says the same as the editor types)."""
    if words > max_words:
        return f"{words} of {max_words} words: {words - max_words} too many"
    return f"{words} of {max_words} words"


class FilterableCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes with a labelled "Find a topic" box above them that hides the options not
    matching what is typed, and says how many are shown. Ticked options stay ticked when hidden.

    Wagtail 8 has no chooser for a plain many-to-many field (``MultipleChooserPanel`` needs an
    orderable through-model, and its snippet chooser is for one item), so this is the lightest
    thing that works: the same ``name`` and values as Django's checkboxes, the same POST, and
    without JavaScript the full list (the filter box appears only when the script runs).

    ``noun`` and ``plural`` name the things in the filter's label and status line. Labels are
    shown with a capital first letter, in alphabetical order whatever their case. ``group_by`` names a method or attribute of the chosen
    model (such as ``get_kind_display``) that puts options under a heading of that name.
    """

    template_name = "sheets/widgets/filterable_checkboxes.html"

    def __init__(self, noun, plural, group_by=None, attrs=None, choices=()):
        super().__init__(attrs, choices)
        self.noun, self.plural, self.group_by = noun, plural, group_by

    def group_of(self, value):
        attribute = getattr(getattr(value, "instance", None), self.group_by, "")
        return str(attribute() if callable(attribute) else attribute)

    def optgroups(self, name, value, attrs=None):
        options = [option for _, group, _ in super().optgroups(name, value, attrs) for option in group]
        for option in options:
            option["label"] = capfirst(option["label"])
        options.sort(key=lambda option: option["label"].casefold())  # "BIDs" among the B's
        if not self.group_by:
            return [(None, options, 0)]
        groups = {}
        for option in options:
            groups.setdefault(self.group_of(option["value"]), []).append(option)
        return [(group, groups[group], index) for index, group in enumerate(sorted(groups))]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        total = sum(len(options) for _, options, _ in widget["optgroups"])
        widget.update(noun=self.noun, plural=self.plural, total=total)
        return context
