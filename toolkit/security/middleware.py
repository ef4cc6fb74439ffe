"""Response headers: a Content-Security-Policy per part of the site, and a Permissions-Policy.

Public pages get the strict policy in ``CONTENT_SECURITY_POLICY``: scripts and styles only from
our own files, no inline script, no inline style, no plugins, no framing by other sites. Wagtail's
admin still has a few inline scripts of its own (date pickers, inline panels), so paths under
``CONTENT_SECURITY_POLICY_ADMIN_PREFIXES`` get ``CONTENT_SECURITY_POLICY_ADMIN`` instead, which
allows those but keeps every other restriction.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        prefixes = tuple(getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN_PREFIXES", ()))
        if not report_only and parts.config is None and request.path_info.startswith(prefixes):
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
