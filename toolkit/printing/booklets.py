"""Booklets are made by the task worker and kept in storage; a web worker never lays one out.

``booklet_for(request, title, sheets)`` answers what a reader's request needs: the finished file
if there is one, or the ``Booklet`` row of a build that is queued or under way (queued now, if
nobody asked before). The worker runs ``build_booklet``; with ``TASK_BACKEND=immediate``
(development, tests) it runs inside ``enqueue`` and the file is there at once.

Files are kept under ``booklets/`` in the default storage (the media folder, or S3), which the
worker and every web server share; nginx and ``/media/`` never serve that folder. The daily
clean-up removes booklets older than a week.
"""

import datetime
import hashlib
import io
import json
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.handlers.wsgi import WSGIRequest
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from toolkit.core.cache import content_version
from toolkit.core.ratelimit import client_address, over_limit

from .documents import booklet_html, live_sheets_in_order, site_base_url
from .fingerprint import render_fingerprint
from .models import Booklet
from .pdf import render_pdf

logger = logging.getLogger(__name__)

FOLDER = "booklets"
STALE_AFTER = datetime.timedelta(minutes=10)  # a build not finished by then is queued again
KEEP_FOR = datetime.timedelta(days=7)
BUILDS_PER_CLIENT = (10, 3600)  # new booklets one reader may have made in an hour


def booklet_key(host, title, sheets, made_on, intro=""):
    """Everything the booklet is made from, in one hash: a change to any of it is a new booklet
    (the content version covers what the sheets show besides their own revisions: the glossary,
    section names, the licence)."""
    parts = [
        title,
        intro,
        [[sheet.pk, sheet.live_revision_id] for sheet in sheets],
        made_on.isoformat(),
        host,
        content_version(),
        render_fingerprint(),
    ]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


class TooManyBooklets(Exception):
    """This reader has asked for more new booklets than ``BUILDS_PER_CLIENT`` allows."""


def may_build(request):
    """Whether this reader may have one more booklet made. Every new title or order of sheets is
    a new booklet (the title is on its cover) and costs the worker seconds of layout, so new
    builds are limited per client address and per session; booklets already made cost nothing."""
    identities = [("booklet-client", client_address(request))]
    if request.session.session_key:
        identities.append(("booklet-session", request.session.session_key))
    counts = [over_limit(scope, identity, *BUILDS_PER_CLIENT) for scope, identity in identities]  # both count
    return not any(counts)


def booklet_for(request, title, sheets, again=False, intro=""):
    """The ``Booklet`` for these sheets: ready, or queued or being made (queued now if nobody had
    asked; again if its file was cleaned up, its build was lost, or it failed and ``again``).
    ``intro`` says who a ready-made pack is for, on the cover.
    Raises ``TooManyBooklets`` when a new build is needed and the reader has had their share."""
    host = request.get_host()
    key = booklet_key(host, title, sheets, timezone.localdate(), intro)
    booklet = Booklet.objects.filter(key=key).first()
    if booklet is None or must_queue_again(booklet, again):
        if not may_build(request):
            raise TooManyBooklets
        booklet = queue_booklet(
            key, title, [sheet.pk for sheet in sheets], host, request.is_secure(), booklet, intro
        )
    return booklet


def must_queue_again(booklet, again):
    if booklet.status == Booklet.READY:
        return not default_storage.exists(booklet.file_name)
    if booklet.status == Booklet.FAILED:
        return again
    return timezone.now() - booklet.requested_at > STALE_AFTER  # the worker lost it


def queue_booklet(key, title, sheet_ids, host, secure, existing=None, intro=""):
    fields = {"title": title[:255], "intro": intro, "sheet_ids": sheet_ids, "host": host, "secure": secure}
    try:
        with transaction.atomic():
            if existing is None:
                booklet = Booklet.objects.create(key=key, **fields)
            else:
                booklet = existing
                Booklet.objects.filter(pk=booklet.pk).update(
                    status=Booklet.QUEUED, requested_at=timezone.now(), error="", **fields
                )
    except IntegrityError:  # another request queued it first
        return Booklet.objects.get(key=key)
    # Queued in the caller's transaction: the worker sees the task when it sees the row.
    build_booklet.enqueue(key)
    booklet.refresh_from_db()
    return booklet


def paper_request(host, secure):
    """A request as a reader's would be, for rendering outside one (addresses, settings, site)."""
    name, _, port = host.partition(":")
    return WSGIRequest(
        {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": "/",
            "SERVER_NAME": name,
            "SERVER_PORT": port or ("443" if secure else "80"),
            "HTTP_HOST": host,
            "wsgi.url_scheme": "https" if secure else "http",
            "HTTP_X_FORWARDED_PROTO": "https" if secure else "http",
            "wsgi.input": io.BytesIO(),
        }
    )


@task()
def build_booklet(key):
    """Lay out the booklet and keep the file; a second run for the same key does nothing."""
    booklet = Booklet.objects.filter(key=key).first()
    if booklet is None or booklet.status == Booklet.READY:
        return "nothing to do"
    Booklet.objects.filter(pk=booklet.pk).update(status=Booklet.BUILDING)
    try:
        request = paper_request(booklet.host, booklet.secure)
        sheets = live_sheets_in_order(booklet.sheet_ids)
        made_on = booklet.requested_at.astimezone(timezone.get_current_timezone()).date()
        html = booklet_html(request, booklet.title, sheets, made_on, intro=booklet.intro)
        pdf = render_pdf(html, site_base_url(request))
        name = f"{FOLDER}/{key}.pdf"
        if default_storage.exists(name):  # a build the worker died in after storing it (it runs again)
            default_storage.delete(name)
        name = default_storage.save(name, ContentFile(pdf))
    except Exception as error:  # noqa: BLE001 - the reader is told; the worker carries on
        logger.exception("Booklet %s could not be made", key)
        Booklet.objects.filter(pk=booklet.pk).update(
            status=Booklet.FAILED, error=f"{type(error).__name__}: {error}"[:500], finished_at=timezone.now()
        )
        return "failed"
    Booklet.objects.filter(pk=booklet.pk).update(
        status=Booklet.READY, file_name=name, finished_at=timezone.now()
    )
    return name


def remove_old_booklets(now=None):
    """Delete booklets (rows and files) older than ``KEEP_FOR``; the number removed."""
    cutoff = (now or timezone.now()) - KEEP_FOR
    old = list(Booklet.objects.filter(requested_at__lt=cutoff))
    for booklet in old:
        if booklet.file_name and default_storage.exists(booklet.file_name):
            default_storage.delete(booklet.file_name)
    Booklet.objects.filter(pk__in=[booklet.pk for booklet in old]).delete()
    return len(old)
