"""Write a planned WordPress import into Wagtail: the part of the importer that needs Django.

Order of work: authors, topics, sections, attachments, then posts and pages one by one, then the
links between them, then category and tag archive redirects. Every item is written in its own
transaction and recorded in ``ImportedItem`` with a hash of what was written, so:

- a second run with the same export finds every hash equal and writes nothing;
- a run stopped half-way leaves whole items only, and the next run carries on from there;
- an item that fails is rolled back, reported and skipped, and the rest still import.

A dry run does the same work inside one transaction that is rolled back at the end, and copies
no files, so its report is what a real run would do.
"""

import logging
from contextlib import nullcontext
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from tqdm import tqdm
from wagtail.models import Page, Site

from toolkit.core.cache import bump_content_version
from toolkit.core.collector import fewer_collections
from toolkit.home.models import HomePage, StandardPage
from toolkit.sheets.models import DefinitionSheetPage, MethodSheetPage

from . import convert as conv
from .attachments import AttachmentsStep
from .authors import AuthorsStep
from .indexing import deferred_indexing, index_flagged, indexing_shortcuts, quick_commits
from .links import OldSite
from .models import ImportedItem, spec_hash
from .pages import PageWriter, tree_problems, tree_shortcuts
from .plan import LIVE, make_plan
from .redirects import RedirectsStep
from .report import FAILED, IMPORTED, SKIPPED, UNCHANGED, UPDATED, Report, one_line
from .taxonomy import TaxonomyStep
from .uploads import UploadRedirectsStep
from .wxr import item_modified_at

logger = logging.getLogger(__name__)

PAGE_MODELS = {"definition": DefinitionSheetPage, "method": MethodSheetPage, "standard": StandardPage}
IMPORTER_VERSION = "1"  # bump to make every item count as changed after a change to the converter


class ImportSetupError(Exception):
    """The site is not ready for an import (no home page); nothing was written."""


class TreeProblems(Exception):  # noqa: N818 - names what was found, like the report's lines
    """Treebeard's check finds the page tree unsound after an import (a bug in the importer)."""

    def __init__(self, report, problems):
        super().__init__("; ".join(problems))
        self.report = report
        self.problems = problems


class ImportInterrupted(Exception):  # noqa: N818 - names what happened, like KeyboardInterrupt
    def __init__(self, report):
        super().__init__("interrupted")
        self.report = report


class ItemResolver(conv.Resolver):
    """The converter's window on the import: links to pages, images and documents made so far."""

    def __init__(self, importer, item):
        self.importer = importer
        self.item = item

    def link(self, href):
        importer = self.importer
        wp_id = importer.old.item_for(href)
        if wp_id is not None:
            page_id = importer.page_ids.get(wp_id)
            if page_id:
                return ("page", page_id)
            if wp_id in importer.planned_ids:
                return ("pending", None)
            return None
        attachment = importer.old.attachment_for(href) if importer.old.local_path(href) else None
        if attachment and attachment in importer.documents:
            return ("document", importer.documents[attachment])
        return None

    def image(self, src, attachment_id=None):
        images = self.importer.images
        if attachment_id and attachment_id in images:
            return images[attachment_id]
        found = self.importer.old.attachment_for(src) if src else None
        return images.get(found) if found else None

    def attachment_url(self, attachment_id):
        item = self.importer.attachments.get(attachment_id)
        return item.attachment_url if item else ""

    def attached_images(self):
        return self.importer.attached_images.get(self.item.wp_id, [])


