"""Turn a WordPress post's content into clean StreamField blocks, without Django.

The steps, in order:

1. Block-editor (Gutenberg) markup: embed blocks become ``<x-embed>`` placeholders and blocks
   that WordPress draws at view time (latest posts, archives, search...) are reported, since
   there is nothing in the export to keep.
2. Shortcodes (``shortcodes.expand``): caption, gallery, embed, video and audio become HTML or
   placeholders; unknown ones stay as text and are reported.
3. In classic content, a URL alone on a line is WordPress's auto-embed: it becomes a placeholder.
4. nh3 sanitises the HTML: scripts, styles, event handlers, ``javascript:`` and ``data:`` URLs,
   comments and unknown tags go.
5. The clean tree is walked: ``h1``/``h2`` become heading blocks; paragraphs, ``h3``-``h6``,
   lists, tables (as lists) and links become rich text in Wagtail's database format; quotes,
   images and video embeds become their own blocks. Classic content's blank lines become
   paragraphs and single line breaks ``<br/>`` (WordPress's "autop").
6. Each rich-text block is sanitised again with exactly the tags and attributes Wagtail's rich
   text stores, so nothing executable can reach the database whatever the walk produced.

A ``Resolver`` answers the questions that need the database (is this link an imported post, is
this image file imported); the default one knows nothing, which is what the unit tests use.
"""

import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import nh3
from django.utils.text import slugify  # a pure text function: no settings or database needed

from .htmltree import Node, parse_fragment
from .shortcodes import expand

SUMMARY_MAX_WORDS = 60
SUMMARY_MIN_WORDS = 8
HEADING_MAX_CHARS = 250
CAPTION_MAX_CHARS = 250
EMBED_TITLE_MAX_CHARS = 200

