"""Read a WordPress export (WXR) safely, without Django.

An export is untrusted XML. It is read with defusedxml's SAX parser: a DOCTYPE (which WordPress
never writes) is refused, so external entities, network fetches and "billion laughs" entity
expansion cannot happen. The file's size is checked before a byte is parsed. Any problem gives a
``WXRError`` whose message is one line naming the problem and the line it is on.

The parser streams: each ``<item>`` becomes an ``Item`` when its end tag is read, so memory grows
with the text of the export, not with a tree of every element in it.
"""

import datetime
import email.utils
import io
import os
from dataclasses import dataclass, field
from xml.etree.ElementTree import TreeBuilder
from xml.sax import SAXParseException
from xml.sax.expatreader import ExpatLocator
from xml.sax.handler import ContentHandler, feature_namespaces

import defusedxml
from defusedxml.expatreader import create_parser

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
READ_CHUNK = 1024 * 1024
# Expat's words for a document that stops early.
TRUNCATED_MESSAGES = ("no element found", "unclosed token", "unclosed cdata section")


class WXRError(Exception):
    """The file cannot be imported; ``str()`` is one line saying why and where."""

    def __init__(self, problem, line=None, name=""):
        self.problem = problem
        self.line = line
        self.name = name
        where = f"line {line}: " if line else ""
        prefix = f"{name}: " if name else ""
        super().__init__(f"{prefix}{where}{problem}")


@dataclass
class Author:
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""
    wp_id: int | None = None


@dataclass
class Term:
    """A category, tag or other taxonomy term. ``parent`` is the parent's slug (categories)."""

    taxonomy: str
    slug: str
    name: str
    term_id: int | None = None
    parent: str = ""
    description: str = ""


@dataclass
class ItemTerm:
    """A category or tag as an item lists it: ``domain`` is ``category`` or ``post_tag``."""

    domain: str
    slug: str
    name: str


@dataclass
class Item:
    """One ``<item>``: a post, page, attachment, menu item or any other post type."""

    wp_id: int | None
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    slug: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_modified: str = ""
    post_modified_gmt: str = ""
    pub_date: str = ""
    parent_id: int = 0
    menu_order: int = 0
    password: str = ""
    sticky: bool = False
    attachment_url: str = ""
    terms: list[ItemTerm] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: int = 0
    line: int = 0

    def terms_in(self, domain):
        return [term for term in self.terms if term.domain == domain]


@dataclass
class Export:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""
    authors: list[Author] = field(default_factory=list)
    categories: list[Term] = field(default_factory=list)
    tags: list[Term] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    @property
    def site_url(self):
        """The address the WordPress site was served at: what its old links start with."""
        return (self.base_blog_url or self.link or self.base_site_url).rstrip("/")


def _prefix(uri):
    """Short names for the namespaces WXR uses, whatever version (1.0 to 1.2, http or https)."""
    if not uri:
        return ""
    if "wordpress.org/export/" in uri:
        return "excerpt" if "excerpt" in uri else "wp"
    if "purl.org/rss/1.0/modules/content" in uri:
        return "content"
    if "purl.org/dc/elements/" in uri:
        return "dc"
    return uri


def _name(sax_name):
    uri, local = sax_name
    prefix = _prefix(uri)
    return f"{prefix}:{local}" if prefix else local


def _int(text, default=None):
    try:
        return int((text or "").strip())
    except ValueError:
        return default


def _text(element, name):
    child = element.find(name)
    return (child.text or "") if child is not None else ""


