"""Editable search vocabulary (synonyms and acronyms) and an anonymous log of what people search."""

from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

MAX_LOGGED_QUERY = 200


def split_terms(text):
    """``"CIL, Community Infrastructure Levy"`` -> ``["cil", "community infrastructure levy"]``."""
    return [" ".join(term.lower().split()) for term in text.replace("\n", ",").split(",") if term.strip()]


class SynonymGroup(models.Model):
    """Words and phrases that mean the same thing to a reader, such as "s106" and "section 106".

    A search for any of them finds sheets that use any of them. Editors keep this list in the
    admin under Snippets, so new jargon needs no code change.
    """

    terms = models.TextField(
        help_text="Words or phrases that mean the same, separated by commas, e.g. “CIL, Community Infrastructure Levy”."
    )
    note = models.CharField(max_length=200, blank=True, help_text="Optional: why these belong together.")

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        ordering = ["terms"]
        verbose_name = "synonym group"

    def __str__(self):
        return ", ".join(self.term_list())

    def term_list(self):
        return split_terms(self.terms)

    def clean(self):
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": "Give at least two words or phrases, separated by commas."})


class QueryLog(models.Model):
    """How often a query was searched and how many sheets it found last time. No personal data:
    no user, no address, no cookie, only the cleaned words and counts."""

    query = models.CharField(max_length=MAX_LOGGED_QUERY, unique=True)
    hits = models.PositiveIntegerField(default=0)
    results = models.PositiveIntegerField(default=0, help_text="Sheets found the last time it was searched.")
    last_searched = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["-hits", "query"]
        verbose_name = "search query"
        verbose_name_plural = "search queries"

    def __str__(self):
        return self.query

    @classmethod
    def record(cls, query, results):
        """Count one search of ``query``, which found ``results`` sheets.

        Every search is a write, cached answers included, so on PostgreSQL the count's commit does
        not wait for the disk (``synchronous_commit`` off for this one transaction: 0.45 ms to
        0.13 ms a count here). A crash of the database server can lose the last fraction of a
        second of counts, never corrupt them; everything else the site writes still waits.
        """
        query = " ".join(query.lower().split())[:MAX_LOGGED_QUERY]
        if not query:
            return
        with transaction.atomic(savepoint=False):  # a transaction of its own, or the caller's
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            updated = cls.objects.filter(query=query).update(
                hits=F("hits") + 1, results=results, last_searched=timezone.localdate()
            )
            if not updated:
                cls.objects.get_or_create(query=query, defaults={"hits": 1, "results": results})
