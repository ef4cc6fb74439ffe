"""The fuzz suite knows every public address: a new URL pattern, page type, page route or
management command fails here until it is added to what the suite drives."""

from django.core.management import get_commands

from .commands import HOSTILE_ARGUMENTS
from .targets import ADDRESSES, PAGE_ROUTES, PAGE_TYPES, project_page_types, project_routes, public_patterns


def test_every_public_url_pattern_is_fuzzed():
    assert public_patterns() - set(ADDRESSES) == set(), "add the new address to fuzz/targets.py"
    assert set(ADDRESSES) - public_patterns() == set(), "an address in fuzz/targets.py has gone"


def test_every_page_type_is_fuzzed():
    assert project_page_types() == set(PAGE_TYPES), "add the page type to fuzz/targets.py"


def test_every_page_route_is_fuzzed():
    assert project_routes() == {name: set(routes) for name, routes in PAGE_ROUTES.items()}


def test_every_management_command_of_the_project_is_fuzzed():
    ours = {name for name, app in get_commands().items() if app.startswith("toolkit.")}
    assert ours == set(HOSTILE_ARGUMENTS), "add the command's hostile arguments to fuzz/commands.py"
