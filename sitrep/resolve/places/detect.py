"""Place names the statistical model missed: gazetteer names accepted by the words around them.

The small model's named-entity tagger misses many small towns, tags others as people, and
finds nothing in headline or all-capitals copy. Here every run of capitalised words outside
the model's place entities is looked up in the gazetteer, and a name the index knows is kept
only when its context says it is a place:

* strong context: a kind word after it ("Ardmore county", "Kisoro District"), a kind phrase
  before it ("the village of Ardmore"), or a comma and a division or country that holds it
  ("Ardmore, Oklahoma");
* weak context: a preposition of place before it ("in Ardmore", "near Kisoro"), a word after
  it such as "Ardmore residents" (``places/after_words.tsv``, where "the Ardmore area" is
  strong) or a place next to it in a list ("Ardmore, Duncan and Ada"); enough for a name that
  is no English word.

A name that is also an English word ("Mobile", "Hope", "Will") needs strong context, like a
name listed in ``not_places.tsv``; with a weak context (after a preposition of place,
before "residents") it is only a candidate ("maybe"), which the geocoder keeps when the rest
of the article vouches for it (a town of that name in the state the article is about, or
near its other places). So is a proper noun with no context at all that is no English word
(a one-word name the model took for a person's among them: "flee Ardmore toward Duncan").
A demonym is never a place; the first word of a sentence has no preposition before it and so
needs strong context too. Names of streets ("Elm Street",
"Route 9") are found by the words that end them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from sitrep.codebook.load import load_json
from sitrep.resolve.places.countries import country_for_demonym, read_tsv

MAX_NAME_TOKENS = 6
MAX_ACRONYM = 4
MIN_LETTERS = 3
TITLED_MIN_WORDS = 3
BARE_MIN_POPULATION = 10_000
TABLE_ROWS = 3  # rows of names and figures that make a table
GUESSED = ("PERSON", "ORG")
BUSY_LABELS = frozenset({"NORP", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL",
                         "ORDINAL", "LANGUAGE", "LAW"})

MAX_NAME_TAIL = 3
"""How many capitalised words after a demonym :meth:`Scanner._begins_known_name` tries."""
STREET_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)?")  # "405", "42nd"
ROAD_NUMBER = re.compile(r"[A-Z]{1,2}-?\d{1,3}[A-Z]?")  # "M62", "N7", "AP-7"


@dataclass(frozen=True, slots=True)
class Found:
    """A place name found by the gazetteer scan: token span and what kind of evidence."""

    start: int
    end: int
    context: str  # "strong", "weak", "list", "maybe", "lone" or "street"


@cache
def locatives() -> dict[tuple[str, ...], str]:
    """Phrases before a name that make it a place, as word tuples → "strong" or "weak": the
    shared one-word prepositions of place, then the phrases of ``places/locatives.tsv``."""
    table: dict[tuple[str, ...], str] = {
        (word,): "weak" for word in load_json("cues/clauses.json")["locative_preps"]}
    table.update({tuple(row[0].split()): row[1] for row in read_tsv("locatives.tsv")})
    return table


@cache
def after_words() -> dict[tuple[str, ...], str]:
    """Phrases after a name that make it a place, as word tuples (a possessive "'s" its own
    word, as the tokenizer splits it) → "strong", "weak" or "body"."""
    return {tuple(row[0].replace("'s", " 's").split()): row[1]
            for row in read_tsv("after_words.tsv")}


@cache
def _after_sizes() -> tuple[int, ...]:
    """The word counts of the phrases of ``after_words``, longest first."""
    return tuple(sorted({len(phrase) for phrase in after_words()}, reverse=True))


@cache
def locative_kinds() -> dict[tuple[str, ...], str]:
    """Phrases before a name that say what kind of place it is ("the city of" → "city",
    "the province of" → "division")."""
    return {tuple(row[0].split()): row[2] for row in read_tsv("locatives.tsv")
            if len(row) > 2 and row[2]}


@cache
def kind_nouns() -> frozenset[str]:
    """Nouns that name a kind of place ("town", "province"): the first words of the kind
    phrases of ``locatives.tsv``."""
    return frozenset(phrase[0] for phrase in locative_kinds())


@cache
def _after_kind_noun() -> frozenset[str]:
    """Words that may follow a kind noun in an apposition ("a town near", "a village in",
    "the capital of"): the prepositions of place and the first words of proximity phrases."""
    words = set(load_json("cues/clauses.json")["locative_preps"])
    words.update(row[0].split()[0] for row in read_tsv("proximity_words.tsv"))
    words.update(phrase[-1] for phrase in locative_kinds())
    return frozenset(words)


@cache
def name_glue() -> frozenset[str]:
    """Words that may stand between the capitalised words of one name ("au", "de la")."""
    return frozenset(row[0] for row in read_tsv("name_glue.tsv"))


@cache
def name_edges(position: str) -> frozenset[str]:
    """Words at the ``start`` or ``end`` of a place mention that are not part of the name (an
    article, a possessive)."""
    return frozenset(word for word, where in read_tsv("name_edges.tsv") if where == position)


@cache
def list_gaps() -> frozenset[str]:
    """What may stand between the names of a list ("," "and" ", and" "/")."""
    return frozenset(row[0] for row in read_tsv("list_gaps.tsv"))


@cache
def table_gaps() -> frozenset[str]:
    """What ends a row of a table written as text and begins the next (";", "|", ":")."""
    return frozenset(row[0] for row in read_tsv("table_gaps.tsv"))


@cache
def _function_words() -> frozenset[str]:
    """Words that may be capitalised in a title-case headline between names: prepositions of
    place, list words, name glue."""
    return frozenset({*(p[0] for p in locatives() if len(p) == 1), *name_glue(),
                      *(gap for gap in list_gaps() if " " not in gap)})


@cache
def kind_words() -> frozenset[str]:
    """Words after a name that make it a division or a feature ("province", "County"); not
    the words of sites ("Park"), which name a place of their own."""
    return frozenset(word for word, kind in read_tsv("name_parts.tsv") if kind != "site")


@cache
def street_words() -> dict[str, str]:
    return {word: position for word, position in read_tsv("street_words.tsv")}


@cache
def road_cues() -> dict[tuple[str, ...], str]:
    """Words before "the" and a bare road number, or after it, that make it a road's name
    (``places/road_cues.tsv``): phrase (lower-case words) → "before" or "after"."""
    return {tuple(phrase.split()): position for phrase, position in read_tsv("road_cues.tsv")}


def _road_number(words: Words, i: int) -> bool:
    """"closed the R21", "the N7 near Naas": a bare road number after "the", with a word of
    :func:`road_cues` before "the" or after the number."""
    if i < 1 or words.lower[i - 1] != "the" or i in words.busy or not (
            ROAD_NUMBER.fullmatch(words.text[i])):
        return False
    cues = road_cues()
    if i >= 2 and cues.get((words.lower[i - 2],)) == "before":
        return True
    return any(cues.get(tuple(words.lower[i + 1:i + 1 + size])) == "after" for size in (1, 2))


@cache
def not_places() -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv("not_places.tsv"))


@cache
def place_acronyms() -> frozenset[str]:
    """Short forms in capitals that ``places/admin1_aliases.tsv`` lists ("NSW", "N.C."):
    places, not the acronyms of bodies that other short capitals are."""
    return frozenset(row[0] for row in read_tsv("admin1_aliases.tsv") if _acronym(row[0]))


@cache
def english_words() -> frozenset[str]:
    """The model's English word list (lower case), shared with the case restorer."""
    from sitrep.nlp.truecase import english_words as words

    return words()


