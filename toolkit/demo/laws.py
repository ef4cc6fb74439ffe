"""Demo laws and policies (``demo/content/laws.yaml``), each cited by the demo sheets it names.

Called by the demo loader inside its transaction. Laws are looked up by name, and sheets gain
citations only from laws created in this run, so a second run changes nothing.
"""

from collections import defaultdict

from toolkit.editorial.models import Law
from toolkit.sheets.models import SheetPage

from .files import DemoContentError, read_demo_yaml


def load_laws(path, report):
    if not path.exists():
        return
    sheets = {page.slug: page for page in SheetPage.objects.specific()}
    citing = defaultdict(list)
    for row in read_demo_yaml(path) or []:
        try:
            law, created = Law.objects.get_or_create(
                name=row["name"], defaults={"kind": row["kind"], "url": row["url"]}
            )
            missing = [slug for slug in row.get("cited_by") or [] if slug not in sheets]
        except (KeyError, TypeError) as error:
            raise DemoContentError(f"{path.name}: {row!r:.80}: bad or missing {error}") from error
        if missing:
            raise DemoContentError(f"{path.name}: {row['name']}: no sheet with slug {', '.join(missing)}")
        report.count("law or policy", created)
        if created:
            for slug in row.get("cited_by") or []:
                citing[slug].append(law)
    for slug, laws in citing.items():
        sheet = sheets[slug]
        sheet.cites.add(*laws)
        sheet.save_revision().publish()
