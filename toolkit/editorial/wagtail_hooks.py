"""Admin wiring: the laws and policies list, its "Mark as changed" action and the review panel."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .freshness import LAW_CHANGED_ACTION
from .models import Law
from .panels import ReviewDuePanel
from .views import MarkLawChangedView


class LawIndexView(IndexView):
    mark_changed_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("editorial.change_law"):
            buttons.append(
                MenuItem(
                    "Mark as changed",
                    url=reverse(self.mark_changed_url_name, args=[instance.pk]),
                    icon_name="warning",
                    priority=15,
                )
            )
        return buttons


class LawViewSet(SnippetViewSet):
    model = Law
    icon = "doc-full"
    menu_label = "Laws and policies"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "kind", "changed_on"]
    list_filter = ["kind"]
    search_fields = ["name"]
    search_backend_name = None
    index_view_class = LawIndexView

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            mark_changed_url_name=self.get_url_name("mark_changed"), **kwargs
        )

    @property
    def mark_changed_view(self):
        return MarkLawChangedView.as_view(index_url_name=self.get_url_name("list"))

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("changed/<int:pk>/", self.mark_changed_view, name="mark_changed"),
        ]


register_snippet(LawViewSet)


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    panels.append(ReviewDuePanel())


@hooks.register("register_log_actions")
def register_law_changed_action(actions):
    actions.register_action(LAW_CHANGED_ACTION, "Mark as changed", "Marked as changed; citing sheets flagged")