class Words:
    """The token attributes the scan reads, taken from the ``Doc`` once (reading them token by
    token from the ``Doc`` again and again costs more than the whole scan)."""

    def __init__(self, doc: Doc, ents: list[Span], busy: set[int],
                 text: str | None = None) -> None:
        self.doc_text = doc.text if text is None else text
        self.text = [t.text for t in doc]
        self.lower = [w.lower() for w in self.text]
        flags = doc.to_array(["SENT_START", "LIKE_NUM", "IDX", "POS"]).tolist() if len(
            doc) else []
        proper = doc.vocab.strings["PROPN"]
        self.sent_start = [row[0] == 1 for row in flags]
        self.number = [row[1] == 1 for row in flags]
        self.idx = [row[2] for row in flags]
        self.proper = [row[3] == proper for row in flags]
        self.entity: list[tuple[int, int, str] | None] = [None] * len(doc)
        for ent in ents:
            for i in range(ent.start, ent.end):
                self.entity[i] = (ent.start, ent.end, ent.label_)
        self.busy = busy
        self.capital = [_capitalised(t) for t in self.text]
        self.titled = _titled_sentences(self.text, self.capital, self.sent_start)
        self.surnames = {self.text[ent.end - 1] for ent in ents if ent.label_ == "PERSON"}
        self.full_names = {self.text[ent.end - 1] for ent in ents
                           if ent.label_ == "PERSON" and len(ent) > 1}
        self.in_full_name = [entity is not None and entity[2] == "PERSON" and (
            entity[1] - entity[0] > 1) for entity in self.entity]

    def __len__(self) -> int:
        return len(self.text)

    def name(self, i: int) -> bool:
        """A capitalised word free for the scan, no number but one spelled out, which may
        begin a name ("Two Harbors", "Thousand Oaks") but is none alone."""
        return i not in self.busy and self.capital[i] and (
            not self.number[i] or self.text[i].isalpha())

    def span(self, start: int, end: int) -> str:
        """The text of tokens ``start:end``."""
        return self.doc_text[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]


def _titled_sentences(text: list[str], capital: list[bool], sent_start: list[bool]
                      ) -> list[bool]:
    """Per token, whether its sentence or line is written in title case (a headline: "Barn
    Fire Near Ardmore Kills 40 Cattle"), where a capital says nothing about a name: at least
    TITLED_MIN_WORDS capitalised words of four letters or more, and no lower-case word of
    four letters or more but prepositions of place and list words (title case leaves only
    short function words in lower case; prose, however many names it holds, has others)."""
    flags = [False] * len(text)
    start = 0
    for end in range(1, len(text) + 1):
        if end < len(text) and not sent_start[end] and "\n" not in text[end - 1]:
            continue
        words = [i for i in range(start, end) if len(text[i]) >= 4 and text[i].isalpha()]
        capitals = sum(1 for i in words if capital[i])
        lower = any(not capital[i] and text[i] not in _function_words() for i in words)
        if capitals >= TITLED_MIN_WORDS and not lower:
            flags[start:end] = [True] * (end - start)
        start = end
    return flags


