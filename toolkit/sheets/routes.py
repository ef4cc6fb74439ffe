"""Addresses under a sheet that apps above this one serve, such as ``print/`` and ``email/``.

A sheet's printable page and "Email this sheet" form belong to printing, which imports sheets, so
sheets cannot import printing's views. Instead each app registers a ``sheet_routes`` hook in its
``wagtail_hooks.py``: a function returning Django ``path()`` entries whose views take
``(sheet, request)``, as a routable page's own methods do. ``SheetPage`` adds them to its routes,
so the addresses (``/<section>/<sheet>/print/``) and their names (``reverse_subpage("print")``)
are what they were when the views were methods of the page.
"""

from wagtail import hooks

HOOK_NAME = "sheet_routes"


def registered_routes():
    return tuple(route for hook in hooks.get_hooks(HOOK_NAME) for route in hook())
