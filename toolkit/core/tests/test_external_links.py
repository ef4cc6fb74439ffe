"""Links to other websites are marked (a class for the arrow, hidden words for screen readers)."""

from toolkit.core.external_links import EXTERNAL_NOTE, mark_external_links


def test_a_link_to_another_website_gets_the_class_and_the_hidden_words_inside_it():
    html = '<p>Read <a href="https://www.legislation.gov.uk/ukpga/2011/20">the Act</a>.</p>'
    assert mark_external_links(html) == (
        '<p>Read <a href="https://www.legislation.gov.uk/ukpga/2011/20" class="external">'
        f"the Act{EXTERNAL_NOTE}</a>.</p>"
    )
    assert "(external site)" in EXTERNAL_NOTE and "visually-hidden" in EXTERNAL_NOTE


def test_links_on_this_site_anchors_and_email_are_left_alone():
    html = (
        '<p><a href="/neighbourhood-planning/">A page</a> <a href="#steps">Steps</a> '
        '<a href="mailto:team@example.org">Email us</a> <a name="top"></a></p>'
    )
    assert mark_external_links(html) == html


def test_an_existing_class_is_kept_and_marking_twice_changes_nothing():
    html = '<a class="button" href="http://example.org/">Go</a>'
    once = mark_external_links(html)
    assert once == f'<a class="button external" href="http://example.org/">Go{EXTERNAL_NOTE}</a>'
    assert mark_external_links(once) == once


def test_several_links_each_keep_their_own_text():
    html = '<a href="https://a.example/">A</a>, <a href="/b/">B</a> and <a href="https://c.example/"><b>C</b></a>'
    marked = mark_external_links(html)
    assert marked.count(EXTERNAL_NOTE) == 2
    assert f"<b>C</b>{EXTERNAL_NOTE}</a>" in marked and '<a href="/b/">B</a>' in marked
