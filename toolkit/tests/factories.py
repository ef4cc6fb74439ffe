"""Factories for every page type and snippet, so each test builds just the data it needs."""

import datetime

import factory
import wagtail_factories
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from toolkit.core.models import ToolkitSettings
from toolkit.directory.models import DirectoryPage, Organisation
from toolkit.editorial.models import Law
from toolkit.feedback.models import ContactFormField, ContactPage, PageFeedback, Suggestion
from toolkit.glossary.models import GlossaryPage, Term
from toolkit.home.models import HomePage, StandardPage
from toolkit.printing.models import PrintPackIndexPage, PrintPackItem, PrintPackPage
from toolkit.sheets.models import (
    DefinitionSheetPage,
    MethodPitfall,
    MethodSheetPage,
    MethodStep,
    SectionPage,
    SheetKeyFact,
    SheetLinkOut,
    SheetSeeAlso,
)
from toolkit.taxonomy.models import (
    Audience,
    PathwayIndexPage,
    PathwayPage,
    PathwayStep,
    Topic,
    TopicIndexPage,
)


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"topic {n}")
    description = "A topic used in tests."

    class Meta:
        model = Topic
        django_get_or_create = ("name",)


class AudienceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Audience {n}")
    description = "Readers used in tests."

    class Meta:
        model = Audience
        django_get_or_create = ("name",)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Community Planning Toolkit"
    slug = "home-test"
    intro = "Plain-English guides to shaping your neighbourhood."

    class Meta:
        model = HomePage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Section {n}")
    summary = "What this section covers, in one paragraph."

    class Meta:
        model = SectionPage


def rich(text):
    return f"<p>{text}</p>"


class SheetPageFactory(wagtail_factories.PageFactory):
    """What both kinds of sheet share."""

    summary = factory.LazyAttribute(lambda o: f"A short summary of {o.title.lower()} for readers.")
    last_reviewed = datetime.date(2026, 10, 1)
    review_due = datetime.date(2027, 10, 1)
    body = factory.LazyFunction(
        lambda: [
            ("heading", "In more detail"),
            ("paragraph", rich("The <b>body</b> of the sheet explains the idea in plain words.")),
            ("heading", "Who can use it"),
            ("paragraph", rich("Anyone who lives or works in the area.")),
        ]
    )

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            self.save()

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if extracted:
            self.audiences.set(extracted)
            self.save()

    class Meta:
        abstract = True
        skip_postgeneration_save = True


class DefinitionSheetPageFactory(SheetPageFactory):
    title = factory.Sequence(lambda n: f"Definition {n}")
    term = factory.SelfAttribute("title")
    other_names = "ABC, another name"

    class Meta:
        model = DefinitionSheetPage


class MethodSheetPageFactory(SheetPageFactory):
    title = factory.Sequence(lambda n: f"Method {n}")
    when_to_use = rich("When you need to hear from many people.")
    who_is_involved = rich("A small team of volunteers.")
    time_needed = "About two months"
    cost = "Low: printing"
    skills = "Organising and writing"
    what_good_looks_like = rich("Lots of people took part and the results were shared.")
    body = factory.LazyFunction(list)

    class Meta:
        model = MethodSheetPage

    @factory.post_generation
    def steps(self, create, extracted, **kwargs):
        titles = extracted or ["Agree your questions", "Test the form", "Share the results"]
        self.steps.set([MethodStep(title=title, text=rich(f"How to {title.lower()}.")) for title in titles])
        self.pitfalls.set([MethodPitfall(text="Asking too many questions.")])
        self.save()


def add_sheet_extras(sheet, see_also=()):
    """Key facts, links out and see-also links: the parts every full sheet has."""
    sheet.key_facts.set([SheetKeyFact(text="First key fact."), SheetKeyFact(text="Second key fact.")])
    sheet.links_out.set(
        [
            SheetLinkOut(
                url="https://www.legislation.gov.uk/ukpga/2011/20/contents",
                title="Localism Act 2011",
                note="The law itself.",
            )
        ]
    )
    sheet.see_also.set([SheetSeeAlso(other=other) for other in see_also])
    sheet.save_revision().publish()
    return sheet


class TopicIndexPageFactory(wagtail_factories.PageFactory):
    title = "Topics"
    slug = "topics"

    class Meta:
        model = TopicIndexPage


class PathwayIndexPageFactory(wagtail_factories.PageFactory):
    title = "Get started"
    slug = "get-started"

    class Meta:
        model = PathwayIndexPage


