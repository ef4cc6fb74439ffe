"""Which pages carry the "Is this page useful?" bar, and what its forms send.

Every Wagtail page carries it (the answer names the page by its id). Of the views that are not
pages, only those listed here do (the answer names them by their address): the form checks an
address against this same list, so the bar never offers a form whose answer would be refused,
and nobody can fill the queue with made-up addresses or turn the redirect back into a way off
the site.
"""

from wagtail.models import Page

VIEWS_WITHOUT_A_PAGE = frozenset({"search:search", "a_to_z", "printing:pack"})


def bar_target(context):
    """``{"page": id, "path": address}`` or ``{"path": address}`` for the bar on this page, or ``None`` for no bar.

    None on a print view, on a page that is not saved (a preview of a new page) and on views
    that are not listed (errors, forms, the feedback pages themselves)."""
    if context.get("print_view"):
        return None
    page = context.get("page")
    request = context.get("request")
    if isinstance(page, Page):
        if not page.pk:
            return None
        # A page's own routes (a topic under the topics page, a sheet's email form) come back
        # to where the reader was, not to the page's first address.
        return {"page": page.pk, "path": request.get_full_path()[:500] if request else ""}
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name in VIEWS_WITHOUT_A_PAGE:
        return {"path": request.get_full_path()[:500]}
    return None
