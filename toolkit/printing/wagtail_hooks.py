"""A sheet's ``print/`` and ``email/`` addresses, served by printing under every sheet
(``toolkit.sheets.routes`` explains why the sheet does not name these views itself)."""

from django.urls import path
from wagtail import hooks

from toolkit.sheets.routes import HOOK_NAME

from .views import sheet_email, sheet_print


def print_route(sheet, request):
    return sheet_print(request, sheet)


def email_route(sheet, request):
    return sheet_email(request, sheet)


@hooks.register(HOOK_NAME)
def sheet_routes():
    return [path("print/", print_route, name="print"), path("email/", email_route, name="email")]
