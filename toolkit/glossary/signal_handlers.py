"""Keep the glossary fresh: a term edited, or a sheet or the glossary page published, unpublished,
moved or deleted, bumps the glossary token (``toolkit.core.cache.GLOSSARY``), which every cached
glossary artefact is keyed by. A term shows on the glossary page and inside sheets, so a change to
one bumps the content version as well. Connected by ``GlossaryConfig.ready()``."""

from django.db.models.signals import m2m_changed, post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from toolkit.core.cache import CONTENT, GLOSSARY, bump, stale_when_changed
from toolkit.sheets.models import SheetPage

from .models import GlossaryPage, Term


def bump_glossary_version(*args, **kwargs):
    bump(GLOSSARY)


def term_changed(*args, **kwargs):
    bump(GLOSSARY)
    bump(CONTENT)


def bump_for_glossary_pages(sender, instance, **kwargs):
    """Publishing a sheet can add, rename or drop an entry (and changes where entries link)."""
    if isinstance(instance, (SheetPage, GlossaryPage)):
        bump(GLOSSARY)


def register_signal_handlers():
    for signal in (page_published, page_unpublished):
        signal.connect(bump_for_glossary_pages, dispatch_uid=f"glossary_bump_{signal}")
    post_page_move.connect(bump_glossary_version, dispatch_uid="glossary_bump_move")
    post_delete.connect(bump_glossary_version, sender=Page, dispatch_uid="glossary_bump_page_delete")
    stale_when_changed(Term, tokens=(GLOSSARY, CONTENT))
    m2m_changed.connect(term_changed, sender=Term.related.through, dispatch_uid="glossary_bump_related")
