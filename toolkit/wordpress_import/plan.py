"""Decide, before touching the database, what each WordPress item becomes. Pure Python.

- A post becomes a Definition or Method sheet (a kind-marking category or tag decides, else the
  mapping's default). Its section is its first category's top-level ancestor (WordPress's nested
  categories are flattened: sub-categories become topics), unless the mapping names a section.
  "Uncategorized" is used only when a post has no other category.
- Its tags, and its categories other than the one that gave its section, become topics.
- A WordPress page becomes a standard page under its parent page (or a sheet, per the mapping).
- Status: publish is live, private is live for signed-in users only, a password-protected post
  is live behind Wagtail's password, draft and pending are drafts, future is scheduled; trash,
  auto-drafts and revisions are skipped with a reason.
- Every old address of an imported item is given to exactly one item (its own permalink first).
- An item with no ``wp:post_id`` (exports made by other tools or by hand) takes the id in its
  ``guid`` or ``link`` (``?p=42``), or else a stand-in id made from them, so re-runs find it again.
"""

import datetime
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlsplit

from django.utils.text import slugify  # a pure text function: no settings or database needed

from .convert import clean_title
from .mapping import SectionTarget
from .wxr import item_published_at

TITLE_MAX_CHARS = 255
TERM_MAX_CHARS = 120
SLUG_MAX_CHARS = 200
TOPIC_NAME_MAX_CHARS = 80
LIVE, DRAFT, SCHEDULED = "live", "draft", "scheduled"
SKIPPED_STATUSES = {
    "trash": "in WordPress's trash",
    "auto-draft": "an automatic draft WordPress saved, never written",
    "inherit": "a revision or attachment of another item",
}


@dataclass
class TopicSpec:
    slug: str
    name: str
    description: str = ""
    sources: list = field(default_factory=list)  # ("category" | "tag", WordPress slug)


@dataclass
class SectionSpec:
    target: SectionTarget
    description: str = ""
    categories: list = field(default_factory=list)  # WordPress category slugs that lead here


@dataclass
class PlannedItem:
    item: object
    kind: str  # "post" or "page" (what it was in WordPress)
    target: str  # "definition", "method" or "standard"
    title: str
    slug: str
    status: str
    published_at: datetime.datetime | None = None
    section: SectionTarget | None = None
    parent_id: int | None = None  # the WordPress page it sits under (standard pages)
    topics: list = field(default_factory=list)  # topic slugs
    restriction: tuple | None = None  # ("password", value) or ("login", "")
    warnings: list = field(default_factory=list)

    @property
    def wp_id(self):
        return self.item.wp_id


@dataclass
class Plan:
    items: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (item, reason)
    attachments: list = field(default_factory=list)
    other_types: Counter = field(default_factory=Counter)
    sections: dict = field(default_factory=dict)  # section slug -> SectionSpec
    topics: dict = field(default_factory=dict)  # topic slug -> TopicSpec
    topic_for_term: dict = field(default_factory=dict)  # ("category"|"tag", wp slug) -> topic slug
    section_for_category: dict = field(default_factory=dict)  # wp category slug -> section slug
    sticky: list = field(default_factory=list)
    comments: int = 0


def old_id_from(url):
    """The post id in a WordPress address such as ``https://example.org/?p=42`` (guids look like this)."""
    try:
        query = parse_qs(urlsplit(url or "").query)
    except ValueError:
        return None
    for name in ("p", "page_id", "attachment_id"):
        value = (query.get(name) or [""])[0]
        if value.isascii() and value.isdigit() and 0 < int(value) < 2**63:
            return int(value)
    return None


def stand_in_id(key):
    """A lasting id for an item that has none: negative, so it never meets a real WordPress id."""
    return -int(hashlib.sha256(key.encode()).hexdigest()[:15], 16)


def has_real_id(item):
    return item.wp_id is not None and item.wp_id > 0


def identify(item):
    """Give an item without ``wp:post_id`` the id its guid or link shows, or a stand-in id."""
    if item.wp_id is not None:
        return
    item.wp_id = old_id_from(item.guid) or old_id_from(item.link)
    if item.wp_id is None and (item.guid or item.link):
        item.wp_id = stand_in_id(item.guid or item.link)


def wp_slug(value):
    """A WordPress slug as text: percent-encoded Unicode decoded, anything odd removed."""
    return slugify(unquote(value or ""), allow_unicode=True)[:SLUG_MAX_CHARS].strip("-")


def topic_slug(value, name):
    return (slugify(unquote(value or "")) or slugify(name))[:TOPIC_NAME_MAX_CHARS].strip("-")


