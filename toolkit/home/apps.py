from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page, plain standard pages and the site's frame: the one app that lists what every
    other app publishes (sections, routes, topics), so it sits above them all."""

    name = "toolkit.home"
    label = "home"
    verbose_name = "Home and standard pages"
