"""Restore the case of all-capitals wire copy before parsing (offsets stay the same).

The model reads case: in "ARMED MEN KIDNAPPED PEASANTS IN USULUTAN" it finds no entities at
all. sitrep lower-cases such text and capitalises what it knows to be upper: sentence starts,
"I", months and weekdays, acronyms (a data list, the actor tables' short forms, dotted ones,
and words in brackets together with the name they abbreviate), and names: countries, demonyms, named
institutions and organisations, and gazetteer places, English words among them when the words
around them say they are places ("ORANGE COUNTY", "THE CITY OF NICE"). Every character maps to
one character, so the result has the same length as the input and every offset holds.
"""

from __future__ import annotations

import calendar
import math
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lookups import Lookups

from sitrep.codebook.lexicon import load_codebook
from sitrep.codebook.load import load_json, load_list
from sitrep.errors import SetupError
from sitrep.ingest.dateline import lead_span, read_dateline
from sitrep.model import Article

if TYPE_CHECKING:
    from sitrep.resolve.places.gazetteer import Gazetteer

UPPER_SHARE = 0.8
MIN_LETTERS = 20
MAX_NAME_WORDS = 6
GAZETTEER_POPULATION = 15_000
WORD = re.compile(r"[^\W\d_]+")
DOTTED = re.compile(r"\b(?:[^\W\d_]\.){2,}")
SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)\]]*\s+|\n\s*\n\s*|:\s*\n\s*)[\"'“‘(\[]*([^\W\d_])")
# after the lead dateline: bracketed section marks ("[TEXT]"), then the first letter of the story
AFTER_LEAD = re.compile(r"\s*(?:\[[^\]\n]*\]\s*)*[\"'“(]*([^\W\d_])")
# the first letter of a sentence or line when it is lower case, and where sentences end
LOWER_START = re.compile(r"(?:^|(?<=\n)|(?<=[.!?])[ \t]+)[ \t]*([a-z])")
SENTENCE_END = re.compile(r"[.!?]\s|\n")
APOSTROPHE = re.compile(r"(?<=[a-z])['\u2019](?=[a-z])")
CARELESS_WINDOW = 400
CARELESS_SENTENCES = 2
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])(?=\s)|\n")
BRACKETED = re.compile(r"[\[(]([^\W\d_]{2,8})[\])]")
SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
            ("es", ""), ("s", ""), ("ly", ""), ("er", ""), ("est", ""), ("d", ""))
MIN_UNKNOWN = 3
LISTED_NAME_WORDS = 3  # the longest town name of lower-case words read from a list
# what joins a restored place to a lower-case name listed after it (group 1: up to three words)
LIST_AFTER = re.compile(r"(?:, and |, or |, | and | or |: )"
                        r"([a-z][a-z'.\-]*(?: [a-z][a-z'.\-]*){0,2})")
DIVISIONS = ("admin1", "admin2")
NEIGHBOUR_KM = 75.0  # a town this near a place the text names is named with it
EARTH_KM = 6371.0


def is_shouting(text: str) -> bool:
    """True when (nearly) all the letters of the text are capitals."""
    letters = sum(map(str.isalpha, text))  # counted by the builtins: every article pays this
    if letters < MIN_LETTERS:
        return False
    return sum(map(str.isupper, text)) / letters >= UPPER_SHARE


def prepare_text(article: Article) -> str:
    """The text the pipeline parses: the article text, case restored when it is all capitals,
    else in each line that is (a headline in capitals above a story in mixed case: "FLOODS
    HIT ARDMORE AS RED RIVER RISES").

    The result always has the same length as ``article.text`` so offsets need no mapping.
    """
    text = article.text
    if not is_shouting(text):
        return _restore_lower_case(_restore_shouting_lines(text))
    return restore_case(text, lead_span(text, article.dateline_start, article.dateline_end))


