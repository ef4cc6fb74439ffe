"""A judged query set: what residents type, and the sheet that must be in the top three.

Runs against the real demo toolkit (loaded once for this module) on SQLite and PostgreSQL.
"""

import pytest

from toolkit.search.search import run_search
from toolkit.sheets.models import SheetPage

JUDGED = [
    # acronyms and jargon
    ("cil", "community-infrastructure-levy"),
    ("CIL", "community-infrastructure-levy"),
    ("s106", "section-106-agreements"),
    ("section 106", "section-106-agreements"),
    ("planning obligations", "section-106-agreements"),
    ("developer contributions", "section-106-agreements"),
    ("acv", "assets-of-community-value"),
    ("right to bid", "assets-of-community-value"),
    ("community right to bid", "assets-of-community-value"),
    ("pub asset", "assets-of-community-value"),
    ("bid", "business-improvement-districts"),
    ("business improvement district", "business-improvement-districts"),
    ("ndp", "neighbourhood-plan"),
    ("neighbourhood development plan", "neighbourhood-plan"),
    ("asb", "use-the-community-trigger"),
    ("nppf", "planning-system"),
    ("pspo", "public-spaces-protection-orders"),
    # US spellings and stemming
    ("neighborhood plan", "neighbourhood-plan"),
    ("neighborhood forum", "neighbourhood-forum"),
    ("planning", "planning-system"),
    ("surveys", "run-a-community-survey"),
    ("conservation areas", "listed-buildings-and-conservation-areas"),
    # typos (shown through "did you mean")
    ("planing permision", "planning-permission"),
    ("neighbourhod plan", "neighbourhood-plan"),
    ("comunity survey", "run-a-community-survey"),
    # plain-English questions
    ("how do i stop my local pub closing", "assets-of-community-value"),
    ("how to run a survey", "run-a-community-survey"),
    ("set up a parish council", "ask-for-a-new-parish-council"),
    ("object to a planning application", "comment-on-a-planning-application"),
    ("dog fouling", "public-spaces-protection-orders"),
    ("rats in my street", "report-rats-and-rubbish"),
    ("fly tipping", "report-rats-and-rubbish"),
    ("take over a council building", "community-asset-transfer"),
    ("grants for community groups", "find-funding"),
    ("facebook group", "use-social-media"),
    ("run a public meeting", "run-a-public-meeting"),
    ("social enterprise", "social-enterprise"),
    ("co-op", "cooperatives"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "expected"), JUDGED)
def test_expected_sheet_is_in_the_top_three(demo_toolkit, query, expected):
    slugs = dict(SheetPage.objects.values_list("pk", "slug"))
    top = [slugs[pk] for pk in run_search(query).ids[:3]]
    assert expected in top, f"{query!r}: top three were {top}"


def test_the_judged_set_is_big_enough():
    assert len(JUDGED) >= 30
    assert len({expected for _, expected in JUDGED}) >= 20
