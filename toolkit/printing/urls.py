from django.urls import path, re_path

from . import views

app_name = "printing"
urlpatterns = [
    path("pack/", views.pack_view, name="pack"),
    path("pack/add/", views.pack_add, name="pack_add"),
    path("pack/change/", views.pack_change, name="pack_change"),
    path("pack/title/", views.pack_title, name="pack_title"),
    path("pack/booklet.pdf", views.pack_booklet, name="pack_booklet"),
    # A page's PDF sits at its address with ".pdf" in place of the last slash.
    re_path(r"^(?P<path>(?:[-\w]+/)*[-\w]+)\.pdf$", views.page_pdf, name="page_pdf"),
]
