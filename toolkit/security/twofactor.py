"""Two-factor authentication for the admin: TOTP codes from an authenticator app, with django-otp.

Available to every admin user (Account → More actions → "Two-factor authentication"). A user who
has set it up must enter a code from the app after signing in before any other admin page opens.
``TWO_FACTOR_REQUIRED`` (env ``TWO_FACTOR_REQUIRED=true``) makes it compulsory: an admin user
without an app is sent to set one up first.

Why not a package: wagtail-2fa 1.8.0 (the latest) cannot start on Wagtail 8, whose
``wagtail.users.widgets`` module it imports is gone; django-two-factor-auth 1.18.1 runs on Django
5.2 but is a separate login wizard with its own unstyled pages, leaving Wagtail's own sign-in page
as a way round it. django-otp does the hard parts (secrets, code checks with throttling, marking
a session as verified); this module and ``views.py`` only wire it into Wagtail's admin.
"""

import django_otp
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django_otp.middleware import OTPMiddleware

# Pages an admin user may open before entering a code.
ALWAYS_OPEN = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
}
OPEN_WITHOUT_DEVICE = {"two_factor_setup"}


def is_admin_user(user):
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def needs_admin_gate(path):
    return path.startswith(tuple(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIXES))


def lacks_second_factor(user):
    """Signed in with the password only, where a code is needed: required for all, or set up.

    Such a session counts as anonymous for pages restricted to signed-in users or groups, or the
    password alone (without the phone) would read what two-factor authentication protects.
    """
    if not user.is_authenticated or user.is_verified():
        return False
    return settings.TWO_FACTOR_REQUIRED or django_otp.user_has_device(user, confirmed=True)


def second_factor_redirect(request):
    """To the code page and back, or to setting up an app first when the user has none."""
    if not django_otp.user_has_device(request.user, confirmed=True):
        return redirect("two_factor_setup")
    return redirect_to_login(request.get_full_path(), login_url=reverse("two_factor_verify"))


class TwoFactorMiddleware:
    """django-otp's middleware (``request.user.is_verified()``) plus the admin's gate.

    It wraps django-otp's ``OTPMiddleware`` as Django chains any middleware, so the gate runs
    after django-otp has installed ``is_verified()`` and before the view, through django-otp's
    public interface only. (It used to subclass it and call the private
    ``_install_lazy_accessors()``; django-otp's private middleware interface changed in 1.7.0,
    which broke middlewares built that way, e.g. Weblate's, WeblateOrg/weblate#17548.)
    """

    sync_capable = True
    async_capable = False

    def __init__(self, get_response):
        self.get_response = get_response
        self.otp = OTPMiddleware(self.gated)

    def __call__(self, request):
        return self.otp(request)

    def gated(self, request):
        return self.gate(request) or self.get_response(request)

    def gate(self, request):
        if not needs_admin_gate(request.path_info):
            return None
        user = request.user
        if not user.is_authenticated or not is_admin_user(user):
            return None
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            return None
        if url_name in ALWAYS_OPEN:
            return None
        has_device = django_otp.user_has_device(user, confirmed=True)
        if has_device and not user.is_verified():
            return redirect_to_login(request.get_full_path(), login_url=reverse("two_factor_verify"))
        if not has_device and settings.TWO_FACTOR_REQUIRED and url_name not in OPEN_WITHOUT_DEVICE:
            return redirect("two_factor_setup")
        return None
