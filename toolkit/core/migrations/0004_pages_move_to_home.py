"""The home page and standard pages now belong to ``toolkit.home`` (they list what the apps above
core publish, so core could not hold them without importing those apps). Only Django's idea of
the models moves here; their tables and rows stay, and ``home.0001`` renames them and their
content types."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_header_logo_phase_banner_licence"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="HomePage"),
                migrations.DeleteModel(name="StandardPage"),
            ],
            database_operations=[],
        ),
    ]
