"""Find the page at an address with one query instead of two for every level of the page tree.

Wagtail routes ``/<section>/<sheet>/`` by walking down from the home page: it fetches each child
by its slug and then its specific page, four queries before the sheet is served. Where that walk
ends (which page, and how many parts of the address it used up) depends only on what is
published, so it is remembered under the site's content version; later requests fetch that page
alone and let it route the rest of the address itself (a sheet's ``print/``, a topic under
``/topics/``). Addresses that lead nowhere are never remembered.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from .cache import remember

MAX_REMEMBERED_ADDRESS = 400


def route_from(root, request, path_components, walk):
    """What ``walk(request, path_components)`` (Wagtail's own routing from ``root``) would return."""
    address = "/".join(path_components)
    if not path_components or len(address) > MAX_REMEMBERED_ADDRESS or getattr(request, "is_preview", False):
        return walk(request, path_components)

    walked = None

    def walk_and_note():
        nonlocal walked
        walked = walk(request, path_components)
        page = walked.page
        return page.content_type_id, page.pk, page.depth - root.depth

    digest = hashlib.sha256(address.encode()).hexdigest()
    content_type_id, pk, used = remember(f"route:{root.pk}:{digest}", walk_and_note)
    if walked is not None:
        return walked
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    try:
        page = model.objects.get(pk=pk)
    except model.DoesNotExist as missing:  # deleted since (the version bump is on its way)
        raise Http404 from missing
    return page.route(request, path_components[used:])
