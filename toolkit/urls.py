from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from toolkit.sheets import views as sheet_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", include("toolkit.search.urls")),
    path("", include("toolkit.feedback.urls")),  # /suggest/, /suggest/change/, /feedback/useful/
    path("", include("toolkit.glossary.urls")),  # sitemap.xml, robots.txt, feeds/
    path("", include("toolkit.printing.urls")),  # /pack/ and the .pdf of a page
    path("a-z/", sheet_views.a_to_z, name="a_to_z"),
    path("", include("toolkit.wordpress_import.urls")),  # old /wp-content/uploads/ addresses
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