def _capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def _runs(words: Words) -> Iterator[tuple[int, int]]:
    """Runs of capitalised tokens, glue words allowed between them ("Stratford upon Avon")."""
    i, n = 0, len(words)
    glue_words = name_glue()
    while i < n:
        if not words.name(i):
            i += 1
            continue
        end = i + 1
        while end < n:
            if words.name(end):
                end += 1
                continue
            glue = end
            while glue < n and glue - end < 3 and words.lower[glue] in glue_words:
                glue += 1
            if glue == end or glue >= n or not words.name(glue):
                break
            end = glue + 1
        yield i, end
        i = end


def _locative(words: Words, start: int) -> str | None:
    """"strong", "weak" or "named" (an institution's name: "University of") when a phrase of
    ``locatives.tsv`` ends just before the name (a "the" between them skipped); "weak" after
    a person's age and "of" ("a man, 24, of Ardmore")."""
    at = start - 1 if start > 0 and words.lower[start - 1] == "the" else start
    before = tuple(words.lower[max(0, at - 3):at])
    for size in (3, 2, 1):
        if len(before) >= size and (strength := locatives().get(before[-size:])):
            return strength if strength != "none" else None
    if at >= 3 and words.lower[at - 1] == "of" and words.text[at - 2] == "," and (
            words.number[at - 3]):
        return "weak"  # "the driver, 24, of Ardmore": where a person named with an age lives
    return None


def _after(words: Words, end: int) -> str | None:
    """"strong", "weak" or "body" when a phrase of ``after_words.tsv`` follows the name, a
    possessive between them skipped ("Ardmore's mayor")."""
    at = end + 1 if end < len(words) and words.lower[end] in ("'s", "\u2019s") else end
    table = after_words()
    for size in _after_sizes():
        phrase = tuple(w.replace("\u2019", "'") for w in words.lower[at:at + size])
        if len(phrase) == size and (strength := table.get(phrase)):
            return strength
    return None


def names_other_thing(after: list[str]) -> bool:
    """Whether the words just after a place name (lower case) make it part of the name of
    something else, a disease ("Ardmore virus"): a phrase of strength "none" of
    ``after_words.tsv``."""
    for size in _after_sizes():
        phrase = tuple(after[:size])
        if len(phrase) == size and after_words().get(phrase) == "none":
            return True
    return False


def _body(words: Words, start: int, end: int) -> bool:
    """"Ardmore Police Department", "the Ardmore school board": the name begins the name of a
    local public body (an ``after_words.tsv`` phrase of strength "body" follows it), is a
    proper noun there and no surname of a person the document names in full ("Smith
    Police" is none; a lone name the model took for a person, "Ardmore police", or one it
    ran on into the body's words as one person, "Ardmore RCMP", still is), and no capitalised
    word before it makes it part of a longer name."""
    if _after(words, end) != "body" or _ordinary(words, start, end) or (
            words.span(start, end) in words.full_names or _named_person(words, start, end)):
        return False
    before = start - 1
    return before < 0 or words.sent_start[start] or not words.capital[before] or (
        words.lower[before] in _function_words() or words.lower[before] in name_edges("start"))


def _named_person(words: Words, start: int, end: int) -> bool:
    """The name is part of a person's full name that ends within it ("Smith" of "John Smith
    Police"), not a name the model ran on into the body's words as one person ("Ardmore
    RCMP" tagged as a person's name)."""
    entity = words.entity[start]
    return words.in_full_name[start] and entity is not None and entity[1] <= end


def _no_word_nor_surname(words: Words, text: str) -> bool:
    """A name that is no English word (proper nouns of the word list included: "Duncan") and
    no surname of a person the document names: what "Ardmore police" or "Ardmore officials"
    needs, since "Smith officials" reads the same."""
    return text.lower() not in english_words() and text not in words.surnames


def _kind_after(words: Words, start: int, end: int) -> bool:
    """A kind word after the name ("Ardmore county"), not the start of a longer name
    ("Ardmore Lake Road"). A capitalised kind word after an English word is an institution's
    name ("Police Department"), not a division, unless the kind word names a settlement
    ("Hamilton Township": a kind of the "city" phrases of ``locatives.tsv``)."""
    if end >= len(words) or not _is_kind(words.text[end]) or (
            end + 1 < len(words) and words.text[end + 1] in street_words()):
        return False
    return not (words.text[end][0].isupper() and end - start == 1
                and words.lower[start] in english_words()
                and words.lower[end] not in _settlement_nouns())


@cache
def _settlement_nouns() -> frozenset[str]:
    """Nouns of settlements ("township", "borough"): the first words of the kind phrases of
    ``locatives.tsv`` whose kind is "city"."""
    return frozenset(phrase[0] for phrase, kind in locative_kinds().items() if kind == "city")


