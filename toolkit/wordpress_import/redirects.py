"""Every old address answers 301: each post's permalinks, and category and tag archives."""

from django.db import transaction
from wagtail.contrib.redirects.models import Redirect

from toolkit.taxonomy.models import Topic, TopicIndexPage

from .links import REDIRECT_PATH_MAX


class RedirectsStep:
    """Part of ``WordPressImporter``: redirects made with Wagtail's redirects app."""

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
        self.save_redirect_targets(
            {
                path: {"redirect_page_id": page.pk, "redirect_page_route_path": route}
                for path, (page, route) in wanted.items()
            },
            "archive redirects",
        )

    def save_redirect_targets(self, wanted, count_name, may_repoint=lambda redirect: True):
        """Make the missing redirects of ``wanted`` (old path -> Redirect field values) in one insert,
        and re-point an existing one that differs when ``may_repoint(redirect)`` allows it."""
        wanted = {path: fields for path, fields in wanted.items() if len(path) <= REDIRECT_PATH_MAX}
        existing = {r.old_path: r for r in Redirect.objects.filter(site=self.site, old_path__in=list(wanted))}
        fresh = []
        with transaction.atomic():
            for path, fields in wanted.items():
                redirect = existing.get(path)
                if redirect is None:
                    fresh.append(Redirect(old_path=path, site=self.site, **fields))
                elif any(getattr(redirect, name) != value for name, value in fields.items()) and may_repoint(
                    redirect
                ):
                    for name, value in fields.items():
                        setattr(redirect, name, value)
                    redirect.save(update_fields=list(fields))
            Redirect.objects.bulk_create(fresh)
        if fresh:
            self.changed = True
        self.report.counts[count_name] += len(fresh)

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
