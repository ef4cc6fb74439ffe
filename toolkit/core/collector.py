"""Letting Python's cycle collector wait during a burst of allocation (a PDF, an import).

Laying out a booklet or importing a thousand posts makes millions of short-lived objects, and with
Python's default thresholds every 700 new objects set off the collector, which keeps walking the
same long-lived ones (Django, Wagtail, the document tree): a fifth of a booklet's time. Inside
``fewer_collections`` the collector waits for far bigger batches; afterwards the young garbage is
collected once and the previous thresholds come back, even when the work fails.

The thresholds belong to the whole process, not to a thread. Production runs gunicorn's sync
workers (``deploy/systemd/toolkit-web.service``: ``--workers 3``, no ``--threads``), but
``runserver``, a threaded worker or two PDFs made at once in one process would otherwise let one
thread's exit put back the other's raised thresholds for good. So bursts are counted under a
lock: the first one in keeps the thresholds it found, and only the last one out restores them.

The thresholds mean what ``BURST_THRESHOLDS`` assumes only with CPython's generational collector
of the versions in ``CHECKED_PYTHONS`` (3.14's incremental collector reads them differently);
on any other Python the block does nothing but say so once in the log.
"""

import gc
import logging
import platform
import sys
import threading
from contextlib import contextmanager

logger = logging.getLogger(__name__)

BURST_THRESHOLDS = (100_000, 50, 100)
CHECKED_PYTHONS = ((3, 11),)  # CPython versions whose collector this was measured on

_lock = threading.Lock()
_bursts = 0  # blocks open now, in all threads
_kept = None  # the thresholds found by the first of them
_reported = set()  # (implementation, version) already logged


def collector_understood(python=None, implementation=None):
    """True on a CPython whose collector thresholds were checked; otherwise False, logged once."""
    python = tuple(sys.version_info[:2]) if python is None else tuple(python)
    implementation = platform.python_implementation() if implementation is None else implementation
    if implementation == "CPython" and python in CHECKED_PYTHONS:
        return True
    if (implementation, python) not in _reported:
        _reported.add((implementation, python))
        logger.warning(
            "%s %s: the collector's thresholds were checked on CPython %s only; PDFs and imports "
            "run with the collector as it is",
            implementation,
            ".".join(map(str, python)),
            ", ".join(".".join(map(str, v)) for v in CHECKED_PYTHONS),
        )
    return False


@contextmanager
def fewer_collections():
    """Run the cycle collector rarely inside the block, then once over the young objects it left.

    Costs some memory at the peak (about 40 MB for a 136-page booklet). Safe in several threads
    at once: the thresholds come back when the last of them leaves.
    """
    global _bursts, _kept
    if not collector_understood():
        yield
        return
    with _lock:
        if _bursts == 0:
            _kept = gc.get_threshold()
            gc.set_threshold(*BURST_THRESHOLDS)
        _bursts += 1
    try:
        yield
    finally:
        with _lock:
            _bursts -= 1
            last = _bursts == 0
            if last:
                gc.set_threshold(*_kept)
        if last:
            gc.collect(1)
