"""fewer_collections: the collector waits inside the block and is back as it was after, come what may."""

import gc
import weakref

import pytest

from toolkit.core.collector import BURST_THRESHOLDS, fewer_collections


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
