"""Response headers: a Content-Security-Policy per part of the site, and a Permissions-Policy.

Public pages get the strict policy in ``CONTENT_SECURITY_POLICY``: scripts and styles only from
our own files, no inline script, no inline style, no plugins, no framing by other sites. Wagtail's
admin still has a few inline scripts of its own (date pickers, inline panels), so paths under
``CONTENT_SECURITY_POLICY_ADMIN_PREFIXES`` get ``CONTENT_SECURITY_POLICY_ADMIN`` instead, which
allows those but keeps every other restriction.

A page previewed in the editor is rendered by Wagtail through the middleware again, as a
"dummy" request for the page's public address, and shown in a frame of the admin: it gets the
public policy with ``CONTENT_SECURITY_POLICY_PREVIEW``'s framing rule (this site only), since
the public "no framing at all" would leave the preview, and Wagtail's checks of it, blank.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        prefixes = tuple(getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN_PREFIXES", ()))
        if report_only or parts.config is not None:
            return parts
        if getattr(request, "is_dummy", False):  # set by Wagtail's make_preview_request
            parts.config = settings.CONTENT_SECURITY_POLICY_PREVIEW["DIRECTIVES"]
        elif request.path_info.startswith(prefixes):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts


class PermissionsPolicyMiddleware:
    """Turn off browser features the site never uses, for our pages and anything they embed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response
