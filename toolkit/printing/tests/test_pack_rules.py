"""The rules of a reader's pack, without Django: adding, limits, moving, removing, bad stored data."""

import pytest

from toolkit.printing.pack import DEFAULT_TITLE, MAX_SHEETS, MAX_TITLE_CHARS, Pack, PackFull, clean_title


def test_adding_appends_in_order_and_skips_sheets_already_there():
    pack = Pack()
    assert pack.add([3, 1]) == [3, 1]
    assert pack.add([1, 2, 2]) == [2]
    assert pack.sheet_ids == [3, 1, 2]


def test_a_pack_holds_at_most_60_sheets_and_a_refused_add_changes_nothing():
    pack = Pack()
    pack.add(list(range(1, MAX_SHEETS)))
    with pytest.raises(PackFull, match="room for 1 more"):
        pack.add([100, 101])
    assert len(pack) == MAX_SHEETS - 1
    pack.add([100])
    with pytest.raises(PackFull, match="at most 60 sheets. Remove some"):
        pack.add([101])
    assert len(pack) == MAX_SHEETS
    assert pack.add([1]) == []  # already there: fine even when full


def test_moving_up_and_down_stops_at_the_ends():
    pack = Pack(sheet_ids=[1, 2, 3])
    assert pack.move(3, -1) and pack.sheet_ids == [1, 3, 2]
    assert pack.move(1, 1) and pack.sheet_ids == [3, 1, 2]
    assert not pack.move(3, -1)
    assert not pack.move(2, 1)
    assert not pack.move(99, 1)
    assert not pack.move(1, 2)
    assert pack.sheet_ids == [3, 1, 2]


def test_removing_and_clearing():
    pack = Pack(sheet_ids=[1, 2, 3])
    assert pack.remove(2) and pack.sheet_ids == [1, 3]
    assert not pack.remove(2)
    pack.clear()
    assert len(pack) == 0


def test_keep_only_drops_sheets_that_went_away():
    pack = Pack(sheet_ids=[1, 2, 3])
    assert pack.keep_only({1, 3}) == 1
    assert pack.sheet_ids == [1, 3]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("", DEFAULT_TITLE), ("   ", DEFAULT_TITLE), (None, DEFAULT_TITLE), ("  Our\nmeeting  ", "Our meeting")],
)
def test_titles_are_one_line_with_a_default(raw, expected):
    assert clean_title(raw) == expected


def test_long_titles_are_cut():
    assert len(clean_title("x" * 500)) == MAX_TITLE_CHARS


@pytest.mark.parametrize(
    "stored",
    [None, "junk", [], {"sheets": "1,2"}, {"sheets": [1, "2", -3, 0, 1.5, None, 1]}, {"title": ["x"]}],
)
def test_malformed_stored_packs_load_as_what_can_be_saved(stored):
    pack = Pack.from_data(stored)
    assert all(isinstance(pk, int) and pk > 0 for pk in pack.sheet_ids)
    assert len(set(pack.sheet_ids)) == len(pack.sheet_ids)
    assert pack.title


def test_a_pack_round_trips_through_its_stored_form():
    pack = Pack(title="Meeting", sheet_ids=[5, 2])
    assert Pack.from_data(pack.to_data()) == pack
    assert Pack.from_data({"sheets": list(range(1, 200))}).sheet_ids == list(range(1, MAX_SHEETS + 1))
