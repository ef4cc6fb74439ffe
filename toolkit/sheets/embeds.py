"""Video and slide embeds that never make a reader wait for, or see, a network error.

Players are fetched when a sheet is published (the editor's request, not a reader's) and kept in
Wagtail's embed table. Pages only read that table, so a reader never triggers a call to YouTube,
and a sheet whose player could not be fetched shows a plain link and transcript instead.
"""

import logging

from django.utils.timezone import now
from wagtail.embeds.embeds import get_embed, get_embed_hash
from wagtail.embeds.models import Embed

logger = logging.getLogger(__name__)


def cached_embed_html(url):
    """The stored player HTML for ``url``, or ``""`` when none was fetched."""
    embed = (
        Embed.objects.filter(hash=get_embed_hash(url)).exclude(cache_until__lte=now()).only("html").first()
    )
    return embed.html if embed else ""


def fetch_embeds(page):
    """Try to fetch and store the player of every embed block in a page's body; never raise."""
    for block in getattr(page, "body", []):
        if block.block_type != "embed":
            continue
        url = block.value["url"]
        try:
            get_embed(url)
        except Exception as error:  # noqa: BLE001 - any failure just means "show the link instead"
            logger.info("Could not fetch the embed for %s: %s", url, error)