def _restore_lower_case(text: str) -> str:
    """Web copy written without capitals ("drove up to tishomingo for the weekend"): when the
    text or a paragraph begins with a sentence in lower case, or two sentences after the end
    of another do (:func:`_careless`), the whole text takes the capitals :func:`restore_case`
    gives it on top of its own, which it keeps; a stop word written in lower case is no
    acronym there ("who")."""
    found = [kind for match in LOWER_START.finditer(text) if (kind := _careless(text, match))]
    if "start" not in found and len(found) < CARELESS_SENTENCES:
        return _lower_places_after_prepositions(text)
    restored = list(restore_case(text, (0, 0)))
    for word in WORD.finditer(text):
        if word.group() in STOP_WORDS and len(word.group()) > 1 and "".join(
                restored[word.start():word.end()]).isupper():
            restored[word.start():word.end()] = word.group()
    return "".join(r if r.isupper() and not c.isupper() else c for c, r in zip(
        text, restored, strict=True))


def _lower_places_after_prepositions(text: str) -> str:
    """Copy in mixed case with a place name left in lower case after a preposition of place
    ("best food in little rock?", "DAMAGE IN tishomingo:"): the name takes its capitals when
    it is one a lower-case word cannot be (:func:`lower_place_names`). The rest of the text,
    whose case is the writer's, is left as it is."""
    chars: list[str] | None = None
    pattern, at = _after_preposition_pattern(), 0
    while (match := pattern.search(text, at)) is not None:
        at = match.start(1)  # a preposition among the words after it starts its own phrase
        words = match.group(1).split(" ")
        for size in range(len(words), 0, -1):
            phrase = " ".join(words[:size]).rstrip(".")
            cased = lower_place_names().get(phrase)
            if cased is not None:
                chars = chars if chars is not None else list(text)
                _apply(chars, match.start(1), cased)
                at = _list_after(text, chars, match.start(1) + len(phrase))
                break
    return text if chars is None else "".join(chars)


def _list_after(text: str, chars: list[str], end: int) -> int:
    """The lower-case names listed after a place name restored at ``end`` ("in florida:
    ocala, port st. lucie and more") take their capitals while each is a town or division
    the gazetteer knows by that name (one word no common word, or words none of which is a
    stop word); returns where the list ends."""
    stop = _stop()
    while (gap := LIST_AFTER.match(text, end)) is not None:
        words = gap.group(1).split(" ")
        for size in range(min(len(words), LISTED_NAME_WORDS), 0, -1):
            phrase = " ".join(words[:size]).rstrip(".")
            if any(w.rstrip(".") in stop for w in words[:size]) or (
                    size == 1 and phrase in common_words()):
                continue
            cased = lower_place_names().get(phrase) or _listed_town(phrase)
            if cased is not None and len(cased) == len(phrase):
                _apply(chars, gap.start(1), cased)
                end = gap.start(1) + len(phrase)
                break
        else:
            return end
    return end


def _listed_town(phrase: str) -> str | None:
    """The casing of a town or division the gazetteer knows as ``phrase`` in title case."""
    name = " ".join(w[:1].upper() + w[1:] for w in phrase.split(" "))
    known = any(c.precision in ("city", "admin1", "admin2") for c in _gazetteer().candidates(name))
    return name if known else None


@cache
def _after_preposition_pattern() -> re.Pattern[str]:
    """A preposition of place (any case), one space, then up to MAX_NAME_WORDS lower-case
    words with single spaces between (group 1), not glued to a hashtag, handle or address."""
    preps = "|".join(sorted(map(re.escape, _locative_preps()), key=len, reverse=True))
    word = r"[a-z][a-z'.\-]*"
    return re.compile(rf"(?<![\w#@/])(?i:{preps}) ({word}(?: {word}){{0,{MAX_NAME_WORDS - 1}}})"
                      r"(?![\w@/])")