class Planner:
    def __init__(self, export, mapping, now=None):
        self.export = export
        self.mapping = mapping
        self.now = now or datetime.datetime.now(datetime.UTC)
        self.categories = {c.slug: c for c in export.categories if c.slug}
        self.tags = {t.slug: t for t in export.tags if t.slug}
        self.plan = Plan()
        self.topic_by_name = {}

    # -- categories and tags -------------------------------------------------------------------
    def top_level(self, slug):
        seen = set()
        while slug in self.categories and self.categories[slug].parent and slug not in seen:
            seen.add(slug)
            parent = self.categories[slug].parent
            if parent not in self.categories:
                break
            slug = parent
        return slug

    def category_chain(self, slug):
        """The category and its ancestors, nearest first."""
        chain, seen = [], set()
        while slug and slug not in seen:
            chain.append(slug)
            seen.add(slug)
            slug = self.categories[slug].parent if slug in self.categories else ""
        return chain

    def section_target(self, category_slug):
        for slug in self.category_chain(category_slug):
            if slug.lower() in self.mapping.sections:
                target = self.mapping.sections[slug.lower()]
                title = (
                    target.title
                    or (self.categories[slug].name if slug in self.categories else "")
                    or target.slug
                )
                return SectionTarget(target.slug, title), slug
        top = self.top_level(category_slug)
        term = self.categories.get(top)
        name = clean_title(term.name if term else top, top)[:TITLE_MAX_CHARS]
        return SectionTarget(wp_slug(top) or "section", name), top

    def add_section(self, target, category_slug, description=""):
        spec = self.plan.sections.get(target.slug)
        if spec is None:
            spec = self.plan.sections[target.slug] = SectionSpec(target, description)
        if category_slug and category_slug not in spec.categories:
            spec.categories.append(category_slug)
            self.plan.section_for_category.setdefault(category_slug, target.slug)
        return spec

    def add_topic(self, source, slug, name, description=""):
        key = (source, slug)
        if key in self.plan.topic_for_term:
            return self.plan.topic_for_term[key]
        name = (clean_title(name, slug) or slug)[:TOPIC_NAME_MAX_CHARS].strip()
        existing = self.topic_by_name.get(name.lower())
        if existing is None:
            new_slug = topic_slug(slug, name) or f"topic-{len(self.plan.topics) + 1}"
            base, number = new_slug, 1
            while new_slug in self.plan.topics:
                number += 1
                new_slug = f"{base[: TOPIC_NAME_MAX_CHARS - 4]}-{number}"
            existing = self.plan.topics[new_slug] = TopicSpec(new_slug, name, description)
            self.topic_by_name[name.lower()] = existing
        existing.sources.append(key)
        self.plan.topic_for_term[key] = existing.slug
        return existing.slug

    def is_marker(self, slug):
        return slug.lower() in self.mapping.kind_terms

    # -- items ---------------------------------------------------------------------------------
    def build(self):
        seen_ids = set()
        pages = []
        for item in self.export.items:
            identify(item)
            if item.post_type == "attachment":
                if item.wp_id is not None:
                    self.plan.attachments.append(item)
                continue
            if item.post_type not in ("post", "page"):
                self.plan.other_types[item.post_type or "(no type)"] += 1
                continue
            self.plan.comments += item.comments
            reason = self.skip_reason(item, seen_ids)
            if reason:
                self.plan.skipped.append((item, reason))
                continue
            seen_ids.add(item.wp_id)
            if item.post_type == "page":
                pages.append(item)
            else:
                self.plan.items.append(self.plan_post(item))
        self.plan.items.extend(self.plan_pages(pages))
        self.plan_terms()
        self.plan.sticky = [p for p in self.plan.items if p.item.sticky]
        return self.plan

    def skip_reason(self, item, seen_ids):
        if item.wp_id is None:
            return "no WordPress ID (wp:post_id), guid or link, so it could not be tracked"
        if item.wp_id in seen_ids:
            if has_real_id(item):
                return f"a second item with WordPress ID {item.wp_id}"
            return "a second item with the same guid or link"
        if item.status in SKIPPED_STATUSES:
            return SKIPPED_STATUSES[item.status]
        if item.status not in ("publish", "private", "draft", "pending", "future"):
            return f"unknown status “{item.status or '(none)'}”"
        if item.post_type == "page" and self.mapping.pages == "skip":
            return "WordPress pages are skipped by the mapping file"
        if not item.title.strip() and not item.content.strip() and not item.excerpt.strip():
            return "empty: no title, content or excerpt"
        return ""

    def common(self, item, kind, target):
        warnings = []
        number = item.wp_id if has_real_id(item) else abs(item.wp_id) % 10**6
        fallback = f"Untitled {kind} {number}"
        title = clean_title(item.title, fallback)
        if title == fallback:
            warnings.append("no title: given a placeholder one")
        if len(title) > TITLE_MAX_CHARS:
            title = title[: TITLE_MAX_CHARS - 1].rstrip() + "…"
            warnings.append(f"title shortened to {TITLE_MAX_CHARS} characters")
        slug = wp_slug(item.slug) or wp_slug(title) or f"{kind}-{number}"
        published_at = item_published_at(item)
        if published_at is None and item.status != "draft":
            warnings.append("no valid date: the import date is used")
        status, restriction = LIVE, None
        if item.status in ("draft", "pending"):
            status = DRAFT
        elif item.status == "future":
            if published_at is None:
                status = DRAFT
                warnings.append("scheduled without a valid date: kept as a draft")
            elif published_at > self.now:
                status = SCHEDULED
        if item.status == "private":
            restriction = ("login", "")
        elif item.password:
            restriction = ("password", item.password[:255])
        return PlannedItem(
            item=item,
            kind=kind,
            target=target,
            title=title,
            slug=slug,
            status=status,
            published_at=published_at,
            restriction=restriction,
            warnings=warnings,
        )

    def kind_of(self, item):
        for term in item.terms:
            kind = self.mapping.kind_terms.get(term.slug.lower())
            if kind:
                return kind
        return self.mapping.default_kind

    def plan_post(self, item):
        planned = self.common(item, "post", self.kind_of(item))
        categories = [t.slug for t in item.terms_in("category") if t.slug and not self.is_marker(t.slug)]
        primary = next((slug for slug in categories if slug.lower() != "uncategorized"), None)
        primary = primary or (categories[0] if categories else None)
        if primary:
            target, source = self.section_target(primary)
            self.add_section(
                target, source, self.categories[source].description if source in self.categories else ""
            )
        else:
            target = self.mapping.default_section
            self.add_section(target, None)
        planned.section = target
        topics = []
        for term in item.terms:
            if not term.slug or self.is_marker(term.slug):
                continue
            if term.domain == "post_tag":
                topics.append(("tag", term.slug, term.name))
            elif term.domain == "category":
                its_section, source = self.section_target(term.slug)
                # Another section's category, or a sub-category of this one: kept as a topic.
                if its_section.slug != target.slug or term.slug != source:
                    topics.append(("category", term.slug, term.name))
        planned.topics = topics  # resolved to topic slugs in plan_terms, once names are known
        return planned

    def plan_pages(self, pages):
        target = self.mapping.pages
        planned = {}
        for item in pages:
            entry = self.common(item, "page", target)
            if target != "standard":
                entry.section = self.mapping.default_section
                self.add_section(entry.section, None)
            planned[item.wp_id] = entry
        for entry in planned.values():
            parent = entry.item.parent_id
            if target == "standard" and parent:
                if parent in planned and parent != entry.wp_id:
                    entry.parent_id = parent
                else:
                    entry.warnings.append(f"parent page {parent} is not imported: placed at the top level")
        ordered, done = [], set()

        def visit(entry, trail):
            if entry.wp_id in done:
                return
            if entry.parent_id in trail:  # a loop of parents: break it here
                entry.warnings.append("its parent pages form a loop: placed at the top level")
                entry.parent_id = None
            if entry.parent_id:
                visit(planned[entry.parent_id], trail | {entry.wp_id})
            done.add(entry.wp_id)
            ordered.append(entry)

        for entry in planned.values():
            visit(entry, {entry.wp_id})
        return ordered

    def plan_terms(self):
        """Topics for every tag and every category that is not a section (so all arrive)."""
        for item in self.plan.items:
            item.topics = sorted(
                {
                    self.add_topic(source, slug, self.term_name(source, slug, name))
                    for source, slug, name in item.topics
                }
            )
        for tag in self.export.tags:
            if tag.slug and not self.is_marker(tag.slug):
                slug = self.add_topic("tag", tag.slug, tag.name or tag.slug)
                if tag.description and not self.plan.topics[slug].description:
                    self.plan.topics[slug].description = tag.description
        for category in self.export.categories:
            slug = category.slug
            if not slug or self.is_marker(slug):
                continue
            if slug in self.plan.section_for_category:
                continue
            topic = self.add_topic("category", slug, category.name or slug)
            if category.description and not self.plan.topics[topic].description:
                self.plan.topics[topic].description = category.description

    def term_name(self, source, slug, name):
        terms = self.tags if source == "tag" else self.categories
        return terms[slug].name if slug in terms and terms[slug].name else name or slug


def make_plan(export, mapping, now=None):
    return Planner(export, mapping, now).build()


def site_base_path(export):
    return urlsplit(export.site_url).path.rstrip("/")
