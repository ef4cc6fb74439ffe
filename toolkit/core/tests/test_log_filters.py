"""Bad input is a one-line warning in the log, never an error report with a traceback."""

import json
import logging
import sys

import pytest
from django.core import mail
from django.test import override_settings

from toolkit.tests.servers import gunicorn, wait_for


@pytest.mark.django_db
@override_settings(ADMINS=[("Admin", "admin@example.org")], DEBUG=False)
def test_an_invalid_host_header_is_a_400_and_one_warning_line_and_no_email(client, caplog):
    with caplog.at_level(logging.WARNING):
        response = client.get("/", HTTP_HOST="evil.example\u202e")
    assert response.status_code == 400
    records = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert len(records) == 1
    record = records[0]
    assert record.levelno == logging.WARNING and record.exc_info is None
    assert "\n" not in record.getMessage() and "Invalid HTTP_HOST header" in record.getMessage()
    assert mail.outbox == []


@pytest.mark.django_db
@override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=5)
def test_too_many_fields_is_a_400_and_a_warning(client, caplog):
    with caplog.at_level(logging.WARNING):
        response = client.post("/search/", {f"f{n}": "x" for n in range(10)})
    assert response.status_code in (400, 405)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []


def test_in_production_an_invalid_host_is_one_json_warning_line_and_no_email(
    production, tmp_path, smtp_server
):
    env = production(
        ADMINS="Web team <webteam@example.org>",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=smtp_server.port,
        DEFAULT_FROM_EMAIL="toolkit@example.org",
    )
    with gunicorn(env, tmp_path, workers=1) as server:
        status, body, _ = server.get("/", headers={"Host": "scanner.example"})
        assert status == 400 and "Traceback" not in body
        assert server.get("/")[0] == 200  # the server goes on answering
        wait_for(lambda: "scanner.example" in server.errors(), what="the log line")
        lines = [line for line in server.errors().splitlines() if "scanner.example" in line]
        (record,) = [json.loads(line) for line in lines]
        assert (record["level"], record["logger"]) == ("WARNING", "django.security.DisallowedHost")
        assert "Traceback" not in server.errors()
    assert smtp_server.messages == []


def failed_request_record(error):
    """The record Django's request handler logs for a request that raised ``error``."""
    try:
        raise error
    except type(error):
        return logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "%s: %s",
            ("Service Unavailable", "/"),
            sys.exc_info(),
        )


def test_a_request_the_database_could_not_serve_is_one_warning_line_but_a_database_bug_keeps_its_trace():
    from django.db import DataError, OperationalError

    from toolkit.core.log_filters import DatabaseUnavailableOneLine

    down = failed_request_record(
        OperationalError("connection failed: Connection refused\n\tIs the server running?")
    )
    assert DatabaseUnavailableOneLine().filter(down)
    assert (down.levelno, down.exc_info) == (logging.WARNING, None)
    assert (
        down.getMessage() == "Database unavailable, answered 503: ? (connection failed: Connection refused)"
    )
    bug = failed_request_record(DataError("integer out of range"))
    assert DatabaseUnavailableOneLine().filter(bug)
    assert bug.levelno == logging.ERROR and bug.exc_info[0] is DataError


@pytest.mark.django_db
def test_a_body_that_cannot_be_parsed_is_a_400_and_one_line_without_a_traceback(client, caplog):
    with caplog.at_level(logging.WARNING):
        response = client.post("/suggest/", "a=1", content_type="multipart/form-data")  # no boundary
    assert response.status_code == 400
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelno == logging.WARNING and record.exc_info is None
    assert "Unable to parse request body" in record.getMessage()
