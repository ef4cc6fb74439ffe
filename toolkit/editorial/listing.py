"""The admin's lists of sheets, filterable by what a sheet is about and where its review stands.

Two lists share the filters (Wagtail's page listing filters, see "Customizing page listings" in its
documentation): the explorer's list of a section's sheets, which Wagtail takes from the viewset of
the only page type a section may hold, and "Sheets" in the admin menu, every sheet in one flat list,
which can also be narrowed to some sections.

Every filter narrows by page id (``pk__in`` a subquery) or by a field Wagtail indexes for search
(``path``, ``content_type``): a join on a many-to-many field would list a sheet once per chosen
topic, and Wagtail's search cannot narrow results by one, so searching the filtered list still works.
The review states are the dashboard's (``freshness``) and the open flags of ``ReviewFlag``.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.forms import CheckboxSelectMultiple
from django.utils.dateformat import format as format_date
from django_filters.filters import ModelMultipleChoiceFilter, MultipleChoiceFilter
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import PageTypeColumn, ParentPageColumn
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet, PageViewSet

from toolkit.sheets.models import DefinitionSheetPage, MethodSheetPage, SectionPage, SheetPage
from toolkit.taxonomy.models import Audience, Topic

from .freshness import DUE_SOON_DAYS, overdue_sheets, sheets_due_soon, today
from .models import Law, ReviewFlag

SHEET_KINDS = (DefinitionSheetPage, MethodSheetPage)
REVIEW_STATES = [
    ("overdue", "Overdue"),
    ("due_soon", f"Due in the next {DUE_SOON_DAYS} days"),
    ("flagged", "Flagged because a law changed"),
    ("fine", "Fine (none of these)"),
]


def review_conditions(on):
    """Each review state as a condition on sheets, on the day ``on``."""
    overdue = Q(pk__in=overdue_sheets(on).values("pk"))
    due_soon = Q(pk__in=sheets_due_soon(on).values("pk"))
    flagged = Q(pk__in=ReviewFlag.objects.open().values("sheet_id"))
    return {
        "overdue": overdue,
        "due_soon": due_soon,
        "flagged": flagged,
        "fine": ~(overdue | due_soon | flagged),
    }


class SectionFilter(ModelMultipleChoiceFilter):
    """Sheets in any of the chosen sections (a sheet's section is its parent page)."""

    def get_filter_predicate(self, v):
        return {"path__startswith": v.path}


class UsesAnyFilter(ModelMultipleChoiceFilter):
    """Sheets that use any of the chosen items through the sheet's field ``field_name``."""

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(pk__in=SheetPage.objects.filter(**{f"{self.field_name}__in": value}).values("pk"))


class KindFilter(MultipleChoiceFilter):
    """Definition sheets, Method sheets or both."""

    def filter(self, qs, value):
        if not value:
            return qs
        chosen = [kind for kind in SHEET_KINDS if kind.sheet_kind in value]
        return qs.filter(content_type__in=list(ContentType.objects.get_for_models(*chosen).values()))


class ReviewFilter(MultipleChoiceFilter):
    """Sheets in any of the chosen review states, as of today."""

    def filter(self, qs, value):
        if not value:
            return qs
        conditions = review_conditions(today())
        wanted = Q()
        for state in value:
            wanted |= conditions[state]
        return qs.filter(wanted)


class SheetFilterSet(PageFilterSet):
    kind = KindFilter(
        label="Kind",
        choices=[(kind.sheet_kind, kind.sheet_kind_label) for kind in SHEET_KINDS],
        widget=CheckboxSelectMultiple,
    )
    review = ReviewFilter(label="Review", choices=REVIEW_STATES, widget=CheckboxSelectMultiple)
    topics = UsesAnyFilter(label="Topic", queryset=Topic.objects.all(), widget=CheckboxSelectMultiple)
    audiences = UsesAnyFilter(
        label="Audience", queryset=Audience.objects.all(), widget=CheckboxSelectMultiple
    )
    cites = UsesAnyFilter(label="Law or policy", queryset=Law.objects.all(), widget=CheckboxSelectMultiple)

    # The sheets' own filters first; Wagtail's "Site" and "Has child pages" say nothing about a
    # sheet (one site, no child pages), so they are left out.
    first = ["section", "kind", "review", "topics", "audiences", "cites"]
    left_out = {"site", "has_child_pages"}

    class Meta:
        model = SheetPage
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = [name for name in self.first if name in self.filters]
        names += [name for name in self.filters if name not in names and name not in self.left_out]
        self.filters = {name: self.filters[name] for name in names}


class AllSheetsFilterSet(SheetFilterSet):
    """The flat list holds every section's sheets, so it can be narrowed to some of them."""

    section = SectionFilter(
        label="Section",
        queryset=SectionPage.objects.order_by("title"),
        widget=CheckboxSelectMultiple,
        distinct=False,
    )

    class Meta(SheetFilterSet.Meta):
        fields = []


def review_due_display(sheet):
    return format_date(sheet.review_due, "j M Y") if sheet.review_due else ""


REVIEW_DUE_COLUMN = Column(
    "review_due", label="Review due", accessor=review_due_display, sort_key="review_due"
)
KIND_COLUMN = PageTypeColumn(
    "type", label="Kind", accessor="page_type_display_name", sort_key="content_type__model"
)


def sheet_columns(columns):
    """Wagtail's page listing columns with "Review due" after "Updated", and "Kind" for "Type"."""
    listed = []
    for column in columns:
        listed.append(KIND_COLUMN if column.name == "type" else column)
        if column.name == "latest_revision_created_at":
            listed.append(REVIEW_DUE_COLUMN)
    return listed


class SheetPageViewSet(PageViewSet):
    """The explorer's list of a section's sheets (Wagtail picks it for any page, a section, whose
    children can only be sheets), and the sheets' other page views, which stay Wagtail's."""

    model = SheetPage
    # Named, as Wagtail finds parents that allow this model itself, and sections allow its two kinds.
    parent_models = [SectionPage]
    columns = sheet_columns(PageViewSet.columns)
    filterset_class = SheetFilterSet


class SheetListingViewSet(PageListingViewSet):
    """The "Sheets" menu item: every sheet in one list, to find the ones to work on."""

    model = SheetPage
    icon = "doc-full-inverse"
    menu_label = "Sheets"
    menu_order = 150
    add_to_admin_menu = True
    columns = sheet_columns(
        [*PageListingViewSet.columns[:2], ParentPageColumn("parent", label="Section"), KIND_COLUMN]
        + PageListingViewSet.columns[3:]
    )
    filterset_class = AllSheetsFilterSet


sheet_page_viewset = SheetPageViewSet("sheet_pages")
sheet_listing_viewset = SheetListingViewSet("sheet_listing", url_prefix="sheets")
