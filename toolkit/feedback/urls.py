from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("suggest/", views.suggest_sheet, name="suggest_sheet"),
    path("suggest/change/", views.suggest_change, name="suggest_change"),
    path("feedback/useful/", views.useful, name="useful"),
]
