"""How Term snippets and Definition Sheets merge into glossary entries: one entry per thing."""

from toolkit.glossary.entries import SheetRecord, TermRecord, build_entries, shorten

PLAN_SHEET = SheetRecord(
    id=10,
    title="Neighbourhood Plan",
    url="/np/",
    summary="A plan local people write. It passes a vote. Then the council must use it.",
    term="Neighbourhood Plan",
    other_names=("NDP", "town council", "neighbourhood planning"),
)
FORUM_SHEET = SheetRecord(
    id=11,
    title="Neighbourhood Forum",
    url="/nf/",
    summary="A group that can write a neighbourhood plan where there is no parish council.",
    term="Neighbourhood Forum",
    other_names=("forum",),
)
METHOD_SHEET = SheetRecord(id=12, title="Write a neighbourhood plan", url="/write/", summary="How to.")


def record(id, term, **kwargs):
    return TermRecord(
        id=id, term=term, slug=term.lower().replace(" ", "-"), definition=f"{term} means.", **kwargs
    )


def by_term(entries):
    return {entry.term: entry for entry in entries}


def test_a_definition_sheet_joins_the_term_that_names_it():
    entries = build_entries(
        [record(1, "Neighbourhood plan", aliases=("neighbourhood development plan",))],
        {PLAN_SHEET.id: PLAN_SHEET},
    )
    assert len(entries) == 1
    (entry,) = entries
    assert entry.definition == "Neighbourhood plan means."  # the Term's short definition
    assert entry.sheet_url == "/np/" and entry.defined_by_sheet_id == PLAN_SHEET.id
    assert entry.aliases == (
        "neighbourhood development plan",
        "NDP",
        "town council",
        "neighbourhood planning",
    )


def test_a_sheet_joins_a_term_that_has_its_term_as_an_alias():
    entries = build_entries(
        [record(1, "NDP plan", aliases=("neighbourhood plan",))], {PLAN_SHEET.id: PLAN_SHEET}
    )
    assert [entry.term for entry in entries] == ["NDP plan"]
    assert entries[0].defined_by_sheet_id == PLAN_SHEET.id


def test_a_sheet_no_term_names_becomes_its_own_entry_with_a_short_definition():
    entries = by_term(build_entries([], {PLAN_SHEET.id: PLAN_SHEET, FORUM_SHEET.id: FORUM_SHEET}))
    assert set(entries) == {"Neighbourhood Plan", "Neighbourhood Forum"}
    plan = entries["Neighbourhood Plan"]
    assert plan.definition == PLAN_SHEET.summary
    assert plan.slug == "neighbourhood-plan" and plan.term_id is None
    assert plan.sheet_title == "Neighbourhood Plan"


def test_a_name_belongs_to_one_entry_the_term_that_is_called_it_first():
    entries = by_term(
        build_entries(
            [record(1, "Neighbourhood plan"), record(2, "Town council", aliases=("NDP",))],
            {PLAN_SHEET.id: PLAN_SHEET},
        )
    )
    plan, town = entries["Neighbourhood plan"], entries["Town council"]
    # "town council" is a term of its own, and the Term's alias "NDP" beats the sheet's other name.
    assert "town council" not in plan.aliases and "NDP" not in plan.aliases
    assert town.aliases == ("NDP",)
    assert "town council" not in [name.lower() for name in plan.link_names]


def test_two_sheets_with_the_same_term_make_one_entry():
    twin = SheetRecord(id=20, title="Plans again", url="/again/", summary="Again.", term="neighbourhood plan")
    entries = build_entries([], {PLAN_SHEET.id: PLAN_SHEET, twin.id: twin})
    assert len(entries) == 1


def test_terms_can_point_to_method_sheets_and_drafts_are_not_linked():
    entries = by_term(
        build_entries(
            [record(1, "Examination", sheet_id=METHOD_SHEET.id), record(2, "Referendum", sheet_id=99)],
            {METHOD_SHEET.id: METHOD_SHEET},
        )
    )
    assert entries["Examination"].sheet_url == "/write/"
    assert entries["Examination"].defined_by_sheet_id is None
    assert entries["Referendum"].sheet_url == ""  # sheet 99 is not live


def test_opting_out_of_linking_keeps_the_entry():
    entries = by_term(
        build_entries(
            [
                record(1, "Made", link_automatically=False),
                record(2, "Neighbourhood forum", aliases=("forum",), not_linked=("FORUM",)),
            ],
            {FORUM_SHEET.id: FORUM_SHEET},
        )
    )
    assert entries["Made"].link_names == ()
    assert entries["Neighbourhood forum"].link_names == ("Neighbourhood forum",)
    assert entries["Neighbourhood forum"].aliases == ("forum",)


def test_related_terms_and_a_to_z_order():
    entries = build_entries(
        [record(1, "zoning", related_ids=(2, 1, 3)), record(2, "Appeal"), record(3, "106 agreement")], {}
    )
    assert [entry.term for entry in entries] == ["106 agreement", "Appeal", "zoning"]
    assert entries[2].related == (("appeal", "Appeal"), ("106-agreement", "106 agreement"))
    assert [entry.letter for entry in entries] == ["#", "A", "Z"]


def test_derived_slugs_never_clash_with_term_slugs():
    taken = TermRecord(id=1, term="Something else", slug="neighbourhood-plan", definition="x")
    entries = build_entries([taken], {PLAN_SHEET.id: PLAN_SHEET})
    assert sorted(entry.slug for entry in entries) == ["neighbourhood-plan", "neighbourhood-plan-2"]


def test_shorten_keeps_whole_sentences_up_to_forty_words():
    long_sentence = " ".join(["word"] * 50) + "."
    assert shorten("One two. Three four.", max_words=3) == "One two."
    assert shorten(long_sentence) == " ".join(["word"] * 40) + "\u2026"
    assert len(shorten("Short. " * 30).split()) <= 40
