from django import template

from toolkit.directory.models import organisations_that_help as find_organisations

register = template.Library()


@register.simple_tag
def organisations_that_help(topics=(), sheet_ids=(), topic=None):
    """``{% organisations_that_help topics=topics as help %}`` (or ``topic=topic``, or
    ``sheet_ids=...`` for those sheets' topics): a few organisations for "What to do next", with
    ``help.url`` the directory, narrowed to the topic when there is just one."""
    return find_organisations([*topics, *([topic] if topic is not None else [])], sheet_ids)
