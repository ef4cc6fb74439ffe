"""The README keeps up with the code, as datasette's ``tests/test_docs.py`` keeps its docs honest:
every environment variable the settings read and every project setting the code reads is in the
README's Configuration section, and every management command of this project in its Commands
section. Found by reading the code (the settings modules' syntax tree, the commands' files), so a
new variable or command without a line in the README fails here, by name."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import global_settings

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()
SETTINGS_FILES = sorted((ROOT / "toolkit" / "settings").glob("*.py"))
# Settings of the libraries the project configures (their own docs describe them), not its own.
LIBRARY_PREFIXES = ("AXES_", "WAGTAIL", "POST_OFFICE", "OTP_", "AWS_", "SENTRY_", "CONTENT_SECURITY_POLICY")
OWN_SETTINGS_EXCEPT = {"CONTENT_SECURITY_POLICY_ADMIN", "CONTENT_SECURITY_POLICY_ADMIN_PREFIXES"}
OWN_SETTINGS_EXCEPT |= {"CONTENT_SECURITY_POLICY_PREVIEW"}  # the project's, despite the prefix
ENV_HELPERS = {"env_list", "env_bool"}  # toolkit/settings/base.py's readers of a variable


def section(heading):
    """The README's text under ``## heading``, up to the next heading of that level."""
    found = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", README, re.MULTILINE | re.DOTALL)
    assert found, f"README.md has no '## {heading}' section"
    return found[1]


def is_environ(node):
    return isinstance(node, ast.Attribute) and node.attr == "environ"


def environment_variables():
    """Every name ``toolkit/settings/*.py`` reads from the environment, with the file it is in."""
    names = {}
    for path in SETTINGS_FILES:
        for node in ast.walk(ast.parse(path.read_text())):
            name = None
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                func = node.func
                if (
                    (isinstance(func, ast.Attribute) and func.attr == "get" and is_environ(func.value))
                    or (isinstance(func, ast.Attribute) and func.attr == "getenv")
                    or (isinstance(func, ast.Name) and func.id in ENV_HELPERS)
                ):
                    name = node.args[0].value
            elif (
                isinstance(node, ast.Subscript)
                and is_environ(node.value)
                and isinstance(node.slice, ast.Constant)
            ):
                name = node.slice.value
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "config"
                and getattr(node.func.value, "id", "") == "dj_database_url"
            ):
                given = {k.arg: k.value for k in node.keywords}
                name = given["env"].value if "env" in given else "DATABASE_URL"  # dj-database-url's default
            elif isinstance(node, ast.FunctionDef) and node.name == "task_settings":
                name = "TASK_BACKEND"  # read inside task_settings(), a helper of its own
            if isinstance(name, str):
                names.setdefault(name, path.name)
    return sorted(names)


def project_settings():
    """Settings this project defines for itself and its code reads (``settings.X``), as opposed
    to Django's own and the libraries' (documented by them)."""
    defined = set()
    for path in SETTINGS_FILES:
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.Assign):
                defined |= {t.id for t in node.targets if isinstance(t, ast.Name) and t.id.isupper()}
    read = set()
    for path in (ROOT / "toolkit").rglob("*.py"):
        if "tests" in path.parts or "settings" in path.parts or "migrations" in path.parts:
            continue
        text = path.read_text()
        read |= set(re.findall(r"\bsettings\.([A-Z][A-Z0-9_]+)", text))
        read |= set(re.findall(r"getattr\(settings, \"([A-Z][A-Z0-9_]+)\"", text))
    return sorted(
        name
        for name in read & defined
        if not hasattr(global_settings, name)
        and (not name.startswith(LIBRARY_PREFIXES) or name in OWN_SETTINGS_EXCEPT)
    )


def management_commands():
    return sorted(
        path.stem
        for path in (ROOT / "toolkit").glob("*/management/commands/*.py")
        if not path.stem.startswith("_")
    )


def test_the_code_is_read_as_expected():
    """The readers above find what they should (or the parametrised tests would pass on nothing)."""
    assert {"DATABASE_URL", "SECRET_KEY", "TASK_BACKEND", "TWO_FACTOR_REQUIRED"} <= set(
        environment_variables()
    )
    assert {"TWO_FACTOR_REQUIRED", "PAGE_CACHE_QUERY_PARAMETERS"} <= set(project_settings())
    assert not {"DEBUG", "AXES_FAILURE_LIMIT", "WAGTAIL_SITE_NAME"} & set(project_settings())
    assert {"import_wordpress", "create_toolkit", "backup"} <= set(management_commands())


@pytest.mark.parametrize("name", environment_variables())
def test_every_environment_variable_is_in_the_configuration_section(name):
    assert f"`{name}`" in section("Configuration"), f"add `{name}` to README.md's Configuration table"


@pytest.mark.parametrize("name", project_settings())
def test_every_project_setting_is_in_the_configuration_section(name):
    assert f"`{name}`" in section("Configuration"), f"add `{name}` to README.md's Configuration section"


@pytest.mark.parametrize("name", management_commands())
def test_every_management_command_is_in_the_commands_section(name):
    assert re.search(rf"`(python )?manage\.py {name}\b", section("Commands")), (
        f"add `manage.py {name}` to README.md's Commands section"
    )
