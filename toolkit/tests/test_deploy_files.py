"""The files in deploy/ that a council installs name only things that exist: every systemd unit
runs a real management command with options it accepts, every timer starts a unit that is there,
and every setting in the example environment file is documented in the README."""

import re
import shlex
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

ROOT = Path(__file__).resolve().parents[2]
SYSTEMD = ROOT / "deploy" / "systemd"


def exec_lines():
    for unit in sorted(SYSTEMD.glob("*.service")):
        for line in unit.read_text().splitlines():
            if line.startswith("ExecStart="):
                yield unit.name, shlex.split(line.removeprefix("ExecStart="))


MANAGE_COMMANDS = [(unit, words) for unit, words in exec_lines() if "manage.py" in words]


def test_every_unit_is_found_and_runs_from_the_installed_code():
    assert len(MANAGE_COMMANDS) >= 7
    for unit, words in exec_lines():
        assert words[0].startswith("/srv/toolkit/.venv/bin/"), unit


@pytest.mark.parametrize(
    ("unit", "words"),
    MANAGE_COMMANDS,
    ids=[" ".join(words[words.index("manage.py") + 1 :]) for _, words in MANAGE_COMMANDS],
)
def test_each_unit_runs_a_real_command_with_options_it_accepts(unit, words, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # as in production
    name, *options = words[words.index("manage.py") + 1 :]
    commands = get_commands()
    assert name in commands, f"{unit}: no manage.py {name}"
    command = load_command_class(commands[name], name)
    parser = command.create_parser("manage.py", name)
    parser.parse_args(options)  # exits (SystemExit) on an option the command does not know


def test_every_timer_starts_a_unit_that_exists_and_is_enabled_by_the_install_note():
    timers = sorted(SYSTEMD.glob("*.timer"))
    assert {timer.stem for timer in timers} >= {
        "toolkit-publish-scheduled",
        "toolkit-check-links",
        "toolkit-purge-emails",
        "toolkit-clearsessions",
        "toolkit-backup",
    }
    install_note = (SYSTEMD / "toolkit-web.service").read_text()
    for timer in timers:
        assert (SYSTEMD / f"{timer.stem}.service").exists(), timer.name
        assert re.search(r"^OnCalendar=\S", timer.read_text(), re.M), timer.name
        assert timer.name in install_note, f"{timer.name} is not in the install note"


def test_every_setting_in_the_example_environment_is_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Configuration") : readme.index("## Deploying")]
    example = (ROOT / "deploy" / "toolkit.env.example").read_text()
    names = re.findall(r"^([A-Z_]+)=", example, re.M)
    assert len(names) >= 15
    missing = [name for name in names if name != "DJANGO_SETTINGS_MODULE" and f"`{name}`" not in table]
    assert not missing, f"not in the README's Configuration table: {missing}"
