"""What each WordPress item becomes, and which old addresses it keeps: no database involved."""

import datetime
from pathlib import Path

import pytest

from toolkit.wordpress_import.links import OldSite, path_key
from toolkit.wordpress_import.mapping import Mapping, MappingError, load_mapping, parse_mapping
from toolkit.wordpress_import.plan import DRAFT, LIVE, SCHEDULED, make_plan
from toolkit.wordpress_import.wxr import parse_wxr

from .conftest import FIXTURES, THEME_DATA, wxr

NOW = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def theme():
    return parse_wxr(THEME_DATA)


def planned(plan, wp_id):
    return next(p for p in plan.items if p.wp_id == wp_id)


def test_every_post_and_page_is_planned_or_skipped_with_a_reason(theme):
    plan = make_plan(theme, Mapping.defaults(), NOW)
    posts_and_pages = {i.wp_id for i in theme.items if i.post_type in ("post", "page")}
    assert {p.wp_id for p in plan.items} | {i.wp_id for i, _ in plan.skipped} == posts_and_pages
    assert all(reason for _, reason in plan.skipped)
    assert plan.other_types == {"nav_menu_item": 70}
    assert len(plan.attachments) == 37 and plan.comments == 33
    assert [p.title for p in plan.sticky] == ["Template: Sticky"]


def test_statuses(theme):
    plan = make_plan(theme, Mapping.defaults(), NOW)
    assert planned(plan, 1164).status == DRAFT and planned(plan, 1164).slug == "draft"
    scheduled = planned(plan, 1153)
    assert scheduled.status == SCHEDULED and scheduled.published_at.year == 2030
    protected = planned(plan, 1168)
    assert protected.status == LIVE and protected.restriction == ("password", "enter")
    assert planned(plan, 1169).title == "Untitled post 1169"


NESTED = wxr(
    "https://old.example/blog",
    """<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>planning</wp:category_nicename><wp:cat_name>Planning</wp:cat_name></wp:category>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>housing</wp:category_nicename><wp:category_parent>planning</wp:category_parent><wp:cat_name>Housing</wp:cat_name></wp:category>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>rural-housing</wp:category_nicename><wp:category_parent>housing</wp:category_parent><wp:cat_name>Rural housing</wp:cat_name></wp:category>
<wp:category><wp:term_id>4</wp:term_id><wp:category_nicename>how-to</wp:category_nicename><wp:cat_name>How to</wp:cat_name></wp:category>
<item><title>Exception sites</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<category domain="category" nicename="rural-housing">Rural housing</category>
<category domain="category" nicename="how-to">How to</category>
<category domain="post_tag" nicename="land">Land</category></item>
""",
)


def test_nested_categories_flatten_to_the_top_level_section_and_keep_the_child_as_a_topic():
    from toolkit.wordpress_import.wxr import parse_bytes

    plan = make_plan(parse_bytes(NESTED), Mapping.defaults(), NOW)
    post = planned(plan, 1)
    assert post.section.slug == "planning" and post.section.title == "Planning"
    assert post.target == "method"  # "how-to" marks a Method sheet and is neither section nor topic
    assert post.topics == ["land", "rural-housing"]
    assert set(plan.topics) == {"housing", "land", "rural-housing"}
    assert plan.section_for_category == {"planning": "planning"}
    old = OldSite(parse_bytes(NESTED))
    assert (
        old.category_paths(["rural-housing", "housing", "planning"], 3)[0]
        == "/blog/category/planning/housing/rural-housing/"
    )


def test_every_category_and_tag_arrives_as_a_section_or_topic(theme):
    plan = make_plan(theme, Mapping.defaults(), NOW)
    for category in theme.categories:
        assert (
            category.slug in plan.section_for_category or ("category", category.slug) in plan.topic_for_term
        )
    for tag in theme.tags:
        assert ("tag", tag.slug) in plan.topic_for_term
    assert len({t.name.lower() for t in plan.topics.values()}) == len(plan.topics)


def test_pages_come_after_their_parents(theme):
    plan = make_plan(theme, Mapping.defaults(), NOW)
    order = [p.wp_id for p in plan.items]
    for page in plan.items:
        if page.parent_id:
            assert order.index(page.parent_id) < order.index(page.wp_id)
    assert planned(plan, 1813).slug == "επίπεδο-3"


def test_mapping_file_marks_kinds_sections_and_pages(tmp_path, theme):
    mapping_file = tmp_path / "mapping.yaml"
    mapping_file.write_text(
        "default_kind: method\nkind_terms:\n  definition: [classic]\npages: skip\n"
        "sections:\n  uncategorized: {slug: general, title: General}\n"
    )
    plan = make_plan(theme, load_mapping(mapping_file), NOW)
    assert planned(plan, 1168).target == "definition"  # in the "classic" category
    assert planned(plan, 163).target == "method"
    assert all(p.kind == "post" for p in plan.items)
    assert ("general" in plan.sections) and plan.sections["general"].target.title == "General"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour: blue\n", "unknown key “colour”"),
        ("default_kind: recipe\n", "default_kind must be one of definition, method"),
        ("pages: [1, 2]\n", "pages must be one of standard, definition, method, skip"),
        ("sections:\n  a: [1]\n", "sections.a: give a section slug"),
        ("kind_terms: {method: 3}\n", "kind_terms.method: give a list of slugs"),
        ("a: [\n", "line 2: "),
        ("- just\n- a list\n", "the mapping file must be a set"),
    ],
)
def test_bad_mapping_files_are_refused_with_a_reason(tmp_path, text, message):
    path = tmp_path / "m.yaml"
    path.write_text(text)
    with pytest.raises(MappingError) as caught:
        load_mapping(path)
    assert message in str(caught.value)


