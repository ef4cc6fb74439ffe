"""CSV cells that a spreadsheet would run as formulas are made plain text (no database)."""

import pytest

from toolkit.security.spreadsheets import spreadsheet_safe


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("Fine text", "Fine text"),
        (42, 42),
        (None, None),
    ],
)
def test_spreadsheet_safe(value, safe):
    assert spreadsheet_safe(value) == safe
