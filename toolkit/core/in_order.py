"""Rows fetched in one query but kept in an order the database does not know: search ranking, an
editor's list of sheets, the sheets of a print pack."""


def in_order(queryset, ids):
    """The rows of ``queryset`` with these primary keys, in the order of ``ids``, in one query.

    An id with no row in ``queryset`` (unpublished, deleted, private, filtered out) is left out
    rather than failing, since the ids often come from a session, a search index or a cache.
    """
    ids = list(ids)
    found = queryset.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]