def _is_kind(word: str) -> bool:
    """A kind word as written, or in capitals ("COUNTY")."""
    return word in kind_words() or (word.isupper() and (
        word.lower() in kind_words() or word.title() in kind_words()))


def _inside_longer_name(words: Words, start: int, end: int) -> bool:
    """The known name is only part of a longer capitalised name ("Republic" of "Republic Act",
    "King" of "King Nut Companies"): a capitalised word touches it that is no preposition,
    list word or glue (a title-case headline's "In" and "And" do not count)."""
    before = start - 1
    return (before >= 0 and _name_word(words, before) and not words.sent_start[start]) or (
        end < len(words) and _name_word(words, end))


def _name_word(words: Words, i: int) -> bool:
    """A capitalised word that may belong to a name: no preposition, list word, glue or article
    ("A Tishomingo-based firm"), and in a title-case headline no English word nor a word the
    tagger reads as no proper noun
    ("Kills" of "Barn Fire Near Ardmore Kills")."""
    return words.capital[i] and words.lower[i] not in _function_words() and (
        words.lower[i] not in name_edges("start")) and not (
        words.titled[i] and (not words.proper[i] or words.lower[i] in english_words()))


def _acronym(text: str) -> bool:
    """"CDC", "UGA": in text that is not all capitals, a short all-capitals word is an
    acronym, whatever town shares its letters."""
    letters = text.replace(".", "")
    return letters.isupper() and len(letters) <= MAX_ACRONYM


def _short(text: str) -> bool:
    """An acronym or a name of fewer than MIN_LETTERS letters, unless a listed place's of
    MIN_LETTERS or more ("NSW", "N.C."): a listed two-letter code ("OK", "IN") is a place only
    after a town it holds (:meth:`Scanner._container_end`)."""
    letters = sum(c.isalpha() for c in text)
    return not (text in place_acronyms() and ("." in text or letters >= MIN_LETTERS)) and (
        _acronym(text) or letters < MIN_LETTERS)


def _apposition(words: Words, end: int) -> bool:
    """"Rutshuru, a town 70 km north of Goma", "Kisoro, the capital of the district": after a
    comma, a few lower-case words or numbers, then a kind noun followed by a preposition, a
    number or punctuation."""
    if end >= len(words) or words.text[end] != ",":
        return False
    for i in range(end + 1, min(len(words), end + 5)):
        if words.capital[i]:
            return False
        if words.lower[i] in kind_nouns():
            nxt = i + 1
            return nxt >= len(words) or words.number[nxt] or not any(
                c.isalpha() for c in words.text[nxt]) or words.lower[nxt] in _after_kind_noun()
    return False


def _kind_inside(words: Words, start: int, end: int) -> bool:
    """The known name itself ends with a kind word ("Pontotoc County", "Salt River"), or
    begins with the word of a feature ("Lake Ardmore", "Mount Ardmore": a kind of "feature"
    or "water" in ``places/name_parts.tsv``)."""
    return end - start > 1 and (_is_kind(words.text[end - 1]) or (
        name_parts_kinds().get(words.text[start]) in ("feature", "water")))


@cache
def name_parts_kinds() -> dict[str, str]:
    """Words of ``places/name_parts.tsv`` → their kind."""
    return {word: kind for word, kind in read_tsv("name_parts.tsv")}


def _ordinary(words: Words, start: int, end: int) -> bool:
    """A one-word name that is also an English word ("Mobile", "Hope") and that the tagger
    does not read as a proper noun here (the word list holds proper nouns too: "Duncan")."""
    return end - start == 1 and words.lower[start] in english_words() and not (
        words.proper[start])


