"""Turns the first mention of each glossary term in some HTML into a link to its definition.

Pure Python (no Django), so it can be tested and benchmarked alone. The rules:

- matching is case-insensitive and on whole words; a hyphen joins words ("anti-social" is one
  word, so "social" is not found inside it); acronyms (a word with two or more capitals, such as
  "CIL" or "BIDs") match only as written, so "cat" never links to "CAT";
- plurals ("neighbourhood plans", "charities", "assets of community value") and possessives
  ("the council's") match too;
- the longest name wins where names overlap ("neighbourhood plan" beats "plan");
- only the first linkable mention of each term is linked, across every fragment given to one
  :class:`Linker` (a sheet's summary, body and key facts share one);
- text inside headings, links, buttons, code, ``pre`` and other elements in :data:`SKIPPED` is
  left alone, and so are the terms a caller excludes (a sheet's own term);
- so are the places where a definition would only be noise, because the reader is already being
  told what the words are: a bold lead-in (``<p><strong>Parish council:</strong> ...``, where the
  writer has made the words a label), the name of an Act or of Regulations ("Localism Act 2011":
  "Localism" or "Act" in it is part of a title, not the idea), and the sentence in which the text
  itself defines the term ("An interim moratorium is a pause...", "a pause, called the interim
  moratorium"); a later mention elsewhere may still be linked;
- the HTML is tokenised with the standard library's ``html.parser`` and copied through byte for
  byte except where a link is inserted, so entities, comments and nested tags survive as written.

Speed: every name of every term is compiled into a single regular expression shaped like a trie
(names that share a beginning share a branch), built once per set of terms. Text is scanned in
one pass, and the work at each word is bounded by the length of the longest name it could start,
not by the number of terms: linking against 6,000 terms costs about the same as against 60
(see ``bench/glossary``).
"""

import html
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose text is never linked: headings, interactive content, code and non-text.
SKIPPED = frozenset(
    {
        "h1", "h2", "h3", "h4", "h5", "h6",
        "a", "button", "label", "select", "option", "textarea", "summary",
        "code", "pre", "kbd", "samp", "var", "dfn",
        "script", "style", "template", "title", "svg", "math", "iframe", "object",
    }
)  # fmt: skip
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# Elements that hold a paragraph's worth of text: a bold element that opens one is a lead-in.
BLOCKS = frozenset(
    {"p", "li", "dd", "dt", "td", "th", "div", "blockquote", "figcaption", "caption", "section", "article"}
)
BOLD = frozenset({"b", "strong"})
APOSTROPHES = "'\u2019"
_ACRONYM = re.compile(r"[A-Z].*[A-Z]")
_SPACE = re.compile(r"\s+")
# The title of an Act or of Regulations: capitalised words (joined by "and", "of"... only before
# another capitalised word, so "the Right to Bid and the Localism Act" is not one long title),
# ending in "Act" or "Regulations", with its year if it has one. "(England)" may sit inside.
_CAPITALISED = r"(?:[A-Z][\w'\u2019-]*|\([A-Z][a-z]+\))"
_LAW_TITLE = re.compile(
    rf"{_CAPITALISED}(?:\s+(?:(?:and|of|for|to|in|on)\s+)?{_CAPITALISED})*?\s+(?:Act|Regulations)\b"
    r"(?:\s+\d{4})?"
)
# Words that show the text is defining the term just named ("... is a", "..., which means") or
# is about to name the term it has just described ("a pause, called the").
_DEFINES_AFTER = re.compile(
    r"\s*(?:\([^()]{0,80}\)\s*)?(?:,\s*(?:which|that|who)\s+)?"
    r"(?:(?:is|are)\s+(?:an?|the|one|when|what|how|where|short\s+for|called)\b|means?\b|refers?\s+to\b)",
    re.IGNORECASE,
)
_DEFINES_BEFORE = re.compile(r"\b(?:called|known\s+as|named)\s+(?:(?:an?|the)\s+)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[;:]\s")
_TAG = re.compile(r"<[^>]*>?")
_BLOCK_EDGE = re.compile(
    r"</?(?:p|li|dt|dd|td|th|div|h[1-6]|ul|ol|dl|section|blockquote|br)\b[^>]*>?", re.IGNORECASE
)


@dataclass(frozen=True)
class Term:
    """One glossary entry as the linker sees it: a key, every name to look for, and a link."""

    key: str
    names: tuple[str, ...]
    href: str


def normalise(text):
    """The form names are compared in: lower case, single spaces, straight apostrophes."""
    return _SPACE.sub(" ", text.strip()).lower().replace("\u2019", "'")


def is_acronym(word):
    """``CIL``, ``BIDs``, ``CRtBO``: a word with two or more capitals matches only as written."""
    return bool(_ACRONYM.search(word))


