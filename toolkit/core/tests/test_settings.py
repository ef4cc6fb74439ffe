"""Production settings refuse to start without secrets and pass Django's deployment checklist."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "toolkit.settings.production",
    "SECRET_KEY": "a-production-like-secret-key-that-is-long-enough-" + "x" * 20,
    "ALLOWED_HOSTS": "toolkit.example.org",
}


def manage(*args, env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env=PRODUCTION_ENV | {"SECRET_KEY": ""})
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", env=PRODUCTION_ENV | {"ALLOWED_HOSTS": ""})
    assert result.returncode != 0
    assert "Set ALLOWED_HOSTS" in result.stderr


def documented_production_env():
    """deploy/toolkit.env.example, the settings a council copies, as an environment."""
    lines = (ROOT / "deploy" / "toolkit.env.example").read_text().splitlines()
    pairs = (line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))
    return PRODUCTION_ENV | {name: value for name, value in pairs if name not in PRODUCTION_ENV}


def test_check_deploy_passes_with_the_documented_production_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=documented_production_env())
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_fails_behind_a_proxy_without_a_client_address_header():
    env = PRODUCTION_ENV | {"FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:6081/", "CLIENT_IP_HEADER": ""}
    result = manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert "toolkit_security.E001" in result.stderr
    result = manage(
        "check", "--deploy", env=PRODUCTION_ENV | {"BEHIND_PROXY": "true", "CLIENT_IP_HEADER": ""}
    )
    assert "toolkit_security.E001" in result.stderr


def test_check_deploy_fails_when_the_header_is_trusted_from_nobody():
    env = PRODUCTION_ENV | {"CLIENT_IP_HEADER": "X-Real-IP", "TRUSTED_PROXIES": ""}
    result = manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert "toolkit_security.E002" in result.stderr
    result = manage("check", "--deploy", env=env | {"TRUSTED_PROXIES": "127.0.0.1,nginx"})
    assert "toolkit_security.E003" in result.stderr