class _Handler(ContentHandler):
    """Builds one small tree per channel child (item, author, term) and turns it into a record."""

    RECORDS = {"item", "wp:author", "wp:category", "wp:tag", "wp:term"}
    CHANNEL_FIELDS = {"title", "link", "wp:wxr_version", "wp:base_site_url", "wp:base_blog_url"}

    def __init__(self, export):
        super().__init__()
        self.export = export
        self.stack = []
        self.builder = None
        self.record_line = 0
        self.channel_text = None
        self.saw_channel = False
        self.locator = None
        self.started = False

    def setDocumentLocator(self, locator):
        self.locator = locator

    def line(self):
        return self.locator.getLineNumber() if self.locator else None

    def startElementNS(self, name, qname, attrs):
        tag = _name(name)
        self.started = True
        depth = len(self.stack)
        self.stack.append(tag)
        if depth == 0 and tag != "rss":
            raise WXRError(
                f"not a WordPress export: the file is <{tag}>, not an RSS/WXR document", self.line()
            )
        if depth == 1 and tag == "channel":
            self.saw_channel = True
        if self.builder is not None:
            self.builder.start(tag, {_name(key): value for key, value in attrs.items()})
        elif depth == 2 and self.stack[1] == "channel":
            if tag in self.RECORDS:
                self.builder = TreeBuilder()
                self.record_line = self.line() or 0
                self.builder.start(tag, {})
            elif tag in self.CHANNEL_FIELDS:
                self.channel_text = []

    def characters(self, content):
        if self.builder is not None:
            self.builder.data(content)
        elif self.channel_text is not None:
            self.channel_text.append(content)

    def endElementNS(self, name, qname):
        tag = self.stack.pop()
        depth = len(self.stack)
        if self.builder is not None:
            self.builder.end(tag)
            if depth == 2:
                self._record(self.builder.close())
                self.builder = None
        elif self.channel_text is not None and depth == 2:
            self._channel_field(tag, "".join(self.channel_text).strip())
            self.channel_text = None

    def _channel_field(self, tag, value):
        attribute = {
            "title": "title",
            "link": "link",
            "wp:wxr_version": "wxr_version",
            "wp:base_site_url": "base_site_url",
            "wp:base_blog_url": "base_blog_url",
        }[tag]
        setattr(self.export, attribute, value)

    def _record(self, element):
        tag = element.tag
        if tag == "item":
            self.export.items.append(_item(element, self.record_line))
        elif tag == "wp:author":
            self.export.authors.append(
                Author(
                    login=_text(element, "wp:author_login").strip(),
                    email=_text(element, "wp:author_email").strip(),
                    display_name=_text(element, "wp:author_display_name").strip(),
                    first_name=_text(element, "wp:author_first_name").strip(),
                    last_name=_text(element, "wp:author_last_name").strip(),
                    wp_id=_int(_text(element, "wp:author_id")),
                )
            )
        elif tag == "wp:category":
            self.export.categories.append(
                Term(
                    taxonomy="category",
                    term_id=_int(_text(element, "wp:term_id")),
                    slug=_text(element, "wp:category_nicename").strip(),
                    name=_text(element, "wp:cat_name").strip(),
                    parent=_text(element, "wp:category_parent").strip(),
                    description=_text(element, "wp:category_description").strip(),
                )
            )
        elif tag == "wp:tag":
            self.export.tags.append(
                Term(
                    taxonomy="post_tag",
                    term_id=_int(_text(element, "wp:term_id")),
                    slug=_text(element, "wp:tag_slug").strip(),
                    name=_text(element, "wp:tag_name").strip(),
                    description=_text(element, "wp:tag_description").strip(),
                )
            )
        elif tag == "wp:term":
            self.export.terms.append(
                Term(
                    taxonomy=_text(element, "wp:term_taxonomy").strip(),
                    term_id=_int(_text(element, "wp:term_id")),
                    slug=_text(element, "wp:term_slug").strip(),
                    name=_text(element, "wp:term_name").strip(),
                    parent=_text(element, "wp:term_parent").strip(),
                    description=_text(element, "wp:term_description").strip(),
                )
            )


def _item(element, line):
    terms = [
        ItemTerm(
            domain=child.get("domain", ""),
            slug=(child.get("nicename") or "").strip(),
            name=(child.text or "").strip(),
        )
        for child in element.findall("category")
    ]
    meta = {}
    for child in element.findall("wp:postmeta"):
        key = _text(child, "wp:meta_key").strip()
        if key:
            meta[key] = _text(child, "wp:meta_value")
    return Item(
        wp_id=_int(_text(element, "wp:post_id")),
        post_type=_text(element, "wp:post_type").strip(),
        status=_text(element, "wp:status").strip(),
        title=_text(element, "title"),
        link=_text(element, "link").strip(),
        guid=_text(element, "guid").strip(),
        creator=_text(element, "dc:creator").strip(),
        content=_text(element, "content:encoded"),
        excerpt=_text(element, "excerpt:encoded"),
        slug=_text(element, "wp:post_name").strip(),
        post_date=_text(element, "wp:post_date").strip(),
        post_date_gmt=_text(element, "wp:post_date_gmt").strip(),
        post_modified=_text(element, "wp:post_modified").strip(),
        post_modified_gmt=_text(element, "wp:post_modified_gmt").strip(),
        pub_date=_text(element, "pubDate").strip(),
        parent_id=_int(_text(element, "wp:post_parent"), 0),
        menu_order=_int(_text(element, "wp:menu_order"), 0),
        password=_text(element, "wp:post_password"),
        sticky=_text(element, "wp:is_sticky").strip() == "1",
        attachment_url=_text(element, "wp:attachment_url").strip(),
        terms=terms,
        meta=meta,
        comments=len(element.findall("wp:comment")),
        line=line,
    )


