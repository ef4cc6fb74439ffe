"""Attempt limits on the ways in that Wagtail leaves open: page passwords and password-reset emails.

A page password is a shared secret with no account behind it, so django-axes does not watch it:
without a limit anyone can guess it as fast as they can post. Password-reset emails go to real
people: without a limit anyone can flood an editor's inbox from the admin's "Forgotten password?"
page. Both count with the site's own rate limits (``toolkit.core.ratelimit``), per client address
and, for reset emails, per address written in the form (counted whether or not it has an account,
so the limit tells nobody which addresses do).
"""

from wagtail.admin.views.account import PasswordResetView
from wagtail.views import authenticate_with_password

from toolkit.core.ratelimit import client_address, mailbox_identity, over_limit, too_many

PAGE_PASSWORD_TRIES = (10, 3600)  # ten tries an hour at one page's password from one client
RESETS_PER_CLIENT = (5, 3600)  # five reset emails an hour asked for from one client
RESETS_PER_ADDRESS = (3, 24 * 3600)  # three reset emails a day to one address


def page_password(request, page_view_restriction_id, page_id):
    """Wagtail's page password form, with a limit per client and page on posted guesses."""
    if request.method == "POST":
        who = f"{client_address(request)} {page_id}"
        if over_limit("page-password", who, *PAGE_PASSWORD_TRIES):
            return too_many(request, PAGE_PASSWORD_TRIES)
    return authenticate_with_password(request, page_view_restriction_id, page_id)


class LimitedPasswordResetView(PasswordResetView):
    """Wagtail's "Forgotten password?" page, sending at most a few emails per client and address."""

    def form_valid(self, form):
        if over_limit("reset-client", client_address(self.request), *RESETS_PER_CLIENT):
            return too_many(self.request, RESETS_PER_CLIENT)
        if over_limit("reset-address", mailbox_identity(form.cleaned_data["email"]), *RESETS_PER_ADDRESS):
            return too_many(self.request, RESETS_PER_ADDRESS)
        return super().form_valid(form)
