"""What every answer to hostile input must be, checked the same way for every test of the suite.

An answer is below 500, shows no traceback, never sends the input's markup back unescaped, and
when it is an HTML page it is one of ours: it extends ``base.html`` (its skip link and ``main``
landmark are there), or it is a sheet's print view, which has a frame of its own. The log may say
WARNING about bad input, never ERROR, and never with a stack trace.
"""

import logging

from .strategies import MARKER_RE

SITE_FRAME = ('class="skip-link"', '<main id="main"')
PRINT_FRAME = ('class="print-view', '<main id="main"')
TRACEBACK_SIGNS = ("Traceback (most recent call last)", 'File "/', "Exception Value:")


def body_text(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def is_html(response):
    return response.get("Content-Type", "").startswith("text/html")


def check_answer(response, what=""):
    """Assert that ``response`` is a polite answer; returns its body for more checks."""
    label = f"{what} -> {response.status_code}"
    assert response.status_code < 500, label
    body = body_text(response) if not response.get("Content-Type", "").startswith("application/pdf") else ""
    for sign in TRACEBACK_SIGNS:
        assert sign not in body, f"{label}: a traceback in the answer"
    found = MARKER_RE.search(body)
    assert found is None, f"{label}: input markup came back unescaped: {found.group()!r}"
    if is_html(response) and body.strip():
        frames = PRINT_FRAME if 'class="print-view' in body else SITE_FRAME
        for sign in frames:
            assert sign in body, f"{label}: an HTML answer outside the site's design (no {sign})"
    assert "Location" not in response or "\n" not in response["Location"], label
    return body


def check_log(caplog, what=""):
    """No ERROR record and no traceback in the log for input that was handled."""
    bad = [
        record
        for record in caplog.records
        if record.levelno >= logging.ERROR or record.exc_info or record.stack_info
    ]
    assert not bad, f"{what}: {[(r.name, r.levelname, r.getMessage()[:200]) for r in bad]}"
    caplog.clear()
