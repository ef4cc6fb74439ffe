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

import hashlib
import json
import logging
import re
from contextlib import contextmanager, nullcontext
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.images import ImageFile
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F, Model
from django.utils import timezone
from tqdm import tqdm
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision, Site

from toolkit.core.cache import bump_content_version
from toolkit.core.models import HomePage, StandardPage
from toolkit.sheets.models import DefinitionSheetPage, MethodSheetPage, SectionPage
from toolkit.taxonomy.models import Topic, TopicIndexPage

from . import convert as conv
from .indexing import deferred_indexing, index_flagged, quick_commits
from .links import OldSite
from .models import ImportedItem
from .plan import LIVE, SCHEDULED, TERM_MAX_CHARS, make_plan, wp_slug
from .report import FAILED, IMPORTED, SKIPPED, UNCHANGED, UPDATED, Report
from .wxr import Author, item_modified_at

logger = logging.getLogger(__name__)

PAGE_MODELS = {"definition": DefinitionSheetPage, "method": MethodSheetPage, "standard": StandardPage}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024
# Paths the site's URL configuration answers before Wagtail: a top-level page there is unreachable.
RESERVED_TOP_SLUGS = {"admin", "django-admin", "documents", "search", "static", "media"}
METHOD_PLACEHOLDER = "<p>Not in the WordPress original: to be written by an editor.</p>"
NOT_STATED = "Not stated in the WordPress original"
IMPORTER_VERSION = "1"  # bump to make every item count as changed after a change to the converter


class ImportSetupError(Exception):
    """The site is not ready for an import (no home page); nothing was written."""


class ImportInterrupted(Exception):  # noqa: N818 - names what happened, like KeyboardInterrupt
    def __init__(self, report):
        super().__init__("interrupted")
        self.report = report


