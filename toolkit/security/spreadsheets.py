"""Spreadsheet exports that cannot run formulas.

Text the public wrote (a feedback comment, a suggestion) goes into CSV exports that editors open
in Excel or LibreOffice. A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read there as a formula ("CSV injection"), so such cells get a leading apostrophe, which
spreadsheets show as plain text. (Wagtail already does this for XLSX exports.)
"""

from django.utils.encoding import force_str
from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    text = force_str(value, strings_only=True)
    if isinstance(text, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class SafeSpreadsheetExportMixin:
    """Put before a Wagtail listing view that has ``list_export``: every text cell is made safe."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        str: {SpreadsheetExportMixin.FORMAT_CSV: spreadsheet_safe},
    }
