"""Wiring for two-factor authentication: its admin pages, a link under Account, and the gate on
pages that only signed-in users may read."""

from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from wagtail import hooks
from wagtail.models import PageViewRestriction

from . import views
from .twofactor import lacks_second_factor, second_factor_redirect

SIGNED_IN_ONLY = {PageViewRestriction.LOGIN, PageViewRestriction.GROUPS}


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", views.setup, name="two_factor_setup"),
        path("two-factor/turn-off/", views.turn_off, name="two_factor_turn_off"),
        path("two-factor/verify/", views.verify, name="two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": "Two-factor authentication",
        "help_text": "Ask for a code from an app on your phone each time you sign in.",
    }


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    actions.register_action(views.ENABLED_ACTION, "Turn on 2FA", "Two-factor authentication turned on")
    actions.register_action(views.DISABLED_ACTION, "Turn off 2FA", "Two-factor authentication turned off")


@hooks.register("before_serve_page", order=-10)
def second_factor_for_restricted_pages(page, request, serve_args, serve_kwargs):
    """A page for signed-in users (or groups) asks for the code first, as the admin does."""
    if not lacks_second_factor(request.user):
        return None
    if not any(r.restriction_type in SIGNED_IN_ONLY for r in page.get_view_restrictions()):
        return None
    response = second_factor_redirect(request)
    add_never_cache_headers(response)
    return response
