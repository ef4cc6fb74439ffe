"""django-axes glue: the client address and the page a locked-out person sees."""

from django.conf import settings
from django.template.response import TemplateResponse

from toolkit.core.ratelimit import client_address


def client_ip(request):
    """The same client address the site's rate limits use (``CLIENT_IP_HEADER`` behind a proxy)."""
    return client_address(request) or None


def lockout_response(request, original_response, credentials):
    """429 and a page in the site's design that says how long to wait."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = TemplateResponse(
        request,
        "security/locked_out.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": seconds // 60},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response.render()
