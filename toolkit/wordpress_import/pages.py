"""Writing one imported page into Wagtail's tree: fields, tree position, revision, privacy.

It writes what ``Page.add_child()``, ``save_revision()`` and ``publish()`` would leave, without
their per-page signals and look-ups: the import indexes and refreshes caches once at the end.

Two of those shortcuts use private parts of treebeard (``_get_path``, ``_inc_path``) and of
Wagtail's ``Page`` (``_cached_parent_obj``, ``_set_core_field_defaults``,
``_check_slug_is_unique``), so they are taken only with the versions in ``TREEBEARD_VERSIONS`` and
``WAGTAIL_VERSIONS``, whose source they were written against; with others, pages are added by
treebeard's public ``add_child()`` with Wagtail's full validation (slower, same pages), and the
log says so once. After every import, treebeard's own ``find_problems()`` must find nothing
under the home page (``tree_problems()``), whichever way the pages were added.
"""

import re
from contextlib import contextmanager

from django.db.models import F, Model
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision

from toolkit.core.pinned import checked

from . import convert as conv
from .plan import LIVE, SCHEDULED, TERM_MAX_CHARS, wp_slug

# Paths the site's URL configuration answers before Wagtail: a top-level page there is unreachable.
RESERVED_TOP_SLUGS = {"admin", "django-admin", "documents", "search", "static", "media"}
METHOD_PLACEHOLDER = "<p>Not in the WordPress original: to be written by an editor.</p>"
NOT_STATED = "Not stated in the WordPress original"

TREEBEARD_VERSIONS = ("5.3.1",)  # MP_Node._get_path / _inc_path as used by its add_child()
WAGTAIL_VERSIONS = ("8.0",)  # Page._cached_parent_obj, _set_core_field_defaults, _check_slug_is_unique

# What each of the five lists from treebeard's ``find_problems()`` means, in its order.
TREE_PROBLEMS = (
    "characters outside the path alphabet",
    "a path of the wrong length",
    "no parent",
    "the wrong depth",
    "the wrong number of children",
)


def tree_shortcuts(treebeard=None, wagtail=None):
    """True when the installed treebeard and Wagtail are the ones the shortcuts were checked
    against (the arguments stand in for their versions, for the tests)."""
    return checked(
        "django-treebeard", TREEBEARD_VERSIONS, "the importer's tree-path shortcut", treebeard
    ) and (checked("wagtail", WAGTAIL_VERSIONS, "the importer's page validation shortcut", wagtail))


def tree_problems(home):
    """What treebeard's ``find_problems()`` finds wrong in the home page's tree, one phrase per
    kind of problem ("2 pages with no parent (ids 14, 15)"); empty when the tree is sound."""
    found = Page.find_problems(parent=home)
    return [
        f"{len(ids)} page{'s' if len(ids) != 1 else ''} with {name} (ids {', '.join(map(str, ids[:10]))})"
        for name, ids in zip(TREE_PROBLEMS, found, strict=True)
        if ids
    ]


class PageWriter:
    """Part of ``WordPressImporter``: saves pages and sections planned by the rest of it."""

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
            # A scheduled post's "modified" can lie in the future; a review cannot.
            fields["last_reviewed"] = min((spec["modified"] or self.now).date(), self.now.date())
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
            page.slug = self.free_slug(parent, spec["slug"])
            page.live = live
            page.has_unpublished_changes = not live
            page.first_published_at = published if live else None
            page.last_published_at = (spec["modified"] or published) if live else None
            page.go_live_at = published if spec["status"] == SCHEDULED else None
            page.locale_id = parent.locale_id
            self.add_child(parent, page)
            self.sibling_slugs.setdefault(parent.pk, set()).add(page.slug)
            if topics:
                add_topics(page, topics)
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
            with lean_validation(page, self.tree_shortcuts):
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
        if not self.tree_shortcuts:
            with lean_validation(page, enabled=False):
                parent.add_child(instance=page)
        else:
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
            with lean_validation(page, self.tree_shortcuts):
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


def add_topics(page, topic_ids):
    """A new page's topics, written in one insert after the page (through modelcluster they would
    cost a look-up of the page's current topics first, which a new page has none of)."""
    field = page._meta.get_field("topics")
    through = field.remote_field.through
    own, other = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    through.objects.bulk_create([through(**{own: page.pk, other: topic_id}) for topic_id in topic_ids])


@contextmanager
def lean_validation(page, enabled=True):
    """Wagtail's validation on save, minus look-ups the importer has already made sure of.

    ``Page.save()`` runs ``full_clean()``, which also asks the database whether each foreign key
    (owner, locale, content type...) exists and whether the path and translation key are unique,
    then whether a sibling has the slug, then (for a new page) whether it is a site's root: eight
    queries a page that can only fail if the importer had a bug, since ``free_slug()`` picked the
    slug among the siblings' slugs and a page the importer adds is never a site's root. Field
    checks (lengths, the 60-word summary) and the page's own ``clean()`` (repeated headings) still
    run. Not ``enabled`` (a Wagtail or treebeard it was not checked against), Wagtail's whole
    validation runs.
    """
    if not enabled:
        yield
        return
    relations = [f.name for f in page._meta.concrete_fields if f.is_relation]

    def validate(*args, **kwargs):
        page._set_core_field_defaults()
        Model.full_clean(page, exclude=relations, validate_unique=False, validate_constraints=False)

    shortcuts = {"full_clean": validate, "_check_slug_is_unique": lambda: None}
    if page.pk is None:
        shortcuts["is_site_root"] = lambda: False
    page.__dict__.update(shortcuts)
    try:
        yield
    finally:
        for name in shortcuts:
            del page.__dict__[name]
