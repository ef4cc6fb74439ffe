"""Admin pages for two-factor authentication (see ``twofactor.py``)."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from .forms import CodeForm, PasswordAndCodeForm

DEVICE_NAME = "Authenticator app"
ENABLED_ACTION = "toolkit.two_factor.enabled"
DISABLED_ACTION = "toolkit.two_factor.disabled"


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def qr_code_svg(url):
    """The set-up address as an SVG QR code (made here, from our own data, so safe to inline)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308


def grouped(secret):
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def admin_page(request, template, status=200, **context):
    return TemplateResponse(request, template, context, status=status)


@never_cache
@sensitive_post_parameters("password", "code")
@require_http_methods(["GET", "POST"])
def setup(request):
    """Turn 2FA on (scan a code, type a code back) or, when it is on, show how to turn it off."""
    user = request.user
    device = confirmed_device(user)
    if device is not None:
        form = PasswordAndCodeForm(request=request, device=device)
        return admin_page(request, "security/two_factor_on.html", form=form, device=device)
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name=DEVICE_NAME, confirmed=False
    )
    form = PasswordAndCodeForm(request.POST or None, request=request, device=pending)
    if request.method == "POST" and form.is_valid():
        pending.confirmed = True
        pending.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        otp_login(request, pending)
        log(instance=user, action=ENABLED_ACTION, user=user)
        messages.success(
            request,
            "Two-factor authentication is on. You will need a code from your app each time you sign in.",
        )
        return redirect("two_factor_setup")
    secret = b32encode(pending.bin_key).decode("ascii")
    return admin_page(
        request,
        "security/two_factor_setup.html",
        status=400 if form.errors else 200,
        form=form,
        qr_code=qr_code_svg(pending.config_url),
        secret=grouped(secret),
    )


@never_cache
@sensitive_post_parameters("password", "code")
@require_http_methods(["POST"])
def turn_off(request):
    user = request.user
    device = confirmed_device(user)
    if device is None:
        return redirect("two_factor_setup")
    form = PasswordAndCodeForm(request.POST, request=request, device=device)
    if not form.is_valid():
        return admin_page(request, "security/two_factor_on.html", status=400, form=form, device=device)
    TOTPDevice.objects.filter(user=user).delete()
    log(instance=user, action=DISABLED_ACTION, user=user)
    messages.success(request, "Two-factor authentication is off.")
    return redirect("two_factor_setup")


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def verify(request):
    """After signing in: the code from the app, before any other admin page opens."""
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    next_url = next_url or reverse("wagtailadmin_home")
    if not user_has_device(user, confirmed=True) or user.is_verified():
        return redirect(next_url)
    device = confirmed_device(user)
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(next_url)
    return admin_page(
        request,
        "security/two_factor_verify.html",
        status=400 if form.errors else 200,
        form=form,
        next=next_url,
    )
