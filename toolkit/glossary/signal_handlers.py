"""Keep the glossary fresh: a term edited, or a sheet or the glossary page published, unpublished,
moved or deleted, bumps the glossary version (which every cached glossary artefact is keyed by)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from toolkit.core.cache import bump_content_version

from .cache import bump_glossary_version


def term_changed(*args, **kwargs):
    """A term shows on the glossary page and inside sheets: both the glossary's caches and the
    site's cached pages are stale."""
    bump_glossary_version()
    bump_content_version()


def bump_for_glossary_pages(sender, instance, **kwargs):
    """Publishing a sheet can add, rename or drop an entry (and changes where entries link)."""
    from toolkit.sheets.models import SheetPage

    from .models import GlossaryPage

    if isinstance(instance, (SheetPage, GlossaryPage)):
        bump_glossary_version()


def register_signal_handlers():
    from wagtail.models import Page

    from .models import Term

    for signal in (page_published, page_unpublished):
        signal.connect(bump_for_glossary_pages, dispatch_uid=f"glossary_bump_{signal}")
    post_page_move.connect(bump_glossary_version, dispatch_uid="glossary_bump_move")
    post_delete.connect(bump_glossary_version, sender=Page, dispatch_uid="glossary_bump_page_delete")
    post_save.connect(term_changed, sender=Term, dispatch_uid="glossary_bump_term_save")
    post_delete.connect(term_changed, sender=Term, dispatch_uid="glossary_bump_term_delete")
    m2m_changed.connect(term_changed, sender=Term.related.through, dispatch_uid="glossary_bump_related")
