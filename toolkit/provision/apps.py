from django.apps import AppConfig


class ProvisionConfig(AppConfig):
    """Making a new, empty toolkit: ``manage.py create_toolkit``."""

    name = "toolkit.provision"
    label = "provision"
    verbose_name = "New toolkit set-up"
