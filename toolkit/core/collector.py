"""Letting Python's cycle collector wait during a burst of allocation (a PDF, an import).

Laying out a booklet or importing a thousand posts makes millions of short-lived objects, and with
Python's default thresholds every 700 new objects set off the collector, which keeps walking the
same long-lived ones (Django, Wagtail, the document tree): a fifth of a booklet's time. Inside
``fewer_collections`` the collector waits for far bigger batches; afterwards the young garbage is
collected once and the previous thresholds come back, even when the work fails.
"""

import gc
from contextlib import contextmanager

BURST_THRESHOLDS = (100_000, 50, 100)


@contextmanager
def fewer_collections():
    """Run the cycle collector rarely inside the block, then once over the young objects it left.

    Costs some memory at the peak (about 40 MB for a 136-page booklet).
    """
    previous = gc.get_threshold()
    gc.set_threshold(*BURST_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)
        gc.collect(1)