@cache
def lower_place_names() -> dict[str, str]:
    """Lower-case place name → its casing, for names a lower-case word cannot be: the
    gazetteer's big places (:func:`_gazetteer_names`) and the countries, one word that is no
    common word ("tishomingo", "asheville": :func:`common_words`) or several words none of
    which is a stop word, a direction or a division word ("little rock", not "far north" nor
    "federal district")."""
    from sitrep.resolve.places.countries import country_names

    english, stop, directions = common_words(), _stop(), _directions()
    kinds = division_words()
    names: dict[str, str] = {}
    for cased in [*_gazetteer_names(), *country_names()]:
        low = cased.lower()
        words = low.split()
        if not cased[:1].isupper() or cased.isupper() or not all(
                w.replace("'", "").replace(".", "").replace("-", "").isalpha() for w in words):
            continue
        if len(words) == 1 and (low in english or low in stop or len(low) < 4):
            continue
        if len(words) > 1 and any(w in stop or w in directions or w in kinds for w in words):
            continue
        names.setdefault(low, cased)
    return names


def _careless(text: str, match: re.Match[str]) -> str | None:
    """"start" when the sentence whose first letter ``match`` finds begins the text or a
    paragraph in lower case, "after" when it does so after the end of another sentence, else
    None. The sentence holds MIN_LETTERS letters or more and its first word is all lower case
    (not "iPhone"); after a sentence's end, nothing but spaces stands between ('"It is safe."
    said the mayor' is a quotation) and the word before the stop is a lower-case English word
    of two letters or more ("etc.", "p.m." and "E!" are no end); a line of hard-wrapped copy
    that goes on with its sentence does not count. An apostrophe inside the first word
    ("it's", "don't") leaves it a word."""
    first = match.start(1)
    sentence = SENTENCE_END.split(text[first:first + CARELESS_WINDOW], maxsplit=1)[0]
    head = sentence.split(None, 1)[0] if sentence.split() else ""
    head = APOSTROPHE.sub("", head.rstrip(",;:"))  # "it's", "don't": a word all the same
    if sum(map(str.isalpha, sentence)) < MIN_LETTERS or not head.islower() or (
            not head.isalpha()):
        return None
    before = text[:match.start()]
    stripped = before.rstrip()
    if not stripped:
        return "start"
    if before.endswith("\n") or not stripped.endswith((".", "!", "?")):
        return "start" if before[len(stripped):].count("\n") >= 2 else None
    words = stripped[:-1].split()
    word = words[-1] if words else ""
    return "after" if len(word) >= 2 and word.isalpha() and word.islower() and (
        word in english_words() or word in STOP_WORDS) else None


def _restore_shouting_lines(text: str) -> str:
    """The text with the case of every all-capitals line of MIN_LETTERS letters or more
    restored, and of every such sentence of a line in mixed case (a headline in capitals run
    into its story: "FLOODS HIT ARDMORE. Crews were sent"), the rest as it is."""
    if not any(is_shouting(piece) for piece in SENTENCE_SPLIT.split(text)):
        return text
    lines = text.split("\n")
    return "\n".join(restore_case(line, (0, 0)) if is_shouting(line) else _restore_sentences(line)
                     for line in lines)


def _restore_sentences(line: str) -> str:
    """The line with the case of each all-capitals sentence of it restored."""
    pieces = SENTENCE_SPLIT.split(line)
    if len(pieces) < 2 or not any(is_shouting(piece) for piece in pieces):
        return line
    return "".join(restore_case(piece, (0, 0)) if is_shouting(piece) else piece
                   for piece in pieces)


def restore_case(text: str, lead: tuple[int, int] | None = None) -> str:
    """Lower-case the text, then capitalise what is known to be upper (same length).

    ``lead`` is the extent of the lead dateline as ingest read it; without it the text's
    dateline is read here, by the one dateline reader."""
    chars = [_lower(c) for c in text]
    lowered = "".join(chars)
    _names(lowered, chars)
    _places_in_context(lowered, chars)
    _unknown_words(lowered, chars)
    _word_places(lowered, chars)
    _neighbour_places(lowered, chars)
    _acronyms(lowered, chars)
    for match in SENTENCE_START.finditer(lowered):
        _upper_at(chars, match.start(1))
    if lead is None:
        found = read_dateline(text, None)
        lead = lead_span(text, found.start, found.end)
    story = AFTER_LEAD.match(lowered, lead[1]) if lead is not None else None
    if story:
        _upper_at(chars, story.start(1))
    for match in re.finditer(r"\bi\b", lowered):
        _upper_at(chars, match.start())
    return "".join(chars)


