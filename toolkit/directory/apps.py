from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "toolkit.directory"
    label = "directory"
    verbose_name = "Organisations that can help"
