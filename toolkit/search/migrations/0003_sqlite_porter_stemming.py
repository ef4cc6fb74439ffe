"""Give SQLite's full-text index English stemming, as PostgreSQL's has.

Wagtail creates its SQLite FTS5 table with the default tokenizer, which matches only exact words:
"planning" would not find "plan". This rebuilds the table with the Porter stemmer and copies the
indexed text across. It does nothing on other databases.
"""

from django.db import migrations

TOKENIZER = "porter unicode61 remove_diacritics 2"


def fts_table(apps):
    return apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table + "_fts"


def rebuild(apps, schema_editor, tokenizer):
    if schema_editor.connection.vendor != "sqlite":
        return
    table = fts_table(apps)
    source = table.removesuffix("_fts")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type='table' AND name=%s", [table])
        if cursor.fetchone() is None:
            return  # SQLite without FTS5: Wagtail falls back to its plain database search
        cursor.execute(f"DROP TABLE {table}")
        options = f", tokenize='{tokenizer}'" if tokenizer else ""
        cursor.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(autocomplete, body, title{options})")
        cursor.execute(
            f"INSERT INTO {table}(rowid, title, body, autocomplete) "  # noqa: S608 - table names, not input
            f"SELECT id, title, body, autocomplete FROM {source}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("toolkit_search", "0002_seed_synonyms"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]
    operations = [
        migrations.RunPython(
            lambda apps, editor: rebuild(apps, editor, TOKENIZER),
            lambda apps, editor: rebuild(apps, editor, ""),
        )
    ]
