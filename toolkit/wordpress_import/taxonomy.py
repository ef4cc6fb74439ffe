"""Tags and categories become topics; the categories chosen as sections become section pages."""

from django.db import transaction

from toolkit.sheets.models import SectionPage
from toolkit.taxonomy.models import Topic

from . import convert as conv
from .models import ImportedItem


class TaxonomyStep:
    """Part of ``WordPressImporter``: topics, then sections (made before the sheets they hold)."""

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


def source_kind(kind):
    return ImportedItem.Kind.TAG if kind == "tag" else ImportedItem.Kind.CATEGORY
