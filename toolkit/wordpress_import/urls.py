from django.urls import re_path

from .uploads import old_upload

urlpatterns = [
    # WordPress kept uploads under <site>/wp-content/uploads/, the site sometimes in a folder.
    re_path(r"^(?:.+/)?wp-content/uploads/.+$", old_upload, name="wordpress_old_upload"),
]
