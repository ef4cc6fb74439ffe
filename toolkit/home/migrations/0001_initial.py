"""The home page and standard pages, moved here from ``toolkit.core`` with their rows.

Django's idea of the two models moves (``core.0004`` forgets them); the tables are renamed from
``core_*`` to ``home_*``, and the two content type rows change their app label, so every existing
page, revision and permission keeps pointing at the same row and the home page stays live."""

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MODELS = ("homepage", "standardpage")
OLD_TABLES = {name: f"core_{name}" for name in MODELS}


def relabel_content_types(old, new):
    def relabel(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Page = apps.get_model("wagtailcore", "Page")
        for name in MODELS:
            moved = ContentType.objects.filter(app_label=old, model=name).first()
            if moved is None:  # a new database: Django makes the content types after migrating
                continue
            existing = ContentType.objects.filter(app_label=new, model=name).first()
            if existing is None:
                moved.app_label = new
                moved.save(update_fields=["app_label"])
            else:  # made already (a run that stopped half way): the pages move to it
                Page.objects.filter(content_type=moved).update(content_type=existing)
                moved.delete()
        ContentType.objects.clear_cache()

    return relabel


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("core", "0004_pages_move_to_home"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HomePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.CharField(help_text='One sentence saying what the toolkit is.', max_length=300)),
                    ],
                    options={
                        'abstract': False,
                        'db_table': OLD_TABLES['homepage'],
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='StandardPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True)),
                        ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('callout', 4), ('image', 8)], blank=True, block_lookup={0: ('toolkit.core.blocks.HeadingBlock', (), {}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3'], 'icon': 'pilcrow', 'template': 'blocks/paragraph_block.html'}), 2: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('tip', 'Tip'), ('warning', 'Watch out'), ('info', 'Good to know')]}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link']}), 4: ('wagtail.blocks.StructBlock', [[('kind', 2), ('text', 3)]], {}), 5: ('wagtail.images.blocks.ImageChooserBlock', (), {}), 6: ('wagtail.blocks.CharBlock', (), {'help_text': 'Describe the image for people who cannot see it. Leave empty only if it is decoration.', 'max_length': 250, 'required': False}), 7: ('wagtail.blocks.CharBlock', (), {'max_length': 250, 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('image', 5), ('alt_text', 6), ('caption', 7)]], {})})),
                    ],
                    options={
                        'abstract': False,
                        'db_table': OLD_TABLES['standardpage'],
                    },
                    bases=('wagtailcore.page',),
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="homepage", table=None),
        migrations.AlterModelTable(name="standardpage", table=None),
        migrations.RunPython(relabel_content_types("core", "home"), relabel_content_types("home", "core")),
    ]
