"""Which way a clause points in time: "in March" is the past March unless the clause is future.

With a parsed ``Doc`` the verb governing the expression decides (its auxiliaries, its tag);
without one, cue words just before the expression in the same clause do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from sitrep.codebook.lexicon import load_codebook
from sitrep.resolve.times.grammar import alternation
from sitrep.resolve.times.vocabulary import load_vocabulary


@dataclass(frozen=True, slots=True)
class Cues:
    """Future auxiliaries and planning verbs (the event codebook's cue lists, shared with
    modality), and the compiled cue patterns for text without a parse."""

    future_aux: frozenset[str]
    plan_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    modals_not_future: frozenset[str]
    possibility_modals: frozenset[str]
    ability_verbs: frozenset[str]
    infinitive_future: frozenset[str]
    expectation_participles: frozenset[str]
    timetable_verbs: frozenset[str]
    noun_period_prepositions: frozenset[str]
    future: re.Pattern[str]
    clause_break: re.Pattern[str]
    perfect: re.Pattern[str]
    past: re.Pattern[str]


@cache
def cues() -> Cues:
    """Built once from ``cues.json`` and ``times/vocabulary.json``."""
    book = load_codebook()
    own = load_vocabulary().words["tense"]
    aux = book.cue("future_aux")
    plans = book.cue("future_governors")
    verbs = alternation(plans)
    words = alternation([*aux, *book.cue("obligation_modals"), *own["future_phrases"],
                         *book.cue("future_modifiers")])
    future = rf"\b(?:{words}|{verbs}(?:s|d|ed|ing)\s+to|(?:is|are|was|were)\s+{verbs}d?\s+to)\b"
    return Cues(
        future_aux=aux, plan_verbs=plans, reporting_verbs=frozenset(book.cue("reporting_verbs")),
        modals_not_future=frozenset(own["modals_not_future"]),
        possibility_modals=frozenset(own["possibility_modals"]),
        ability_verbs=frozenset(own["ability_verbs"]),
        infinitive_future=frozenset(own["future_infinitive_heads"]),
        expectation_participles=frozenset(own["expectation_participles"]),
        timetable_verbs=frozenset(own["timetable_verbs"]),
        noun_period_prepositions=frozenset(own["noun_period_prepositions"]),
        future=re.compile(future, re.IGNORECASE),
        clause_break=re.compile(rf"[.;:!?\n]|,\s|\b{alternation(own['clause_breaks'])}\b"),
        perfect=re.compile(rf"\b{alternation(own['perfect'])}\b", re.IGNORECASE),
        past=re.compile(rf"\b{alternation(own['past'])}\b|\b\w+ed\b", re.IGNORECASE),
    )


def clause_direction(text: str, start: int, end: int, doc: Doc | None = None) -> str | None:
    """"future", "perfect", "past", "scheduled" (a bare finite present that tells a
    timetable: :func:`futurate`), "present" (another parsed verb of no past form: present,
    participle, infinitive) or None (no parse, no cue) for the clause holding
    ``text[start:end]``."""
    if doc is not None and parsed_from(doc, text):
        verb = governing_verb(doc, start, end)
        if verb is not None:
            direction = verb_direction(verb)
            if direction in ("present", "past") and awaited(doc, start, end, verb):
                return "scheduled"
            if direction == "future" and names_a_noun(doc, start, end):
                return "present"
            return direction
    return cue_direction(text, start)


def awaited(doc: Doc, start: int, end: int, verb: Token) -> bool:
    """Whether the expression hangs, below its verb, from an adjective of planning ("the
    minutes, due at 2 p.m. on Wednesday"): what is due lies ahead whatever the verb's time."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span.root
    for _ in range(8):
        if token.i == verb.i or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ == "ADJ" and token.lemma_.lower() in cues().plan_verbs:
            return True
    return False


def names_a_noun(doc: Doc, start: int, end: int) -> bool:
    """Whether the expression is a noun's modifier before it ("will publish its
    third-quarter accounts", "will post the May trade numbers on Friday") or hangs on a noun by a
    preposition of what a thing is of ("will post its sales for May"): the period
    is the thing's, figures or results of a time that has mostly passed, not the time of the
    clause's future act, so it takes the nearest, as a present clause's does."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    nouns = ("NOUN", "PROPN")
    if root.dep_ == "pobj" and root.head.lower_ in cues().noun_period_prepositions:
        return root.head.head.pos_ in nouns and root.head.head.i < root.head.i
    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ in nouns and (
        root.head.i >= span.end)


def dates_telling(text: str, start: int, end: int, doc: Doc | None = None) -> bool:
    """Whether ``text[start:end]`` dates a telling ("officials said on Thursday"): the verb it hangs
    from is a reporting verb. Without a parse, never."""
    if doc is None or not parsed_from(doc, text):
        return False
    verb = governing_verb(doc, start, end)
    return verb is not None and verb.lemma_.lower() in cues().reporting_verbs


def dates_report(text: str, start: int, end: int, doc: Doc | None = None) -> bool:
    """Whether ``text[start:end]`` dates a telling of what others did, a reporting verb with a
    reported clause ("the hospital appealed for donors, the network said on Monday"), rather
    than an act told with a reporting verb ("the merger was announced on May 4", "declared an
    emergency on Sunday"), or with a clause of what lay before it or lies ahead ("wrote that it
    had run out of cash", "told the judge the state would drop the charges"). Without a
    parse, always (every telling is taken to report)."""
    if doc is None or not parsed_from(doc, text):
        return True
    verb = governing_verb(doc, start, end)
    if verb is None:
        return False
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    return any(not looks_back(c) and verb_direction(c) != "future" for c in clauses)


def looks_back(verb: Token) -> bool:
    """Whether a clause is told in the past perfect ("wrote that it had run out of cash"):
    what it tells came before the telling, which is then the story's own act."""
    return any(a.dep_ in ("aux", "auxpass") and a.lemma_ == "have" and a.tag_ == "VBD"
               for a in verb.children)


def dates_timetable(text: str, start: int, end: int, doc: Doc | None = None) -> bool:
    """Whether ``text[start:end]`` dates a timetable told in the bare present ("the summit
    opens on Sept. 9", "the festival runs in June"): its verb is a bare finite present of one of
    the timetable verbs. Without a parse, never."""
    if doc is None or not parsed_from(doc, text):
        return False
    verb = governing_verb(doc, start, end)
    if verb is None or verb.lemma_.lower() not in cues().timetable_verbs:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return futurate(verb, auxiliaries)


def dates_span(text: str, start: int, end: int, doc: Doc | None = None) -> bool:
    """Whether ``text[start:end]`` measures what a story's act took, in a past clause: its
    verb is one of the story span verbs ("repairs took another week"). Without a
    parse, never."""
    if doc is None or not parsed_from(doc, text):
        return False
    verb = governing_verb(doc, start, end)
    spans = load_vocabulary().word_list("story_span_verbs")
    return verb is not None and verb.lemma_.lower() in spans and verb.tag_ == "VBD"


def determines(text: str, start: int, doc: Doc | None = None) -> bool:
    """Whether the word at ``start`` determines what follows ("her speech that Friday"),
    not the "that" that opens a clause after a verb ("police said that Thursday was calm"):
    the parse calls it a determiner, or the word before it is no verb (the parser often calls
    a "that" after a noun a clause's mark), or the word after the next closes the clause
    ("spoke that Friday."). Without a parse, never."""
    if doc is None or not parsed_from(doc, text):
        return False
    span = doc.char_span(start, min(start + 1, len(text)), alignment_mode="expand")
    if span is None or not len(span):
        return False
    word = span[0]
    before = doc[word.i - 1] if word.i > 0 else None
    after = doc[word.i + 2] if word.i + 2 < len(doc) else None
    # "spoke that Friday.": no clause follows, so the "that" opens none
    closed = after is None or after.is_punct
    return word.dep_ == "det" or closed or (
        before is not None and before.pos_ not in ("VERB", "AUX") and not before.is_sent_start)


def dates_backstory(text: str, start: int, end: int, doc: Doc | None = None) -> bool:
    """Whether ``text[start:end]`` dates a past-perfect clause ("engineers had inspected it on
    April 2"): the clause tells what came before the time the story has reached, which stays
    where it was. Without a parse, never."""
    if doc is None or not parsed_from(doc, text):
        return False
    verb = governing_verb(doc, start, end)
    return verb is not None and looks_back(verb)


def sentence_of(text: str, start: int, doc: Doc | None = None) -> tuple[int, int]:
    """The character bounds of the sentence holding ``start``: the parse's sentence, or
    without one the line."""
    if doc is not None and parsed_from(doc, text) and doc.has_annotation("DEP"):
        span = doc.char_span(start, min(start + 1, len(text)), alignment_mode="expand")
        if span is not None and len(span):
            sent = span[0].sent
            return sent.start_char, sent.end_char
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", start)
    return first, len(text) if last < 0 else last


def parsed_from(doc: Doc, text: str) -> bool:
    """Whether ``doc`` is the parse of ``text``, read off its last token: ``doc.text`` would
    rebuild the whole text at every expression, quadratic in a long document."""
    return len(doc) > 0 and doc[-1].idx + len(doc[-1].text_with_ws) == len(text)


def governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb the expression hangs from, climbing the parse from the expression's root."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return attached_verb(span)


def attached_verb(span: Span) -> Token | None:
    """The verb a time expression's span hangs from (:func:`telling_verb` corrected)."""
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.i not in range(span.start, span.end):
            return main_clause_verb(telling_verb(token, span), span)
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def main_clause_verb(verb: Token, span: Span) -> Token:
    """The main verb a time set off after a fronted subordinate clause belongs to.

    In "As the agency reported, on 5 July a bus was blown up" the parser often hangs "on 5
    July" on "reported"; but a time that follows the subordinate clause after a comma and
    stands before the main verb opens the main clause."""
    head = next((t for t in verb.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb.dep_ != "advcl" or head is None or not verb.i < span.start < span.end <= head.i:
        return verb
    phrase = span.root
    while phrase.head.i != verb.i and phrase.head.i != phrase.i:
        phrase = phrase.head
    first = min(t.i for t in phrase.subtree)
    before = span.doc[first - 1] if first > 0 else None
    return head if before is not None and (before.is_punct or before.pos_ == "PUNCT") else verb


def telling_verb(verb: Token, span: Span) -> Token:
    """The reporting verb a time between it and its reported clause belongs to.

    In "said on Monday the army would pull out" the parser often hangs "on Monday" on the
    reported verb; but a time that stands after the reporting verb and before the reported
    clause's own words (its subject, its auxiliaries) dates the telling, not what was told."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i >= span.start or head.i == verb.i:
        return verb
    if head.lemma_.lower() not in cues().reporting_verbs:
        return verb
    between = span.doc[head.i + 1:span.start]
    if any(t.pos_ not in ("ADP", "PUNCT") for t in between):
        return verb
    own = {t.i for t in span} | {t.i for t in span.root.ancestors if t.i < span.start}
    clause_words = [t.i for t in verb.subtree if t.i not in own]
    return head if clause_words and span.end <= min(clause_words) else verb


def verb_direction(verb: Token, depth: int = 0) -> str | None:
    """Future with will/shall or a planning verb above an infinitive; past with a past tag."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    known = cues()
    if not auxiliaries and verb.dep_ == "conj" and verb.tag_ in ("VB", "VBN") and depth < 4 and (
            (head := conjunct_head(verb)) is not None) and (
            verb.tag_ == "VB" or any(c.dep_ == "auxpass" for c in head.children)):
        # "will leave the city and return on Friday", "will be built this year and opened on
        # May 1": a bare conjunct shares its head's auxiliaries, and with them its time
        return verb_direction(head, depth + 1)
    if not auxiliaries and verb.tag_ == "VBG" and verb.dep_ in ("acl", "advcl") and depth < 4:
        # "the talks, starting Monday, will last a week", "Speaking on Monday, he said": a
        # participle before its clause's verb tells that clause's time (one after it may
        # tell what follows: "cut output, resulting in closures during the fourth quarter")
        head = next((t for t in verb.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if head is not None and verb.i < head.i:
            return verb_direction(head, depth + 1)
    if not auxiliaries and verb.tag_ == "VBG" and verb.dep_ == "pcomp" and depth < 4:
        # "would rest before racing again in the autumn": a participle after a preposition
        # tells the time of the clause the preposition hangs on
        head = next((t for t in verb.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if head is not None:
            return verb_direction(head, depth + 1)
    if any(a.lower_ in known.future_aux or a.lemma_ in known.future_aux for a in auxiliaries):
        return "future"
    if any(a.tag_ == "MD" and a.lower_ not in known.modals_not_future for a in auxiliaries):
        return "future"
    if possible(verb, auxiliaries):
        return "future"
    if verb.lemma_ in known.plan_verbs and verb.tag_ not in ("VBN", "VBD"):
        return "future"  # "plans a visit on Friday"; but "agreed on Tuesday to ..." is past
    if scheduled(verb, auxiliaries):
        return "future"
    if not auxiliaries and verb.tag_ == "VBN" and verb.lemma_ in known.expectation_participles:
        return "scheduled"  # "with 30 cm expected by Sunday": what is awaited lies ahead
    if verb.lemma_ in known.plan_verbs and any(a.dep_ == "auxpass" for a in auxiliaries):
        return "present"  # "was scheduled for Nov. 5": a plan told before may still lie ahead
    if any(a.text.lower() == "to" for a in auxiliaries) and verb.head.i != verb.i and depth < 4:
        head = verb.head
        if head.lemma_ in known.plan_verbs:
            return "future"
        if head.lemma_ in known.infinitive_future:
            return "present" if head.tag_ == "VBD" else "future"
        return verb_direction(head, depth + 1) if head.pos_ in ("VERB", "AUX") else None
    if any(a.lemma_ == "have" and a.tag_ in ("VBP", "VBZ") for a in auxiliaries):
        return "perfect"
    if any(a.tag_ == "VBD" for a in auxiliaries):
        return "past"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not present_passive(auxiliaries)):
        return "past"
    return "scheduled" if futurate(verb, auxiliaries) else "present"


def conjunct_head(verb: Token) -> Token | None:
    """The verb a bare conjunct is joined to. The parser sometimes hangs the second verb of
    "would continue through the weekend and resume Monday" on the noun before "and"; the
    verb it was joined to is then the nearest verb above that noun."""
    if verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    return next((t for t in verb.ancestors if t.pos_ in ("VERB", "AUX")), None)


def possible(verb: Token, auxiliaries: list[Token]) -> bool:
    """ "the dam could burst on Sunday": a possibility lies ahead; but "could not", "could
    have" and a past ability ("could see smoke", "could not be reached") do not."""
    known = cues()
    if not any(a.lower_ in known.possibility_modals for a in auxiliaries):
        return False
    if any(c.dep_ == "neg" for c in verb.children) or any(
            a.lemma_ == "have" for a in auxiliaries):
        return False
    return verb.lemma_.lower() not in known.ability_verbs


def present_passive(auxiliaries: list[Token]) -> bool:
    """ "are suspended until April 20": a participle under a present "be" tells a state
    now, not a past act (a past "be" was caught before)."""
    return any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxiliaries)


def futurate(verb: Token, auxiliaries: list[Token]) -> bool:
    """A bare present that tells a timetable: "voters go to the polls on Sunday", "the
    budget, which begins on Sunday" (a finite present with no auxiliary, not a reporting
    verb: "says" tells now). A day named in such a clause lies ahead."""
    return verb.tag_ in ("VBZ", "VBP") and not auxiliaries and \
        verb.lemma_.lower() not in cues().reporting_verbs


def scheduled(verb: Token, auxiliaries: list[Token]) -> bool:
    """A present clause that says something is planned: "is scheduled for", "are due in"
    (a planning verb as a present passive, or as the complement of a present copula)."""
    present = ("VBZ", "VBP")
    plans = cues().plan_verbs
    if verb.lemma_ in plans and verb.tag_ == "VBN":
        return any(a.dep_ == "auxpass" and a.tag_ in present for a in auxiliaries)
    return verb.tag_ in present and any(
        c.dep_ == "acomp" and c.lemma_ in plans for c in verb.children)


def cue_direction(text: str, start: int) -> str | None:
    """Without a parse: future when a future cue precedes in the same clause, else past cues."""
    window = text[max(0, start - 80):start]
    known = cues()
    breaks = list(known.clause_break.finditer(window))
    clause = window[breaks[-1].end():] if breaks else window
    if known.future.search(clause):
        return "future"
    if known.perfect.search(clause):
        return "perfect"
    if known.past.search(clause):
        return "past"
    return None
