"""Builds the demo toolkit from the YAML files in ``content/``.

Idempotent: every row and page is looked up by its slug first, so a second run creates nothing
new and never overwrites what an editor has changed since. Each run happens in one transaction:
a bad file leaves the database as it was.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from toolkit.core.blocks import PageBodyBlock
from toolkit.directory.models import Organisation
from toolkit.glossary.models import Term
from toolkit.home.models import StandardPage
from toolkit.printing.models import PrintPackIndexPage, PrintPackItem, PrintPackPage
from toolkit.provision.builder import (
    Report,
    StandardContent,
    ToolkitBuilder,
    get_or_add_child,
    html_to_blocks,
)
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
from toolkit.taxonomy.models import Audience, PathwayIndexPage, PathwayPage, PathwayStep, Topic

from .files import DemoContentError, read_demo_yaml
from .laws import load_laws

CONTENT_DIR = Path(__file__).resolve().parent / "content"
__all__ = ["CONTENT_DIR", "DemoContentError", "DemoLoader"]


class DemoLoader:
    """The demo toolkit: ``create_toolkit``'s build with the demo's own texts, then the sheets,
    routes, organisations, glossary, print packs and laws on top."""

    def __init__(self, content_dir=CONTENT_DIR, stdout=None):
        self.content_dir = Path(content_dir)
        self.site = read_demo_yaml(self.content_dir / "site.yaml")
        self.sheets = [read_demo_yaml(path) for path in sorted((self.content_dir / "sheets").glob("*.yaml"))]
        self.organisations = read_demo_yaml(self.content_dir / "organisations.yaml")
        self.report = Report()
        self.stdout = stdout

    @transaction.atomic
    def load(self):
        """Everything, in one transaction. Wagtail updates a row's reference index (what "Usage"
        shows) on every save, and the loader saves most pages several times (made, revised,
        published, linked to the sheets they see also): a third of the load's time. So the
        updates are off while loading (Wagtail's own switch) and the index is rebuilt once."""
        with disable_reference_index_auto_update():
            report = self.load_everything()
        call_command("rebuild_references_index", verbosity=0)
        return report

    def load_everything(self):
        builder = ToolkitBuilder(
            self.standard_content(),
            name=self.site["home"]["title"],
            contact_email=self.site["contact_email"],
            report=self.report,
        )
        builder.build()
        home = builder.home
        topics = {topic.name: topic for topic in Topic.objects.all()}
        audiences = {audience.slug: audience for audience in Audience.objects.all()}
        sections = {section.slug: section for section in SectionPage.objects.child_of(home)}
        created = self.load_sheets(sections, topics, audiences)
        self.see_also(created)
        self.pathways(home, audiences)
        self.directory(topics)
        self.thanks_page(home)
        self.glossary()
        self.print_packs(home)
        load_laws(self.content_dir / "laws.yaml", self.report)  # laws and policies the sheets cite
        return self.report

    def standard_content(self):
        """The standard toolkit with the demo's home page, About page, section summaries and licence."""
        content = StandardContent.from_file()
        content.home = self.site["home"]
        content.pages = {**content.pages, "about": {**content.pages["about"], "body": self.site["about"]}}
        content.sections = self.site["sections"]
        content.licence = self.site["licence"]
        return content

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

    def pathways(self, home, audiences):
        index = PathwayIndexPage.objects.child_of(home).get()
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

    def directory(self, topics):
        for row in self.organisations:
            organisation, created = Organisation.objects.get_or_create(
                name=row["name"],
                defaults={"url": row["url"], "helps_with": row["helps_with"].strip(), "area": row["area"]},
            )
            if created:
                organisation.topics.set([topics[name] for name in row.get("topics", []) if name in topics])
                organisation.save()
            self.report.count("organisation", created)

    def thanks_page(self, home):
        get_or_add_child(
            home,
            StandardPage,
            "thanks",
            self.report,
            title="Thanks",
            body=PageBodyBlock().to_python(html_to_blocks(self.site["thanks"])),
        )

    def glossary(self):
        """The glossary's terms from ``glossary.yaml``, each looked up by its term first.

        Terms are Wagtail snippets; Definition Sheets join the glossary by themselves (see
        ``toolkit/glossary/entries.py``), so nothing here copies a sheet.
        """
        sheets = {page.slug: page for page in SheetPage.objects.all()}
        created = []
        for row in read_demo_yaml(self.content_dir / "glossary.yaml") or []:
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
        index = PrintPackIndexPage.objects.child_of(home).get()
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