def plural(word):
    """The regular English plural of a word, or ``None`` when it does not take one."""
    if not word or not word[-1].isalpha():
        return None
    if is_acronym(word):
        return word + "s"
    lower = word.lower()
    if lower.endswith("s"):
        return None  # already plural ("basic conditions") or a word like "census"
    if lower.endswith(("x", "z", "ch", "sh")):
        return word + "es"
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def word_forms(name):
    """A name and its plurals: "charity" gives "charities"; "asset of community value" gives
    "assets of community value" as well as "asset of community values"."""
    name = _SPACE.sub(" ", name.strip())
    if not name:
        return []
    forms = [name]
    head, space, last = name.rpartition(" ")
    if (last_plural := plural(last)) is not None:
        forms.append(head + space + last_plural)
    first, of, rest = name.partition(" of ")
    if of and " " not in first and (first_plural := plural(first)) is not None:
        forms.append(first_plural + of + rest)
    return forms


def _words_match(text, form):
    """Whether matched ``text`` fits a case-sensitive ``form``: acronyms exactly, other words in any case."""
    text_words = normalise_apostrophes(text).split()
    form_words = normalise_apostrophes(form).split()
    if len(text_words) != len(form_words):
        return False
    return all(
        t == f if is_acronym(f) else t.lower() == f.lower()
        for t, f in zip(text_words, form_words, strict=True)
    )


def normalise_apostrophes(text):
    return text.replace("\u2019", "'")


def _char_pattern(char):
    if char == " ":
        return r"\s+"
    if char == "'":
        return f"[{APOSTROPHES}]"
    return re.escape(char)


