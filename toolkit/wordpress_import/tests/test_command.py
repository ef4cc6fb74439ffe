"""``manage.py import_wordpress``: flags, messages, exit codes, the report."""

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from toolkit.wordpress_import.models import ImportedItem

from .conftest import FIXTURES, THEME_DATA


def run(*args):
    out = StringIO()
    call_command("import_wordpress", *map(str, args), "--no-progress", stdout=out)
    return out.getvalue()


def refused(*args):
    with pytest.raises(CommandError) as caught:
        run(*args)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return caught.value.returncode, message


def test_prints_a_report_and_writes_json(home, tmp_path):
    report_file = tmp_path / "report.json"
    output = run(THEME_DATA, "--report", report_file)
    assert output.startswith(
        "Import finished: https://wpthemetestdata.wordpress.com\n  posts: 58 imported\n  pages: 21 imported\n"
    )
    assert "comments: 33 counted, none published" in output
    assert "sticky in WordPress (Wagtail has no sticky posts): Template: Sticky" in output
    assert "not imported (not posts or pages): 70 nav_menu_item" in output
    data = json.loads(report_file.read_text())
    assert data["totals"]["post"] == {"imported": 58}
    assert len(data["items"]) == 79 and all(item["url"] for item in data["items"])
    assert data["comments_not_published"] == 33


def test_dry_run_flag(home):
    output = run(THEME_DATA, "--dry-run")
    assert output.startswith("Dry run (nothing was written): ")
    assert not ImportedItem.objects.exists()


def test_mapping_file_is_used(home, tmp_path):
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("default_kind: method\npages: skip\n")
    output = run(THEME_DATA, "--mapping", mapping)
    assert "posts: 58 imported" in output and "pages: 21 skipped" in output
    assert "WordPress pages are skipped by the mapping file" in output


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["missing.xml"], 2, "missing.xml: cannot read the file (No such file or directory)"),
        ([FIXTURES / "xxe.xml"], 2, "xxe.xml: line 2: the file has a DOCTYPE declaration"),
        ([THEME_DATA, "--max-size", "0"], 2, "--max-size must be a positive number of megabytes"),
        ([THEME_DATA, "--media-dir", "/no/such/folder"], 2, "--media-dir /no/such/folder: no such folder"),
        (
            [THEME_DATA, "--media-dir", "/x" + "y" * 5000],
            2,
            "--media-dir /xyyy",
        ),  # name too long: a traceback
        (
            [THEME_DATA, "--report", "/no/such/folder/r.json"],
            2,
            "--report /no/such/folder/r.json: its folder does not exist",
        ),
    ],
)
def test_bad_input_gets_one_line_and_a_non_zero_exit(home, args, code, message):
    returncode, text = refused(*args)
    assert returncode == code
    assert text.startswith(message)


def test_size_limit_flag(home, tmp_path):
    big = tmp_path / "big.xml"
    big.write_bytes(THEME_DATA.read_bytes() * 2)
    returncode, text = refused(big, "--max-size", "1")
    assert returncode == 2 and text.startswith("big.xml: the file is 1.2 MB, over the 1 MB limit")


def test_bad_mapping_file(home, tmp_path):
    mapping = tmp_path / "m.yaml"
    mapping.write_text("sections: 3\n")
    assert refused(THEME_DATA, "--mapping", mapping) == (
        2,
        f"{mapping}: sections must map category slugs to section slugs",
    )


def test_truncated_and_not_xml_files(home, tmp_path):
    cut = tmp_path / "cut.xml"
    cut.write_bytes(THEME_DATA.read_bytes()[:300_000])
    code, text = refused(cut)
    assert code == 2 and text.startswith("cut.xml: line ") and "looks truncated" in text
    word = tmp_path / "export.xml"
    word.write_bytes(b"PK\x03\x04 this is a zip file")
    assert refused(word) == (2, "export.xml: line 1: not XML (not well-formed (invalid token), column 2)")


NO_TOOLKIT = (
    "Nothing imported: this site has no toolkit to import into yet: run "
    "`python manage.py create_toolkit --name NAME --address https://...` first"
)


def test_no_site_is_a_clear_error(db, tmp_path):
    from wagtail.models import Site

    Site.objects.all().delete()
    assert refused(THEME_DATA) == (2, NO_TOOLKIT)


def test_a_site_made_by_migrate_alone_is_told_which_command_to_run_and_nothing_is_written(migrated):
    from wagtail.models import Page

    from toolkit.wordpress_import.models import ImportedItem

    pages = Page.objects.count()
    assert refused(THEME_DATA) == (2, NO_TOOLKIT)
    assert Page.objects.count() == pages and not ImportedItem.objects.exists()


def test_real_process_exit_code_and_no_traceback(tmp_path):
    """Run as a person would; a file that is not an export ends with status 2 and one line."""
    bad = tmp_path / "notes.xml"
    bad.write_text("just some notes\n")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "toolkit.settings.test"),
    }
    result = subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "import_wordpress", str(bad), "--no-progress"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "CommandError: notes.xml: line 1: not XML (syntax error, column 0)"
    assert "Traceback" not in result.stderr + result.stdout
