"""StreamField blocks for a sheet's body: the shared blocks plus video and slide embeds."""

from wagtail import blocks

from toolkit.core.blocks import BodyBlock, ImageBlock, QuoteBlock


class MediaEmbedBlock(blocks.StructBlock):
    """A video or slide deck from YouTube, Vimeo, Slideshare and the like.

    The player is fetched once, when the page is published, and kept in Wagtail's embed table.
    Pages never call out to the provider while a reader waits: when the player could not be
    fetched (no network, an intranet, the provider down) the reader gets a plain link and the
    transcript instead of an error.
    """

    url = blocks.URLBlock(help_text="The address of the video or slides, e.g. a YouTube link.")
    title = blocks.CharBlock(max_length=200, help_text="What the video or slides are about.")
    transcript = blocks.TextBlock(
        required=False, help_text="A transcript or short written summary for people who cannot watch."
    )

    class Meta:
        icon = "media"
        template = "blocks/media_embed_block.html"
        description = "A video or slide deck, with a link and transcript as a fallback."


class SheetBodyBlock(BodyBlock):
    """A sheet's body: the shared blocks, quotes, images and videos or slides."""

    quote = QuoteBlock()
    image = ImageBlock()
    embed = MediaEmbedBlock()
