"""Admin wiring for two-factor authentication: its pages and a link under Account."""

from django.urls import path, reverse
from wagtail import hooks

from . import views


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
