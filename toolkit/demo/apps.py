from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "toolkit.demo"
    label = "demo"
    verbose_name = "Demo toolkit"
