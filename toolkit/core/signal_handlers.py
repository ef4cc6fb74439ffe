"""Keep cached fragments fresh: any change readers could see bumps the content version."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import bump_content_version

# Models outside the page tree whose rows decide what the site's frame and listings show.
WATCHED_MODELS = (
    "taxonomy.Topic",
    "taxonomy.Audience",
    "directory.Organisation",
    "core.ToolkitSettings",
    "toolkit_search.SynonymGroup",
    "glossary.Term",
    "editorial.Law",
    "wagtailcore.PageViewRestriction",  # listings show only sheets open to everyone
    "wagtailsearchpromotions.SearchPromotion",  # promoted sheets lead cached search results
    "wagtailcore.Site",  # its address is written out on every sheet, in canonical links and feeds
)


def register_signal_handlers():
    from django.apps import apps
    from wagtail.models import Page

    for signal in (page_published, page_unpublished):
        signal.connect(bump_content_version, dispatch_uid=f"bump_version_{signal}")
    post_page_move.connect(bump_content_version, dispatch_uid="bump_version_move")
    post_delete.connect(bump_content_version, sender=Page, dispatch_uid="bump_version_page_delete")
    for label in WATCHED_MODELS:
        model = apps.get_model(label)
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"bump_version_save_{label}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"bump_version_delete_{label}")
