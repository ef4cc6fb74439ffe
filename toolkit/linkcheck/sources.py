"""Every outbound link the site shows, and where it shows it.

Live sheets (their "Useful links", body, and a Method sheet's rich-text parts and steps), the
organisations in "Organisations that can help" and the official addresses of laws and policies.
"""

from collections import defaultdict

from wagtail.fields import RichTextField

from toolkit.directory.models import Organisation
from toolkit.editorial.models import Law
from toolkit.sheets.models import MethodStep, SheetLinkOut, SheetPage

from .extract import is_outbound, links_in_data, links_in_html


def sheet_links(sheet):
    """``(url, where)`` pairs for one (specific) sheet, apart from its "Useful links"."""
    pairs = [(url, "Body") for url in links_in_data(list(sheet.body.raw_data))]
    for field in sheet._meta.concrete_fields:
        if isinstance(field, RichTextField):
            pairs += [
                (url, str(field.verbose_name).capitalize())
                for url in links_in_html(field.value_from_object(sheet))
            ]
    return pairs


def outbound_links():
    """``{url: [(source, where), ...]}`` for everything readers can see now.

    ``source`` is what an editor edits to fix the link: the sheet, the organisation or the law.
    """
    found = defaultdict(list)
    sheets = SheetPage.objects.live().specific()
    for sheet in sheets:
        for url, where in sheet_links(sheet):
            found[url].append((sheet, where))
    by_id = {sheet.pk: sheet for sheet in sheets}
    for link in SheetLinkOut.objects.filter(sheet__in=list(by_id)).order_by("sheet_id", "sort_order"):
        if is_outbound(link.url):
            found[link.url.strip()].append((by_id[link.sheet_id], f"Useful links: {link.title}"))
    for step in MethodStep.objects.filter(sheet__in=list(by_id)).order_by("sheet_id", "sort_order"):
        for url in links_in_html(step.text):
            found[url].append((by_id[step.sheet_id], f"Step: {step.title}"))
    for organisation in Organisation.objects.all():
        if is_outbound(organisation.url):
            found[organisation.url.strip()].append((organisation, "Organisation's web address"))
    for law in Law.objects.all():
        if is_outbound(law.url):
            found[law.url.strip()].append((law, "Law or policy's official address"))
    return dict(found)