def _lower(char: str) -> str:
    low = char.lower()
    return low if len(low) == 1 else char


def _upper_at(chars: list[str], index: int) -> None:
    up = chars[index].upper()
    if len(up) == 1:
        chars[index] = up


def _apply(chars: list[str], start: int, cased: str) -> None:
    """Copy the case of ``cased`` onto the same-length stretch of text at ``start``."""
    for offset, model in enumerate(cased):
        if model.isupper():
            _upper_at(chars, start + offset)


def _names(lowered: str, chars: list[str]) -> None:
    """Known names, longest first: the whole phrase takes its dictionary casing."""
    names = known_names()
    words = list(WORD.finditer(lowered))
    i = 0
    while i < len(words):
        for size in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
            start, end = words[i].start(), words[i + size - 1].end()
            cased = names.get(lowered[start:end])
            if cased is not None and len(cased) == end - start:
                _apply(chars, start, cased)
                i += size
                break
        else:
            i += 1


def _places_in_context(lowered: str, chars: list[str]) -> None:
    """Gazetteer names the words around them mark as places, English words or not: before a
    division word ("bihar state", "orange county": the name, and the division word too when
    the two are the division's full name) and after a kind phrase ("the city of nice"). The
    name must be a place of the kind the words say (a division before "county", a town after
    "city of"), so "police department" and "the state of war" stay lower case."""
    from sitrep.resolve.places.detect import locative_kinds

    words = list(WORD.finditer(lowered))
    kinds = division_words()
    phrases = {phrase: kind for phrase, kind in locative_kinds().items() if kind}
    for i, word in enumerate(words):
        if word.group() in kinds:
            town = phrases.get((word.group(), "of")) == "city"  # "township of": a town's
            _name_before(lowered, chars, words, i, DIVISIONS + (("city",) if town else ()))
        for phrase, kind in phrases.items():
            if tuple(w.group() for w in words[i:i + len(phrase)]) == phrase:
                at = i + len(phrase)
                at += 1 if at < len(words) and words[at].group() == "the" else 0
                _name_after(lowered, chars, words, at, kind)


def _word_places(lowered: str, chars: list[str]) -> None:
    """Gazetteer places whose names are English words too, which :func:`_names` leaves lower
    case (the word list holds proper nouns: "oregon", "aden", and common words: "hope"),
    capitalised where the words around them say they are places:

    * a division or country after a comma that holds a town of the name ("hope, ark." →
      "Hope, Ark."), the division too;
    * a preposition of place before (a direction word between: "across central oregon") and
      the end of the phrase after (punctuation, a stop word, the end: "from aden,"), for a
      place of GAZETTEER_POPULATION people or more, a division or a country whose name is no
      verb, adjective or adverb ("to hope." stays a verb);
    * a town's name, of one word or up to LISTED_NAME_WORDS, next to a capitalised place in
      a list ("hope, texarkana and magnolia": "texarkana" is no English word, so it is
      capitalised already; "ada, white oak and coalgate")."""
    words = list(WORD.finditer(lowered))
    for i, word in enumerate(words):
        if chars[word.start()].isupper() or word.group() in _stop() or len(word.group()) < 3:
            continue
        name = word.group().title()
        if _holder_after(lowered, chars, words, i, name) or (
                _after_preposition(lowered, words, i) and word.group() in _nouns_only()
                and _big_place(name)):
            _apply(chars, word.start(), name)
    for _ in range(2):
        for i, word in enumerate(words):
            if chars[word.start()].isupper():
                continue
            for size in (LISTED_NAME_WORDS, 2, 1):
                last = i + size - 1
                if last >= len(words) or (size == 1 and word.group() in _stop()) or (
                        size > 1 and not _spaced(lowered, words, i, last + 1)):
                    continue
                name = lowered[word.start():words[last].end()].title()
                if any(_listed_place(lowered, chars, words, first, j)
                       for first, j in ((i, i - 1), (last, last + 1))) and any(
                        c.precision == "city" for c in _gazetteer().candidates(name)):
                    _apply(chars, word.start(), name)
                    break


