"""Version tokens: what every process must agree on, kept in the database.

Cached things (whole pages, fragments, a compiled glossary) carry a version token in their key,
so one change makes every cached copy stale at once. The token must be the same in every worker
process and on every server, or a reader would see an old page from whichever worker kept an old
token. So it lives in the database, next to the content it describes:

- a change writes a new random token in the same transaction as the change itself, so other
  processes see both at the same moment (never a new token over old rows, or the reverse);
- a request reads every token with one small query, once (``once_per_request``);
- tokens are random, never counters, so a restored backup or a cleared cache can never bring
  back a token that some process still holds cached copies under.

It works the same with Redis, with local memory caches in each process, and with Redis down.
"""

import uuid

from django.db import IntegrityError, connection, models, transaction

from .request_memo import forget_for_request, once_per_request

MEMO_NAME = "toolkit:version-tokens"


class VersionToken(models.Model):
    """One named token ("content", "glossary"): replaced whenever what it covers may have changed."""

    name = models.CharField(primary_key=True, max_length=40)
    token = models.CharField(max_length=32)

    class Meta:
        app_label = "core"
        verbose_name = "version token"

    def __str__(self):
        return f"{self.name}: {self.token}"


def new_token():
    return uuid.uuid4().hex


def _read_all():
    """Every token, with one plain query: this runs on every request, including page-cache hits,
    where the ORM's own work (about 200 µs) was a large part of the whole answer."""
    table = connection.ops.quote_name(VersionToken._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, token FROM {table}")  # noqa: S608 - the table name is ours
        return dict(cursor.fetchall())


def current(name):
    """The token for ``name`` (made on first use, for instance just after a database flush)."""
    token = once_per_request(MEMO_NAME, _read_all).get(name)
    if token is None:
        token = _create(name)
        forget_for_request(MEMO_NAME)
    return token


def bump(name):
    """Replace the token: every process sees the new one when the surrounding transaction commits."""
    if not VersionToken.objects.filter(name=name).update(token=new_token()):
        _create(name)
    forget_for_request(MEMO_NAME)


def _create(name):
    try:
        with transaction.atomic():
            return VersionToken.objects.get_or_create(name=name, defaults={"token": new_token()})[0].token
    except IntegrityError:  # another process made it first
        return VersionToken.objects.get(name=name).token
