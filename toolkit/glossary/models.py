"""Glossary terms (snippets) and the Glossary page that lists them from A to Z.

Definition Sheets are not copied into Terms: the glossary merges the two when it is read (see
``entries.py`` for the rules), so an editor never types a term twice and nothing goes stale.
"""

from django import forms
from django.db import models
from django.db.models.functions import Lower
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from toolkit.core.word_limits import MaxWordsValidator

from .entries import DEFINITION_MAX_WORDS, split_names

# Named so because the migration that made the field refers to it by this name.
validate_definition_length = MaxWordsValidator(
    DEFINITION_MAX_WORDS,
    "definition",
    "it opens inline on every sheet that uses the term. Put the detail in a sheet.",
)


class Term(index.Indexed, models.Model):
    """A word or phrase readers may not know, with a short plain-English definition."""

    term = models.CharField(max_length=120, help_text="As readers would write it, e.g. “Neighbourhood plan”.")
    slug = models.SlugField(
        max_length=120,
        unique=True,
        blank=True,
        help_text="Its anchor on the glossary page; made from the term.",
    )
    aliases = models.CharField(
        "Other names and acronyms",
        max_length=300,
        blank=True,
        help_text="Separated by commas, e.g. “NDP, neighbourhood development plan”. Shown and linked.",
    )
    other_forms = models.CharField(
        max_length=300,
        blank=True,
        help_text="Plurals and other forms that are not regular, separated by commas (e.g. “moratoria”). "
        "Regular plurals (“plans”, “charities”) and possessives are found without help.",
    )
    definition = models.TextField(
        validators=[validate_definition_length],
        help_text=f"Plain English, at most {DEFINITION_MAX_WORDS} words.",
    )
    sheet = models.ForeignKey(
        "sheets.SheetPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="glossary_terms",
        help_text="The sheet that explains this in full, if there is one (a definition or a method sheet).",
    )
    related = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="related_from",
        help_text="Terms worth reading next.",
    )
    link_automatically = models.BooleanField(
        "Link in sheets",
        default=True,
        help_text="Untick to list the term in the glossary without linking it inside sheets.",
    )
    not_linked = models.CharField(
        "Names never linked",
        max_length=300,
        blank=True,
        help_text="Names (from above, or from the definition sheet) that readers also use in an everyday "
        "sense, separated by commas, e.g. “forum” or “made”. They stay in the glossary.",
    )

    panels = [
        FieldRowPanel([FieldPanel("term"), FieldPanel("slug")]),
        FieldPanel("aliases"),
        FieldPanel("definition"),
        FieldPanel("sheet"),
        FieldPanel("related", widget=forms.SelectMultiple(attrs={"size": 8})),
        MultiFieldPanel(
            [FieldPanel("link_automatically"), FieldPanel("not_linked"), FieldPanel("other_forms")],
            heading="Linking inside sheets",
        ),
    ]
    search_fields = [
        index.SearchField("term", boost=3),
        index.SearchField("aliases", boost=2),
        index.SearchField("definition"),
        index.AutocompleteField("term"),
    ]

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                Lower("term"),
                name="glossary_term_unique_ignoring_case",
                violation_error_message="There is already a term with this name.",
            )
        ]

    def __str__(self):
        return self.term

    def clean(self):
        super().clean()
        self.term = " ".join(self.term.split())
        if not self.slug:
            self.slug = slugify(self.term)[:120]

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.term)[:120] or "term"
        super().save(*args, **kwargs)

    def alias_list(self):
        return split_names(self.aliases)

    def other_form_list(self):
        return split_names(self.other_forms)

    def not_linked_list(self):
        return split_names(self.not_linked)


class GlossaryPage(Page):
    """``/glossary/``: every term from A to Z, each with its anchor, definition, other names and sheet."""

    intro = models.TextField(blank=True, help_text="One or two sentences above the list.")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "glossary page"

    def get_context(self, request, *args, **kwargs):
        # Imported here: glossary.py builds the glossary from this module's models, so it imports
        # this module (a circle inside the app, left because the page needs the built glossary).
        from .glossary import current_glossary

        context = super().get_context(request, *args, **kwargs)
        glossary = current_glossary()
        context["letters"] = glossary.by_letter()
        context["glossary"] = glossary
        return context
