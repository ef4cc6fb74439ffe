"""Turn the shared benchmark corpus (JSON Lines from ../shared/bench/gen_content.py) into a
WordPress export (WXR 1.2), as WordPress would write it for those posts.

Each post gets its category, its tags, a "definition-sheet" or "method-sheet" tag from its title
(the corpus marks the kind only there), a date-based permalink, a ``?p=ID`` guid and its excerpt.
Standard library only, so it can be used without Django.
"""

import json
from datetime import datetime
from xml.sax.saxutils import escape

SITE = "https://toolkit-wp.example"
NAMESPACES = (
    'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:wp="http://wordpress.org/export/1.2/"'
)


def slugify(text):
    out = "".join(ch if ch.isalnum() else "-" for ch in text.lower())
    return "-".join(part for part in out.split("-") if part)


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def read_corpus(path):
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def item_xml(post_id, post):
    date = datetime.fromisoformat(post["date"])
    stamp = date.strftime("%Y-%m-%d %H:%M:%S")
    kind = "method-sheet" if post["title"].lower().startswith("method") else "definition-sheet"
    link = f"{SITE}/{date:%Y/%m/%d}/{post['slug']}/"
    terms = [
        f'<category domain="category" nicename="{slugify(post["category"])}">{cdata(post["category"])}</category>'
    ]
    terms += [
        f'<category domain="post_tag" nicename="{slugify(tag)}">{cdata(tag)}</category>'
        for tag in post["tags"]
    ]
    terms.append(f'<category domain="post_tag" nicename="{kind}">{cdata(kind.replace("-", " "))}</category>')
    return f"""
<item>
<title>{escape(post["title"])}</title>
<link>{link}</link>
<pubDate>{date:%a, %d %b %Y %H:%M:%S +0000}</pubDate>
<dc:creator>{cdata("editor")}</dc:creator>
<guid isPermaLink="false">{SITE}/?p={post_id}</guid>
<description></description>
<content:encoded>{cdata(post["body_html"])}</content:encoded>
<excerpt:encoded>{cdata(post["excerpt"])}</excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date>{stamp}</wp:post_date>
<wp:post_date_gmt>{stamp}</wp:post_date_gmt>
<wp:post_modified>{stamp}</wp:post_modified>
<wp:post_modified_gmt>{stamp}</wp:post_modified_gmt>
<wp:comment_status>closed</wp:comment_status>
<wp:post_name>{post["slug"]}</wp:post_name>
<wp:status>publish</wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:menu_order>0</wp:menu_order>
<wp:post_type>post</wp:post_type>
<wp:post_password></wp:post_password>
<wp:is_sticky>0</wp:is_sticky>
{"".join(terms)}
</item>"""


def write_wxr(posts, path):
    categories = sorted({post["category"] for post in posts})
    tags = sorted({tag for post in posts for tag in post["tags"]})
    with open(path, "w", encoding="utf-8") as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" {NAMESPACES}>\n<channel>\n')
        out.write(f"<title>Community planning toolkit (WordPress)</title>\n<link>{SITE}</link>\n")
        out.write(f"<wp:wxr_version>1.2</wp:wxr_version>\n<wp:base_site_url>{SITE}</wp:base_site_url>\n")
        out.write(f"<wp:base_blog_url>{SITE}</wp:base_blog_url>\n")
        out.write("<wp:author><wp:author_id>1</wp:author_id><wp:author_login>editor</wp:author_login>")
        out.write("<wp:author_email>editor@example.org</wp:author_email>")
        out.write(f"<wp:author_display_name>{cdata('Toolkit Editor')}</wp:author_display_name></wp:author>\n")
        for number, name in enumerate(categories, start=1):
            out.write(
                f"<wp:category><wp:term_id>{number}</wp:term_id><wp:category_nicename>{slugify(name)}"
                f"</wp:category_nicename><wp:category_parent></wp:category_parent>"
                f"<wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n"
            )
        for number, name in enumerate(tags, start=100):
            out.write(
                f"<wp:tag><wp:term_id>{number}</wp:term_id><wp:tag_slug>{slugify(name)}</wp:tag_slug>"
                f"<wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>\n"
            )
        for post_id, post in enumerate(posts, start=1):
            out.write(item_xml(post_id, post))
        out.write("\n</channel>\n</rss>\n")
