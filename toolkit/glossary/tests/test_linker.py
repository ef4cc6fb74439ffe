"""The linker's rules, on plain strings: no database, no Django."""

import re

import pytest

from toolkit.glossary.linker import Term, TermIndex, link_terms, word_forms

PLAN = Term("plan", ("plan",), "/glossary/#term-plan")
NEIGHBOURHOOD_PLAN = Term(
    "neighbourhood-plan", ("Neighbourhood plan", "NDP"), "/glossary/#term-neighbourhood-plan"
)
CHARITY = Term("charity", ("Charity",), "/glossary/#term-charity")
CAT = Term("community-asset-transfer", ("Community Asset Transfer", "CAT"), "/glossary/#term-cat")
ACV = Term("acv", ("Asset of community value",), "/glossary/#term-acv")
COUNCIL = Term("council", ("parish council",), "/glossary/#term-council")


def index(*terms):
    return TermIndex(terms or (PLAN, NEIGHBOURHOOD_PLAN, CHARITY, CAT, ACV, COUNCIL))


def linked(html):
    """(key, link text) of each inline definition in ``html``."""
    return re.findall(
        r'<a href="[^"]*" class="glossary-term" data-glossary-term="([^"]*)">(.*?)</a>', html, re.S
    )


def test_first_occurrence_is_linked_and_the_rest_left_alone():
    # (Not "A charity is a charity": that sentence defines the word, see the tests at the end.)
    html = link_terms("<p>Ask a charity, any charity. Every charity.</p>", index())
    assert linked(html) == [("charity", "charity")]
    assert html.endswith("any charity. Every charity.</p>")


def test_matching_ignores_case_and_keeps_the_readers_words():
    assert linked(link_terms("<p>Our PARISH Council met.</p>", index())) == [("council", "PARISH Council")]


def test_longest_match_wins():
    html = link_terms("<p>Write a neighbourhood plan. Then the plan is checked.</p>", index())
    assert linked(html) == [("neighbourhood-plan", "neighbourhood plan"), ("plan", "plan")]


def test_longest_match_wins_whatever_order_the_terms_come_in():
    for terms in ((PLAN, NEIGHBOURHOOD_PLAN), (NEIGHBOURHOOD_PLAN, PLAN)):
        assert linked(link_terms("<p>A neighbourhood plan.</p>", index(*terms))) == [
            ("neighbourhood-plan", "neighbourhood plan")
        ]


def test_whole_words_only():
    html = link_terms("<p>Planning, planet, explanation, counciler, anti-plan and plan-making.</p>", index())
    assert linked(html) == []


def test_plurals_and_possessives():
    html = link_terms(
        "<p>Two neighbourhood plans, three charities, the council&#8217;s view and the plan's aim. "
        "Assets of community value.</p>",
        index(NEIGHBOURHOOD_PLAN, CHARITY, ACV, PLAN),
    )
    assert linked(html) == [
        ("neighbourhood-plan", "neighbourhood plans"),
        ("charity", "charities"),
        ("plan", "plan's"),
        ("acv", "Assets of community value"),
    ]


def test_word_forms():
    assert word_forms("charity") == ["charity", "charities"]
    assert word_forms("Local plan") == ["Local plan", "Local plans"]
    assert word_forms("BID") == ["BID", "BIDs"]
    assert word_forms("Basic conditions") == ["Basic conditions"]
    assert "Assets of community value" in word_forms("Asset of community value")
    assert word_forms("Localism Act 2011") == ["Localism Act 2011"]


def test_acronyms_match_only_as_written():
    html = link_terms("<p>Our cat sat. Then CAT.</p>", index(CAT))
    assert linked(html) == [("community-asset-transfer", "CAT")]


def test_names_spread_over_spaces_and_lines_still_match():
    html = link_terms(
        "<p>A neighbourhood\n   plan&nbsp;and a neighbourhood&nbsp;plan.</p>", index(NEIGHBOURHOOD_PLAN)
    )
    assert linked(html) == [("neighbourhood-plan", "neighbourhood\n   plan")]


