"""Hostile arguments for each management command of this project, and how a run is judged.

Every argument list here must be refused (so none of them starts real work: a backup, a demo
load, a link check): the command exits non-zero with one line on stderr and no traceback.
``test_inventory`` fails when a command of the project has no entry here.
"""

import io
import sys
from contextlib import redirect_stderr, redirect_stdout

from django.core.management import ManagementUtility
from hypothesis import strategies as st

from . import strategies as hostile

# No NUL (the OS refuses it in an argument) and no line breaks, which argparse echoes into its
# one-line message (a shell argument rarely holds one).
text = (
    hostile.short_text.map(hostile.without_surrogates)
    .map(
        lambda value: "".join(
            " " if char in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029" else char for char in value
        )
    )
    .filter(lambda value: "\x00" not in value)
)
# Paths that cannot exist: hostile text under a folder that is not there.
missing_path = st.one_of(text, st.just("x" * 5000)).map(lambda value: f"/nonexistent-fuzz/{value}")
# Numbers a command must refuse: not whole numbers, out of any sensible range, or digits int() refuses.
bad_number = st.one_of(
    st.sampled_from(
        ["", "-", "-1", "0x10", "1e5", "1.5", "NaN", "99999999999999999999", "-99999999999999999999"]
    ),
    st.sampled_from(["²", "¹²", "①"]),  # digits to str.isdigit() that int() refuses (it takes "١٢" as 12)
    text.filter(lambda value: not value.strip().isdigit()),
)
unknown_option = st.sampled_from(["--no-such-option", "--fuzz=1", "-Z", "--"]).flatmap(
    lambda option: st.just([option]) if option != "--" else text.map(lambda value: ["--", value])
)


def args(*parts):
    """A list of arguments from strategies and fixed strings, in order."""
    return st.tuples(*(part if isinstance(part, st.SearchStrategy) else st.just(part) for part in parts)).map(
        lambda values: [item for value in values for item in (value if isinstance(value, list) else [value])]
    )


HOSTILE_ARGUMENTS = {
    "backup": st.one_of(
        args("--keep", bad_number.filter(lambda v: not v.isdigit() or v == "0x10")),
        args("--keep", "-1", "--to", missing_path),
        args(unknown_option),
    ),
    "restore": st.one_of(args(missing_path), args(missing_path, "--replace"), args(), args(unknown_option)),
    "requeue_lost_tasks": st.one_of(
        args(),
        args("--started-before", bad_number),
        args("--started-before", st.sampled_from(["0", "-5"])),
        args(unknown_option),
    ),
    "set_site_address": st.one_of(
        args(text.filter(lambda value: "://" not in value)),
        args(
            st.sampled_from(
                ["ftp://x", "http://", "https://exa mple.org", "javascript:alert(1)", "http://[::1"]
            )
        ),
        args(),
        args(unknown_option),
    ),
    "load_bench_corpus": st.one_of(args(missing_path), args(missing_path, "--limit", bad_number), args()),
    "load_demo": st.one_of(args("--editor"), args(text), args(unknown_option)),  # DEBUG is off in tests
    "setup_roles": st.one_of(args(text), args(unknown_option)),
    "purge_suggestion_emails": st.one_of(
        args("--days", bad_number), args("--days", st.sampled_from(["0", "3651", "²"])), args(unknown_option)
    ),
    "check_links": st.one_of(
        args("--workers", st.one_of(bad_number, st.sampled_from(["65", "0"]))),
        args("--timeout", st.one_of(bad_number, st.sampled_from(["0", "121", "inf", "nan"]))),
        args("--retries", bad_number),
        args("--backoff", st.one_of(bad_number, st.sampled_from(["inf", "nan", "-0.5"]))),
        args(unknown_option),
    ),
    "remove_old_booklets": st.one_of(args(text), args(unknown_option)),
    "create_toolkit": st.one_of(
        args(),
        args("--name", text),
        args("--name", text, "--address", text.filter(lambda value: "://" not in value)),
        args(
            "--name",
            "Toolkit",
            "--address",
            "https://toolkit.example.org",
            "--contact-email",
            text.filter(lambda v: "@" not in v),
        ),
        args(unknown_option),
    ),
    "reset_two_factor": st.one_of(args(text.filter(lambda value: value.strip())), args()),
    "import_wordpress": st.one_of(
        args(missing_path),
        args(missing_path, "--max-size", bad_number),
        args(missing_path, "--mapping", missing_path),
        args(missing_path, "--media-dir", missing_path),
        args(),
    ),
}


def run(name, arguments):
    """Run ``manage.py <name> <arguments>`` in this process as the command line would:
    (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with redirect_stdout(out), redirect_stderr(err):
        saved = sys.argv
        try:
            ManagementUtility(["manage.py", name, *arguments]).execute()
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
        finally:
            sys.argv = saved
    return code, out.getvalue(), err.getvalue()