def _neighbour_places(lowered: str, chars: list[str]) -> None:
    """A town named like an English word after a preposition of place ("moved to
    meridian", "drove through camp verde") is capitalised when a town of that name lies
    within NEIGHBOUR_KM of a town or district the text names with a capital: local copy
    names the towns around each other."""
    words = list(WORD.finditer(lowered))
    points = _named_points(lowered, chars, words)
    if not points:
        return
    preps, stop = _locative_preps(), _stop()
    for i in range(1, len(words)):
        word = words[i]
        if chars[word.start()].isupper() or word.group() in stop or len(word.group()) < 3 or (
                words[i - 1].group() not in preps
                or lowered[words[i - 1].end():word.start()] != " "):
            continue
        for size in (LISTED_NAME_WORDS, 2, 1):
            last = i + size - 1
            if last >= len(words) or any(w.group() in stop for w in words[i:last + 1]) or (
                    size > 1 and not _spaced(lowered, words, i, last + 1)):
                continue
            name = lowered[word.start():words[last].end()].title()
            if any(c.precision == "city" and any(
                    _km_apart(c.lat, c.lon, lat, lon) <= NEIGHBOUR_KM for lat, lon in points)
                    for c in _gazetteer().candidates(name)):
                _apply(chars, word.start(), name)
                break


def _named_points(lowered: str, chars: list[str], words: list[re.Match[str]]
                  ) -> list[tuple[float, float]]:
    """The points of the towns and districts that the text's capitalised words (one or two
    together) may name."""
    points: list[tuple[float, float]] = []
    for i, word in enumerate(words):
        if not chars[word.start()].isupper() or word.group() in _stop():
            continue
        names = [lowered[word.start():word.end()].title()]
        if i + 1 < len(words) and chars[words[i + 1].start()].isupper() and (
                lowered[word.end():words[i + 1].start()] == " "):
            names.append(lowered[word.start():words[i + 1].end()].title())
        points += [(c.lat, c.lon) for name in names for c in _gazetteer().candidates(name)
                   if c.precision in ("city", "admin2")]
    return points


def _km_apart(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(
        math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, a)))


def _spaced(lowered: str, words: list[re.Match[str]], start: int, end: int) -> bool:
    """Words ``start:end`` are lower case, one space apart, and the first is no article
    ("two harbors", not "the city")."""
    return words[start].group() not in _articles() and all(
        lowered[words[k].end():words[k + 1].start()] == " " for k in range(start, end - 1)) and (
        all(w.group().islower() for w in words[start:end]))


@cache
def _articles() -> frozenset[str]:
    """Words before a place name that are no part of it ("the"): ``places/name_edges.tsv``."""
    from sitrep.resolve.places.detect import name_edges

    return name_edges("start")


def _listed_place(lowered: str, chars: list[str], words: list[re.Match[str]], i: int,
                  j: int) -> bool:
    """A capitalised place stands in a list with word ``i`` on the side of ``j`` (``i - 1``
    before it, ``i + 1`` after it), a list word between them skipped."""
    step = j - i
    if 0 <= j < len(words) and words[j].group() in _list_words():
        j += step
    if not 0 <= j < len(words) or not chars[words[j].start()].isupper():
        return False
    first, last = sorted((i, j))
    gap = lowered[words[first].end():words[last].start()]
    return gap in _list_gaps() and bool(_gazetteer().candidates(words[j].group().title()))


