"""The scripts in ``bench/`` and ``deploy/`` are run by hand, rarely, so a model moved to another
app (as HomePage moved from core to home) would break one silently until the next benchmark day.
Every ``from toolkit... import name`` in them must name something that exists today."""

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted(
    path
    for folder in ("bench", "deploy")
    for path in (ROOT / folder).iterdir()
    if path.is_file() and (path.suffix == ".py" or path.read_bytes().startswith(b"#!/usr/bin/env python"))
)


def toolkit_imports(path):
    """(module, name, line) for each name a script imports from this project."""
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "toolkit":
            for alias in node.names:
                yield node.module, alias.name, node.lineno


def test_there_are_scripts_to_check():
    assert {"pages", "import", "stack.py"} <= {path.name for path in SCRIPTS}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_name_a_script_imports_from_the_toolkit_exists(script):
    missing = []
    for module, name, line in toolkit_imports(script):
        try:
            found = importlib.import_module(module)
        except ImportError as error:
            missing.append(f"{script.name}:{line}: {module} ({error})")
            continue
        if not hasattr(found, name):
            try:
                importlib.import_module(f"{module}.{name}")  # a submodule
            except ImportError:
                missing.append(f"{script.name}:{line}: {module} has no {name}")
    assert not missing, "\n".join(missing)