def spec_hash(spec):
    data = json.dumps(spec, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def file_digest(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


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


class WordPressImporter:
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
                deferred_indexing(),
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
                if self.dry_run:
                    transaction.set_rollback(True)
                else:
                    indexed = index_flagged(ImportedItem.objects.filter(source=self.source))
                    self.report.counts["pages and topics indexed for search"] += indexed
        except KeyboardInterrupt as stop:
            report.interrupted = True
            raise ImportInterrupted(report) from stop
        finally:
            if self.changed and not self.dry_run:
                bump_content_version()
        return report

    def find_home(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise ImportSetupError(
                "there is no default Wagtail site to import into (run migrate, then load_demo)"
            )
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise ImportSetupError(
                f"the default site's root page “{home.title}” is not the toolkit's home page"
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

    def index_attached_images(self):
        attached = {}
        for item in sorted(self.plan.attachments, key=lambda i: (i.menu_order, i.wp_id)):
            url = item.attachment_url or item.guid
            if Path(url.split("?")[0]).suffix.lower() in IMAGE_EXTENSIONS and item.parent_id:
                attached.setdefault(item.parent_id, []).append(item.wp_id)
        return attached

    # -- authors ---------------------------------------------------------------------------------
    def import_authors(self):
        User = get_user_model()
        self.user_objects = {}
        editors = Group.objects.filter(name="Editors").first()
        logins = {a.login: a for a in self.export.authors if a.login}
        for item in self.plan.items:  # authors named by posts but missing from the author list
            if item.item.creator and item.item.creator not in logins:
                logins[item.item.creator] = Author(login=item.item.creator)
        for login, author in logins.items():
            record = self.record(ImportedItem.Kind.AUTHOR, login)
            email = author.email[:254]
            try:
                validate_email(email)
            except ValidationError:
                email = ""
            fields = {  # names are plain text: any markup in them is dropped
                "email": email,
                "first_name": conv.plain_text(author.first_name)[:150],
                "last_name": conv.plain_text(author.last_name or author.display_name)[:150],
            }
            digest = spec_hash(fields)
            if record and record.object_id and record.content_hash == digest:
                self.users[login] = record.object_id
                continue  # the user object is fetched below, with the others, in one query
            with transaction.atomic():
                user = (
                    User.objects.filter(pk=record.object_id).first() if record and record.object_id else None
                )
                if user is None:
                    user = User(username=self.free_username(login), is_active=False, is_staff=False)
                    user.set_unusable_password()
                for name, value in fields.items():
                    setattr(user, name, value)
                user.save()
                if editors:
                    user.groups.add(editors)
                self.save_record(
                    ImportedItem.Kind.AUTHOR,
                    login,
                    object_id=user.pk,
                    object_type="user",
                    content_hash=digest,
                )
            self.users[login] = user.pk
            self.report.counts["authors"] += 1
            self.changed = True
        self.user_objects = User.objects.in_bulk(list(self.users.values()))

    def free_username(self, login):
        User = get_user_model()
        base = "".join(ch for ch in login if ch.isalnum() or ch in "@.+-_")[:140] or "author"
        candidates = [base, f"wp-{base}"] + [f"wp-{base}-{n}" for n in range(2, 1000)]
        taken = set(User.objects.filter(username__in=candidates).values_list("username", flat=True))
        return next(name for name in candidates if name not in taken)

    # -- topics and sections -----------------------------------------------------------------------
    def import_topics(self):
        """Every tag and category that is not a section becomes a topic (in one transaction)."""
        by_pk = Topic.objects.in_bulk()
        self.topic_objects = by_pk
        existing = {t.slug: t for t in by_pk.values()}
        by_name = {t.name.lower(): t for t in by_pk.values()}
        with transaction.atomic():
            for slug, spec in self.plan.topics.items():
                records = [self.record(source_kind(kind), key) for kind, key in spec.sources]
                known = records[0].object_id if records and records[0] else None
                if known in by_pk and all(r and r.object_id == known for r in records):
                    self.topics[slug] = known
                    continue
                topic = by_pk.get(known) or existing.get(slug) or by_name.get(spec.name.lower())
                created = topic is None
                if created:
                    topic = Topic.objects.create(
                        name=spec.name, slug=slug, description=spec.description[:2000]
                    )
                    existing[slug] = by_name[spec.name.lower()] = by_pk[topic.pk] = topic
                    self.report.counts["topics"] += 1
                for kind, key in spec.sources:
                    self.save_record(
                        source_kind(kind),
                        key,
                        object_id=topic.pk,
                        object_type="topic",
                        needs_indexing=created,
                    )
                self.topics[slug] = topic.pk
                self.changed = True

    def import_sections(self):
        for slug, spec in self.plan.sections.items():
            record = self.record(ImportedItem.Kind.SECTION, slug)
            page = record.page if record and record.page_id else None
            if page is None:
                page = SectionPage.objects.child_of(self.home).filter(slug=slug).first()
            if page is not None:
                self.sections[slug] = page.specific
                if record is None:
                    self.save_record(ImportedItem.Kind.SECTION, slug, page=page, object_type="section")
                continue
            with transaction.atomic():
                title = spec.target.title or slug
                summary = (
                    conv.trim_words(conv.plain_text(spec.description)) or f"Sheets filed under “{title}”."
                )
                section = SectionPage(
                    title=title[:255], slug=self.free_slug(self.home, slug), summary=summary
                )
                section.first_published_at = section.last_published_at = self.now
                section.locale_id = self.home.locale_id
                self.add_child(self.home, section)
                self.sibling_slugs.setdefault(self.home.pk, set()).add(section.slug)
                self.record_revision(section, True, None, self.now)
                self.save_record(
                    ImportedItem.Kind.SECTION, slug, page=section, object_type="section", needs_indexing=True
                )
            self.sections[slug] = section
            self.report.counts["sections"] += 1
            if not spec.description:
                self.report.warn(None, title, "section created with a placeholder summary: write a real one")
            self.changed = True

    # -- attachments -------------------------------------------------------------------------------
    def import_attachments(self):
        for item in self.plan.attachments:
            record = self.record(ImportedItem.Kind.ATTACHMENT, item.wp_id)
            if record and record.object_id:
                target = self.images if record.object_type == "image" else self.documents
                target[item.wp_id] = record.object_id
        if self.media_dir is None:
            if self.plan.attachments:
                self.report.counts["attachments left on the old site (no --media-dir)"] = len(
                    self.plan.attachments
                )
            return
        for item in self.plan.attachments:
            title = conv.clean_title(item.title, f"attachment {item.wp_id}")
            try:
                self.import_attachment(item, title)
            except Exception as error:  # noqa: BLE001 - one bad file is reported, the rest go on
                logger.info("Attachment %s failed", item.wp_id, exc_info=True)
                self.report.add("attachment", item.wp_id, title, FAILED, one_line(error))

    def find_media(self, item):
        """The attachment's file under --media-dir, by its upload path, then its address."""
        relative = item.meta.get("_wp_attached_file", "").strip()
        url_path = unquote(urlsplit(item.attachment_url or item.guid).path).lstrip("/")
        candidates = [relative]
        if "wp-content/uploads/" in url_path:
            candidates.append(url_path.split("wp-content/uploads/", 1)[1])
        candidates += [url_path, Path(url_path).name]
        for candidate in candidates:
            if not candidate:
                continue
            path = (self.media_dir / candidate).resolve()
            if path.is_relative_to(self.media_dir) and path.is_file():
                return path
        return None

    def import_attachment(self, item, title):
        path = self.find_media(item)
        if path is None:
            self.report.add(
                "attachment", item.wp_id, title, SKIPPED, "file not found under --media-dir: linked instead"
            )
            return
        is_image = path.suffix.lower() in IMAGE_EXTENSIONS
        limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE if is_image else MAX_DOCUMENT_BYTES
        if path.stat().st_size > limit:
            self.report.add(
                "attachment",
                item.wp_id,
                title,
                SKIPPED,
                f"file over {limit // 1024 // 1024} MB: linked instead",
            )
            return
        digest = file_digest(path)
        record = self.record(ImportedItem.Kind.ATTACHMENT, item.wp_id)
        if record and record.object_id and record.content_hash == digest:
            self.report.add("attachment", item.wp_id, title, UNCHANGED)
            return
        if self.dry_run:
            self.report.add("attachment", item.wp_id, title, IMPORTED, "dry run: file not copied")
            return
        with transaction.atomic(), open(path, "rb") as stream:
            if is_image:
                alt = item.meta.get("_wp_attachment_image_alt", "")
                obj = get_image_model()(title=title[:255], file=ImageFile(stream, name=path.name))
                if hasattr(obj, "description"):
                    obj.description = conv.plain_text(alt)[:255]
                obj._set_image_file_metadata()
                obj.full_clean(exclude=["collection", "uploaded_by_user", "focal_point_x", "focal_point_y"])
            else:
                obj = get_document_model()(title=title[:255], file=File(stream, name=path.name))
            obj.save()
            self.save_record(
                ImportedItem.Kind.ATTACHMENT,
                item.wp_id,
                guid=item.guid[:500],
                object_id=obj.pk,
                object_type="image" if is_image else "document",
                content_hash=digest,
            )
        (self.images if is_image else self.documents)[item.wp_id] = obj.pk
        self.report.add("attachment", item.wp_id, title, UPDATED if record else IMPORTED)
        self.changed = True

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

    def page_fields(self, planned, spec):
        # The body in StreamField's stored (JSON) form: image blocks hold image ids, as stored.
        body = [{"type": block_type, "value": value} for block_type, value in spec["body"]]
        fields = {"title": spec["title"], "body": body, "owner": self.user_objects.get(spec["owner"])}
        target = planned.target
        if target == "standard":
            fields["intro"] = conv.plain_text(planned.item.excerpt)
        else:
            fields["summary"] = spec["summary"]
            fields["topics"] = spec["topics"]
            fields["last_reviewed"] = (spec["modified"] or self.now).date()
        if target == "definition":
            fields["term"] = spec["title"][:TERM_MAX_CHARS]
        if target == "method":
            for name in ("when_to_use", "who_is_involved", "what_good_looks_like"):
                fields[name] = METHOD_PLACEHOLDER
            for name in ("time_needed", "cost", "skills"):
                fields[name] = NOT_STATED
        return fields

    def save_page(self, planned, spec, page, parent, model):
        fields = self.page_fields(planned, spec)
        topics = fields.pop("topics", None)
        live = spec["status"] == LIVE
        published = spec["published_at"] or self.now
        is_new = page is None
        if is_new:
            page = model(**fields)
            if topics is not None:  # written with the page (a parental many-to-many)
                page.topics.set([self.topic_objects[pk] for pk in topics])
            page.slug = self.free_slug(parent, spec["slug"])
            page.live = live
            page.has_unpublished_changes = not live
            page.first_published_at = published if live else None
            page.last_published_at = (spec["modified"] or published) if live else None
            page.go_live_at = published if spec["status"] == SCHEDULED else None
            page.locale_id = parent.locale_id
            self.add_child(parent, page)
            self.sibling_slugs.setdefault(parent.pk, set()).add(page.slug)
        else:
            if page.get_parent().pk != parent.pk:
                page.move(parent, pos="last-child")
                page = type(page).objects.get(pk=page.pk)
            for name, value in fields.items():
                setattr(page, name, value)
            if topics is not None:
                page.topics.set([self.topic_objects[pk] for pk in topics])
            wanted = wp_slug(spec["slug"])
            if not re.fullmatch(rf"{re.escape(wanted)}(-\d+)?", page.slug):
                page.slug = self.free_slug(parent, wanted, page)
            page.live = live
            if live and page.first_published_at is None:
                page.first_published_at = published
            page.go_live_at = published if spec["status"] == SCHEDULED else None
            with lean_validation(page):
                page.save()
        # A first import writes the page as it is, with Wagtail's "created" history entry, and no
        # revision: Wagtail reads the page itself until someone edits it, which halves the cost of
        # a large import. Later changes (by an import or an editor) make revisions as usual, and a
        # scheduled page gets one now, since a revision is what Wagtail publishes on the day.
        if not is_new or spec["status"] == SCHEDULED:
            modified = spec["modified"] or page.last_published_at or published
            self.record_revision(page, live, published if spec["status"] == SCHEDULED else None, modified)
        return page

    def add_child(self, parent, page):
        """What treebeard's ``parent.add_child(instance=page)`` does, for many children in a row.

        The new page's tree path comes from the last child's path, remembered between calls
        instead of asked for each time (the unique index on ``path`` still guards against a
        clash). Wagtail's "created" history entry is written in one insert, without the
        per-field database checks ``PageLogEntry.save()`` runs.
        """
        if parent.pk not in self.last_child_paths:
            last = parent.get_last_child()
            self.last_child_paths[parent.pk] = last.path if last else None
        last_path = self.last_child_paths[parent.pk]
        page.depth = parent.depth + 1
        page.path = (
            Page(path=last_path)._inc_path() if last_path else Page._get_path(parent.path, page.depth, 1)
        )
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
        parent.numchild += 1
        page._cached_parent_obj = parent
        with lean_validation(page):
            page.save(log_action=None)
        self.last_child_paths[parent.pk] = page.path
        PageLogEntry.objects.bulk_create(
            [
                PageLogEntry(
                    content_type_id=page.content_type_id,
                    label=page.title,
                    action="wagtail.create",
                    timestamp=timezone.now(),
                    user=page.owner,
                    page=page,
                    content_changed=True,
                    data={},
                )
            ]
        )
        return page

    def record_revision(self, page, live, scheduled_at, modified):
        """A revision of the page as written, marked published when live (what publish() would
        leave, without its per-page signals: the import indexes and refreshes caches at the end)."""
        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            approved_go_live_at=scheduled_at,
            content=page.serializable_data(),
            object_str=str(page),
        )
        updates = {
            "latest_revision": revision,
            "latest_revision_created_at": revision.created_at,
            "draft_title": page.title,
            "has_unpublished_changes": not live,
        }
        if live:
            updates |= {"live_revision": revision, "last_published_at": modified}
        Page.objects.filter(pk=page.pk).update(**updates)
        for name, value in updates.items():
            setattr(page, name, value)
        return revision

    def free_slug(self, parent, wanted, page=None):
        """``wanted``, or ``wanted-2``, ``-3``... when a sibling (or the site's own URLs) has it."""
        if parent.pk not in self.sibling_slugs:
            self.sibling_slugs[parent.pk] = set(parent.get_children().values_list("slug", flat=True))
        taken = set(self.sibling_slugs[parent.pk])
        if page is not None:
            taken.discard(page.slug)
        if parent.pk == self.home.pk:
            taken |= RESERVED_TOP_SLUGS
        wanted = wanted or "imported"
        slug, number = wanted, 1
        while slug in taken:
            number += 1
            slug = f"{wanted[:190]}-{number}"
        return slug

    def save_restriction(self, page, restriction):
        current = list(PageViewRestriction.objects.filter(page=page))
        if restriction is None:
            for existing in current:
                existing.delete()
            return
        kind, password = restriction
        wanted_type = PageViewRestriction.PASSWORD if kind == "password" else PageViewRestriction.LOGIN
        if (
            len(current) == 1
            and current[0].restriction_type == wanted_type
            and current[0].password == password
        ):
            return
        for existing in current:
            existing.delete()
        PageViewRestriction(page=page, restriction_type=wanted_type, password=password).save()

    def load_redirects(self):
        self.redirects = {
            r.old_path: r
            for r in Redirect.objects.filter(site=self.site).only("id", "old_path", "redirect_page_id")
        }

    def save_redirects(self, page, paths):
        """A 301 from each old address to the page, unless the address already goes elsewhere."""
        new_path = Redirect.normalise_path(self.public_path(page))
        wanted = []
        for path in paths:
            normal = Redirect.normalise_path(path)
            if normal != new_path and len(normal) <= 255 and normal not in wanted:
                wanted.append(normal)
        ours = set(self.page_ids.values()) | {page.pk}
        fresh = []
        for normal in wanted:
            redirect = self.redirects.get(normal)
            if redirect is None:
                fresh.append(Redirect(old_path=normal, site=self.site, redirect_page=page, is_permanent=True))
            elif redirect.redirect_page_id != page.pk:
                if redirect.redirect_page_id in ours:
                    Redirect.objects.filter(pk=redirect.pk).update(redirect_page=page, redirect_link="")
                    redirect.redirect_page_id = page.pk
                else:
                    self.report.warn(
                        None, page.title, f"old address {normal} already redirects elsewhere: left alone"
                    )
        for redirect in Redirect.objects.bulk_create(fresh):
            self.redirects[redirect.old_path] = redirect
        self.report.counts["redirects"] += len(fresh)

    # -- links between posts ------------------------------------------------------------------------
    def relink(self):
        """Items that linked to posts imported after them are converted again, now that all exist."""
        pending, self.pending = self.pending, []
        for planned in pending:
            self.import_one(planned, relinking=True)

    # -- archives ------------------------------------------------------------------------------------
    def import_archive_redirects(self):
        topic_index = TopicIndexPage.objects.descendant_of(self.home).first()
        wanted = {}  # normalised old path -> (page, route)
        categories = {c.slug: c for c in self.export.categories}
        for category in self.export.categories:
            if not category.slug:
                continue
            chain = self.category_chain(category.slug, categories)
            section_slug = self.plan.section_for_category.get(category.slug)
            topic_slug = self.plan.topic_for_term.get(("category", category.slug))
            target = self.archive_target(section_slug, topic_slug, topic_index)
            if target:
                for path in self.old.category_paths(chain, category.term_id):
                    wanted.setdefault(Redirect.normalise_path(path), target)
        for tag in self.export.tags:
            topic_slug = self.plan.topic_for_term.get(("tag", tag.slug))
            target = self.archive_target(None, topic_slug, topic_index)
            if target:
                for path in self.old.tag_paths(tag.slug):
                    wanted.setdefault(Redirect.normalise_path(path), target)
        if self.plan.topics and topic_index is None:
            self.report.warn(
                None, "", "no topic index page: tag and category archives were not redirected to topics"
            )
        wanted = {path: target for path, target in wanted.items() if len(path) <= 255}
        existing = {r.old_path: r for r in Redirect.objects.filter(site=self.site, old_path__in=list(wanted))}
        fresh = []
        with transaction.atomic():
            for path, (page, route) in wanted.items():
                redirect = existing.get(path)
                if redirect is None:
                    fresh.append(
                        Redirect(
                            old_path=path, site=self.site, redirect_page=page, redirect_page_route_path=route
                        )
                    )
                elif (redirect.redirect_page_id, redirect.redirect_page_route_path) != (page.pk, route):
                    redirect.redirect_page = page
                    redirect.redirect_page_route_path = route
                    redirect.save()
            Redirect.objects.bulk_create(fresh)
        if fresh:
            self.changed = True
        self.report.counts["archive redirects"] += len(fresh)

    def archive_target(self, section_slug, topic_slug, topic_index):
        if section_slug and section_slug in self.sections:
            return (self.sections[section_slug], "")
        if topic_slug and topic_index is not None and topic_slug in self.topics:
            slug = Topic.objects.filter(pk=self.topics[topic_slug]).values_list("slug", flat=True).first()
            return (topic_index, f"/{slug}/") if slug else None
        return None

    @staticmethod
    def category_chain(slug, categories):
        chain, seen = [], set()
        while slug and slug not in seen:
            chain.append(slug)
            seen.add(slug)
            slug = categories[slug].parent if slug in categories else ""
        return chain


@contextmanager
def lean_validation(page):
    """Wagtail's validation on save, minus look-ups the importer has already made sure of.

    ``Page.save()`` runs ``full_clean()``, which also asks the database whether each foreign key
    (owner, locale, content type...) exists and whether the path and translation key are unique:
    six queries a page that can only fail if the importer had a bug. Field checks (lengths, the
    60-word summary), the page's own ``clean()`` (repeated headings) and the sibling slug check
    still run.
    """
    relations = [f.name for f in page._meta.concrete_fields if f.is_relation]

    def validate(*args, **kwargs):
        page._set_core_field_defaults()
        Model.full_clean(page, exclude=relations, validate_unique=False, validate_constraints=False)

    page.full_clean = validate
    try:
        yield
    finally:
        del page.full_clean


def source_kind(kind):
    return ImportedItem.Kind.TAG if kind == "tag" else ImportedItem.Kind.CATEGORY


def one_line(error):
    if isinstance(error, ValidationError):
        messages = []
        for field, errors in getattr(error, "message_dict", {"": error.messages}).items():
            messages.extend(f"{field}: {m}" if field and field != "__all__" else m for m in errors)
        text = "; ".join(messages)
    else:
        text = f"{type(error).__name__}: {error}"
    return " ".join(text.split())[:500]
