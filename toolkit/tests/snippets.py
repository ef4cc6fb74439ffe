"""The snippet models this project registers in the admin, for tests that visit each one."""

from wagtail.snippets.models import get_snippet_models


def project_snippet_models():
    """This project's snippet models (not Wagtail's or a library's), in a stable order."""
    return sorted(
        (model for model in get_snippet_models() if model.__module__.startswith("toolkit.")),
        key=lambda model: model._meta.label,
    )
