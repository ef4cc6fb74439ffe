"""The fingerprint of how a PDF looks: every template, every stylesheet and WeasyPrint's version.

A PDF's cache key (a sheet's, a booklet's) holds it, so a deploy that changes how a PDF looks
makes new PDFs instead of serving old ones. It covers every file under every folder that Django's
template loaders search (the project's ``templates/`` and every installed app's), not a chosen
few: a sheet's PDF is the sheet's own template, which includes editorial, feedback, glossary and
printing templates, and any of them, or a template added later, may change. Likewise every
stylesheet the static files finders serve, since that is where the PDF's stylesheets come from
(``fetcher.py``).

Files change only with a deploy, and a deploy starts new processes, so it is worked out once per
process (about 700 files, a fraction of a second); ``render_fingerprint.cache_clear()`` starts
again.
"""

import hashlib
from functools import lru_cache
from pathlib import Path

import weasyprint
from django.contrib.staticfiles import finders
from django.template import engines


def template_files():
    """``(name, path)`` of every file in every template folder, in the loaders' order of folders.

    Names are relative to their folder (as templates are named), so the fingerprint is the same on
    every server whatever the path of its checkout.
    """
    folders = dict.fromkeys(Path(folder) for engine in engines.all() for folder in engine.template_dirs)
    return [
        (path.relative_to(folder).as_posix(), path)
        for folder in folders
        if folder.is_dir()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    ]


def stylesheet_files():
    """``(name, path)`` of every stylesheet the static files finders serve; for a name found twice,
    the one ``finders.find()`` (and so a PDF) would use."""
    found = {}
    for finder in finders.get_finders():
        for name, storage in finder.list([]):
            if name.endswith(".css"):
                found.setdefault(name, Path(storage.path(name)))
    return sorted(found.items())


@lru_cache(maxsize=1)
def render_fingerprint():
    """A short hash of every template and stylesheet (names and contents) and WeasyPrint's version."""
    digest = hashlib.sha256(f"weasyprint {weasyprint.__version__}".encode())
    for name, path in [*template_files(), *stylesheet_files()]:
        content = path.read_bytes()
        digest.update(f"\0{name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:12]
