from django.apps import AppConfig


class BackupsConfig(AppConfig):
    """``manage.py backup`` and ``manage.py restore``: the database and uploads in one file."""

    name = "toolkit.backups"
    label = "backups"
    verbose_name = "Backups"
