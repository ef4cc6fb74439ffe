"""Loads the benchmark corpus written by ``shared/bench/gen_content.py`` (JSON Lines).

Each line is a post: slug, title, category, tags, body_html, excerpt, date. Categories become
sections, tags become topics, and posts become sheets (Method sheets when the title says so,
otherwise Definition sheets). Loading is idempotent (sheets are keyed on their slug) and fast:
the search index is updated once, in bulk, at the end instead of after every page.
"""

import datetime
import json
import re
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save
from django.utils.text import slugify
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from toolkit.provision.builder import html_to_blocks
from toolkit.sheets.blocks import SheetBodyBlock
from toolkit.sheets.models import DefinitionSheetPage, MethodSheetPage, SectionPage, SheetPage
from toolkit.taxonomy.models import Topic

SUMMARY_WORDS = 55


class CorpusError(Exception):
    """A line of the corpus file is not a post we can load; the message says which and why."""


def read_posts(path, limit=None):
    posts = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if limit is not None and len(posts) >= limit:
                break
            if not line.strip():
                continue
            try:
                post = json.loads(line)
                for key in ("slug", "title", "category", "tags", "body_html"):
                    post[key]  # noqa: B018 - presence check
            except (ValueError, KeyError, TypeError) as error:
                raise CorpusError(f"line {number}: not a corpus post ({error})") from error
            posts.append(post)
    return posts


def body_blocks(html):
    """The post's HTML as heading and paragraph blocks, each heading unique within the sheet
    (sheets refuse repeated headings, whose anchors would clash)."""
    blocks, seen = html_to_blocks(html), set()
    for block in blocks:
        if block["type"] == "heading":
            while slugify(block["value"]) in seen:
                block["value"] += " (more)"
            seen.add(slugify(block["value"]))
    return SheetBodyBlock().to_python(blocks)


def summary_of(post):
    text = post.get("excerpt") or re.sub(r"<[^>]+>", " ", post["body_html"])
    words = text.split()
    return " ".join(words[:SUMMARY_WORDS]) + ("…" if len(words) > SUMMARY_WORDS else "")


def review_date(post):
    try:
        return datetime.datetime.fromisoformat(post["date"].replace("Z", "+00:00")).date()
    except (KeyError, ValueError, AttributeError):
        return datetime.date.today()


@contextmanager
def search_index_paused(models):
    """Stop per-save indexing for these models; the caller indexes in bulk afterwards."""
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


class CorpusLoader:
    def __init__(self, home, progress=None):
        self.home = home
        self.progress = progress or (lambda iterable, **kwargs: iterable)
        self.sections = {}
        self.topics = {}

    def section_for(self, name):
        if name not in self.sections:
            slug = slugify(name)
            section = SectionPage.objects.child_of(self.home).filter(slug=slug).first()
            if section is None:
                section = SectionPage(title=name, slug=slug, summary=f"Sheets about {name.lower()}.")
                self.home.add_child(instance=section)
            self.sections[name] = section
        return self.sections[name]

    def topic_for(self, name):
        if name not in self.topics:
            self.topics[name] = Topic.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]
        return self.topics[name]

    def load(self, posts):
        existing = set(SheetPage.objects.values_list("slug", flat=True))
        created = []
        with search_index_paused([Page, SheetPage, DefinitionSheetPage, MethodSheetPage]):
            for post in self.progress(posts, desc="Sheets", unit="sheet"):
                if post["slug"] in existing:
                    continue
                with transaction.atomic():
                    created.append(self.add_sheet(post))
                existing.add(post["slug"])
        self.index(created)
        return len(created), len(posts) - len(created)

    def add_sheet(self, post):
        model = MethodSheetPage if post["title"].lower().startswith("method") else DefinitionSheetPage
        fields = {
            "title": post["title"][:255],
            "slug": post["slug"][:255],
            "summary": summary_of(post),
            "body": body_blocks(post["body_html"]),
            "last_reviewed": review_date(post),
        }
        if model is MethodSheetPage:
            fields |= {
                "when_to_use": "<p>When your group is ready to act.</p>",
                "who_is_involved": "<p>Residents and the council.</p>",
                "time_needed": "Varies",
                "cost": "Varies",
                "skills": "Organising",
                "what_good_looks_like": "<p>People took part and the result was used.</p>",
            }
        else:
            fields["term"] = post["title"].split(":", 1)[-1].strip()[:120]
        sheet = model(**fields)
        self.section_for(post["category"]).add_child(instance=sheet)
        sheet.topics.set([self.topic_for(tag) for tag in post["tags"]])
        sheet.save()
        return sheet.pk

    def index(self, ids):
        backend = get_search_backend()
        for model in (DefinitionSheetPage, MethodSheetPage):
            objects = list(model.objects.filter(pk__in=ids))
            if objects:
                backend.add_bulk(model, objects)
