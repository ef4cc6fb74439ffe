"""Turn a migrated database into a working, empty toolkit (``manage.py create_toolkit``).

``migrate`` leaves Wagtail's "Welcome to your new Wagtail site!" page at the top of a site called
localhost. A toolkit needs its home page there instead, the pages its addresses lead to (topics,
get started, glossary, organisations that can help, ready-made packs, about, contact, and the privacy
notice, accessibility statement and cookies page that a council's site must have), the standard sections,
topics and audiences, its name and public address, and the editorial roles and workflow.

Everything is looked up before it is made, and nothing that exists is changed, so a second run
changes nothing and never undoes an editor's work. The one exception is a default title that the
standard has since changed ("Useful information" became "Organisations that can help"): a page
that still has the old default gets the new one, and a title an editor chose is kept. It all happens in one transaction: a failure
leaves the database as it was. The demo toolkit (``load_demo``) is this same build with the demo's
own texts (``StandardContent``), and sheets on top.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import GroupPagePermission, Page, Site, Workflow, WorkflowTask

from toolkit.core.blocks import PageBodyBlock
from toolkit.core.models import ToolkitSettings
from toolkit.core.site_address import set_default_site_address
from toolkit.directory.models import DirectoryPage
from toolkit.editorial.roles import setup_roles
from toolkit.feedback.models import ContactFormField, ContactPage
from toolkit.glossary.models import GlossaryPage
from toolkit.home.models import HomePage, StandardPage
from toolkit.printing.models import PrintPackIndexPage
from toolkit.provision.facts import fill_in, site_facts
from toolkit.sheets.models import SectionPage
from toolkit.taxonomy.models import Audience, PathwayIndexPage, Topic, TopicIndexPage

STANDARD_FILE = Path(__file__).resolve().parent / "standard.yaml"
WELCOME_PAGE_CLASS = Page  # what Wagtail's first migration puts at the top of the default site
H2 = re.compile(r"<h2>(.*?)</h2>", re.S)


class ToolkitSetupError(Exception):
    """The toolkit cannot be made as asked; the message says why in one line."""


@dataclass
class Report:
    """What a build created and what it found already there, kind by kind."""

    created: dict = field(default_factory=dict)
    kept: dict = field(default_factory=dict)
    changed: list = field(default_factory=list)

    def count(self, kind, was_created):
        bucket = self.created if was_created else self.kept
        bucket[kind] = bucket.get(kind, 0) + 1

    def change(self, what):
        self.changed.append(what)

    @property
    def nothing_changed(self):
        return not self.created and not self.changed

    def lines(self):
        kinds = sorted(set(self.created) | set(self.kept))
        lines = [
            f"{kind}: {self.created.get(kind, 0)} created, {self.kept.get(kind, 0)} already there"
            for kind in kinds
        ]
        return lines + [f"changed: {what}" for what in self.changed]


def read_yaml(path):
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ToolkitSetupError(f"{Path(path).name}: {error}") from error


def html_to_blocks(html):
    """Split simple HTML into heading and paragraph blocks at each ``<h2>``."""
    blocks = []
    for index, part in enumerate(H2.split(html or "")):
        part = part.strip()
        if part:
            blocks.append({"type": "heading" if index % 2 else "paragraph", "value": part})
    return blocks


def get_or_add_child(parent, model, slug, report, children=None, **fields):
    """The child page with this slug, or a new published one made from ``fields`` (and
    ``children``, a dict of its inline rows such as a form's fields)."""
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        report.count(model._meta.verbose_name, False)
        return existing.specific, False
    page = model(slug=slug, **fields)
    for relation, rows in (children or {}).items():
        getattr(page, relation).set(rows)
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.count(model._meta.verbose_name, True)
    return page, True


@dataclass
class StandardContent:
    """The texts a new toolkit starts with: ``standard.yaml``, or the demo's own."""

    home: dict
    pages: dict
    sections: list
    audiences: list
    topics: list
    licence: str = ""
    legal_pages: dict = field(default_factory=dict)

    @classmethod
    def from_file(cls, path=STANDARD_FILE):
        data = read_yaml(path)
        try:
            return cls(
                **{name: data[name] for name in ("home", "pages", "sections", "audiences", "topics")},
                legal_pages=data.get("legal_pages") or {},
            )
        except (KeyError, TypeError) as error:
            raise ToolkitSetupError(f"{Path(path).name}: bad or missing {error}") from error


class ToolkitBuilder:
    def __init__(self, content=None, *, name, address=None, contact_email="", taxonomy=True, report=None):
        self.content = content or StandardContent.from_file()
        self.name = " ".join((name or "").split())[:255]
        self.address = address
        self.contact_email = contact_email
        self.taxonomy = taxonomy
        self.report = report if report is not None else Report()
        if not self.name:
            raise ToolkitSetupError('give the toolkit a name, e.g. --name "Anytown Community Toolkit"')

    @transaction.atomic
    def build(self):
        self.home = home = self.home_page()
        self.site(home)
        self.settings(home)
        if self.taxonomy:
            self.topics()
            self.audiences()
            self.sections(home)
        self.structural_pages(home)
        before = setup_roles_state()
        setup_roles()
        if setup_roles_state() != before:
            self.report.change("editorial roles and the Sheet review workflow")
        return self.report

    # -- the home page and the site --------------------------------------------------------------
    def home_page(self):
        """The toolkit's home page at the top of the default site, in place of Wagtail's welcome page."""
        home = HomePage.objects.first()
        if home is not None:
            self.report.count("home page", False)
            return home
        root = Page.get_first_root_node()
        for placeholder in root.get_children().filter(slug="home"):
            if placeholder.specific_class is WELCOME_PAGE_CLASS and not placeholder.get_children().exists():
                placeholder.delete()  # its Site goes with it and is made again below
        home = HomePage(
            title=self.content.home.get("title") or self.name, slug="home", intro=self.content.home["intro"]
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        self.report.count("home page", True)
        return home

    def site(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(
                hostname="localhost", port=80, is_default_site=True, root_page=home, site_name=self.name
            )
            site.save()
            self.report.change(f"default site made for {self.name}")
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
            self.report.change("the default site now starts at the toolkit's home page")
        if site.site_name != self.name:
            site.site_name = self.name
            site.save()
            self.report.change(f"site name: {self.name}")
        if self.address and set_default_site_address(self.address):
            self.report.change(f"site address: {Site.objects.get(pk=site.pk).root_url}")

    def settings(self, home):
        settings, fresh = ToolkitSettings.objects.get_or_create(site=Site.objects.get(root_page=home))
        wanted = {"publisher": self.name[:200]}
        if self.contact_email:
            wanted["contact_email"] = self.contact_email
        if fresh and self.content.licence:
            wanted["licence"] = self.content.licence.strip()
        changed = [name for name, value in wanted.items() if getattr(settings, name) != value]
        for name in changed:
            setattr(settings, name, wanted[name])
        if changed:
            settings.save()
        if fresh or changed:
            self.report.change("toolkit settings: " + (", ".join(changed) or "made"))

    # -- taxonomy ----------------------------------------------------------------------------------
    def topics(self):
        for row in self.content.topics:
            _, created = Topic.objects.get_or_create(
                slug=slugify(row["name"]), defaults={"name": row["name"], "description": row["description"]}
            )
            self.report.count("topic", created)

    def audiences(self):
        for order, row in enumerate(self.content.audiences):
            _, created = Audience.objects.get_or_create(
                slug=row["slug"],
                defaults={"name": row["name"], "description": row["description"], "sort_order": order},
            )
            self.report.count("audience", created)

    def sections(self, home):
        for row in self.content.sections:
            get_or_add_child(
                home,
                SectionPage,
                row["slug"],
                self.report,
                title=row["title"],
                summary=row["summary"].strip(),
            )

    # -- the pages the toolkit's addresses lead to -------------------------------------------------
    def structural_pages(self, home):
        pages = self.content.pages
        for slug, model in (
            ("topics", TopicIndexPage),
            ("get-started", PathwayIndexPage),
            ("glossary", GlossaryPage),
            ("useful-information", DirectoryPage),
            ("print-packs", PrintPackIndexPage),
        ):
            row = pages[slug]
            page, created = get_or_add_child(
                home,
                model,
                slug,
                self.report,
                title=row["title"],
                show_in_menus=bool(row.get("in_menu")),
                intro=row.get("intro", ""),
            )
            if not created:
                self.retitle(page, row)
        about = pages["about"]
        get_or_add_child(
            home,
            StandardPage,
            "about",
            self.report,
            title=about["title"],
            show_in_menus=bool(about.get("in_menu")),
            body=PageBodyBlock().to_python(html_to_blocks(about.get("body", ""))),
        )
        self.contact_page(home, pages["contact"])
        for slug, row in self.content.legal_pages.items():
            self.legal_page(home, slug, row)

    def retitle(self, page, row):
        """Give a page the standard title when the standard changed it (``former_titles``) and
        the page still has a former default title, as nobody has renamed it: a title a council
        chose is theirs, and so is a draft waiting to be published, so either is left alone."""
        title = row["title"]
        if page.title == title or page.title not in row.get("former_titles", ()):
            return
        if page.has_unpublished_changes or page.draft_title != page.title:
            return
        page.title = page.draft_title = title
        page.save_revision(clean=False).publish()
        self.report.change(f"the page at /{page.slug}/ is now called “{title}”")

    def contact_page(self, home, row):
        get_or_add_child(
            home,
            ContactPage,
            "contact",
            self.report,
            children={"form_fields": [ContactFormField(**field) for field in row.get("fields") or []]},
            title=row["title"],
            show_in_menus=bool(row.get("in_menu")),
            intro=row.get("intro", ""),
            thank_you_text=row.get("thank_you_text", ""),
            subject=row.get("subject", ""),
        )

    def legal_page(self, home, slug, row):
        """A privacy notice, accessibility statement or cookies page: a standard page, so editors
        finish and keep it up to date like any other. Its facts about the software are filled in
        from the settings (``facts.py``); a box at the top asks the editors to fill in the rest."""
        if Page.objects.child_of(home).filter(slug=slug).exists():
            self.report.count(StandardPage._meta.verbose_name, False)
            return
        facts = site_facts(Site.objects.get(root_page=home).root_url, self.name)
        try:
            blocks = [
                {"type": "callout", "value": {"kind": "warning", "text": fill_in(row["notice"], facts)}}
            ]
            blocks += html_to_blocks(fill_in(row["body"], facts))
            fields = {"title": row["title"], "intro": fill_in(row.get("intro", ""), facts)}
        except (KeyError, ValueError) as error:
            raise ToolkitSetupError(f"legal page {slug!r}: bad or missing {error}") from error
        get_or_add_child(
            home,
            StandardPage,
            slug,
            self.report,
            show_in_menus=bool(row.get("in_menu")),
            body=PageBodyBlock().to_python(blocks),
            **fields,
        )


def setup_roles_state():
    """A fingerprint of the editorial groups, their permissions and the workflow, to tell whether
    ``setup_roles`` changed anything."""
    return (
        sorted(Group.objects.values_list("name", flat=True)),
        Group.permissions.through.objects.count(),
        GroupPagePermission.objects.count(),
        sorted(Workflow.objects.values_list("name", "active")),
        WorkflowTask.objects.count(),
    )