def _holder_after(lowered: str, chars: list[str], words: list[re.Match[str]], i: int,
                  name: str) -> bool:
    """"hope, ark.": a comma, then a division or country (up to three words, a dot of its
    short form kept) that holds a town called ``name``; the holder is capitalised too."""
    if lowered[words[i].end():words[i].end() + 2] != ", " or i + 1 >= len(words):
        return False
    towns = [c for c in _gazetteer().candidates(name) if c.precision in ("city", "admin2")]
    if not towns:
        return False
    for last in range(min(i + 3, len(words) - 1), i, -1):
        if not _joined(lowered, words, i + 1, last + 1):
            continue
        end = words[last].end() + (1 if lowered[words[last].end():][:1] == "." else 0)
        holder = lowered[words[i + 1].start():end].title()
        for outer in _gazetteer().candidates(holder):
            if outer.precision in ("country", "admin1") and any(
                    t.country == outer.country and (
                        outer.precision == "country" or t.admin1 == outer.admin1)
                    for t in towns):
                _apply(chars, words[i + 1].start(), holder)
                return True
    return False


def _after_preposition(lowered: str, words: list[re.Match[str]], i: int) -> bool:
    """A preposition of place just before word ``i`` (a lower-case direction word between
    allowed) and the end of a phrase just after it."""
    preps = _locative_preps()
    before = i - 1
    if before >= 0 and words[before].group() in _directions() and before > 0:
        before -= 1
    if before < 0 or words[before].group() not in preps:
        return False
    if lowered[words[before].end():words[i].start()].strip() not in ("", ):
        inner = lowered[words[before].end():words[i].start()].split()
        if not all(w in _directions() for w in inner):
            return False
    rest = lowered[words[i].end():words[i].end() + 1]
    if not rest or rest in ",.;:!?)\"'":
        return True
    nxt = words[i + 1].group() if i + 1 < len(words) else ""
    return rest == " " and nxt in _stop()


def _big_place(name: str) -> bool:
    """A country, first-level division or region called ``name``, or a town or district of
    GAZETTEER_POPULATION people or more."""
    return any(c.precision in ("country", "admin1", "region") or (
        c.precision in ("city", "admin2") and c.population >= GAZETTEER_POPULATION)
        for c in _gazetteer().candidates(name))


@cache
def _locative_preps() -> frozenset[str]:
    return frozenset(load_json("cues/clauses.json")["locative_preps"])


@cache
def _directions() -> frozenset[str]:
    """Direction words in lower case ("central", "northern"): ``places/directions.tsv``."""
    from sitrep.resolve.places.countries import read_tsv

    return frozenset(row[0].lower() for row in read_tsv("directions.tsv"))


@cache
def _nouns_only() -> frozenset[str]:
    """Words of the model's word list that are nouns and nothing else ("oregon", "aden";
    not "hope", a verb too, nor "mobile", an adjective too)."""
    tables = _lemma_tables()
    nouns = set(tables.get("noun", ()))
    for pos in ("verb", "adj", "adv"):
        nouns -= set(tables.get(pos, ()))
    return frozenset(nouns)


def _joined(lowered: str, words: list[re.Match[str]], start: int, end: int) -> bool:
    """Words ``start:end`` form one name: no stop word, only spaces or hyphens between."""
    if start < 0 or end > len(words) or start >= end:
        return False
    if any(w.group() in _stop() for w in words[start:end]):
        return False
    return all(lowered[words[k].end():words[k + 1].start()] in (" ", "-")
               for k in range(start, end - 1))


def _name_before(lowered: str, chars: list[str], words: list[re.Match[str]], kind: int,
                 wanted: tuple[str, ...]) -> None:
    """"bihar state" → "Bihar state", "orange county" → "Orange County", "bath township" →
    "Bath township" (``wanted``: the precisions the division word fits)."""
    for size in range(min(3, kind), 0, -1):
        if not _joined(lowered, words, kind - size, kind + 1):
            continue
        start, end = words[kind - size].start(), words[kind - 1].end()
        name = lowered[start:end].title()
        full = f"{name} {words[kind].group().title()}"
        if _places_of(full, DIVISIONS) and len(full) == words[kind].end() - start:
            _apply(chars, start, full)
            return
        if _places_of(name, wanted) and len(name) == end - start:
            _apply(chars, start, name)
            return


