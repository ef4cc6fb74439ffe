"""Which sheets use a topic, an audience or a law: the count in its listing, the list of them, and a
delete page that says what deleting it would change.

Wagtail's own usage figures ("Used 0 times" on the edit page, "referenced 0 times" on the delete
page) come from its reference index, which records foreign keys, StreamField blocks and rich text
links but not many-to-many fields (``ReferenceIndex._extract_references_from_object`` follows only
``many_to_one`` fields and fields with an ``extract_references`` method; wagtail/wagtail#9629).
A sheet's topics, audiences and laws are ``ParentalManyToManyField``s, so the index never sees them,
and no public API adds them: ``register_model`` indexes a model's foreign keys, and the relation's
table is written in bulk, without the ``post_save`` the index listens for; and
``wagtail_reference_index_ignore`` only leaves things out. So these views count the relation's own
table, which is always up to date, with no index to rebuild and no task worker to wait for.

What counts is every sheet whose saved version uses the item: a published sheet as it is published,
and a sheet that is not live (a draft never published, or one unpublished) as its latest draft,
which deleting the item would change too. A topic added or removed in changes to a published sheet
that are not yet published counts once they are. This is also how Wagtail counts pages.
"""

from django.contrib.admin.utils import quote
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import ngettext
from wagtail.admin.ui.components import MediaContainer
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.ui.tables.pages import PageStatusColumn
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.side_panels import SnippetStatusSidePanel
from wagtail.snippets.views import snippets

SHEETS_LISTED_ON_DELETE = 10
COUNTING_NOTE = (
    "Drafts count too: deleting this {name} would take it off them as well. A published sheet "
    "counts as it is published, so a change waiting in its draft counts once it is published."
)


def annotate_sheet_usage(queryset, relation):
    """Each item with ``sheet_count`` (sheets using it) and ``draft_count`` (those not live), as two
    subqueries of the listing's own query, however many rows it has."""
    rel = queryset.model._meta.get_field(relation)
    item = rel.field.m2m_reverse_field_name()
    uses = rel.through.objects.filter(**{item: OuterRef("pk")}).order_by().values(item)
    drafts = uses.filter(**{f"{rel.field.m2m_field_name()}__live": False})

    def number_of(rows):
        return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)

    return queryset.annotate(sheet_count=number_of(uses), draft_count=number_of(drafts))


def describe_usage(sheet_count, draft_count):
    """``"4 sheets (1 draft)"``, ``"1 sheet"``, ``"no sheets"``."""
    if not sheet_count:
        return "no sheets"
    text = ngettext("%(count)d sheet", "%(count)d sheets", sheet_count) % {"count": sheet_count}
    if draft_count:
        text += ngettext(" (%(count)d draft)", " (%(count)d drafts)", draft_count) % {"count": draft_count}
    return text


def other_uses(item, sheet_relation):
    """What else links to ``item`` many-to-many (``["2 organisations"]``): the reference index
    misses these too, and deleting the item takes it off them as well. One query per relation."""
    uses = []
    for rel in item._meta.related_objects:
        if rel.many_to_many and rel.get_accessor_name() != sheet_relation:
            count = getattr(item, rel.get_accessor_name()).count()
            if count:
                opts = rel.related_model._meta
                uses.append(f"{count} {opts.verbose_name if count == 1 else opts.verbose_name_plural}")
    return uses


def delete_summary(item, usage, others):
    """The delete page's first sentence: who uses the item, and what deleting it does to them."""
    name = item._meta.verbose_name
    uses = ([usage.describe()] if usage.sheet_count else []) + others
    if not uses:
        return f"No sheet uses this {name}."
    listed = uses[0] if len(uses) == 1 else f"{', '.join(uses[:-1])} and {uses[-1]}"
    return f"This {name} is used by {listed}. Deleting the {name} takes it off them; they are not deleted."


class SheetUsage:
    """The sheets using one item, counted in one query: what the edit, sheets and delete views show."""

    def __init__(self, item, relation):
        self.item = item
        self.sheets = getattr(item, relation).all()
        counts = self.sheets.aggregate(total=Count("pk"), drafts=Count("pk", filter=Q(live=False)))
        self.sheet_count, self.draft_count = counts["total"], counts["drafts"]

    def describe(self):
        return describe_usage(self.sheet_count, self.draft_count)

    def listing(self):
        """The sheets by title, with what a list shows (kind, section, Wagtail's status words) in a
        fixed number of queries however many there are."""
        return self.sheets.listing().annotate_approved_schedule().prefetch_workflow_states().order_by("title")

    def first_rows(self, limit=SHEETS_LISTED_ON_DELETE):
        return [
            {
                "title": sheet.title,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[sheet.pk]),
                "about": f"{sheet.kind_label}, {sheet.section_title}, {sheet.status_string}",
            }
            for sheet in self.listing()[:limit]
        ]


class SheetUsageColumn(Column):
    """The "Used by" column: how many sheets use the row's item, linked to the list of them."""

    cell_template_name = "taxonomy/admin/sheet_usage_cell.html"

    def __init__(self, sheets_url_name, **kwargs):
        super().__init__("sheet_count", label="Used by", sort_key="sheet_count", **kwargs)
        self.sheets_url_name = sheets_url_name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["usage_text"] = describe_usage(instance.sheet_count, instance.draft_count)
        context["item_name"] = str(instance)
        if instance.sheet_count:
            context["sheets_url"] = reverse(self.sheets_url_name, args=[quote(instance.pk)])
        return context


class SheetUsageIndexView(snippets.IndexView):
    """The listing, with a "Used by" column counted for every row in the listing's one query."""

    sheet_relation = None
    sheets_url_name = None

    def get_base_queryset(self):
        return annotate_sheet_usage(super().get_base_queryset(), self.sheet_relation)

    @cached_property
    def columns(self):
        return [*super().columns, SheetUsageColumn(self.sheets_url_name)]