def _trie_pattern(node):
    """A regular expression for a trie node: shared beginnings once, longest alternative first."""
    branches = [_char_pattern(char) + _trie_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a name ends here, but a longer one may go on: try the longer one first
        return f"(?:{body})?"
    return body


class TermIndex:
    """Every name of every term compiled into one pattern. Build once per set of terms, reuse.

    Where two terms share a name, the first one given keeps it; order the terms accordingly.
    """

    def __init__(self, terms):
        self.terms = {}
        self._owners = {}  # normalised form -> [(form that must match as written, or None, key)]
        trie = {}
        for term in terms:
            self.terms.setdefault(term.key, term)
            for name in term.names:
                for form in word_forms(name):
                    self._add(form, term.key, trie)
        trie_pattern = _trie_pattern(trie)
        self.pattern = (
            re.compile(
                rf"(?<!\w)(?<!\w-)({trie_pattern})(?:[{APOSTROPHES}]s)?(?!\w)(?!-\w)",
                re.IGNORECASE,
            )
            if trie_pattern
            else None
        )

    def _add(self, form, key, trie):
        normal = normalise(form)
        if not normal:
            return
        exact = form if any(is_acronym(word) for word in form.split()) else None
        owners = self._owners.setdefault(normal, [])
        if any(existing_exact == exact for existing_exact, _ in owners):
            return  # an earlier term already has this name
        owners.append((exact, key))
        if exact is not None:  # try names that must match as written before looser ones
            owners.sort(key=lambda owner: owner[0] is None)
        node = trie
        for char in normal:
            node = node.setdefault(char, {})
        node[""] = {}

    def __len__(self):
        return len(self.terms)

    def owner(self, matched):
        """The key of the term that ``matched`` text names, or ``None`` (e.g. "bid" for "BID")."""
        for exact, key in self._owners.get(normalise(matched), ()):
            if exact is None or _words_match(matched, exact):
                return key
        return None

    def linker(self, exclude=()):
        return Linker(self, exclude)


def anchor_tag(term):
    """The opening tag of an inline definition: a plain link that works without JavaScript."""
    return (
        f'<a href="{html.escape(term.href)}" class="glossary-term" '
        f'data-glossary-term="{html.escape(term.key)}">'
    )


class Linker:
    """Links terms in one or more HTML fragments of one page, each term once across all of them."""

    def __init__(self, index, exclude=()):
        self.index = index
        self.exclude = frozenset(exclude)
        self.linked = {}  # key -> None, in the order first linked

    def link(self, source):
        """``source`` with the first mention of each term not yet linked turned into a link."""
        if self.index.pattern is None or not source:
            return source
        parts = []
        done = 0
        for start, end in _linkable_runs(source):
            for raw_start, raw_end, key in self._matches(source, start, end):
                parts += [source[done:raw_start], anchor_tag(self.index.terms[key])]
                parts += [source[raw_start:raw_end], "</a>"]
                done = raw_end
        if not parts:
            return source
        parts.append(source[done:])
        return "".join(parts)

    def _matches(self, source, start, end):
        """(raw start, raw end, key) for each term to link in the text ``source[start:end]``."""
        raw = source[start:end]
        text, to_raw = _decode(raw)
        titles = _law_titles(text)
        defined_until = {}  # key -> offset where the sentence defining it ends
        for match in self.index.pattern.finditer(text):
            key = self.index.owner(match.group(1))
            if key is None or key in self.linked or key in self.exclude:
                continue
            if any(t_start < match.end() and match.start() < t_end for t_start, t_end in titles):
                continue  # part of the name of an Act
            if match.start() < defined_until.get(key, -1):
                continue  # the sentence that defines it, mentioning it again
            if _defines(text, match.start(), match.end(), _around(source, start, end)):
                defined_until[key] = _sentence_end(text, match.end())
                continue
            span = to_raw(match.start(), match.end())
            if span is None:  # a match that begins or ends inside a character reference
                continue
            self.linked[key] = None
            yield start + span[0], start + span[1], key


def _law_titles(text):
    """(start, end) of each title of an Act or Regulations in ``text`` (cheap when there is none)."""
    if "Act" not in text and "Regulations" not in text:
        return []
    return [title.span() for title in _LAW_TITLE.finditer(text)]


def _around(source, start, end):
    """The text just before and just after the run ``source[start:end]`` within its block, as plain
    text: a term in bold or in italics is defined by the words outside the element."""
    before = _BLOCK_EDGE.split(source[max(0, start - 200) : start])[-1]
    after = _BLOCK_EDGE.split(source[end : end + 200])[0]
    return html.unescape(_TAG.sub("", before)), html.unescape(_TAG.sub("", after))


def _defines(text, start, end, around=("", "")):
    """Whether the words at ``text[start:end]`` are being defined by the sentence they stand in
    (``around`` is the plain text either side of ``text`` in the same block)."""
    before, after = (around[0] + text[:start])[-160:], (text[end:] + around[1])[:80]
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
    return bool(_DEFINES_AFTER.match(after) or _DEFINES_BEFORE.search(before[sentence_start:]))


def _sentence_end(text, offset):
    found = _SENTENCE_END.search(text, offset)
    return found.start() if found else len(text)


def link_terms(source, index, exclude=()):
    """Link the first mention of each term in one HTML fragment."""
    return index.linker(exclude).link(source)


def _decode(raw):
    """The text of a run of HTML character data, and a function mapping text spans back to ``raw``.

    Character references (``&amp;``, ``&#8217;``) are decoded for matching but never split: a span
    that starts or ends inside one maps to ``None``.
    """
    if "&" not in raw:
        return raw, lambda s, e: (s, e)
    pieces = re.split(r"(&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?))", raw)
    text_starts, raw_starts, literal = [], [], []
    text_parts = []
    text_pos = raw_pos = 0
    for piece in pieces:
        if not piece:
            continue
        decoded = html.unescape(piece) if piece.startswith("&") else piece
        text_starts.append(text_pos)
        raw_starts.append(raw_pos)
        literal.append(decoded == piece)
        text_parts.append(decoded)
        text_pos += len(decoded)
        raw_pos += len(piece)
    text_starts.append(text_pos)
    raw_starts.append(raw_pos)

    def position(offset, at_end):
        index = bisect_right(text_starts, offset) - 1
        if at_end and index > 0 and text_starts[index] == offset:
            index -= 1  # an end offset belongs to the piece before it
        if index >= len(literal) or literal[index]:
            return raw_starts[index] + offset - text_starts[index]
        if offset == text_starts[index]:
            return raw_starts[index]
        if offset == text_starts[index + 1]:
            return raw_starts[index + 1]
        return None

    def to_raw(start, end):
        raw_start, raw_end = position(start, False), position(end, True)
        return None if raw_start is None or raw_end is None else (raw_start, raw_end)

    return "".join(text_parts), to_raw


class _Scanner(HTMLParser):
    """Finds where each piece of markup and text starts, and whether the text may be linked."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.marks = []  # (line, column, linkable text?) for every token, in order
        self.open_skipped = Counter()
        self.skipping = 0
        self.block_has_text = False  # whether the current block has shown any words yet

    def _mark(self, text):
        line, column = self.getpos()
        self.marks.append((line, column, text and not self.skipping))

    def handle_starttag(self, tag, attrs):
        self._mark(False)
        if tag in BLOCKS:
            self.block_has_text = False
        if tag in SKIPPED or (tag in BOLD and not self.block_has_text):  # a bold lead-in
            self.open_skipped[tag] += 1
            self.skipping += 1

    def handle_startendtag(self, tag, attrs):
        # Browsers ignore the slash on a non-void element ("<a/>" opens a link): so do we.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self._mark(False)
        if tag in BLOCKS:
            self.block_has_text = False
        if self.open_skipped[tag] > 0:
            self.open_skipped[tag] -= 1
            self.skipping -= 1

    def handle_data(self, data):
        self._mark(True)
        if data.strip():
            self.block_has_text = True

    def handle_entityref(self, name):
        self._mark(True)
        self.block_has_text = True

    handle_charref = handle_entityref

    def handle_comment(self, data):
        self._mark(False)

    handle_decl = handle_pi = unknown_decl = handle_comment


def _linkable_runs(source):
    """(start, end) offsets in ``source`` of each run of text that may be linked."""
    scanner = _Scanner()
    scanner.feed(source)
    scanner.close()
    line_starts = [0] + [match.end() for match in re.finditer("\n", source)]
    runs = []
    run_start = None
    for line, column, linkable in scanner.marks:
        offset = line_starts[line - 1] + column
        if linkable and run_start is None:
            run_start = offset
        elif not linkable and run_start is not None:
            runs.append((run_start, offset))
            run_start = None
    if run_start is not None:
        runs.append((run_start, len(source)))
    return runs
