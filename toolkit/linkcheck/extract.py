"""Find outbound web addresses in HTML and in StreamField data. No Django here."""

from html.parser import HTMLParser


class _LinkParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if is_outbound(href):
                self.links.append(href.strip())


def is_outbound(value):
    return isinstance(value, str) and value.strip().lower().startswith(("http://", "https://"))


def links_in_html(html):
    """Absolute http(s) links of ``<a href>`` in ``html``, in order, without repeats."""
    if not html or "href" not in html:
        return []
    parser = _LinkParser()
    parser.feed(html)
    parser.close()
    return list(dict.fromkeys(parser.links))


def links_in_data(data):
    """Links anywhere in nested StreamField data: in rich text, and values that are addresses."""
    found = []
    if isinstance(data, dict):
        for value in data.values():
            found += links_in_data(value)
    elif isinstance(data, list):
        for value in data:
            found += links_in_data(value)
    elif isinstance(data, str):
        found += [data.strip()] if is_outbound(data) and " " not in data.strip() else links_in_html(data)
    return list(dict.fromkeys(found))
