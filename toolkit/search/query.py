"""Turning the words a reader typed into a search: stop words, synonyms and typo suggestions.

Pure Python (no Django, no database): the caller passes the synonym groups and the vocabulary, so
every rule here is unit-tested on its own.
"""

import difflib
import unicodedata
from dataclasses import dataclass, field

from toolkit.core.words import STOP_WORDS, WORD, words_of

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 12


# Letters and digits in any script, plus apostrophes and hyphens inside words.
def clean_query(raw):
    """The words of a query, without operators, symbols or control characters, and its length capped.

    Returns ``(query, was_trimmed)``. ``'"cil" OR s106*: & | ! 🏠'`` becomes ``'cil OR s106'``:
    quotes, wildcards, colons and emoji are not syntax for us, just noise.
    """
    text = unicodedata.normalize("NFKC", raw or "")
    words = WORD.findall(text)
    trimmed = len(text) > MAX_QUERY_CHARS or len(words) > MAX_QUERY_WORDS
    words = [word.replace("’", "'") for word in words[:MAX_QUERY_WORDS]]
    query = " ".join(words)[:MAX_QUERY_CHARS].strip()
    return query, trimmed


def content_words(words):
    """The words that carry meaning; all of them if the query is nothing but stop words."""
    kept = [word for word in words if word not in STOP_WORDS]
    return kept or list(words)


@dataclass
class Unit:
    """One thing the reader asked for: a word, or a phrase with its synonyms."""

    text: str
    alternatives: list = field(default_factory=list)

    def all_forms(self):
        return [self.text] + [alt for alt in self.alternatives if alt != self.text]


def synonym_index(groups):
    """``{"cil": ["cil", "community infrastructure levy"], ...}`` from lists of equivalent terms.

    Keys leave out stop words ("community right bid"), as the query's words do before matching;
    the values keep each term as written, for phrase searches.
    """
    index = {}
    for group in groups:
        for term in group:
            key = " ".join(content_words(term.split()))
            index.setdefault(key, [])
            index[key] += [other for other in group if other not in index[key]]
    return index


def find_units(words, synonyms, max_phrase=5):
    """Split the query words into units, matching the longest synonym phrase first.

    ``["section", "106", "rules"]`` with a group for "section 106" gives two units: the phrase
    (with "s106", "planning obligation" ...) and the word "rules".
    """
    units, i = [], 0
    while i < len(words):
        for size in range(min(max_phrase, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            if phrase in synonyms:
                forms = synonyms[phrase]
                units.append(Unit(forms[0] if phrase not in forms else phrase, forms))
                i += size
                break
        else:
            units.append(Unit(words[i]))
            i += 1
    return units


def suggest_spelling(words, vocabulary, cutoff=0.75):
    """A corrected query when some words are unknown and a close known word exists, else ``None``.

    ``vocabulary`` is a set of lower-case words the toolkit uses. Only words of four letters or
    more are corrected, and only to words of a similar length, so "cil" is left alone.
    """
    corrected, changed = [], False
    for word in words:
        if word in vocabulary or len(word) < 4 or word.isdigit():
            corrected.append(word)
            continue
        candidates = [v for v in vocabulary if abs(len(v) - len(word)) <= 2 and v[0] == word[0]]
        match = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
        if match:
            corrected.append(match[0])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None


def word_matches(query_word, text_word):
    """Same word, or one is a stem of the other ("plan" ~ "planning"); short words must match exactly."""
    if query_word == text_word:
        return True
    if len(query_word) >= 4 and text_word.startswith(query_word):
        return True
    return len(text_word) >= 4 and query_word.startswith(text_word)


def form_in(form, text_words, joined):
    form_words = form.split()
    if len(form_words) > 1:
        return f" {form} " in f" {joined} "
    return any(word_matches(form, word) for word in text_words)


def coverage(units, text):
    """The share (0 to 1) of units that appear in ``text`` in any of their forms."""
    if not units:
        return 0.0
    text_words = words_of(text)
    joined = " ".join(text_words)
    found = sum(1 for unit in units if any(form_in(form, text_words, joined) for form in unit.all_forms()))
    return found / len(units)


def names_exactly(units, text):
    """Whether ``text`` is nothing but the query: every unit found and no other meaningful word.

    "Neighbourhood Plan" is named exactly by "neighborhood plan" (a synonym) but not by "plan".
    """
    text_words = content_words(words_of(text))
    forms_words = {word for unit in units for form in unit.all_forms() for word in form.split()}
    return covers(units, text) and all(any(word_matches(f, t) for f in forms_words) for t in text_words)


def covers(units, text):
    return coverage(units, text) == 1.0


def highlight_terms(units):
    """Every word form worth marking in a result summary."""
    terms = set()
    for unit in units:
        for form in unit.all_forms():
            terms.update(word for word in form.split() if word not in STOP_WORDS)
    return terms
