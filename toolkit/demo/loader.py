"""Builds the demo toolkit from the YAML files in ``content/``.

Idempotent: every row and page is looked up by its slug first, so a second run creates nothing
new and never overwrites what an editor has changed since. Each run happens in one transaction:
a bad file leaves the database as it was.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site

from toolkit.core.blocks import PageBodyBlock
from toolkit.core.models import HomePage, StandardPage, ToolkitSettings
from toolkit.directory.models import DirectoryPage, Organisation
from toolkit.editorial.demo import load_laws
from toolkit.feedback.models import ContactFormField, ContactPage
from toolkit.printing.models import PrintPackIndexPage, PrintPackItem, PrintPackPage
from toolkit.sheets.blocks import SheetBodyBlock
from toolkit.sheets.models import (
    DefinitionSheetPage,
    MethodPitfall,
    MethodSheetPage,
    MethodStep,
    SectionPage,
    SheetKeyFact,
    SheetLinkOut,
    SheetPage,
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

CONTENT_DIR = Path(__file__).resolve().parent / "content"
H2 = re.compile(r"<h2>(.*?)</h2>", re.S)


class DemoContentError(Exception):
    """A demo file is missing or malformed; the message names the file and the problem."""


@dataclass
class LoadReport:
    created: dict = field(default_factory=dict)
    kept: dict = field(default_factory=dict)

    def count(self, kind, was_created):
        bucket = self.created if was_created else self.kept
        bucket[kind] = bucket.get(kind, 0) + 1

    def lines(self):
        kinds = sorted(set(self.created) | set(self.kept))
        return [
            f"{kind}: {self.created.get(kind, 0)} created, {self.kept.get(kind, 0)} already there"
            for kind in kinds
        ]


def read_yaml(path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise DemoContentError(f"{path.name}: {error}") from error


def html_to_blocks(html):
    """Split simple HTML into heading and paragraph blocks at each ``<h2>``."""
    blocks = []
    parts = H2.split(html or "")
    for index, part in enumerate(parts):
        part = part.strip()
        if not part:
            continue
        blocks.append({"type": "heading" if index % 2 else "paragraph", "value": part})
    return blocks


def get_or_add_child(parent, model, slug, report, **fields):
    """The live child page with this slug, or a new published one made from ``fields``."""
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        report.count(model._meta.verbose_name, False)
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.count(model._meta.verbose_name, True)
    return page, True


class DemoLoader:
    def __init__(self, content_dir=CONTENT_DIR, stdout=None):
        self.content_dir = Path(content_dir)
        self.site = read_yaml(self.content_dir / "site.yaml")
        self.sheets = [read_yaml(path) for path in sorted((self.content_dir / "sheets").glob("*.yaml"))]
        self.organisations = read_yaml(self.content_dir / "organisations.yaml")
        self.report = LoadReport()
        self.stdout = stdout

    @transaction.atomic
    def load(self):
        home = self.home_page()
        self.settings(home)
        topics = self.topics()
        audiences = self.audiences()
        sections = self.sections(home)
        created = self.load_sheets(sections, topics, audiences)
        self.see_also(created)
        self.topic_index(home)
        self.pathways(home, audiences)
        self.directory(home, topics)
        self.standard_pages(home)
        self.contact_page(home)
        self.glossary(home)
        self.print_packs(home)
        load_laws(self.content_dir / "laws.yaml", self.report)  # laws and policies the sheets cite
        return self.report

    def home_page(self):
        """The HomePage at the top of the default site, replacing Wagtail's welcome placeholder."""
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            for placeholder in root.get_children().filter(slug="home"):
                if placeholder.specific_class is Page and not placeholder.get_children().exists():
                    placeholder.delete()  # its Site goes with it and is made again below
            home = HomePage(title=self.site["home"]["title"], slug="home", intro=self.site["home"]["intro"])
            root.add_child(instance=home)
            home.save_revision().publish()
            self.report.count("home page", True)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        if site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = self.site["home"]["title"]
            site.save()
        return home

    def settings(self, home):
        settings = ToolkitSettings.for_site(Site.objects.get(root_page=home))
        if not settings.contact_email:
            settings.licence = self.site["licence"].strip()
            settings.contact_email = self.site["contact_email"]
            settings.save()

    def topics(self):
        topics = {}
        for row in self.site["topics"]:
            topic, created = Topic.objects.get_or_create(
                slug=slugify(row["name"]), defaults={"name": row["name"], "description": row["description"]}
            )
            self.report.count("topic", created)
            topics[row["name"]] = topic
        return topics

    def audiences(self):
        audiences = {}
        for order, row in enumerate(self.site["audiences"]):
            audience, created = Audience.objects.get_or_create(
                slug=row["slug"],
                defaults={"name": row["title"], "description": row["description"], "sort_order": order},
            )
            self.report.count("audience", created)
            audiences[row["slug"]] = audience
        return audiences

    def sections(self, home):
        return {
            row["slug"]: get_or_add_child(
                home,
                SectionPage,
                row["slug"],
                self.report,
                title=row["title"],
                summary=row["summary"].strip(),
            )[0]
            for row in self.site["sections"]
        }

    def load_sheets(self, sections, topics, audiences):
        created = []
        for data in self.sheets:
            try:
                section = sections[data["section"]]
                model, slug, fields = self.sheet_fields(data)
                page, was_created = get_or_add_child(section, model, slug, self.report, **fields)
            except (KeyError, TypeError, ValueError) as error:
                raise DemoContentError(
                    f"sheets/{data.get('slug', '?')}.yaml: bad or missing {error}"
                ) from error
            if was_created:
                self.attach_sheet_parts(page, data, topics, audiences)
                created.append((page, data))
        return created

    def sheet_fields(self, data):
        common = {
            "title": data["title"],
            "summary": " ".join(data["summary"].split()),
            "body": SheetBodyBlock().to_python(self.body_blocks(data.get("body") or [])),
            "last_reviewed": data["last_reviewed"],
            "review_due": data.get("review_due"),
        }
        if data["type"] == "definition":
            names = ", ".join(data.get("aliases") or [])
            return DefinitionSheetPage, data["slug"], dict(common, term=data["term"], other_names=names)
        return (
            MethodSheetPage,
            data["slug"],
            dict(
                common,
                when_to_use=data["when_to_use"],
                who_is_involved=data["who_is_involved"],
                time_needed=data["time_needed"],
                cost=data["cost"],
                skills=data["skills"],
                what_good_looks_like=data["what_good_looks_like"],
            ),
        )

    @staticmethod
    def body_blocks(items):
        blocks = []
        for item in items:
            ((kind, value),) = item.items()
            if kind == "callout" and isinstance(value, str):
                value = {"kind": "tip", "text": f"<p>{value}</p>"}
            blocks.append({"type": kind, "value": value})
        return blocks

    def attach_sheet_parts(self, page, data, topics, audiences):
        """Topics, audiences, key facts, links and method parts, then one published revision."""
        page.topics.set([topics[name] for name in data["topics"]])
        page.audiences.set([audiences[slug] for slug in data["audiences"]])
        page.key_facts.set([SheetKeyFact(text=text) for text in data.get("key_facts") or []])
        page.links_out.set([SheetLinkOut(**link) for link in data.get("links_out") or []])
        if isinstance(page, MethodSheetPage):
            page.steps.set([MethodStep(title=s["title"], text=s.get("text", "")) for s in data["steps"]])
            page.pitfalls.set([MethodPitfall(text=text) for text in data.get("pitfalls") or []])
        page.save_revision().publish()

    def see_also(self, created):
        by_slug = {page.slug: page for page in SheetPage.objects.all()}
        for page, data in created:
            others = [
                by_slug[slug] for slug in data.get("see_also") or [] if slug in by_slug and slug != page.slug
            ]
            page.see_also.set([SheetSeeAlso(other=other) for other in others])
            page.save_revision().publish()

    def topic_index(self, home):
        get_or_add_child(
            home,
            TopicIndexPage,
            "topics",
            self.report,
            title="Topics",
            show_in_menus=True,
            intro="Every subject the toolkit covers, with how many sheets there are on each.",
        )

    def pathways(self, home, audiences):
        index, _ = get_or_add_child(
            home,
            PathwayIndexPage,
            "get-started",
            self.report,
            title="Get started",
            intro="Not sure where to begin? Pick the route written for you.",
        )
        sheets = {page.slug: page for page in SheetPage.objects.all()}
        for row in self.site["audiences"]:
            if Page.objects.child_of(index).filter(slug=row["slug"]).exists():
                self.report.count("pathway page", False)
                continue
            pathway = PathwayPage(
                title=row["title"],
                slug=row["slug"],
                audience=audiences[row["slug"]],
                why_it_matters=row["why_it_matters"],
                where_next=row["where_next"],
            )
            pathway.steps.set(
                [
                    PathwayStep(sheet=sheets[step["sheet"]], why=step["why"])
                    for step in row["route"]
                    if step["sheet"] in sheets
                ]
            )
            index.add_child(instance=pathway)
            pathway.save_revision().publish()
            self.report.count("pathway page", True)

    def directory(self, home, topics):
        get_or_add_child(
            home,
            DirectoryPage,
            "useful-information",
            self.report,
            title="Useful information",
            show_in_menus=True,
            intro="Organisations that can help you, with what they do and where they work.",
        )
        for row in self.organisations:
            organisation, created = Organisation.objects.get_or_create(
                name=row["name"],
                defaults={"url": row["url"], "helps_with": row["helps_with"].strip(), "area": row["area"]},
            )
            if created:
                organisation.topics.set([topics[name] for name in row.get("topics", []) if name in topics])
                organisation.save()
            self.report.count("organisation", created)

    def standard_pages(self, home):
        for slug, title, in_menu in (("about", "About", True), ("thanks", "Thanks", False)):
            get_or_add_child(
                home,
                StandardPage,
                slug,
                self.report,
                title=title,
                show_in_menus=in_menu,
                body=PageBodyBlock().to_python(html_to_blocks(self.site[slug])),
            )

    def contact_page(self, home):
        page, created = get_or_add_child(
            home,
            ContactPage,
            "contact",
            self.report,
            title="Contact",
            show_in_menus=True,
            intro="<p>Tell us what you think of the toolkit, suggest a sheet, or ask a question. We read every message.</p>",
            thank_you_text="<p>We read every message. If you asked a question, we will reply by email.</p>",
            subject="Message from the Community Planning Toolkit website",
        )
        if created:
            page.form_fields.set(
                [
                    ContactFormField(label="Your name", field_type="singleline", required=True),
                    ContactFormField(
                        label="Your email address",
                        field_type="email",
                        required=True,
                        help_text="We only use this to reply to you.",
                    ),
                    ContactFormField(label="Your message", field_type="multiline", required=True),
                ]
            )
            page.save_revision().publish()

    def glossary(self, home):
        """The glossary page and its terms from ``glossary.yaml``, each looked up by its term first.

        Terms are Wagtail snippets; Definition Sheets join the glossary by themselves (see
        ``toolkit/glossary/entries.py``), so nothing here copies a sheet.
        """
        from django.core.exceptions import ValidationError

        from toolkit.glossary.models import GlossaryPage, Term

        get_or_add_child(
            home,
            GlossaryPage,
            "glossary",
            self.report,
            title="Glossary",
            show_in_menus=True,
            intro="What the words used in community and neighbourhood planning mean, in plain English. "
            "Most link to a sheet that explains them in full.",
        )
        sheets = {page.slug: page for page in SheetPage.objects.all()}
        created = []
        for row in read_yaml(self.content_dir / "glossary.yaml") or []:
            try:
                if Term.objects.filter(term__iexact=row["term"].strip()).exists():
                    self.report.count("glossary term", False)
                    continue
                if row.get("sheet") and row["sheet"] not in sheets:
                    raise ValueError(f"sheet {row['sheet']!r} is not a sheet slug")
                term = Term(
                    term=row["term"].strip(),
                    aliases=", ".join(row.get("aliases") or []),
                    definition=" ".join(row["definition"].split()),
                    sheet=sheets.get(row.get("sheet")),
                    not_linked=", ".join(row.get("not_linked") or []),
                    other_forms=", ".join(row.get("other_forms") or []),
                )
                term.full_clean()
            except (KeyError, TypeError, ValueError, AttributeError, ValidationError) as error:
                raise DemoContentError(f"glossary.yaml: {row!r:.80}: {error}") from error
            term.save()
            created.append((term, row.get("related") or []))
            self.report.count("glossary term", True)
        by_name = {term.term.lower(): term for term in Term.objects.all()}
        for term, related in created:
            term.related.set([by_name[name.lower()] for name in related if name.lower() in by_name])

    def print_packs(self, home):
        """Ready-made print packs: one per "Get started" route and one per section, in that order."""
        index, _ = get_or_add_child(
            home,
            PrintPackIndexPage,
            "print-packs",
            self.report,
            title="Print packs",
            intro="Sets of sheets to print as one booklet, for a meeting or for people who are not online.",
        )
        packs = [
            (
                f"start-here-for-{pathway.slug}",
                f"Start here for {pathway.title}",
                f"The route through the toolkit for {pathway.title}, as one booklet.",
                [step.sheet_id for step in pathway.steps.all()],
            )
            for pathway in PathwayPage.objects.live().order_by("path")
        ] + [
            (
                f"all-of-{section.slug}",
                f"All of {section.title}",
                f"Every sheet in the {section.title} section, A to Z.",
                [sheet.pk for sheet in section.sheets()],
            )
            for section in SectionPage.objects.child_of(home).live().order_by("path")
        ]
        for slug, title, intro, sheet_ids in packs:
            if Page.objects.child_of(index).filter(slug=slug).exists():
                self.report.count("print pack", False)
                continue
            pack = PrintPackPage(title=title, slug=slug, intro=intro)
            pack.items.set([PrintPackItem(sheet_id=pk) for pk in sheet_ids])
            index.add_child(instance=pack)
            pack.save_revision().publish()
            self.report.count("print pack", True)
