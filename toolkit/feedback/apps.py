from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "toolkit.feedback"
    label = "feedback"
    verbose_name = "Contact and feedback"
