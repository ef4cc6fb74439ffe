"""The apps import only the layers below them (the contract is ``.importlinter`` at the root).

Arrows that run back up (core importing the home page's listings, sheets importing printing's
views) are how the circles and the imports hidden inside functions started; this test fails with
import-linter's report, naming each import that breaks the layers, as soon as one comes back.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def test_every_app_imports_only_the_layers_below_it():
    result = subprocess.run(  # noqa: S603 - our own venv's command, no input from outside
        [str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout
