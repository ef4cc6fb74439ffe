"""The old site's addresses: which item each old path belongs to. Pure Python.

Used twice: to give every imported post and page a redirect from each address WordPress answered
on (permalink, guid, ``?p=ID``, ``?page_id=ID``, date-based and plain ``/slug/`` permalinks,
``/archives/ID``), and to recognise links between posts so they can point at the new pages.
Category and tag archives (``/category/a/b/``, ``/tag/x/``, ``?cat=ID``, ``?tag=x``) are listed
for the sections and topics they became.
"""

import re
from urllib.parse import parse_qs, unquote, urlsplit

from .wxr import parse_wp_datetime

PERMALINK, ALIAS, DERIVED = 0, 1, 2  # who wins when two items want one address
UPLOAD_SIZE = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
REDIRECT_PATH_MAX = 255


def path_key(path, query=""):
    """One spelling per address: decoded, no trailing slash, query parameters sorted."""
    path = unquote(path or "/")
    if not path.startswith("/"):
        path = "/" + path
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = "&".join(sorted(part for part in (query or "").split("&") if part))
    return f"{path}?{query}" if query else path


class OldSite:
    def __init__(self, export, extra_hosts=()):
        parts = urlsplit(export.site_url)
        self.base = parts.path.rstrip("/")
        host = (parts.hostname or "").lower()
        self.hosts = {host, host.removeprefix("www."), "www." + host.removeprefix("www.")} - {"", "www."}
        self.hosts |= {h.lower() for h in extra_hosts}
        self.owner = {}  # path key -> wp_id of the item that has the address
        self.paths = {}  # wp_id -> [path as WordPress wrote it]
        self.attachments = {}  # upload path key -> attachment wp_id

    def local_path(self, url):
        """The path (with query) of ``url`` if it is on the old site, else None."""
        parts = urlsplit(url.strip())
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        if parts.netloc and (parts.hostname or "").lower() not in self.hosts:
            return None
        if not parts.netloc and not parts.path.startswith("/"):
            return None
        return parts.path or "/", parts.query

    # -- items ---------------------------------------------------------------------------------
    def candidates(self, planned):
        """(priority, path) pairs for one planned item, best first."""
        item = planned.item
        found = []
        for url, priority in ((item.link, PERMALINK), (item.guid, ALIAS)):
            local = self.local_path(url) if url else None
            if local:
                path, query = local
                found.append((priority, f"{path}?{query}" if query else path))
        real_id = item.wp_id is not None and item.wp_id > 0  # not a stand-in (see plan.identify)
        if real_id:
            found.append((ALIAS, f"{self.base}/?p={item.wp_id}"))
        if planned.kind == "page":
            if real_id:
                found.append((ALIAS, f"{self.base}/?page_id={item.wp_id}"))
        else:
            if real_id:
                found.append((DERIVED, f"{self.base}/archives/{item.wp_id}/"))
            slug = item.slug
            date = parse_wp_datetime(item.post_date) or planned.published_at
            if slug and date:
                found.append((DERIVED, f"{self.base}/{date:%Y/%m/%d}/{slug}/"))
                found.append((DERIVED, f"{self.base}/{date:%Y/%m}/{slug}/"))
            if slug:
                found.append((DERIVED, f"{self.base}/{slug}/"))
        return found

    def assign(self, planned_items):
        """Give each address to one item: permalinks before aliases before guesses, then order."""
        wanted = []
        for order, planned in enumerate(planned_items):
            for priority, path in self.candidates(planned):
                wanted.append((priority, order, path, planned.wp_id))
        for _priority, _order, path, wp_id in sorted(wanted, key=lambda w: (w[0], w[1])):
            key = self.key_of(path)
            if key in self.owner:
                continue
            self.owner[key] = wp_id
            self.paths.setdefault(wp_id, []).append(path)

    def key_of(self, path):
        parts = urlsplit(path)
        return path_key(parts.path, parts.query)

    def redirect_paths(self, wp_id):
        return [p for p in self.paths.get(wp_id, []) if len(p) <= REDIRECT_PATH_MAX]

    # -- attachments ---------------------------------------------------------------------------
    def add_attachments(self, attachments):
        for item in attachments:
            for url in (item.attachment_url, item.guid):
                if url:
                    self.attachments.setdefault(self.upload_key(url), item.wp_id)

    def upload_key(self, url):
        """An upload's address without host, query or WordPress's ``-300x200`` size suffix."""
        path = unquote(urlsplit(url.strip()).path)
        return UPLOAD_SIZE.sub("", path).lower()

    def attachment_for(self, url):
        return self.attachments.get(self.upload_key(url)) if url else None

    # -- links -----------------------------------------------------------------------------------
    def item_for(self, href):
        """The WordPress ID an old-site link points at, or None."""
        local = self.local_path(href)
        if not local:
            return None
        path, query = local
        params = parse_qs(query)
        for name in ("p", "page_id"):
            value = (params.get(name) or [""])[0]
            if value.isdigit():
                return self.owner.get(path_key(f"{self.base}/", f"p={value}")) or self.owner.get(
                    path_key(f"{self.base}/", f"page_id={value}")
                )
        return self.owner.get(path_key(path))

    # -- archives ----------------------------------------------------------------------------------
    def category_paths(self, chain, term_id=None):
        """``chain`` is the category and its ancestors, nearest first (WordPress nests them)."""
        paths = [f"{self.base}/category/{'/'.join(reversed(chain))}/"]
        if len(chain) > 1:
            paths.append(f"{self.base}/category/{chain[0]}/")
        if term_id:
            paths.append(f"{self.base}/?cat={term_id}")
        return paths

    def tag_paths(self, slug):
        return [f"{self.base}/tag/{slug}/", f"{self.base}/?tag={slug}"]
