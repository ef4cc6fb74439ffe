"""URL converters: ``<row_id:pk>`` for addresses that name a database row.

Django's ``<int:pk>`` takes any number of digits, and a number beyond 64 bits reaches the
database: SQLite's driver raises OverflowError (a 500), where the reader or editor only typed a
wrong address. A row id has at most 18 digits here (every primary key of the project fits), so
a longer one is simply no match: a 404.
"""

from django.urls import register_converter


class RowIdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


def register():
    register_converter(RowIdConverter, "row_id")