# What the first sanitising pass keeps: everything the walk knows how to turn into blocks.
SOURCE_TAGS = {
    "a", "abbr", "acronym", "address", "article", "aside", "audio", "b", "big", "blockquote", "br",
    "caption", "center", "cite", "code", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i",
    "iframe", "img", "ins", "kbd", "li", "main", "mark", "nav", "ol", "p", "pre", "q", "s", "samp",
    "section", "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "video",
    "x-embed", "x-gallery", "x-media",
}  # fmt: skip
SOURCE_ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "class"},
    "iframe": {"src", "title"},
    "video": {"src"},
    "audio": {"src"},
    "source": {"src"},
    "x-embed": {"data-url"},
    "x-gallery": {"data-ids"},
    "x-media": {"data-kind", "data-url"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Elements dropped with everything inside them (their content is code or never shown as text).
DROPPED_WITH_CONTENT = {
    "script", "style", "noscript", "template", "textarea", "select", "xmp", "noembed", "noframes",
    "object", "applet", "title",
}  # fmt: skip
# What Wagtail's rich text (the sheet body's paragraph features) stores.
RICH_TEXT_TAGS = {"p", "h3", "b", "i", "a", "ul", "ol", "li", "br"}
RICH_TEXT_ATTRIBUTES = {"a": {"href", "id"}}
RICH_TEXT_ATTRIBUTE_VALUES = {"a": {"linktype": {"page", "document"}}}

INLINE = {
    "a", "abbr", "acronym", "b", "big", "br", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
    "var", "img",
}  # fmt: skip
BOLD = {"b", "strong"}
ITALIC = {"i", "em", "cite", "dfn", "var"}
CONTAINERS = {
    "div", "section", "article", "aside", "header", "footer", "main", "nav", "center", "address",
    "details", "summary", "#root",
}  # fmt: skip
# Hosts whose addresses a video/slides embed block can show; other embeds become links.
VIDEO_HOSTS = (
    "youtube.com", "youtu.be", "vimeo.com", "slideshare.net", "speakerdeck.com", "wordpress.tv",
    "videopress.com", "dailymotion.com", "ted.com",
)  # fmt: skip
BLOCK_COMMENT = re.compile(r"<!--\s+(/?)wp:([a-z0-9_-]+(?:/[a-z0-9_-]+)?)\s*(\{.*?\})?\s*(/?)-->", re.S)
# Blocks that only lay out or divide content: dropping their wrapper loses nothing worth a note.
QUIET_BLOCKS = {
    "more", "nextpage", "spacer", "separator", "columns", "column", "group", "buttons", "social-links",
    "social-link",
}  # fmt: skip
LINE_URL = re.compile(r"^[ \t]*(https?://[^\s<>\"']+)[ \t]*$", re.M)
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
SPACES = re.compile(r"\s+")
PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
TAGS = re.compile(r"<[^>]*>")
BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
EDGE_BREAKS = re.compile(r"^(?:\s|<br/>)+|(?:\s|<br/>)+$")


class Resolver:
    """Answers the converter's questions about the world outside the post. Knows nothing here."""

    def link(self, href):
        """``("page", id)``, ``("document", id)``, ``("pending", None)`` for an item of this export
        not imported yet, or None for any other address."""
        return None

    def image(self, src, attachment_id=None):
        """The Wagtail image id for an image address or attachment, or None."""
        return None

    def attachment_url(self, attachment_id):
        return ""

    def attached_images(self):
        """Attachment ids of the images uploaded to this post (for a ``[gallery]`` with no ids)."""
        return []


@dataclass
class Conversion:
    blocks: list = field(default_factory=list)  # (block type, value) pairs for a StreamField
    warnings: list = field(default_factory=list)
    pending_links: bool = False  # links to items of this export that were not imported yet

    def first_text(self, min_words=SUMMARY_MIN_WORDS):
        """The first paragraph long enough to say something (not a lone label or image link)."""
        for block_type, value in self.blocks:
            if block_type != "paragraph":
                continue
            for paragraph in PARAGRAPH.findall(value):
                text = plain_text(paragraph)
                if len(text.split()) >= min_words:
                    return text
        return ""


def plain_text(markup):
    """Text of an HTML fragment: tags (and script/style contents) removed, entities decoded."""
    return SPACES.sub(" ", html.unescape(nh3.clean(markup or "", tags=set()))).strip()


def clean_title(raw, fallback):
    title = plain_text(raw)
    return title or fallback


def trim_words(text, limit=SUMMARY_MAX_WORDS):
    words = text.split()
    if len(words) <= limit:
        return " ".join(words)
    return " ".join(words[: limit - 1] + [words[limit - 1].rstrip(",;:.") + "…"])


def make_summary(excerpt, conversion, title):
    """The excerpt, else the first paragraph, else the title: plain text of at most 60 words."""
    text = plain_text(expand(excerpt or "").html) or conversion.first_text() or title
    return trim_words(text)


def is_video_url(url):
    host = (urlsplit(url).hostname or "").lower()
    return any(host == known or host.endswith("." + known) for known in VIDEO_HOSTS)


def is_web_address(url):
    """An http(s) address or a path on the site: the only kind worth a link or an embed."""
    parts = urlsplit(url)
    return (
        parts.scheme in ("http", "https") and bool(parts.netloc) or (not parts.scheme and url.startswith("/"))
    )


def file_name(url):
    path = unquote(urlsplit(url).path)
    return path.rstrip("/").rsplit("/", 1)[-1] or url


def _escape(text):
    return html.escape(text, quote=False)


def _attr(text):
    return html.escape(text, quote=True)


def preprocess_blocks(content, warnings):
    """Handle Gutenberg block comments that carry meaning; the rest are stripped by nh3."""
    out, position = [], 0
    for match in BLOCK_COMMENT.finditer(content):
        closing, name, attributes, self_closing = match.groups()
        short = name.removeprefix("core/")
        if closing:
            continue
        is_embed = short == "embed" or short.startswith("core-embed/")
        if is_embed:
            url = _json_url(attributes)
            end = content.find(f"<!-- /wp:{name} -->", match.end())
            if url and end != -1:
                out.append(content[position : match.start()])
                inner = content[match.end() : end]
                caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", inner, re.S)
                caption_html = f"<figcaption>{caption.group(1)}</figcaption>" if caption else ""
                out.append(f'<figure><x-embed data-url="{_attr(url)}"></x-embed>{caption_html}</figure>')
                position = end + len(f"<!-- /wp:{name} -->")
        elif self_closing and short not in QUIET_BLOCKS:
            warnings.append(f"block “{short}” dropped: WordPress builds it when the page is viewed")
    out.append(content[position:])
    return "".join(out)


def _json_url(attributes):
    if not attributes:
        return ""
    try:
        value = json.loads(attributes)
    except ValueError:
        return ""
    url = value.get("url", "") if isinstance(value, dict) else ""
    return url if isinstance(url, str) else ""


def auto_embeds(content):
    """Classic WordPress turns a URL alone on its line into an embed."""
    return LINE_URL.sub(lambda m: f'<x-embed data-url="{_attr(m.group(1))}"></x-embed>', content)


def sanitise_source(content):
    return nh3.clean(
        content,
        tags=SOURCE_TAGS,
        attributes=SOURCE_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        clean_content_tags=DROPPED_WITH_CONTENT,
        link_rel=None,
        strip_comments=True,
    )


def sanitise_rich_text(markup):
    return nh3.clean(
        markup,
        tags=RICH_TEXT_TAGS,
        attributes=RICH_TEXT_ATTRIBUTES,
        tag_attribute_values=RICH_TEXT_ATTRIBUTE_VALUES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


class _Walker:
    """Walks the sanitised tree once, emitting blocks in document order."""

    def __init__(self, resolver, classic, title):
        self.resolver = resolver
        self.classic = classic
        self.title = title
        self.blocks = []
        self.rich = []  # rich-text fragments waiting to become one paragraph block
        self.hoisted = []  # images found inside a paragraph, emitted after it
        self.warnings = []
        self.dropped = Counter()
        self.pending_links = False

    # -- output -----------------------------------------------------------------------------
    def end_rich(self):
        if self.rich:
            markup = sanitise_rich_text("".join(self.rich))
            if TAGS.sub("", markup).strip() or "<li" in markup:
                self.blocks.append(("paragraph", markup))
        self.rich = []

    def emit(self, block_type, value):
        self.end_rich()
        self.blocks.append((block_type, value))

    def emit_hoisted(self):
        hoisted, self.hoisted = self.hoisted, []
        for node in hoisted:
            self.image(node)

    # -- blocks -----------------------------------------------------------------------------
    def container(self, node):
        run = []
        for child in node.children:
            if isinstance(child, str) or child.tag in INLINE:
                run.append(child)
            else:
                self.paragraph(run)
                run = []
                self.block(child)
        self.paragraph(run)

    def block(self, node):
        tag = node.tag
        handler = getattr(self, "block_" + tag.replace("-", "_"), None)
        if handler is not None:
            handler(node)
        elif tag in CONTAINERS:
            self.container(node)
        elif tag in ("h3", "h4", "h5", "h6"):
            text = _escape(self.text_of(node)[:HEADING_MAX_CHARS])
            if text:
                self.rich.append(f"<h3>{text}</h3>")
        else:
            self.dropped[tag] += 1
            self.container(node)

    def block_h1(self, node):
        text = self.text_of(node)[:HEADING_MAX_CHARS]
        if text:
            self.emit("heading", text)

    block_h2 = block_h1

    def block_p(self, node):
        if any(isinstance(child, Node) and child.tag not in INLINE for child in node.children):
            self.container(node)
        else:
            self.paragraph(node.children)

    def paragraph(self, nodes):
        if not nodes:
            return
        markup = self.inline(nodes)
        parts = BLANK_LINE.split(markup) if self.classic else [markup]
        for part in parts:
            part = self.tidy(part)
            if part:
                self.rich.append(f"<p>{part}</p>")
        self.emit_hoisted()

    def tidy(self, markup):
        if self.classic:
            markup = markup.replace("\n", "<br/>")
        markup = SPACES.sub(" ", markup)
        return EDGE_BREAKS.sub("", markup)

    def block_ul(self, node):
        if node.find("figure", "img") is not None:  # a block-editor gallery: a list of figures
            for item in node.elements():
                self.container(item)
            return
        markup = self.list_html(node)
        if markup:
            self.rich.append(markup)
        self.emit_hoisted()

    block_ol = block_ul

    def list_html(self, node):
        items = []
        for child in node.elements():
            if child.tag != "li":
                continue
            inline, nested = [], []
            for part in child.children:
                if isinstance(part, Node) and part.tag in ("ul", "ol"):
                    nested.append(self.list_html(part))
                elif isinstance(part, Node) and part.tag not in INLINE:
                    inline.append(Node("br"))
                    inline.extend(part.children)
                else:
                    inline.append(part)
            text = self.tidy(self.inline(inline))
            if text or nested:
                items.append(f"<li>{text}{''.join(nested)}</li>")
        if not items:
            return ""
        tag = "ol" if node.tag == "ol" else "ul"
        return f"<{tag}>{''.join(items)}</{tag}>"

    def block_dl(self, node):
        items, term = [], ""
        for child in node.elements():
            if child.tag == "dt":
                if term:
                    items.append(f"<li><b>{term}</b></li>")
                term = self.tidy(self.inline(child.children))
            elif child.tag == "dd":
                text = self.tidy(self.inline(child.children))
                items.append(f"<li><b>{term}</b>: {text}</li>" if term else f"<li>{text}</li>")
                term = ""
        if term:
            items.append(f"<li><b>{term}</b></li>")
        if items:
            self.rich.append(f"<ul>{''.join(items)}</ul>")

    def block_table(self, node):
        caption = node.find("caption")
        if caption is not None:
            text = self.tidy(self.inline(caption.children))
            if text:
                self.rich.append(f"<p><b>{text}</b></p>")
        rows = node.find_all("tr")
        header = []
        if rows and (all(cell.tag == "th" for cell in rows[0].elements()) or node.find("thead")):
            header = [self.text_of(cell) for cell in rows[0].elements()]
            rows = rows[1:]
        items = []
        for row in rows:
            cells = [
                self.tidy(self.inline(cell.children)) for cell in row.elements() if cell.tag in ("td", "th")
            ]
            if not any(cells):
                continue
            if header and len(header) == len(cells):
                parts = [
                    f"<b>{_escape(label)}</b>: {value}" if label else value
                    for label, value in zip(header, cells, strict=True)
                ]
            else:
                parts = cells
            items.append(f"<li>{'; '.join(part for part in parts if part)}</li>")
        if items:
            self.rich.append(f"<ul>{''.join(items)}</ul>")
            self.warnings.append("a table became a list (Wagtail's rich text here has no tables)")
        self.emit_hoisted()

    def block_blockquote(self, node):
        attribution = ""
        paragraphs = []
        for child in node.children:
            if isinstance(child, Node) and child.tag in ("cite", "footer"):
                attribution = self.text_of(child)
            elif isinstance(child, Node) and child.tag in ("p", "div"):
                inner_cite = child.find("cite")
                text = self.text_of(child)
                if inner_cite is not None and text == self.text_of(inner_cite):
                    attribution = text
                elif text:
                    paragraphs.append(text)
            else:
                text = self.text_of(child) if isinstance(child, Node) else SPACES.sub(" ", child).strip()
                if text:
                    paragraphs.append(text)
        text = "\n\n".join(paragraphs)
        if text:
            self.emit("quote", {"text": text, "attribution": attribution.lstrip("—–- ")[:200]})

    def block_figure(self, node):
        caption_node = next((c for c in node.elements() if c.tag == "figcaption"), None)
        caption = self.text_of(caption_node)[:CAPTION_MAX_CHARS] if caption_node is not None else ""
        content = [c for c in node.children if not (isinstance(c, Node) and c.tag == "figcaption")]
        images = node.find_all("img")
        nested = [c for c in node.elements() if c.tag == "figure"]
        if len(images) == 1 and not nested and not node.find("table", "blockquote"):
            self.image(images[0], caption)
            return
        if len(images) == 0 and caption and node.find("x-embed", "iframe", "video", "audio") is not None:
            for child in node.elements():
                if child.tag != "figcaption":
                    self.block_with_caption(child, caption)
            return
        self.container(_div(content))
        if caption:
            self.rich.append(f"<p>{_escape(caption)}</p>")

    def block_with_caption(self, node, caption):
        if node.tag == "x-embed":
            self.embed(node.get("data-url"), caption)
        elif node.tag == "iframe":
            self.embed(node.get("src"), caption or node.get("title"))
        else:
            self.block(node)
            self.rich.append(f"<p>{_escape(caption)}</p>")

    def block_img(self, node):
        self.image(node)

    def image(self, node, caption=""):
        src = node.get("src").strip()
        alt = SPACES.sub(" ", node.get("alt")).strip()[:250]
        found = WP_IMAGE_CLASS.search(node.get("class"))
        attachment_id = int(found.group(1)) if found else None
        image_id = self.resolver.image(src, attachment_id)
        if image_id:
            self.emit("image", {"image": image_id, "alt_text": alt, "caption": caption[:CAPTION_MAX_CHARS]})
            return
        if not is_web_address(src):
            self.warnings.append("an image without a usable address was dropped")
            return
        label = alt or caption or file_name(src)
        self.rich.append(f'<p><a href="{_attr(src)}">Image: {_escape(label)}</a></p>')
        self.warnings.append(f"image not imported (no file under --media-dir), linked instead: {src}")

    def block_iframe(self, node):
        self.embed(node.get("src"), node.get("title"))

    def block_x_embed(self, node):
        self.embed(node.get("data-url"), "")

    def embed(self, url, caption):
        url = (url or "").strip()
        if not is_web_address(url):
            self.warnings.append("an embed without a usable address was dropped")
            return
        if is_video_url(url):
            title = (caption or self.title or "Video")[:EMBED_TITLE_MAX_CHARS]
            self.emit("embed", {"url": url, "title": title, "transcript": ""})
            return
        host = urlsplit(url).hostname or "another site"
        label = caption or f"Content on {host}"
        self.rich.append(f'<p><a href="{_attr(url)}">{_escape(label)}</a></p>')
        self.warnings.append(f"embed from {host} kept as a link")

    def block_video(self, node, kind="video"):
        source = node.get("src") or next((s.get("src") for s in node.find_all("source") if s.get("src")), "")
        self.media_link(kind, source)

    def block_audio(self, node):
        self.block_video(node, kind="audio")

    def block_x_media(self, node):
        self.media_link(node.get("data-kind") or "video", node.get("data-url"))

    def media_link(self, kind, url):
        url = (url or "").strip()
        if not is_web_address(url):
            self.warnings.append(f"{kind} without a usable address dropped")
            return
        if kind == "video" and is_video_url(url):
            self.embed(url, "")
            return
        label = f"{kind.capitalize()}: {_escape(file_name(url))}"
        self.rich.append(f"<p>{self.link_html(url, label)}</p>")
        self.warnings.append(f"{kind} file kept as a link (sheets have no {kind} player): {url}")

    def block_x_gallery(self, node):
        ids = [int(part) for part in node.get("data-ids").split(",") if part.strip().isdigit()]
        ids = ids or list(self.resolver.attached_images())
        if not ids:
            self.warnings.append("a gallery with no images was dropped")
            return
        for attachment_id in ids:
            image_id = self.resolver.image("", attachment_id)
            if image_id:
                self.emit("image", {"image": image_id, "alt_text": "", "caption": ""})
            else:
                url = self.resolver.attachment_url(attachment_id)
                if url:
                    self.rich.append(f'<p><a href="{_attr(url)}">Image: {_escape(file_name(url))}</a></p>')
                self.warnings.append(
                    f"gallery image {attachment_id} not imported (no file under --media-dir)"
                )

    def block_pre(self, node):
        lines = [_escape(SPACES.sub(" ", line).strip()) for line in node.text().strip("\n").split("\n")]
        if any(line.strip() for line in lines):
            self.rich.append("<p>" + "<br/>".join(lines) + "</p>")
            self.warnings.append("preformatted text kept without its fixed-width layout")

    def block_hr(self, node):
        self.end_rich()

    # -- inline -----------------------------------------------------------------------------
    def inline(self, nodes):
        out = []
        for node in nodes:
            if isinstance(node, str):
                out.append(_escape(node if self.classic else node.replace("\n", " ")))
                continue
            tag = node.tag
            if tag == "br":
                out.append("\n" if self.classic else "<br/>")
            elif tag == "img":
                self.hoisted.append(node)
            elif tag in BOLD:
                inner = self.inline(node.children)
                out.append(f"<b>{inner}</b>" if inner.strip() else inner)
            elif tag in ITALIC:
                inner = self.inline(node.children)
                out.append(f"<i>{inner}</i>" if inner.strip() else inner)
            elif tag == "q":
                out.append(f"“{self.inline(node.children)}”")
            elif tag == "a":
                inner = self.inline(node.children)
                out.append(self.link_html(node.get("href").strip(), inner) if inner.strip() else inner)
            elif tag in INLINE:
                out.append(self.inline(node.children))
            else:
                out.append(self.inline(node.children))
        return "".join(out)

    def link_html(self, href, inner):
        if not href or href.startswith("#"):
            return inner
        found = self.resolver.link(href)
        if found:
            kind, target = found
            if kind == "pending":
                self.pending_links = True
            elif kind in ("page", "document"):
                return f'<a linktype="{kind}" id="{int(target)}">{inner}</a>'
        return f'<a href="{_attr(href)}">{inner}</a>'

    def text_of(self, node):
        return SPACES.sub(" ", node.text()).strip()


def _div(children):
    node = Node("div")
    node.children = list(children)
    return node


def convert(content, resolver=None, title=""):
    """Blocks, warnings and whether links are waiting on items not imported yet."""
    resolver = resolver or Resolver()
    warnings = []
    content = content or ""
    classic = "<!-- wp:" not in content
    if not classic:
        content = preprocess_blocks(content, warnings)
    expanded = expand(content)
    for name in expanded.unknown:
        warnings.append(f"unknown shortcode [{name}] left as text")
    content = expanded.html
    if classic:
        content = auto_embeds(content)
    tree = parse_fragment(sanitise_source(content))
    walker = _Walker(resolver, classic, title)
    walker.container(tree)
    walker.end_rich()
    warnings.extend(walker.warnings)
    for tag, count in sorted(walker.dropped.items()):
        warnings.append(f"{count} <{tag}> element(s) unwrapped")
    return Conversion(blocks=walker.blocks, warnings=summarise(warnings), pending_links=walker.pending_links)


GROUPED_WARNINGS = (
    (
        "image not imported (no file under --media-dir), linked instead: ",
        "{n} images not imported (no file under --media-dir), linked to their old address: {items}",
    ),
    ("gallery image ", "{n} gallery images not imported (no file under --media-dir): {items}"),
    ("block “", "{n} blocks that WordPress builds when the page is viewed were dropped: {items}"),
)


def summarise(warnings):
    """One line per kind of problem in a post (a gallery of 30 missing images is one warning)."""
    grouped, others = {}, []
    for message in warnings:
        for prefix, template in GROUPED_WARNINGS:
            if message.startswith(prefix):
                detail = message[len(prefix) :].split("”")[0].split(" not imported")[0]
                grouped.setdefault(template, []).append(detail)
                break
        else:
            if message not in others:
                others.append(message)
    for template, items in grouped.items():
        if len(items) == 1:
            others.append(next(w for w in warnings if items[0] in w))
        else:
            unique = list(dict.fromkeys(items))
            shown = ", ".join(unique[:5]) + (", …" if len(unique) > 5 else "")
            others.append(template.format(n=len(items), items=shown))
    return others


def unique_headings(blocks):
    """Headings made unique by their anchor (sheets refuse repeats): the second gets " (2)"."""
    seen = set()
    result = []
    for block_type, value in blocks:
        if block_type == "heading":
            base, number = value, 1
            while (slugify(value) or "section") in seen:
                number += 1
                value = f"{base} ({number})"
            seen.add(slugify(value) or "section")
        result.append((block_type, value))
    return result


def for_standard_page(blocks):
    """Standard pages have no quote or embed block: those become rich text."""
    result = []
    for block_type, value in blocks:
        if block_type == "quote":
            attribution = f"<br/>— {_escape(value['attribution'])}" if value["attribution"] else ""
            text = "<br/>".join(_escape(part) for part in value["text"].split("\n\n"))
            result.append(("paragraph", f"<p><i>“{text}”</i>{attribution}</p>"))
        elif block_type == "embed":
            result.append(
                ("paragraph", f'<p><a href="{_attr(value["url"])}">{_escape(value["title"])}</a></p>')
            )
        else:
            result.append((block_type, value))
    return merge_paragraphs(result)


def merge_paragraphs(blocks):
    merged = []
    for block_type, value in blocks:
        if block_type == "paragraph" and merged and merged[-1][0] == "paragraph":
            merged[-1] = ("paragraph", merged[-1][1] + value)
        else:
            merged.append((block_type, value))
    return merged
