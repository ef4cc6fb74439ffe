from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from toolkit.core import media
from toolkit.security import limits
from toolkit.sheets import views as sheet_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before Wagtail's own views at these addresses: the same views, with attempt limits.
    path(
        "admin/password_reset/", limits.LimitedPasswordResetView.as_view(), name="wagtailadmin_password_reset"
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        limits.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", include("toolkit.search.urls")),
    path("", include("toolkit.feedback.urls")),  # /suggest/, /suggest/change/, /feedback/useful/
    path("", include("toolkit.seo.urls")),  # sitemap.xml, robots.txt, feeds/
    path("", include("toolkit.printing.urls")),  # /pack/ and the .pdf of a page
    path("a-z/", sheet_views.a_to_z, name="a_to_z"),
    path("", include("toolkit.wordpress_import.urls")),  # old /wp-content/uploads/ addresses
]

if settings.SERVE_MEDIA and media.media_is_local():  # nginx serves /media/ itself when it is in front
    urlpatterns += [re_path(r"^media/(?P<path>.+)$", media.serve_image, name="media")]

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "toolkit.core.views.server_error"