def _name_after(lowered: str, chars: list[str], words: list[re.Match[str]], at: int,
                kind: str) -> None:
    """"the city of nice" → "the city of Nice": the longest name the kind fits."""
    wanted = ("city",) if kind == "city" else DIVISIONS
    for size in range(3, 0, -1):
        if not _joined(lowered, words, at, at + size):
            continue
        start, end = words[at].start(), words[at + size - 1].end()
        name = lowered[start:end].title()
        if _places_of(name, wanted) and len(name) == end - start:
            _apply(chars, start, name)
            return


def _places_of(name: str, precisions: tuple[str, ...]) -> bool:
    """Whether the gazetteer has a place of one of ``precisions`` called ``name``."""
    return any(c.precision in precisions for c in _gazetteer().candidates(name))


@cache
def _gazetteer() -> Gazetteer:
    from sitrep.resolve.places.gazetteer import Gazetteer

    return Gazetteer()


@cache
def division_words() -> frozenset[str]:
    """The words after a name that say it is a division ("county", "province") or a town's
    own kind ("township"), lower case: those of kind "division" or "settlement" in
    ``places/name_parts.tsv``."""
    from sitrep.resolve.places.countries import read_tsv

    return frozenset(word.lower() for word, kind in read_tsv("name_parts.tsv")
                     if kind in ("division", "settlement"))


def _unknown_words(lowered: str, chars: list[str]) -> None:
    """Words that are no English word are names in wire copy ("usulutan", "villamariona")."""
    english = english_words()
    for match in WORD.finditer(lowered):
        word = match.group()
        if len(word) >= MIN_UNKNOWN and chars[match.start()].islower() and not _is_english(
                word, english):
            _upper_at(chars, match.start())


def _is_english(word: str, english: frozenset[str]) -> bool:
    """A word, or an inflection of one, in the English word list (or a stop word)."""
    if word in STOP_WORDS or word in english or word in acronyms():
        return True
    for end, base in SUFFIXES:
        if word.endswith(end):
            stem = word[: len(word) - len(end)]
            if stem + base in english or (len(stem) > 2 and stem[-1] == stem[-2] and
                                          stem[:-1] in english):
                return True
    return False


def _acronyms(lowered: str, chars: list[str]) -> None:
    """Acronyms upper-case: listed ones, dotted ones ("u.s."), bracketed ones with the name
    they follow ("national liberation front [nlf]")."""
    listed = acronyms()
    for match in WORD.finditer(lowered):
        if match.group() in listed:
            _apply(chars, match.start(), match.group().upper())
    for match in DOTTED.finditer(lowered):
        _apply(chars, match.start(), match.group().upper())
    for match in BRACKETED.finditer(lowered):
        word = match.group(1)
        if word in _stop():
            continue
        _apply(chars, match.start(1), word.upper())
        _capitalise_expansion(lowered, chars, match.start(), len(word))


def _capitalise_expansion(lowered: str, chars: list[str], before: int, letters: int) -> None:
    """Capitalise the words just before a bracketed acronym that it abbreviates."""
    words = list(WORD.finditer(lowered, max(0, before - 120), before))
    glue = frozenset(_truecase_data()["name_glue"])
    taken = 0
    for match in reversed(words):
        if lowered[match.end():before].strip(" ,") and taken == 0:
            return
        word = match.group()
        if word in glue:
            if taken >= letters:
                return
            continue
        if word in _stop() or taken >= letters + 2:
            return
        _upper_at(chars, match.start())
        taken += 1


@cache
def acronyms() -> frozenset[str]:
    """Lower-case forms of the acronyms kept upper-case: the listed ones and every
    all-capitals alias of a named body ("NATO", "ICRC") of the actor tables."""
    bodies = (alias for alias in load_codebook().actors.bodies
              if alias.isalpha() and alias.isupper() and 2 <= len(alias) <= 8)
    return frozenset(a.lower() for a in [*_truecase_data()["acronyms"], *bodies])


