"""Search and reference indexing, deferred to the end of an import and done in bulk.

Wagtail indexes a page each time it is saved, and an import saves each page more than once; on
SQLite that indexing costs more than the import itself. So while importing, the save hooks are
off, and each written item is flagged ``needs_indexing``. At the end every flagged item (from
this run or from an earlier run that was stopped) is indexed in bulk and the flag cleared, so an
interrupted import never leaves pages that search cannot find once it has been run to the end.

Three of the speed-ups lean on private parts: modelsearch's save hook and ``BaseField.get_value``
(``MODELSEARCH_VERSIONS``) and Django's prefetch cache (``DJANGO_VERSIONS``). With other versions
(``indexing_shortcuts()`` says so once in the log) each page is indexed as it is saved as well,
every related row is fetched, and fields are read as often as modelsearch reads them: the same
index, slower.
"""

import sqlite3
from contextlib import contextmanager, nullcontext, suppress

from django.db import DEFAULT_DB_ALIAS, OperationalError, connections, transaction
from django.db.models import prefetch_related_objects
from django.db.models.signals import post_save
from modelcluster.models import ClusterableModel, get_all_child_m2m_relations, get_all_child_relations
from modelsearch.backends import get_search_backends
from modelsearch.index import BaseField, get_indexed_models
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from toolkit.core.pinned import checked
from toolkit.taxonomy.models import Topic

try:  # modelsearch's own module; a version without it leaves the save hook connected
    from modelsearch import signal_handlers as search_signals
except ImportError:
    search_signals = None

CHUNK = 200
IMPORTER_WRITES = {"topics"}  # the only related rows the importer gives a page
MODELSEARCH_VERSIONS = ("1.3.2",)  # signal_handlers.post_save_signal_handler, BaseField.get_value
DJANGO_VERSIONS = ("5.2",)  # Model._prefetched_objects_cache, read by prefetch_related_objects


def indexing_shortcuts(modelsearch=None, django=None):
    """True when modelsearch and Django are versions these shortcuts were checked against (the
    arguments stand in for their versions, for the tests)."""
    return checked("modelsearch", MODELSEARCH_VERSIONS, "the importer's deferred indexing", modelsearch) and (
        checked("django", DJANGO_VERSIONS, "the importer's known-empty child rows", django)
    )


def note_no_children(page, except_for=()):
    """Mark a page's child rows as known to be none, so indexing it asks the database nothing.

    True of a page the importer made and nobody has edited since (an edit makes a revision, and
    the importer makes none on a first import): the only related rows it has are its topics.
    """
    cache = page.__dict__.setdefault("_prefetched_objects_cache", {})
    for relation in get_all_child_relations(page):
        if relation.get_accessor_name() not in except_for:
            cache.setdefault(relation.get_accessor_name(), relation.related_model.objects.none())
    for field in get_all_child_m2m_relations(page):
        if field.name not in except_for:
            cache.setdefault(field.name, field.related_model.objects.none())


def related_names(model):
    """A page's child rows and many-to-many fields, fetched once per chunk instead of per page."""
    if not issubclass(model, ClusterableModel):
        return []
    names = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    return names + [field.name for field in get_all_child_m2m_relations(model)]


@contextmanager
def deferred_indexing(shortcuts=True):
    """No per-save search or reference indexing inside the block (reconnected afterwards).

    Reference indexing is turned off by Wagtail's public context manager; search indexing by
    disconnecting modelsearch's own save hook, only with ``shortcuts`` (a checked modelsearch).
    """
    handler = getattr(search_signals, "post_save_signal_handler", None) if shortcuts else None
    disconnected = [
        model
        for model in (get_indexed_models() if handler else [])
        if post_save.disconnect(handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(handler, sender=model)


def index_flagged(records_queryset, shortcuts=True):
    """Index every flagged record's page or topic, in bulk, a chunk per transaction.

    Without ``shortcuts`` (unchecked library versions), every related row is fetched and
    modelsearch reads each field as often as it likes.
    """
    done = 0
    while True:
        chunk = list(records_queryset.filter(needs_indexing=True).select_related("page")[:CHUNK])
        if not chunk:
            return done
        with transaction.atomic():
            page_ids = [r.page_id for r in chunk if r.page_id]
            topic_ids = [r.object_id for r in chunk if r.object_type == "topic" and r.object_id]
            objects = list(Page.objects.filter(pk__in=page_ids).specific()) if page_ids else []
            objects += list(Topic.objects.filter(pk__in=topic_ids)) if topic_ids else []
            by_model = {}
            for obj in objects:
                by_model.setdefault(type(obj), []).append(obj)
            for model, objs in by_model.items():
                names = related_names(model)
                untouched = [
                    obj for obj in objs if shortcuts and getattr(obj, "latest_revision_id", 0) is None
                ]
                for obj in untouched:
                    note_no_children(obj, except_for=IMPORTER_WRITES)
                prefetch_related_objects(untouched, *[name for name in names if name in IMPORTER_WRITES])
                prefetch_related_objects([obj for obj in objs if obj not in untouched], *names)
            with search_fields_read_once() if shortcuts else nullcontext():
                for backend in get_search_backends(with_auto_update=True):
                    for model, objs in by_model.items():
                        backend.add_bulk(model, objs)
            for obj in objects:
                ReferenceIndex.create_or_update_for_object(obj)
            records_queryset.filter(pk__in=[r.pk for r in chunk]).update(needs_indexing=False)
        done += len(chunk)


@contextmanager
def search_fields_read_once():
    """Each object's search fields read once while it is indexed, not once per index column.

    modelsearch's SQLite index (1.3.2) fills an entry's title, body and autocomplete columns by
    reading every search field of the object three times over, so a sheet's whole body is turned
    into text three times; that was a fifth of a large import. Inside this block each
    (field, object) value is kept after its first reading. Used only around the importer's bulk
    indexing, in the importer's own process, and undone at the end.
    """
    read = BaseField.get_value
    values = {}

    def read_once(field, obj):
        key = (id(field), id(obj))
        if key not in values:
            values[key] = read(field, obj)
        return values[key]

    BaseField.get_value = read_once
    try:
        yield
    finally:
        BaseField.get_value = read


@contextmanager
def quick_commits(enabled=True):
    """On a SQLite file, commit without waiting for the disk each time (WAL, synchronous NORMAL).

    Each item still commits on its own and survives the importer being killed; only a power cut
    could lose the last few commits, which the next run redoes. The journal mode is put back
    afterwards when nothing else holds the database open. No effect on other databases.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    if not enabled or connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
        cursor.execute("PRAGMA synchronous")
        synchronous = cursor.fetchone()[0]
        if journal == "memory":
            yield
            return
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA synchronous={int(synchronous)}")
            if journal != "wal":
                # When another connection has the file open, WAL stays, which is harmless.
                with suppress(OperationalError, sqlite3.OperationalError):
                    cursor.execute(f"PRAGMA journal_mode={journal}")