def test_empty_mapping_file_means_defaults():
    assert parse_mapping(None) == Mapping.defaults()


def test_hostile_items_are_planned_or_skipped(theme):
    export = parse_wxr(FIXTURES / "hostile.xml")
    plan = make_plan(export, Mapping.defaults(), NOW)
    reasons = {(item.wp_id, item.title): reason for item, reason in plan.skipped}
    assert [p.slug for p in plan.items if p.title == "No ID"] == ["no-id"]  # kept by its guid
    assert reasons[(101, "Duplicate ID")] == "a second item with WordPress ID 101"
    assert reasons[(107, "")] == "empty: no title, content or excerpt"
    assert reasons[(108, "No status")] == "unknown status “(none)”"
    assert reasons[(112, "Trashed post")] == "in WordPress's trash"
    assert reasons[(113, "Auto draft")].startswith("an automatic draft")
    assert plan.other_types == {"(no type)": 1}
    huge = planned(plan, 103)
    assert (
        len(huge.title) <= 255
        and huge.title.endswith("…")
        and huge.warnings == ["title shortened to 255 characters"]
    )
    assert len(huge.slug) <= 200
    assert planned(plan, 104).warnings == ["no valid date: the import date is used"]
    assert planned(plan, 109).restriction == ("login", "")
    assert planned(plan, 111).status == DRAFT
    assert planned(plan, 118).status == SCHEDULED
    assert planned(plan, 117).slug == "é-été" or planned(plan, 117).slug == "été"
    assert planned(plan, 115).parent_id is None and planned(plan, 116).parent_id is None
    assert planned(plan, 101).title == "Hostile post"


def test_old_addresses_belong_to_one_item_each(theme):
    plan = make_plan(theme, Mapping.defaults(), NOW)
    old = OldSite(theme)
    old.assign(plan.items)
    paths = old.paths[1168]
    assert paths[0] == "/2012/01/04/template-password-protected/"
    assert "/2007/09/04/test-with-secret-password/" in paths  # its guid: an older permalink
    assert "/?p=1168" in paths and "/template-password-protected/" in paths
    assert "/?page_id=146" in old.paths[146]
    assert (
        old.item_for("https://wpthemetestdata.wordpress.com/2012/01/04/template-password-protected") == 1168
    )
    assert old.item_for("http://www.wpthemetestdata.wordpress.com/?p=1168#comments") == 1168
    assert old.item_for("/?page_id=146") == 146
    assert old.item_for("https://elsewhere.example/2012/01/04/template-password-protected/") is None
    claimed = [
        path_key(*p.split("?", 1)) if "?" in p else path_key(p) for ps in old.paths.values() for p in ps
    ]
    assert len(claimed) == len(set(claimed))


def test_category_archive_addresses_follow_nesting(theme):
    old = OldSite(theme)
    assert old.category_paths(["grandchild-category", "child-category-03", "parent-category"], 7) == [
        "/category/parent-category/child-category-03/grandchild-category/",
        "/category/grandchild-category/",
        "/?cat=7",
    ]
    assert old.tag_paths("tag1") == ["/tag/tag1/", "/?tag=tag1"]


def test_the_example_mapping_file_in_the_repository_loads():
    example = Path(__file__).parents[1] / "mapping.example.yaml"
    mapping = load_mapping(example)
    assert mapping.kind_terms["how-to"] == "method" and mapping.sections["uncategorized"].title == "General"


ID_LESS = """<?xml version="1.0"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Has ?p= in its guid</title><guid>https://old.example/?p=42</guid>
 <wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>
<item><title>Has a page id in its link</title><link>https://old.example/?page_id=7</link>
 <wp:post_type>page</wp:post_type><wp:status>publish</wp:status></item>
<item><title>Only a guid</title><guid>urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e</guid>
 <wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>
<item><title>Only a link</title><link>https://old.example/2020/05/only-a-link/</link>
 <wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>
<item><title>Same guid again</title><guid>urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e</guid>
 <wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>
<item><title>Nothing to know it by</title><content:encoded>Text</content:encoded>
 <wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>
</channel></rss>"""


def test_items_without_post_ids_take_the_id_in_their_guid_or_link_or_a_lasting_stand_in(tmp_path):
    path = tmp_path / "id-less.xml"
    path.write_text(ID_LESS)
    first, again = (make_plan(parse_wxr(path), Mapping.defaults(), NOW) for _ in range(2))
    ids = {p.title: p.wp_id for p in first.items}
    assert ids["Has ?p= in its guid"] == 42 and ids["Has a page id in its link"] == 7
    assert ids["Only a guid"] < 0 and ids["Only a link"] < 0 and ids["Only a guid"] != ids["Only a link"]
    assert {p.title: p.wp_id for p in again.items} == ids, "the same ids on every run"
    reasons = {item.title: reason for item, reason in first.skipped}
    assert reasons == {
        "Same guid again": "a second item with the same guid or link",
        "Nothing to know it by": "no WordPress ID (wp:post_id), guid or link, so it could not be tracked",
    }
