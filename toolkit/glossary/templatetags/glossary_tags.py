from django import template

from ..render import linked_sheet as build_linked_sheet

register = template.Library()


@register.simple_tag(takes_context=True)
def linked_sheet(context, page):
    """``{% linked_sheet page as linked %}``: the sheet's summary, body blocks and key facts as HTML,
    with glossary terms linked (once each) unless the sheet has linking switched off."""
    return build_linked_sheet(page, context)