def parse_wxr(path, max_bytes=DEFAULT_MAX_BYTES):
    """Read the export at ``path``; raise ``WXRError`` with a one-line reason when it cannot be."""
    name = os.path.basename(str(path))
    try:
        size = os.path.getsize(path)
    except OSError as error:
        raise WXRError(f"cannot read the file ({error.strerror or error})", name=name) from error
    if size > max_bytes:
        raise WXRError(
            f"the file is {size / 1024 / 1024:.1f} MB, over the {max_bytes / 1024 / 1024:.0f} MB limit "
            "(raise it with --max-size if this export is genuine)",
            name=name,
        )
    if size == 0:
        raise WXRError("the file is empty", name=name)
    try:
        with open(path, "rb") as stream:
            return parse_stream(stream)
    except WXRError as error:
        error.name = name
        raise WXRError(error.problem, error.line, name) from error
    except OSError as error:
        raise WXRError(f"cannot read the file ({error.strerror or error})", name=name) from error


def parse_bytes(data):
    """Read an export held in memory (tests and small uploads)."""
    return parse_stream(io.BytesIO(data))


def parse_stream(stream):
    export = Export()
    handler = _Handler(export)
    parser = create_parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
    handler.setDocumentLocator(ExpatLocator(parser))
    try:
        fed = False
        while chunk := stream.read(READ_CHUNK):
            parser.feed(chunk)
            fed = True
        if not fed:
            raise WXRError("the file is empty")
        parser.close()
    except SAXParseException as error:
        message = error.getMessage()
        line = error.getLineNumber()
        if any(words in message.lower() for words in TRUNCATED_MESSAGES):
            problem = f"the file ends before the export does: it looks truncated ({message})"
        elif handler.started:
            problem = f"not well-formed XML ({message}, column {error.getColumnNumber()})"
        else:
            problem = f"not XML ({message}, column {error.getColumnNumber()})"
        raise WXRError(problem, line) from error
    except defusedxml.DTDForbidden as error:
        raise WXRError(
            "the file has a DOCTYPE declaration; WordPress exports never do, and it is how XML "
            "entity attacks (external entities, “billion laughs”) work, so the file was refused",
            handler.line(),
        ) from error
    except defusedxml.DefusedXmlException as error:
        raise WXRError(
            f"the file uses XML entities or external references ({type(error).__name__}), "
            "which WordPress exports never need; refused for safety",
            handler.line(),
        ) from error
    except UnicodeError as error:
        raise WXRError(
            f"the text is not in the encoding the file declares ({error})", handler.line()
        ) from error
    if not handler.saw_channel:
        raise WXRError("not a WordPress export: the RSS document has no <channel>", handler.line())
    if not export.wxr_version:
        raise WXRError(
            "not a WordPress export: an RSS feed without <wp:wxr_version> (export from WordPress "
            "under Tools → Export)",
            handler.line(),
        )
    return export


def parse_wp_datetime(value):
    """``2013-01-05 17:00:49`` as an aware UTC datetime, or None for an empty or invalid date."""
    value = (value or "").strip()
    if not value or value.startswith("0000-00-00"):
        return None
    try:
        parsed = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return parsed.replace(tzinfo=datetime.UTC)


def parse_rss_datetime(value):
    try:
        parsed = email.utils.parsedate_to_datetime((value or "").strip())
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None or parsed.year < 1970:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.UTC)
    return parsed.astimezone(datetime.UTC)


def item_published_at(item):
    """When the item was (or will be) published: the GMT date, else the local one, else pubDate."""
    return (
        parse_wp_datetime(item.post_date_gmt)
        or parse_wp_datetime(item.post_date)
        or parse_rss_datetime(item.pub_date)
    )


def item_modified_at(item):
    return parse_wp_datetime(item.post_modified_gmt) or parse_wp_datetime(item.post_modified)
