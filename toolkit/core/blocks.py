"""StreamField blocks shared by sheets and standard pages.

Each block has an icon, a short description for editors and its own template in
``templates/blocks/``. Headings are plain text so that the "On this page" contents can be built
from them and each gets a stable anchor.
"""

from django.utils.text import slugify
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

BODY_RICH_TEXT = ["bold", "italic", "link", "document-link", "ol", "ul", "h3"]


def heading_anchor(text):
    """The ``id`` a heading gets, shared by the heading block and the table of contents."""
    return slugify(text) or "section"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = "A section heading; it appears in the sheet's “On this page” list."
        form_classname = "title"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("tip", "Tip"), ("warning", "Watch out"), ("info", "Good to know")],
        default="tip",
    )
    text = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "help"
        template = "blocks/callout_block.html"
        description = "A highlighted tip, warning or aside."


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = "A quotation with who said it."


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe the image for people who cannot see it. Leave empty only if it is decoration.",
        required=False,
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        description = "An image with alternative text and an optional caption."


class BodyBlock(blocks.StreamBlock):
    """What every page body starts from: headings (listed in "On this page"), paragraphs and
    callouts. Each page type's body adds its own blocks after these, so the blocks keep the order
    their migrations recorded and stored bodies load unchanged."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=BODY_RICH_TEXT, icon="pilcrow", template="blocks/paragraph_block.html"
    )
    callout = CalloutBlock()


class PageBodyBlock(BodyBlock):
    """The simpler body of About, Thanks and other standard pages."""

    image = ImageBlock()
