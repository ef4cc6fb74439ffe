"""WordPress shortcodes (``[caption]``, ``[gallery]``, ``[embed]``, ``[video]``, ``[audio]``...).

Shortcodes are WordPress's own macros inside post content. The ones with a meaning here are
turned into plain HTML or into placeholder elements (``<x-embed>``, ``<x-gallery>``, ``<x-media>``)
that the converter understands; any other shortcode is left as the text it is and reported, so
nothing disappears without a word. Pure Python, no Django.
"""

import html
import re
from dataclasses import dataclass, field

# A shortcode's opening tag: "[name", then attributes, then "]" or "/]". "[[name]]" is WordPress's
# way of writing a literal "[name]", so a doubled bracket is skipped.
OPENING = re.compile(r"(?<!\[)\[([A-Za-z][\w-]*)((?:\s[^\]]*?)?)(/?)\](?!\])")
ESCAPED = re.compile(r"\[(\[[A-Za-z][\w-]*[^\]]*\])\]")
ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)"""
    r"""|"([^"]*)"(?:\s|$)"""
    r"""|'([^']*)'(?:\s|$)"""
    r"""|(\S+)(?:\s|$)"""
)
CAPTIONED_IMAGE = re.compile(r"^\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*</a>)?)(.*)$", re.S | re.I)
VIDEO_SOURCES = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mov")
AUDIO_SOURCES = ("src", "mp3", "m4a", "ogg", "wav", "wma", "flac")


@dataclass
class Shortcode:
    name: str
    attrs: dict
    positional: list
    content: str | None  # None for a self-closing shortcode


@dataclass
class Expanded:
    html: str
    unknown: list = field(default_factory=list)  # names of shortcodes left as text, in order


def parse_attributes(text):
    """WordPress's shortcode_parse_atts: named values (lower-cased names) and positional ones."""
    attrs, positional = {}, []
    for match in ATTRIBUTE.finditer(text.replace("\u00a0", " ").strip() + " "):
        groups = match.groups()
        if groups[0]:
            attrs[groups[0].lower()] = groups[1]
        elif groups[2]:
            attrs[groups[2].lower()] = groups[3]
        elif groups[4]:
            attrs[groups[4].lower()] = groups[5]
        else:
            value = next((g for g in groups[6:] if g is not None), "")
            positional.append(value)
    return attrs, positional


def _attr(value):
    return html.escape(value or "", quote=True)


def caption(code):
    content = code.content or ""
    found = CAPTIONED_IMAGE.match(content)
    if found:
        image, text = found.group(1), found.group(2)
    else:
        image, text = content, ""
    text = (code.attrs.get("caption") or text).strip()
    figcaption = f"<figcaption>{text}</figcaption>" if text else ""
    return f"<figure>{image}{figcaption}</figure>"


def gallery(code):
    ids = code.attrs.get("ids") or code.attrs.get("include") or ""
    ids = ",".join(part.strip() for part in ids.split(",") if part.strip().isdigit())
    return f'<x-gallery data-ids="{_attr(ids)}"></x-gallery>'


def embed(code):
    url = (code.content or "").strip() or (code.positional[0] if code.positional else "")
    url = code.attrs.get("url", url)
    return f'<x-embed data-url="{_attr(url.strip())}"></x-embed>'


def youtube(code):
    """WordPress.com's ``[youtube URL]``."""
    url = code.positional[0] if code.positional else code.attrs.get("url", "")
    if url and not url.startswith("http"):
        url = f"https://www.youtube.com/watch?v={url}"
    return f'<x-embed data-url="{_attr(url)}"></x-embed>'


def _media(kind, sources):
    def handler(code):
        url = next((code.attrs[key] for key in sources if code.attrs.get(key)), "")
        if not url and code.positional:
            url = code.positional[0]
        if not url and code.content:
            url = code.content.strip()
        return f'<x-media data-kind="{kind}" data-url="{_attr(url)}"></x-media>'

    return handler


HANDLERS = {
    "caption": caption,
    "wp_caption": caption,
    "gallery": gallery,
    "embed": embed,
    "youtube": youtube,
    "video": _media("video", VIDEO_SOURCES),
    "audio": _media("audio", AUDIO_SOURCES),
}


def find_shortcodes(text):
    """Every top-level shortcode in ``text`` as (start, end, Shortcode), in order."""
    found = []
    position = 0
    while True:
        match = OPENING.search(text, position)
        if not match:
            return found
        name = match.group(1)
        attrs, positional = parse_attributes(match.group(2))
        content = None
        end = match.end()
        if not match.group(3):
            closing = re.compile(rf"\[/{re.escape(name)}\]", re.I)
            close = closing.search(text, match.end())
            # Enclosing only if no second opening of the same shortcode comes first.
            if close:
                again = re.compile(rf"\[{re.escape(name)}[\s\]/]", re.I).search(
                    text, match.end(), close.start()
                )
                if not again:
                    content = text[match.end() : close.start()]
                    end = close.end()
        found.append((match.start(), end, Shortcode(name.lower(), attrs, positional, content)))
        position = end


def expand(text):
    """Replace known shortcodes with HTML; leave unknown ones as written and list their names."""
    out, unknown, position = [], [], 0
    for start, end, code in find_shortcodes(text):
        out.append(text[position:start])
        handler = HANDLERS.get(code.name)
        if handler is None:
            unknown.append(code.name)
            out.append(text[start:end])
        else:
            if code.content and code.name in ("caption", "wp_caption"):
                code.content = expand(code.content).html
            out.append(handler(code))
        position = end
    out.append(text[position:])
    result = ESCAPED.sub(r"\1", "".join(out))
    return Expanded(result, unknown)