class SheetUsageStatusSidePanel(SnippetStatusSidePanel):
    """The edit page's status panel, whose Usage line counts sheets and links to their list."""

    def __init__(self, *args, sheet_relation, sheets_url, **kwargs):
        super().__init__(*args, **kwargs)
        self.sheet_relation = sheet_relation
        self.sheets_url = sheets_url

    def get_usage_context(self):
        usage = SheetUsage(self.object, self.sheet_relation)
        return {
            "usage_url": self.sheets_url if usage.sheet_count else "",
            "usage_count": usage.sheet_count,
            "usage_url_text": f"Used by {usage.describe()}",
        }


class SheetUsageEditView(snippets.EditView):
    """The edit view with the sheet-counting status panel (topics, audiences and laws have no
    preview, so the status panel is the only side panel Wagtail would show)."""

    sheet_relation = None
    sheets_url_name = None

    def get_side_panels(self):
        return MediaContainer(
            [
                SheetUsageStatusSidePanel(
                    self.object,
                    self.request,
                    sheet_relation=self.sheet_relation,
                    sheets_url=reverse(self.sheets_url_name, args=[quote(self.object.pk)]),
                    locale=self.locale,
                    translations=self.translations,
                    usage_url=self.get_usage_url(),
                    history_url=self.get_history_url(),
                    last_updated_info=self.get_last_updated_info(),
                )
            ]
        )


class SheetsUsingView(snippets.UsageView):
    """The "Sheets using this" page: each sheet with its kind, section and state, linked to its edit
    page.

    Wagtail's usage view (what its index records, such as a pathway's audience) stays as it is,
    linked from the delete page when there is something in it.
    """

    page_title = "Sheets using this"
    template_name = "taxonomy/admin/sheets_using.html"
    sheet_relation = None
    sheets_url_name = None

    def counting_note(self):
        return COUNTING_NOTE.format(name=self.object._meta.verbose_name)

    def get_queryset(self):
        return SheetUsage(self.object, self.sheet_relation).listing()

    def get_index_url(self):  # for the pagination links
        return reverse(self.sheets_url_name, args=[quote(self.object.pk)])

    @cached_property
    def no_results_message(self):
        return f"No sheet uses this {self.object._meta.verbose_name}."

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        items[-1]["label"] = self.page_title
        return items

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label="Sheet", url_name="wagtailadmin_pages:edit"),
            Column("kind", label="Kind", accessor="kind_label"),
            Column("section", label="Section", accessor="section_title"),
            PageStatusColumn("status", label="Status"),
        ]

    def get_table(self, object_list, **kwargs):
        # Wagtail's builds rows from reference index entries; these rows are the sheets themselves.
        return self.table_class(self.columns, object_list, **self.get_table_kwargs())


class SheetUsageDeleteView(snippets.DeleteView):
    """The delete page says which sheets (and what else) lose the item, before anyone confirms.

    What Wagtail's index records (a pathway's audience, which prevents deletion) is still checked
    and shown by Wagtail, as before.
    """

    template_name = "taxonomy/admin/confirm_delete.html"
    sheet_relation = None
    sheets_url_name = None

    def get_context_data(self, **kwargs):
        usage = SheetUsage(self.object, self.sheet_relation)
        return super().get_context_data(
            sheet_usage=usage,
            sheet_usage_summary=delete_summary(
                self.object, usage, other_uses(self.object, self.sheet_relation)
            ),
            sheet_rows=usage.first_rows(),
            more_sheets=max(usage.sheet_count - SHEETS_LISTED_ON_DELETE, 0),
            sheets_url=reverse(self.sheets_url_name, args=[quote(self.object.pk)]),
            **kwargs,
        )


class SheetUsageViewSetMixin:
    """For the snippet viewset of something sheets link to many-to-many: ``sheet_relation`` is the
    reverse relation's name on the model (``"sheets"`` for topics, ``"citing_sheets"`` for laws).

    The listing searches its ``search_fields`` in the database rather than through Wagtail's search
    backend, which cannot search a queryset carrying the count subqueries (and a few dozen names
    need no full-text search).
    """

    sheet_relation = "sheets"
    search_backend_name = None
    index_view_class = SheetUsageIndexView
    edit_view_class = SheetUsageEditView
    delete_view_class = SheetUsageDeleteView
    delete_template_name = SheetUsageDeleteView.template_name

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            sheet_relation=self.sheet_relation, sheets_url_name=self.get_url_name("sheets"), **kwargs
        )

    @property
    def sheets_view(self):
        return self.construct_view(SheetsUsingView)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"sheets/<{self.pk_path_converter}:pk>/", self.sheets_view, name="sheets"),
        ]


class SheetUsageDeleteBulkAction(DeleteBulkAction):
    """Deleting several items from the listing at once: each one's count includes its sheets.

    Register a subclass naming ``models`` and ``sheet_relation`` with ``order=1``, so that it comes
    after (and stands in for) Wagtail's own delete action for those models.
    """

    sheet_relation = "sheets"

    def annotate_items(self, items):
        items = super().annotate_items(items)
        counted = annotate_sheet_usage(
            self.model.objects.filter(pk__in=[i.pk for i in items]), self.sheet_relation
        )
        counts = dict(counted.values_list("pk", "sheet_count"))
        for item in items:
            item.sheet_count = counts.get(item.pk, 0)
        return items

    def get_usage_url(self, snippet):
        return reverse(snippet.snippet_viewset.get_url_name("sheets"), args=[quote(snippet.pk)])

    def object_context(self, item):
        context = super().object_context(item)
        context["usage_count"] += item.sheet_count
        return context
