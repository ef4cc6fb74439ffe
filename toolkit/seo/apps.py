from django.apps import AppConfig


class SeoConfig(AppConfig):
    """What the site tells machines: the sitemap, robots.txt, Atom feeds, and each page's
    canonical address, sharing tags and structured data. It reads sheets, topics and the
    glossary, so it sits above them."""

    name = "toolkit.seo"
    label = "seo"
    verbose_name = "Search engines, feeds and sharing"
