"""fewer_collections: the collector waits inside the block and is back as it was after, come what
may, in several threads at once too; on a Python it was not checked on, it says so and stays out."""

import gc
import logging
import threading
import weakref

import pytest

from toolkit.core.collector import BURST_THRESHOLDS, collector_understood, fewer_collections


def test_thresholds_are_raised_inside_and_restored_after():
    before = gc.get_threshold()
    assert before != BURST_THRESHOLDS
    with fewer_collections():
        assert gc.get_threshold() == BURST_THRESHOLDS
    assert gc.get_threshold() == before


def test_thresholds_are_restored_when_the_work_fails():
    before = gc.get_threshold()
    with pytest.raises(KeyboardInterrupt), fewer_collections():
        raise KeyboardInterrupt
    assert gc.get_threshold() == before


def test_the_garbage_left_behind_is_collected_on_the_way_out():
    class Node:
        pass

    before = gc.get_threshold()
    gc.set_threshold(10**9)  # so that only fewer_collections itself can free the cycle below
    try:
        with fewer_collections():
            first, second = Node(), Node()
            first.other, second.other = second, first  # a cycle: reference counting never frees it
            alive = weakref.ref(first)
            del first, second
            assert alive() is not None
        assert alive() is None
    finally:
        gc.set_threshold(*before)


def in_a_thread(entered, leave):
    """A thread that opens a burst, says so, and leaves it when told."""

    def work():
        with fewer_collections():
            entered.set()
            leave.wait(10)

    thread = threading.Thread(target=work)
    thread.start()
    assert entered.wait(10)
    return thread


def test_two_threads_whose_bursts_overlap_leave_the_thresholds_as_they_found_them():
    """The first thread out must not restore while the second still works, and the last out must
    restore what was there before either (not the raised thresholds the second one found)."""
    before = gc.get_threshold()
    first_in, second_in, first_out, second_out = (threading.Event() for _ in range(4))
    first = in_a_thread(first_in, first_out)
    second = in_a_thread(second_in, second_out)
    first_out.set()
    first.join(10)
    assert gc.get_threshold() == BURST_THRESHOLDS, "the second thread is still in its burst"
    second_out.set()
    second.join(10)
    assert gc.get_threshold() == before


def test_the_collector_is_left_alone_on_a_python_it_was_not_checked_on(caplog):
    assert collector_understood(), "this Python is one it was checked on"
    with caplog.at_level(logging.WARNING, logger="toolkit.core.collector"):
        assert not collector_understood(python=(3, 14))
        assert not collector_understood(python=(3, 14))
        assert not collector_understood(python=(3, 11), implementation="PyPy")
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 2, "one line per Python, not per PDF"
    assert lines[0].startswith("CPython 3.14: the collector's thresholds were checked on CPython 3.11")