class WordPressImporter(
    AuthorsStep, TaxonomyStep, AttachmentsStep, PageWriter, RedirectsStep, UploadRedirectsStep
):
    """One import run; each step of it (authors, topics and sections, attachments, pages,
    redirects, old upload addresses) is a mixin in its own module, sharing the state set up here."""

    def __init__(
        self,
        export,
        mapping,
        *,
        media_dir=None,
        dry_run=False,
        progress=False,
        after_item=None,
        now=None,
    ):
        self.export = export
        self.mapping = mapping
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.dry_run = dry_run
        self.progress = progress
        self.after_item = after_item
        self.now = now or timezone.now()
        self.source = export.site_url[:255] or "wordpress"
        self.report = Report(source=self.source, dry_run=dry_run)
        self.page_ids = {}  # wp_id -> Wagtail page id, for links and parents
        self.images = {}  # attachment wp_id -> Wagtail image id
        self.documents = {}  # attachment wp_id -> Wagtail document id
        self.users = {}  # login -> user id
        self.topics = {}  # topic slug (planned) -> Topic id
        self.sections = {}  # section slug (planned) -> SectionPage
        self.sibling_slugs = {}  # parent page id -> set of its children's slugs
        self.parent_pages = {}  # page id -> Page, for pages with imported children
        self.last_child_paths = {}  # parent page id -> tree path of its last child (None: no child)
        self.user_objects = {}
        self.changed = False
        # Shortcuts through libraries' private parts, each taken only with the versions it was
        # checked against (``core/pinned.py``); off, the public way gives the same import, slower.
        self.tree_shortcuts = tree_shortcuts()
        self.indexing_shortcuts = indexing_shortcuts()

    # -- the whole run ---------------------------------------------------------------------------
    def run(self):
        self.plan = make_plan(self.export, self.mapping, now=self.now)
        self.old = OldSite(self.export, self.mapping.old_hosts)
        self.old.assign(self.plan.items)
        self.old.add_attachments(self.plan.attachments)
        self.attachments = {item.wp_id: item for item in self.plan.attachments}
        self.attached_images = self.index_attached_images()
        self.planned_ids = {p.wp_id for p in self.plan.items}
        self.home, self.site = self.find_home()
        report = self.report
        report.comments = self.plan.comments
        report.sticky = [p.title for p in self.plan.sticky]
        report.not_imported_types = dict(self.plan.other_types)
        for item, reason in self.plan.skipped:
            title = conv.clean_title(item.title, f"{item.post_type} {item.wp_id}")
            report.add(item.post_type, item.wp_id, title, SKIPPED, reason)
        try:
            with (
                quick_commits(enabled=not self.dry_run),
                deferred_indexing(self.indexing_shortcuts),
                fewer_collections(),
                transaction.atomic() if self.dry_run else nullcontext(),
            ):
                self.load_records()
                self.load_redirects()
                self.import_authors()
                self.import_topics()
                self.import_sections()
                self.import_attachments()
                self.import_items()
                self.relink()
                self.import_archive_redirects()
                self.import_attachment_redirects()
                if self.dry_run:
                    transaction.set_rollback(True)
                else:
                    indexed = index_flagged(
                        ImportedItem.objects.filter(source=self.source), self.indexing_shortcuts
                    )
                    self.report.counts["pages and topics indexed for search"] += indexed
            # Treebeard's own check of the home page's tree, after any run that wrote to it.
            if self.changed and not self.dry_run and (problems := tree_problems(self.home)):
                raise TreeProblems(report, problems)
        except KeyboardInterrupt as stop:
            report.interrupted = True
            raise ImportInterrupted(report) from stop
        finally:
            if self.changed and not self.dry_run:
                bump_content_version()
        return report

    def find_home(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = site.root_page.specific if site else None
        if not isinstance(home, HomePage):
            raise ImportSetupError(
                "this site has no toolkit to import into yet: run "
                "`python manage.py create_toolkit --name NAME --address https://...` first"
            )
        return home, site

    def load_records(self):
        self.records = {
            (r.kind, r.key): r for r in ImportedItem.objects.filter(source=self.source).select_related("page")
        }

    def record(self, kind, key):
        return self.records.get((kind, str(key)))

    def save_record(self, kind, key, **fields):
        key = str(key)[:255]
        record = self.records.get((kind, key))
        if record is None:
            record = ImportedItem.objects.create(source=self.source, kind=kind, key=key, **fields)
            self.records[(kind, key)] = record
        else:
            for name, value in fields.items():
                setattr(record, name, value)
            record.save(update_fields=[*fields, "last_imported_at"])
        return record

    # -- posts and pages ---------------------------------------------------------------------------
    def import_items(self):
        for planned in self.plan.items:
            record = self.record(planned.kind, planned.wp_id)
            if record and record.page_id:
                self.page_ids[planned.wp_id] = record.page_id
        self.pending = []
        items = self.plan.items
        bar = tqdm(items, desc="Importing", unit="item", disable=not self.progress, leave=False)
        for done, planned in enumerate(bar, start=1):
            self.import_one(planned)
            if self.after_item:
                self.after_item(done, planned)

    def import_one(self, planned, relinking=False):
        try:
            outcome, reason, page = self.write_item(planned)
        except Exception as error:  # noqa: BLE001 - a bad item is reported and skipped, never fatal
            logger.info("WordPress item %s failed", planned.wp_id, exc_info=True)
            self.load_redirects()  # forget redirects made in the rolled-back transaction
            self.last_child_paths.clear()  # and tree paths
            self.report.add(planned.kind, planned.wp_id, planned.title, FAILED, one_line(error))
            return
        if relinking:
            entry = next(
                e
                for e in reversed(self.report.entries)
                if e.wp_id == planned.wp_id and e.kind == planned.kind
            )
            if outcome == UPDATED and entry.outcome == UNCHANGED:
                entry.outcome = UPDATED
            return
        url = self.public_path(page) if page is not None and outcome != SKIPPED else ""
        self.report.add(planned.kind, planned.wp_id, planned.title, outcome, reason, url)
        for message in planned.warnings:
            self.report.warn(planned.wp_id, planned.title, message)

    def parent_for(self, planned):
        if planned.target != "standard":
            return self.sections[planned.section.slug]
        if planned.parent_id and planned.parent_id in self.page_ids:
            page_id = self.page_ids[planned.parent_id]
            if page_id not in self.parent_pages:
                self.parent_pages[page_id] = Page.objects.get(pk=page_id)
            return self.parent_pages[page_id]
        return self.home

    def build(self, planned, parent):
        """Everything the page will hold, as plain data (hashed to notice changes)."""
        item = planned.item
        conversion = conv.convert(item.content, ItemResolver(self, item), title=planned.title)
        blocks = conv.unique_headings(conversion.blocks)
        if planned.target == "standard":
            blocks = conv.for_standard_page(blocks)
        summary = conv.make_summary(item.excerpt, conversion, planned.title)
        modified = item_modified_at(item) or planned.published_at  # None: the time of the import
        spec = {
            "version": IMPORTER_VERSION,
            "target": planned.target,
            "parent": parent.pk,
            "title": planned.title,
            "slug": planned.slug,
            "summary": summary,
            "body": blocks,
            "status": planned.status,
            "published_at": planned.published_at,
            "modified": modified,
            "topics": sorted(self.topics[t] for t in planned.topics if t in self.topics),
            "owner": self.users.get(item.creator),
            "restriction": planned.restriction,
            "redirects": self.old.redirect_paths(planned.wp_id) if self.keeps_addresses(planned) else [],
        }
        return spec, conversion

    def public_path(self, page):
        """The page's address on the site (its URL path below the home page), without a query."""
        return (
            "/" + page.url_path[len(self.home.url_path) :]
            if page.url_path.startswith(self.home.url_path)
            else page.url_path
        )

    def keeps_addresses(self, planned):
        """Only items WordPress showed at an address get redirects (not drafts or future posts)."""
        return planned.item.status in ("publish", "private") and planned.status == LIVE

    def write_item(self, planned):
        record = self.record(planned.kind, planned.wp_id)
        model = PAGE_MODELS[planned.target]
        parent = self.parent_for(planned)
        spec, conversion = self.build(planned, parent)
        if conversion.pending_links:
            self.pending.append(planned)
        digest = spec_hash(spec)
        if record and record.page_id and record.content_hash == digest:
            return UNCHANGED, "", record.page
        page = record.page.specific if record and record.page_id else None
        if page is not None and not isinstance(page, model):
            kind, wanted = page.specific_class._meta.verbose_name, model._meta.verbose_name
            return SKIPPED, f"already imported as a {kind}; delete it to import it as a {wanted}", page
        if page is not None and page.latest_revision_id != record.revision_id:
            return SKIPPED, "changed in Wagtail since it was imported: left as the editors made it", page
        with transaction.atomic():
            is_new = page is None
            page = self.save_page(planned, spec, page, parent, model)
            if planned.restriction or not is_new:
                self.save_restriction(page, planned.restriction)
            self.save_redirects(page, spec["redirects"])
            self.save_record(
                planned.kind,
                planned.wp_id,
                guid=planned.item.guid[:500],
                page=page,
                revision_id=page.latest_revision_id,
                content_hash=digest,
                needs_indexing=True,
            )
        self.page_ids[planned.wp_id] = page.pk
        self.changed = True
        for message in conversion.warnings:
            self.report.warn(planned.wp_id, planned.title, message)
        if planned.target == "method":
            self.report.warn(
                planned.wp_id,
                planned.title,
                "method details (when to use, who, time, cost, skills) left for an editor",
            )
        return (IMPORTED if record is None or record.page_id is None else UPDATED), "", page

    # -- links between posts ------------------------------------------------------------------------
    def relink(self):
        """Items that linked to posts imported after them are converted again, now that all exist."""
        pending, self.pending = self.pending, []
        for planned in pending:
            self.import_one(planned, relinking=True)
