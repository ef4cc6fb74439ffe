"""One backup file holds everything a toolkit needs to come back: the database and the uploads.

``toolkit-YYYYMMDD-HHMMSS.tar.gz`` contains ``manifest.json`` (what is inside, and from which
database engine), ``database.pgdump`` (``pg_dump``'s custom format) or ``database.sqlite3`` (an
online copy through SQLite's backup API, consistent while the site runs), and ``media/`` (uploaded
images and documents; made booklets are left out, they are made again when asked for). With S3
storage the uploads stay in the bucket (keep its versioning on) and only the database is saved.

A backup is written to a temporary name and renamed when complete, so a half-written file never
looks like a backup. A restore goes onto an empty database (a new server), never over a live one
unless told to.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection, connections

from toolkit.core.cache import CONTENT, GLOSSARY, bump

FORMAT = 1
SKIPPED_MEDIA = ("booklets",)
MANIFEST = "manifest.json"


class BackupError(Exception):
    """The backup or restore cannot be done; the message says why in one line."""


def engine():
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"backups support PostgreSQL and SQLite, not {vendor}")
    return vendor


def postgres_environment():
    """libpq's variables for the default database (so no password is on a command line)."""
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    env |= {
        "PGHOST": db.get("HOST") or "localhost",
        "PGPORT": str(db.get("PORT") or 5432),
        "PGUSER": db.get("USER") or "",
        "PGDATABASE": db["NAME"],
    }
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def run(command, env=None):
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603 - our own pg_dump/pg_restore
    if result.returncode != 0:
        message = " ".join((result.stderr or result.stdout).split())[:300]
        raise BackupError(f"{command[0]} failed: {message}")


def copy_sqlite(source_path, target_path):
    """Copy one SQLite database onto another through SQLite's backup API (consistent while the
    source is in use, which a file copy is not)."""
    source = sqlite3.connect(source_path)
    target = sqlite3.connect(target_path)
    try:
        with target:
            source.backup(target)
    finally:
        target.close()
        source.close()


def dump_database(folder):
    if engine() == "postgresql":
        target = folder / "database.pgdump"
        run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target)],
            postgres_environment(),
        )
    else:
        target = folder / "database.sqlite3"
        copy_sqlite(settings.DATABASES["default"]["NAME"], target)
    return target.name


def media_root():
    """The uploads folder, or None when uploads live elsewhere (S3)."""
    if isinstance(default_storage, FileSystemStorage):
        return Path(default_storage.location)
    return None


def make_backup(folder, now=None):
    """Write a backup into ``folder``; the path of the finished file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.datetime.now()).strftime("%Y%m%d-%H%M%S")
    final = folder / f"toolkit-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="toolkit-backup-") as scratch:
        scratch = Path(scratch)
        database_file = dump_database(scratch)
        media = media_root()
        manifest = {
            "format": FORMAT,
            "engine": engine(),
            "database": database_file,
            "media": bool(media and media.is_dir()),
            "made": stamp,
        }
        (scratch / MANIFEST).write_text(json.dumps(manifest, indent=2))
        partial = folder / f".{final.name}.partial"
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(scratch / MANIFEST, MANIFEST)
            archive.add(scratch / database_file, database_file)
            if manifest["media"]:
                archive.add(media, "media", filter=lambda info: None if skipped(info.name) else info)
        os.replace(partial, final)
    return final


def skipped(name):
    parts = Path(name).parts
    return len(parts) > 1 and parts[1] in SKIPPED_MEDIA


def keep_newest(folder, keep):
    """Delete all but the newest ``keep`` backups in ``folder``; the names deleted."""
    backups = sorted(Path(folder).glob("toolkit-*.tar.gz"))
    old = backups[:-keep] if keep else []
    for path in old:
        path.unlink()
    return [path.name for path in old]


def database_is_empty():
    """True when the database has none of the toolkit's tables (a new, empty database)."""
    return "wagtailcore_page" not in connection.introspection.table_names()


def restore_backup(path, replace=False):
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    if not replace and not database_is_empty():
        raise BackupError(
            "the database is not empty: restore onto a new, empty database, or add --replace to overwrite it"
        )
    with tempfile.TemporaryDirectory(prefix="toolkit-restore-") as scratch:
        scratch = Path(scratch)
        try:
            with tarfile.open(path, "r:gz") as archive:
                archive.extractall(scratch, filter="data")  # no absolute paths, links out or devices
        except (tarfile.TarError, OSError, EOFError) as error:
            raise BackupError(f"{path.name} is not a toolkit backup ({error})") from error
        try:
            manifest = json.loads((scratch / MANIFEST).read_text())
        except (OSError, ValueError) as error:
            raise BackupError(f"{path.name} has no readable manifest: it is not a toolkit backup") from error
        if manifest.get("format") != FORMAT or manifest.get("engine") != engine():
            raise BackupError(f"{path.name} is a {manifest.get('engine')} backup; this site uses {engine()}")
        restore_database(scratch / manifest["database"], replace)
        if manifest.get("media") and media_root() is not None:
            restore_media(scratch / "media")
    forget_what_caches_hold()
    return manifest


def forget_what_caches_hold():
    """Every cache (fragments, whole pages, the front cache) describes the site as it was before
    the restore, and the page cache's generation lives in Redis, not in the backup: start anew."""
    bump(CONTENT)
    bump(GLOSSARY)


def restore_database(dump, replace):
    connections.close_all()
    if engine() == "postgresql":
        command = [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            "--dbname",
            settings.DATABASES["default"]["NAME"],
        ]
        if replace:
            command += ["--clean", "--if-exists"]
        run([*command, str(dump)], postgres_environment())
    else:
        copy_sqlite(dump, settings.DATABASES["default"]["NAME"])


def restore_media(folder):
    target = media_root()
    target.mkdir(parents=True, exist_ok=True)
    for item in folder.iterdir():
        destination = target / item.name
        if item.is_dir():
            shutil.copytree(item, destination, dirs_exist_ok=True)
        else:
            shutil.copy2(item, destination)
