"""Keep cached fragments fresh: any page published, unpublished, moved or deleted bumps the content
version. Rows outside the page tree are declared by the app that owns them, in its own
``AppConfig.ready()`` (``toolkit.core.cache.stale_when_changed``); core declares only its own
settings and the Wagtail models that every page depends on."""

from django.db.models.signals import post_delete
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import bump_content_version, stale_when_changed
from .models import ToolkitSettings


def register_signal_handlers():
    for signal in (page_published, page_unpublished):
        signal.connect(bump_content_version, dispatch_uid=f"bump_version_{signal}")
    post_page_move.connect(bump_content_version, dispatch_uid="bump_version_move")
    post_delete.connect(bump_content_version, sender=Page, dispatch_uid="bump_version_page_delete")
    stale_when_changed(ToolkitSettings)  # its words and logo head every page
    stale_when_changed(PageViewRestriction)  # listings show only pages open to everyone
    stale_when_changed(Site)  # its address is written out on every sheet, in canonical links and feeds