@cache
def _stop() -> frozenset[str]:
    """Stop words that are never part of a name."""
    return frozenset(STOP_WORDS) - frozenset(_truecase_data()["name_words"])


@cache
def _list_words() -> frozenset[str]:
    """The words that join the names of a list ("and", "or")."""
    return frozenset(_truecase_data()["list_words"])


@cache
def _list_gaps() -> frozenset[str]:
    """What may stand between two names of a list: a comma, a list word, or both."""
    words = _list_words()
    return frozenset({", ", *(f" {w} " for w in words), *(f", {w} " for w in words)})


@cache
def _truecase_data() -> dict:
    return load_json("actors/truecase.json")


@cache
def known_names() -> dict[str, str]:
    """Lower-case name → its casing: calendar words, countries, demonyms, named bodies,
    gazetteer places. Small places only when they are no common word (:func:`common_words`)."""
    from sitrep.resolve.places.countries import country_names, demonyms

    names: dict[str, str] = {}
    not_names = set(_truecase_data()["not_names"]) | set(STOP_WORDS)
    english = common_words()
    for cased in _gazetteer_names():
        low = cased.lower()
        single = " " not in low
        if single and (low in not_names or low in english or len(low) < 4):
            continue
        names.setdefault(low, cased)
    bodies = [alias for alias, body in load_codebook().actors.bodies.items() if body.entity]
    for cased in [*country_names(), *demonyms(), *bodies]:
        low = cased.lower()
        if cased[:1].isupper() and low not in not_names and cased != cased.upper():
            names[low] = cased
    for word in [*calendar.month_name[1:], *calendar.day_name,
                 *_truecase_data()["month_abbreviations"]]:
        names[word.lower()] = word
    return names


def _gazetteer_names() -> list[str]:
    from sitrep.resolve.places.gazetteer import Gazetteer

    return Gazetteer().big_place_names(GAZETTEER_POPULATION, GAZETTEER_POPULATION)


@cache
def _lemma_lookups(model: str | None = None) -> Lookups:
    """The model's lemmatizer tables, which both word lists below are read from."""
    from sitrep.nlp.pipeline import DEFAULT_MODEL

    try:
        root = spacy.util.get_package_path(model or DEFAULT_MODEL)
    except (ModuleNotFoundError, OSError) as exc:
        raise SetupError(f"spaCy model {model or DEFAULT_MODEL!r} is not installed") from exc
    folders = [Path(p) for p in root.glob("**/lemmatizer/lookups")]
    if not folders:
        raise SetupError(f"spaCy model at {root.name} has no lemmatizer lookups")
    return Lookups().from_disk(folders[0])


@cache
def english_words(model: str | None = None) -> frozenset[str]:
    """English words from the model's lemmatizer index (WordNet's nouns, verbs, adjectives,
    adverbs): a small place called "Reading" or "Police" is no reason to capitalise them."""
    lookups = _lemma_lookups(model)
    index = lookups.get_table("lemma_index")
    irregular = lookups.get_table("lemma_exc")
    words = {word for group in index.values() for word in group}
    words.update(form for group in irregular.values() for form in group)
    return frozenset(words)


@cache
def common_words() -> frozenset[str]:
    """The English word list less the words WordNet writes only as names
    (``wordnet/names.tsv``: "asheville", "tbilisi"), which the list holds because WordNet lists
    places and people; a name that is also an irregular form ("drew") or an inflection of a
    common word ("tours", "marks") stays a word."""
    english = english_words()
    irregular = {form for group in _lemma_lookups().get_table("lemma_exc").values()
                 for form in group}
    names = {name for name in load_list("wordnet/names.tsv") if name not in irregular}
    common = english - names
    return frozenset(english - {name for name in names if not _is_english(name, common)})


@cache
def _lemma_tables(model: str | None = None) -> dict[str, tuple[str, ...]]:
    """The model's word list by part of speech ("noun", "verb", "adj", "adv")."""
    index = _lemma_lookups(model).get_table("lemma_index")
    return {pos: tuple(index.get(pos, ())) for pos in ("noun", "verb", "adj", "adv")}
