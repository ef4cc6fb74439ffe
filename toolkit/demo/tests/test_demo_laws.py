"""Demo laws are loaded once, cited by the sheets named in the file, and bad slugs are refused."""

import pytest

from toolkit.demo.files import DemoContentError
from toolkit.demo.laws import load_laws
from toolkit.editorial.models import Law
from toolkit.provision.builder import Report
from toolkit.sheets.models import SheetPage

pytestmark = pytest.mark.django_db

LAWS = """
- name: Localism Act 2011
  kind: act
  url: https://www.legislation.gov.uk/ukpga/2011/20/contents
  cited_by: [neighbourhood-plan, neighbourhood-forum]
"""


def test_laws_are_cited_by_their_sheets_and_a_second_run_changes_nothing(site, tmp_path):
    path = tmp_path / "laws.yaml"
    path.write_text(LAWS, encoding="utf-8")
    load_laws(path, Report())
    law = Law.objects.get(name="Localism Act 2011")
    sheet = SheetPage.objects.get(pk=site.definition.pk)
    assert set(law.citing_sheets.values_list("slug", flat=True)) == {
        "neighbourhood-plan",
        "neighbourhood-forum",
    }
    assert law in sheet.get_latest_revision_as_object().cites.all()  # in the revision an editor edits
    revisions = sheet.revisions.count()
    report = Report()
    load_laws(path, report)
    assert report.kept == {"law or policy": 1} and sheet.revisions.count() == revisions


def test_a_law_citing_an_unknown_sheet_is_refused(site, tmp_path):
    path = tmp_path / "laws.yaml"
    path.write_text(LAWS.replace("neighbourhood-forum", "no-such-sheet"), encoding="utf-8")
    with pytest.raises(DemoContentError, match="no-such-sheet"):
        load_laws(path, Report())


def test_the_demo_laws_file_names_only_real_sheets_and_official_addresses():
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parents[2] / "demo" / "content"
    slugs = {path.stem for path in (root / "sheets").glob("*.yaml")}
    rows = yaml.safe_load((root / "laws.yaml").read_text(encoding="utf-8"))
    names = {row["name"] for row in rows}
    assert {
        "Localism Act 2011",
        "Community Infrastructure Levy Regulations 2010",
        "Licensing Act 2003",
    } <= names
    for row in rows:
        assert row["url"].startswith(("https://www.legislation.gov.uk/", "https://www.gov.uk/")), row["name"]
        assert set(row["cited_by"]) <= slugs, row["name"]
