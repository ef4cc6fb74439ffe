"""The A to Z of every live sheet, for readers who know the name of what they want."""

from itertools import groupby

from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from .models import SheetPage


def first_letter(sheet):
    letter = sheet.title[:1].upper()
    return letter if letter.isalpha() else "#"


@require_GET
def a_to_z(request):
    sheets = SheetPage.objects.live().public().listing().order_by("title")
    letters = [
        {"letter": letter, "sheets": list(group)} for letter, group in groupby(sheets, key=first_letter)
    ]
    return TemplateResponse(request, "sheets/a_to_z.html", {"letters": letters})
