"""Every management command of the project, with hostile arguments: a clean non-zero exit and one
line on stderr that says what is wrong, never a traceback (argparse's refusals too: the project's
commands print no usage block before the line, ``toolkit.core.management.base``).
"""

import pytest
from django.db import connections
from hypothesis import given
from hypothesis import strategies as st

from .answers import TRACEBACK_SIGNS
from .commands import HOSTILE_ARGUMENTS, run
from .conftest import examples

pytestmark = pytest.mark.django_db


def message_lines(stderr):
    return [line for line in stderr.split("\n") if line.strip()]  # not splitlines(): it splits at \x85...


@pytest.mark.parametrize("name", sorted(HOSTILE_ARGUMENTS))
@examples(6)
@given(data=st.data())
def test_hostile_arguments_get_a_clean_exit_and_one_line(site, tmp_path, monkeypatch, name, data):
    monkeypatch.chdir(tmp_path)  # a command that writes writes here, never into the checkout
    monkeypatch.setenv("BACKUP_DIR", str(tmp_path / "backups"))
    # run_from_argv closes every connection when a command ends, as a process would at exit; here
    # that would close the test's own connection, inside its transaction, on PostgreSQL.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    arguments = data.draw(HOSTILE_ARGUMENTS[name], label="arguments")
    code, _, stderr = run(name, arguments)
    shown = f"manage.py {name} {' '.join(arguments)[:300]!r}"
    assert code not in (0, None), f"{shown} was accepted"
    for sign in TRACEBACK_SIGNS:
        assert sign not in stderr, f"{shown}: a traceback\n{stderr[-2000:]}"
    assert len(message_lines(stderr)) == 1, f"{shown}: {stderr[-1000:]!r}"