@pytest.mark.parametrize(
    "element",
    ["h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "button", "summary"],
)
def test_never_inside_headings_links_code_or_controls(element):
    attrs = ' href="/elsewhere/"' if element == "a" else ""
    html = f"<{element}{attrs}>The charity</{element}><p>A charity.</p>"
    result = link_terms(html, index(CHARITY))
    assert result.startswith(f"<{element}{attrs}>The charity</{element}>")
    assert linked(result) == [("charity", "charity")]  # the first one outside instead


def test_nothing_is_linked_inside_a_link_nested_in_other_tags():
    html = '<p><a href="/x/"><b>The <i>charity</i></b></a> and the charity.</p>'
    result = link_terms(html, index(CHARITY))
    assert result.startswith('<p><a href="/x/"><b>The <i>charity</i></b></a> and the ')
    assert linked(result) == [("charity", "charity")]


def test_excluded_terms_are_never_linked():
    html = link_terms("<p>A neighbourhood plan and a charity.</p>", index(), exclude={"neighbourhood-plan"})
    assert linked(html) == [("charity", "charity")]
    # The excluded term still wins its words: "plan" inside it is not linked as "plan".
    assert "plan</a>" not in html


def test_first_occurrence_counts_across_fragments_of_one_page():
    linker = index().linker()
    first = linker.link("<p>The charity.</p>")
    second = linker.link("<p>Another charity and a plan.</p>")
    assert linked(first) == [("charity", "charity")]
    assert linked(second) == [("plan", "plan")]
    assert list(linker.linked) == ["charity", "plan"]


def test_html_outside_the_links_is_copied_byte_for_byte():
    html = (
        '<!-- note --><p class="x" data-a="1 &gt; 0">Fish &amp; chips &mdash; a <b>charity&#39;s</b> '
        "<em>plan</em>&nbsp;&copy;<br/>done &unknown; &amp</p><script>var plan = '<charity>';</script>"
    )
    result = link_terms(html, index())
    assert linked(result) == [("charity", "charity&#39;s"), ("plan", "plan")]
    without_links = re.sub(
        r'<a href="[^"]*" class="glossary-term" data-glossary-term="[^"]*">(.*?)</a>', r"\1", result
    )
    assert without_links == html


def test_a_match_is_never_split_inside_a_character_reference():
    # "&#110;" is "n": the text reads "neighbourhood plan", but the link may not cut the reference.
    html = "<p>&#110;eighbourhood plan</p>"
    result = link_terms(html, index(NEIGHBOURHOOD_PLAN))
    assert linked(result) == [("neighbourhood-plan", "&#110;eighbourhood plan")]


def test_broken_html_is_left_as_it_was_where_nothing_matches():
    for html in ("<p>Unclosed <b>bold", "<<>>&&;", "<p title='a>b'>text</p", "</p></p>", ""):
        assert link_terms(html, index()) == html


def test_an_unclosed_skipped_element_stops_linking_after_it():
    html = "<p><a href='/x/'>The charity</p><p>A plan.</p>"
    assert linked(link_terms(html, index())) == []


def test_term_text_is_escaped_and_cannot_inject_markup_or_patterns():
    evil = Term('x" onmouseover="alert(1)', ("<script>alert(1)</script>", "a.*b"), '/g/#"><script>')
    html = "<p>&lt;script&gt;alert(1)&lt;/script&gt; and aXXXb and a.*b</p>"
    result = link_terms(html, index(evil))
    assert "<script>" not in result
    assert 'onmouseover="alert' not in result
    assert 'data-glossary-term="x&quot; onmouseover=&quot;alert(1)"' in result
    assert 'href="/g/#&quot;&gt;&lt;script&gt;"' in result
    # The name is matched literally (its dot and star are not a pattern), and the text inside the
    # link is the source's own escaped text.
    assert ">&lt;script&gt;alert(1)&lt;/script&gt;</a>" in result
    assert "aXXXb" in result and "aXXXb</a>" not in result


def test_an_empty_index_changes_nothing():
    html = "<p>A charity.</p>"
    assert link_terms(html, TermIndex([])) == html


def test_the_index_is_one_pattern_whatever_the_number_of_terms():
    terms = [Term(f"t{n}", (f"zq{n:04d} word",), f"/g/#t{n}") for n in range(2000)]
    big = TermIndex(terms)
    assert len(big) == 2000
    assert isinstance(big.pattern, re.Pattern)
    result = link_terms("<p>Here zq1999 word and zq0001 word.</p>", big)
    assert linked(result) == [("t1999", "zq1999 word"), ("t1", "zq0001 word")]


# Places where a definition would be noise: the reader is already told what the words are.
LOCALISM_ACT = Term("localism-act", ("Localism Act",), "/glossary/#term-localism-act")
LOCALISM = Term("localism", ("Localism",), "/glossary/#term-localism")
EMPOWERMENT = Term("empowerment", ("Community empowerment",), "/glossary/#term-empowerment")
MORATORIUM = Term("moratorium", ("Interim moratorium",), "/glossary/#term-moratorium")


@pytest.mark.parametrize(
    "html",
    [
        "<p><strong>Parish council:</strong> the council closest to you. A parish council can help.</p>",
        "<ul><li><b>Parish council</b> - the council closest to you. A parish council can help.</li></ul>",
        "<p>  <b><i>Parish council</i></b> first. A parish council can help.</p>",
    ],
)
def test_a_bold_lead_in_is_never_linked_but_a_later_mention_is(html):
    result = link_terms(html, index(COUNCIL))
    assert linked(result) == [("council", "parish council")]
    assert "can help" in result.split("</a>")[-1]


def test_bold_words_inside_a_sentence_are_still_linked():
    result = link_terms("<p>Ask your <b>parish council</b> first.</p>", index(COUNCIL))
    assert linked(result) == [("council", "parish council")]


@pytest.mark.parametrize(
    "html",
    [
        "<p>The Localism Act 2011 gave new rights.</p>",
        "<p>Read the Localism Act.</p>",
        "<p>The English Devolution and Community Empowerment Act 2026 is new.</p>",
        "<p>See the Assets of Community Value (England) Regulations 2012.</p>",
    ],
)
def test_words_inside_the_name_of_an_act_or_regulations_are_never_linked(html):
    assert linked(link_terms(html, index(LOCALISM_ACT, LOCALISM, EMPOWERMENT, ACV))) == []


def test_the_same_words_outside_the_name_of_an_act_are_linked():
    html = "<p>The Localism Act 2011 is about localism and community empowerment.</p>"
    result = link_terms(html, index(LOCALISM_ACT, LOCALISM, EMPOWERMENT))
    assert linked(result) == [("localism", "localism"), ("empowerment", "community empowerment")]


def test_the_name_of_an_act_ends_at_a_word_that_is_not_part_of_a_title():
    html = "<p>Ask the parish council under the Localism Act.</p>"
    assert linked(link_terms(html, index(COUNCIL, LOCALISM))) == [("council", "parish council")]


@pytest.mark.parametrize(
    "html",
    [
        "<p>An interim moratorium is a pause on the sale.</p>",
        "<p>This starts a 6-week interim moratorium, which is a pause on the sale.</p>",
        "<p>An interim moratorium (a pause) means the owner waits.</p>",
        "<p>The owner must wait during a pause, known as the interim moratorium.</p>",
        "<p>The interim moratorium means a pause, and in the interim moratorium the owner waits.</p>",
    ],
)
def test_the_sentence_that_defines_a_term_does_not_link_it(html):
    assert linked(link_terms(html, index(MORATORIUM))) == []


def test_a_term_defined_in_one_sentence_is_linked_in_the_next():
    html = "<p>An interim moratorium is a pause on the sale. The interim moratorium lasts six weeks.</p>"
    result = link_terms(html, index(MORATORIUM))
    assert linked(result) == [("moratorium", "interim moratorium")]
    assert result.startswith("<p>An interim moratorium is a pause on the sale. The <a ")


def test_a_sentence_that_only_uses_a_term_still_links_it():
    for html in ("<p>The interim moratorium is over.</p>", "<p>Call the charity. It is an old one.</p>"):
        assert linked(link_terms(html, index(MORATORIUM, CHARITY))), html


def test_a_term_in_bold_or_italics_is_defined_by_the_words_outside_the_element():
    for html in (
        "<p>This starts a 6-week <b>interim moratorium</b>, which is a pause on the sale.</p>",
        "<p>A pause, called the <em>interim moratorium</em>, starts.</p>",
    ):
        assert linked(link_terms(html, index(MORATORIUM))) == [], html
    # The words around are those of the same paragraph, never the next one.
    html = "<ul><li>An interim moratorium</li><li>is one of the rules.</li></ul>"
    assert linked(link_terms(html, index(MORATORIUM))) == [("moratorium", "interim moratorium")]
