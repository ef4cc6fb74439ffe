"""A management command of the project refuses a wrong argument in one line, on the command line
and under ``call_command``; every command of the project is built on that base."""

import subprocess
import sys

import pytest
from django.core.management import call_command, get_commands, load_command_class
from django.core.management.base import CommandError

from toolkit.core.management.base import ToolkitCommand
from toolkit.tests.servers import ROOT


def manage(*arguments):
    return subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, capture_output=True, text=True)


def test_a_wrong_argument_is_one_line_and_exit_code_2():
    done = manage("purge_suggestion_emails", "--no-such-option")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "manage.py purge_suggestion_emails: error: unrecognized arguments: --no-such-option"
        " (--help lists the options)"
    ]


def test_help_still_lists_the_options():
    done = manage("purge_suggestion_emails", "--help")
    assert done.returncode == 0 and "usage: manage.py purge_suggestion_emails" in done.stdout
    assert "--days" in done.stdout


def test_under_call_command_a_wrong_argument_is_a_command_error():
    with pytest.raises(CommandError, match="^Error: argument --days: expected one argument$"):
        call_command("purge_suggestion_emails", "--days")


def test_every_command_of_the_project_is_a_toolkit_command():
    ours = {name: app for name, app in get_commands().items() if app.startswith("toolkit.")}
    assert len(ours) >= 13
    for name, app in ours.items():
        assert isinstance(load_command_class(app, name), ToolkitCommand), name
