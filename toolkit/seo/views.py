"""``robots.txt``: which parts of the site crawlers may skip, and where the sitemap is."""

from django.urls import reverse
from django.views.generic import TemplateView


class RobotsView(TemplateView):
    template_name = "seo/robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitemap_url"] = self.request.build_absolute_uri(reverse("seo:sitemap"))
        return context