class PathwayPageFactory(wagtail_factories.PageFactory):
    title = factory.SelfAttribute("audience.name")
    slug = factory.SelfAttribute("audience.slug")
    audience = factory.SubFactory(AudienceFactory)
    why_it_matters = rich("Why this route matters to you.")
    where_next = rich("Where to go when you have finished.")

    class Meta:
        model = PathwayPage
        skip_postgeneration_save = True

    @factory.post_generation
    def route(self, create, extracted, **kwargs):
        if extracted:
            self.steps.set([PathwayStep(sheet=sheet, why=f"Read about {sheet.title}") for sheet in extracted])
            self.save_revision().publish()


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "About"
    intro = "What the toolkit is."
    body = factory.LazyFunction(lambda: [("heading", "Who we are"), ("paragraph", rich("A small team."))])

    class Meta:
        model = StandardPage


class DirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Organisations that can help"
    slug = "useful-information"

    class Meta:
        model = DirectoryPage


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    url = factory.Sequence(lambda n: f"https://org{n}.example.org/")
    helps_with = "Helps community groups with advice."
    area = "England"

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            self.save()  # parental many-to-many is written on save


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Contact"
    slug = "contact"
    subject = "Message from the website"
    to_address = "team@example.org"

    class Meta:
        model = ContactPage
        skip_postgeneration_save = True

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        self.form_fields.set(
            [
                ContactFormField(label="Your name", field_type="singleline", required=True),
                ContactFormField(label="Your email address", field_type="email", required=True),
                ContactFormField(label="Your message", field_type="multiline", required=True),
            ]
        )
        self.save_revision().publish()


class GlossaryPageFactory(wagtail_factories.PageFactory):
    title = "Glossary"
    slug = "glossary"
    intro = "What the words used in planning mean."

    class Meta:
        model = GlossaryPage


class TermFactory(factory.django.DjangoModelFactory):
    term = factory.Sequence(lambda n: f"Term {n}")
    definition = factory.LazyAttribute(lambda o: f"What {o.term.lower()} means, in a few plain words.")

    class Meta:
        model = Term
        skip_postgeneration_save = True

    @factory.post_generation
    def related(self, create, extracted, **kwargs):
        if extracted:
            self.related.set(extracted)


def make_home():
    """A HomePage at the top of the default site (replacing Wagtail's welcome page).

    Works on an empty database too, as transactional tests leave it (the tree's root and the
    default locale are rows that Wagtail's migrations create and a flush removes).
    """
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePageFactory(parent=root)
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.save()
    ToolkitSettings.for_site(site)  # made on first use otherwise, which would skew query counts
    return home


class PrintPackIndexPageFactory(wagtail_factories.PageFactory):
    title = "Print packs"
    slug = "print-packs"

    class Meta:
        model = PrintPackIndexPage


class PrintPackPageFactory(wagtail_factories.PageFactory):
    """A ready-made print pack; ``sheets=[...]`` sets its sheets, in order, and publishes it."""

    title = factory.Sequence(lambda n: f"Print pack {n}")
    intro = "Sheets to print for a meeting."

    class Meta:
        model = PrintPackPage
        skip_postgeneration_save = True

    @factory.post_generation
    def sheets(self, create, extracted, **kwargs):
        if extracted:
            self.items.set([PrintPackItem(sheet=sheet) for sheet in extracted])
            self.save_revision().publish()


class LawFactory(factory.django.DjangoModelFactory):
    """A law or policy; ``cited_by=[sheet, ...]`` makes those sheets cite it (and republishes them)."""

    name = factory.Sequence(lambda n: f"Planning Act {2000 + n}")
    kind = Law.Kind.ACT
    url = factory.Sequence(lambda n: f"https://www.legislation.gov.uk/ukpga/{2000 + n}/1/contents")

    class Meta:
        model = Law
        django_get_or_create = ("name",)
        skip_postgeneration_save = True

    @factory.post_generation
    def cited_by(self, create, extracted, **kwargs):
        for sheet in extracted or []:
            sheet.cites.add(self)
            sheet.save_revision().publish()


class SuggestionFactory(factory.django.DjangoModelFactory):
    kind = Suggestion.Kind.NEW_SHEET
    title = factory.Sequence(lambda n: f"Idea {n}")
    details = "A sheet about this would help our group."

    class Meta:
        model = Suggestion


class PageFeedbackFactory(factory.django.DjangoModelFactory):
    useful = True

    class Meta:
        model = PageFeedback