class Scanner:
    """Finds gazetteer names in a document; ``known(name)`` says whether the index has a place
    of that name and ``holds(name, outer)`` whether a place named ``outer`` may hold one named
    ``name`` (a division or country of the same country)."""

    def __init__(self, known: Callable[[str], bool], holds: Callable[[str, str], bool],
                 size: Callable[[str], int] | None = None) -> None:
        self.known = known
        self.holds = holds
        self.size = size

    def scan(self, doc: Doc, places: list[Span], ents: list[Span] | None = None,
             text: str | None = None) -> list[Found]:
        """Place names outside ``places`` (the model's place entities), in text order;
        ``ents`` are the document's entities and ``text`` its text when the caller has them
        at hand (``doc.text`` is built from the tokens on every access)."""
        ents = _trim_times(doc, list(doc.ents) if ents is None else ents)
        taken = {i for span in places for i in range(span.start, span.end)}
        busy = taken | {i for ent in ents if ent.label_ in BUSY_LABELS and not _misread(ent)
                        and not self._begins_known_name(doc, ent)
                        for i in range(ent.start, ent.end)}
        words = Words(doc, ents, busy, text)
        self._unlist(words, ents)
        found: list[Found] = []
        for span in places:
            self._add_holder(words, span.start, span.end, taken, found)
        pending: list[tuple[int, int]] = []
        lone: list[tuple[int, int]] = []
        opening: list[tuple[int, int]] = []
        for start, end in _runs(words):
            for begin, stop in self._known_spans(words, start, end):
                if taken.intersection(range(begin, stop)):
                    continue
                context = self._context(words, begin, stop)
                if context is None and country_for_demonym(words.span(begin, stop)):
                    continue  # "Kolda, Gambian officials": no candidate for lists or neighbours
                if context and context not in ("lone", "opening"):
                    found.append(Found(begin, stop, context))
                    taken.update(range(begin, stop))
                    self._add_holder(words, begin, stop, taken, found)
                else:
                    pending.append((begin, stop))
                    if context == "lone":
                        lone.append((begin, stop))
                    elif context == "opening":
                        opening.append((begin, stop))
        found += _tabled(words, pending, taken, places, found)
        found += _listed(words, [p for p in pending if _listable(words, *p) == "list"], taken)
        found += [Found(begin, stop, "maybe") for begin, stop in pending
                  if _listable(words, begin, stop) == "maybe"
                  and _next_to(words, begin, stop, taken)
                  and not taken.intersection(range(begin, stop))]
        found += _repeated(words, pending, taken, places + [
            doc[f.start:f.end] for f in found if f.context == "strong"])
        found += [Found(begin, stop, "lone") for begin, stop in lone
                  if not taken.intersection(range(begin, stop))]  # the last resort
        found += [Found(begin, stop, "maybe") for begin, stop in opening
                  if not taken.intersection(range(begin, stop)) and not any(
                      f.start < stop and begin < f.end for f in found)]
        found += _listed_with_candidates(words, pending, taken, found)
        words.busy = busy | {i for f in found for i in range(f.start, f.end)}
        found += _streets(words)
        return sorted(found, key=lambda f: f.start)

    def _begins_known_name(self, doc: Doc, ent: Span) -> bool:
        """"Spanish Town", "Dutch Harbor", "Indian Wells": a demonym the model tagged alone
        that begins, with the capitalised words after it, a name the index holds, is the
        start of that name, free for the scan's context rules like any other."""
        if ent.label_ != "NORP":
            return False
        end = ent.end
        while end < len(doc) and end - ent.end < MAX_NAME_TAIL and doc[end].text[:1].isupper():
            end += 1
            if self.known(doc[ent.start:end].text):
                return True
        return False

    def _unlist(self, words: Words, ents: list[Span]) -> None:
        """An entity the model read as one organisation or person that is a list of known
        names ("Ardmore and Duncan" tagged ORG), or a known name with a list word at its edge
        ("Duncan and" tagged ORG: a span no name ends with), is no entity for the scan: its
        names may be places by their context like any other."""
        gaps = list_gaps()
        for ent in ents:
            if ent.label_ in ("GPE", "LOC", "FAC") or not any(
                    words.lower[i] in gaps for i in range(ent.start, ent.end)):
                continue
            parts: list[tuple[int, int]] = []
            begin = ent.start
            for i in range(ent.start, ent.end + 1):
                if i == ent.end or words.lower[i] in gaps:
                    if i > begin:
                        parts.append((begin, i))
                    begin = i + 1
            edge = words.lower[ent.start] in gaps or words.lower[ent.end - 1] in gaps
            if (len(parts) > 1 or edge) and all(self.known(words.span(a, b)) for a, b in parts):
                for i in range(ent.start, ent.end):
                    words.entity[i] = None

    def _add_holder(self, words: Words, start: int, end: int, taken: set[int],
                    found: list[Found]) -> None:
        """The division or country after a place and a comma ("Ardmore, Okla.") is a place."""
        outer = self._container_end(words, start, end)
        if outer and not taken.intersection(range(end + 1, outer)):
            found.append(Found(end + 1, outer, "strong"))
            taken.update(range(end + 1, outer))

    def _known_spans(self, words: Words, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The longest known names inside a run, left to right; a preposition or list word
        alone, capitalised in a title-case line ("From", "To"), is none, nor is a number."""
        i = start
        glue_words, function_words = name_glue(), _function_words()
        while i < end:
            for stop in range(min(end, i + MAX_NAME_TOKENS), i, -1):
                if words.lower[stop - 1] in glue_words or (
                        stop == i + 1 and (words.lower[i] in function_words
                                           or words.number[i])):
                    continue
                if self.known(words.span(i, stop)):
                    yield i, stop
                    i = stop
                    break
            else:
                i += 1

    def _context(self, words: Words, start: int, end: int) -> str | None:
        text = words.span(start, end)
        if _short(text) or _after(words, end) == "none" or _locative(words, start) == "named":
            return None
        body = _body(words, start, end)
        if _inside_longer_name(words, start, end) and not (
                body or _kind_inside(words, start, end) or (
                    _kind_after(words, start, end) and words.lower[end] in _settlement_nouns())):
            return None
        if country_for_demonym(text) is not None:
            return None
        if body or _kind_after(words, start, end) or _kind_inside(words, start, end) or (
                _apposition(words, end) or self._container_end(words, start, end)) or (
                "strong" in (_locative(words, start), _after(words, end))):
            return "strong"
        if _in_other_entity(words, start, end):
            return None
        if _ordinary(words, start, end) or text in not_places():
            return "maybe" if "weak" in (_locative(words, start), _after(words, end)) else None
        if _locative(words, start) == "weak" or (
                _after(words, end) == "weak" and _no_word_nor_surname(words, text)):
            return "weak"
        if _after(words, end) == "weak":
            return "maybe"  # "a Lakeland teenager": an English word or a surname, a candidate
        if self._bare(words, start, end, text):
            return "weak"
        if _lone(words, start, end, text):
            return "lone"
        return "opening" if _opening(words, start, end, text) else None

    def _bare(self, words: Words, start: int, end: int, text: str) -> bool:
        """A name with no context at all ("the quake shook Ardmore") that can hardly be
        anything but the town: a proper noun outside every entity of the model, inside no
        longer name, not first in its sentence, no English word nor the surname of a person
        named, not in capitals, and a town or division of BARE_MIN_POPULATION people or more
        (small places share their names with people and firms more often)."""
        return self.size is not None and not (
            words.sent_start[start] or words.titled[start] or text.isupper()) and all(
            words.entity[i] is None and words.proper[i] for i in range(start, end)) and (
            _no_word_nor_surname(words, text)) and self.size(text) >= BARE_MIN_POPULATION

    def _container_end(self, words: Words, start: int, end: int) -> int:
        """"Ardmore, Oklahoma": the end of a division or country after a comma that may hold
        the name at ``start:end``; 0 when there is none."""
        if end + 1 >= len(words) or words.text[end] != "," or not words.capital[end + 1]:
            return 0
        inner = words.span(start, end)
        stop = end + 1
        while stop < len(words) and stop - end <= 4 and words.capital[stop]:
            stop += 1
        for last in range(stop, end + 1, -1):
            if country_for_demonym(words.span(end + 1, last)) is not None and not _kind_after(
                    words, end + 1, last):
                continue  # "Kolda, Gambian officials said": a people's word, no division
            if self.holds(inner, words.span(end + 1, last)):
                return last
            if last < len(words) and words.text[last] == "." and self.holds(
                    inner, words.span(end + 1, last + 1)):
                return last + 1  # a short form whose dot the tokenizer split off ("Sask.")
        return 0


def _lone(words: Words, start: int, end: int, text: str) -> bool:
    """A known name with no context that may still be a small town ("forced thousands to flee
    Ardmore toward Duncan"): a proper noun inside no entity but one the model guessed, whole,
    was a person's or, of one word, an organisation's ("the edge of Ardmore Heights" read as
    a person; "the Red Cross" is a body), not first in its sentence, not in capitals,
    no English word and no name of a person the document names in full. Only a candidate
    ("lone"): the geocoder keeps it when a town of the name lies near the article's other
    places or in the country they are in (:func:`_confirmed`)."""
    whole = words.entity[start] in [(start, end, label) for label in GUESSED] and (
        end - start == 1 or words.entity[start] == (start, end, "PERSON"))
    return not (words.sent_start[start] or words.titled[start] or text.isupper()) and all(
        words.proper[i] and (words.entity[i] is None or whole) for i in range(start, end)) and (
        text.lower() not in english_words()) and text not in words.full_names and not (
        words.in_full_name[start] and not whole)


def _trim_times(doc: Doc, ents: list[Span]) -> list[Span]:
    """The entities with each date or time cut before the capitalised words the small model
    ran on into it ("until 9 p.m. Ardmore had hail" read as one time): a word in title case
    that is no calendar word (:func:`date_words`) ends the time, so the name after it is left
    to the scan like any untagged word."""
    trimmed: list[Span] = []
    for ent in ents:
        if ent.label_ in ("DATE", "TIME"):
            cut = next((i for i in range(ent.start + 1, ent.end) if _ran_on(doc[i].text)),
                       ent.end)
            if cut < ent.end:
                ent = Span(doc, ent.start, cut, label=ent.label_)
        trimmed.append(ent)
    return trimmed


def _ran_on(word: str) -> bool:
    """A word in title case (not all capitals: "EST") that no date or time is written with."""
    return word[:1].isupper() and not word.isupper() and word.isalpha() and (
        word.lower() not in date_words())


def _opening(words: Words, start: int, end: int, text: str) -> bool:
    """A known name opening its sentence as its subject ("Ardmore got a foot of snow",
    "Ardmore held off Ada 28-14") that the model left untagged or tagged, exactly, as a
    person or an organisation: no English word, no surname of a person the document names in
    full (a name of several words the model took whole for a person's, "North Ardmore", may
    be the place), not in capitals nor in a title-case line. Only a candidate ("maybe"),
    stricter than a lone name: the geocoder keeps it only when a town of the name lies in the
    state the article is about or near a place it names (:func:`_confirmed`), as a person's
    name opening a sentence ("Houston said") seldom does."""
    return words.sent_start[start] and not (words.titled[start] or text.isupper()) and all(
        words.proper[i] and words.entity[i] in (None, *[(start, end, label)
                                                       for label in GUESSED])
        for i in range(start, end)) and text.lower() not in english_words() and (
        text not in words.full_names) and not (
        words.in_full_name[start] and words.entity[start] != (start, end, "PERSON"))


def _misread(ent: Span) -> bool:
    """A "NORP" entity that is no demonym ("Valdosta" tagged like "Georgian"), a date or
    time of capitalised words with no digit and no calendar word (:func:`date_words`: a
    town tagged like "Sunday"), or a law that is a body's name (:func:`_names_body`): the
    small model's guess, which leaves the name to the scan's context rules like untagged
    words."""
    if ent.label_ in ("DATE", "TIME"):
        return not any(c.isdigit() for c in ent.text) and all(
            t.text[:1].isupper() and t.lower_ not in date_words() for t in ent)
    if ent.label_ == "LAW":
        return _names_body(ent)
    return ent.label_ == "NORP" and country_for_demonym(ent.text) is None


def _names_body(ent: Span) -> bool:
    """A "LAW" entity that ends in the words of a local public body ("the Ardmore County
    Sheriff's Office": an ``after_words.tsv`` phrase of strength "body"): a body named after
    its place, which the scan reads like untagged words, no law."""
    lower = tuple(t.lower_.replace("\u2019", "'") for t in ent)
    return any(after_words().get(lower[i:]) == "body" for i in range(1, len(lower)))


@cache
def date_words() -> frozenset[str]:
    """The words of month and weekday names, holidays, seasons and parts of the day
    (``times/calendar.json``, ``times/vocabulary.json``)."""
    from sitrep.ingest.dates import calendar_words, load_times_json

    calendar, vocabulary = calendar_words(), load_times_json("vocabulary.json")
    found: set[str] = set()
    for table in (calendar["months"], calendar["weekdays"], calendar["weekday_abbreviations"],
                  *(vocabulary.get(key, {}) for key in (
                      "holidays", "movable_holidays", "seasons", "day_parts",
                      "relative_words"))):
        for phrase in table:
            found.update(phrase.split())
    return frozenset(found)


def _listable(words: Words, start: int, end: int) -> str | None:
    """How a known name that a place next to it in a list may be a place: "list" (a place),
    "maybe" (a candidate the article's other places must vouch for) or None.

    A name that is also an English word or far more often a person's name ("Mobile":
    ``not_places.tsv``, "between Mobile and Pensacola") is only a candidate, and never the
    surname of a person the article names in full nor the first word of a sentence. Any
    other name is a place; at a sentence start its capital says nothing, so there it must be
    no English word at all ("Ardmore and Ada police"), proper noun or not."""
    text = words.span(start, end)
    if (_short(text) or _inside_longer_name(words, start, end) or _after(words, end) == "none"
            or _in_other_entity(words, start, end)):
        return None
    if _ordinary(words, start, end) or text in not_places():
        return None if (words.sent_start[start] or text in words.full_names
                        or words.in_full_name[start]) else "maybe"
    return None if words.sent_start[start] and text.lower() in english_words() else "list"


def _table_row(words: Words, start: int, end: int) -> bool:
    """The name begins a row of a table written as text and is followed by its figure
    ("...: Ardmore 1,204; Duncan 688", "Ardmore, 9 a.m.-3 p.m.;"): a row gap
    (:func:`table_gaps`, alone or ending a token) or a line break before it, a number after
    it (a comma between allowed)."""
    before = words.text[start - 1] if start else ""
    if not (before[-1:] in table_gaps() or "\n" in before):
        return False  # "):" ends with a row gap
    after = end + 1 if end < len(words) and words.text[end] == "," else end
    return after < len(words) and (words.number[after] or words.text[after][:1].isdigit())


def _tabled(words: Words, pending: list[tuple[int, int]], taken: set[int], places: list[Span],
            found: list[Found]) -> list[Found]:
    """Known names in a table of names and figures (:func:`_table_row`) with TABLE_ROWS such
    rows or more, the rows the model or the scan already reads as places among them: an item
    is a place ("list"), whatever the model tagged it (a name and its figure read as a
    product or a person), or only a candidate ("maybe") when it is also an English word or
    far more often a person's name."""
    spans = [*pending, *((s.start, s.end) for s in places), *((f.start, f.end) for f in found)]
    if sum(1 for begin, stop in spans if _table_row(words, begin, stop)) < TABLE_ROWS:
        return []
    rows: list[Found] = []
    for begin, stop in list(pending):
        if not _table_row(words, begin, stop) or taken.intersection(range(begin, stop)) or (
                _short(words.span(begin, stop))):
            continue
        text = words.span(begin, stop)
        ordinary = _ordinary(words, begin, stop) or text in not_places()
        rows.append(Found(begin, stop, "maybe" if ordinary else "list"))
        taken.update(range(begin, stop))
        pending.remove((begin, stop))
    return rows


def _listed(words: Words, pending: list[tuple[int, int]], taken: set[int]) -> list[Found]:
    """Names next to a place in a list ("Ardmore, Duncan and Ada"), until none is added."""
    found: list[Found] = []
    added = True
    while added and pending:
        added = False
        for begin, stop in list(pending):
            if _next_to(words, begin, stop, taken):
                found.append(Found(begin, stop, "list"))
                taken.update(range(begin, stop))
                pending.remove((begin, stop))
                added = True
    return found


def _listed_with_candidates(words: Words, pending: list[tuple[int, int]], taken: set[int],
                            found: list[Found]) -> list[Found]:
    """A name listed with a candidate ("maybe" or "lone": "Ardmore and Duncan sent crews",
    two names the model took for people, the first at a sentence start) is a candidate too:
    the geocoder keeps both when a town of each lies where the article's other places are."""
    candidates = {i for f in found if f.context in ("maybe", "lone")
                  for i in range(f.start, f.end)}
    if not candidates:
        return []
    covered = taken | {i for f in found for i in range(f.start, f.end)}
    added: list[Found] = []
    for begin, stop in pending:
        if covered.intersection(range(begin, stop)) or _listable(words, begin, stop) is None:
            continue
        if _next_to(words, begin, stop, candidates):
            added.append(Found(begin, stop, "maybe"))
    return added


def _repeated(words: Words, pending: list[tuple[int, int]], taken: set[int],
              places: list[Span]) -> list[Found]:
    """A name the article has already marked as a place (by the model, or by a strong
    context: a preposition alone is not enough) is a place wherever else it stands on its
    own ("Ardmore, Okla." then "Ardmore officials"): an article rarely uses one name for a
    place and for something else. Not
    a word at the start of a sentence that is also an English word ("Reading the report"),
    nor the surname of a person the article names in full, nor the place an institution is
    named for ("the University of Ardmore")."""
    names = {span.text for span in places}
    found: list[Found] = []
    for begin, stop in pending:
        text = words.span(begin, stop)
        if text not in names or taken.intersection(range(begin, stop)) or _short(text) or (
                _after(words, stop) == "none") or _locative(words, begin) == "named" or (
                _inside_longer_name(words, begin, stop)) or text in words.full_names or (
                words.in_full_name[begin]) or (
                words.sent_start[begin] and text.lower() in english_words()):
            continue
        found.append(Found(begin, stop, "list"))
        taken.update(range(begin, stop))
    return found


def _in_other_entity(words: Words, start: int, end: int) -> bool:
    """The model tagged part of the name as something else (a person, an organisation) and
    not as exactly this name; in a title-case headline the model's guess says nothing, nor
    does an entity of one word inside a known name of several ("in Ardmore Springs" with
    "Springs" tagged as a person's name: the model saw only part of the name)."""
    if words.titled[start]:
        return False
    for i in range(start, end):
        entity = words.entity[i]
        if entity is not None and entity[2] not in ("GPE", "LOC", "FAC"):
            if end - start > 1 and entity[1] - entity[0] == 1 and start <= entity[0] and (
                    entity[1] <= end):
                continue
            return (entity[0], entity[1]) != (start, end)
    return False


def _next_to(words: Words, start: int, end: int, taken: set[int]) -> bool:
    """A place ends just before the name or starts just after it, with a list gap between."""
    for gap in (1, 2):
        before = " ".join(words.lower[max(0, start - gap):start])
        if start - gap - 1 >= 0 and before in list_gaps() and (start - gap - 1) in taken:
            return True
        after = " ".join(words.lower[end:end + gap])
        if end + gap < len(words) and after in list_gaps() and (end + gap) in taken:
            return True
    return False


def _streets(words: Words) -> list[Found]:
    """"Elm Street", "Martin Luther King Boulevard", "Route 9", "I-80"; a number or an
    ordinal may begin the name ("42nd Street", "17 Mile Road", "the 210 Freeway"); a bare
    road number needs its cues (:func:`_road_number`)."""
    found: list[Found] = []
    kinds = street_words()
    prefixes = tuple(word for word, position in kinds.items() if position == "prefix")
    for i, text in enumerate(words.text):
        if _road_number(words, i):
            found.append(Found(i, i + 1, "street"))
            continue
        position = kinds.get(text)
        if position is None and text.isupper() and len(text) > 2 and kinds.get(
                text.title()) == "number":
            position = "number"  # "HIGHWAY 70" in capitals
        if position is None and text.startswith(prefixes) and i not in words.busy and any(
                text.startswith(p) and text[len(p):].isdigit() for p in prefixes):
            found.append(Found(i, i + 1, "street"))
            continue
        if position is None or i in words.busy:
            continue
        if position == "number":
            if i + 1 < len(words) and words.number[i + 1]:
                found.append(Found(i, i + 2, "street"))
            continue
        if position == "start":
            end = i + 1
            while end < len(words) and end not in words.busy and end - i <= 4 and (
                    words.capital[end] or (words.lower[end] in name_glue() and end + 1 < len(
                        words) and words.capital[end + 1])):
                end += 1
            if end > i + 1:
                found.append(Found(i, end, "street"))  # "Rue de Rivoli", "Avenida Paulista"
            continue
        start = i
        while start > 0 and start - 1 not in words.busy and words.capital[start - 1] and not (
                words.sent_start[start]):
            start -= 1
        if start > 0 and start - 1 not in words.busy and not words.sent_start[start] and (
                STREET_NUMBER.fullmatch(words.text[start - 1])):
            start -= 1
        if start < i:
            found.append(Found(start, i + 1, "street"))
    return found
