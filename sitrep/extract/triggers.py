"""Find event triggers in a parsed document: lexicon lemmas, multi-word expressions, negatives.

Single words are looked up by (lemma, part of speech) in a dictionary; multi-word expressions
("open fire", "hunger strike") and negative phrases ("heart attack") go through one spaCy
``Matcher`` on lemmas. A word inside a matched expression is not looked up again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from sitrep.codebook.lexicon import Codebook, Trigger, load_codebook
from sitrep.codebook.load import load_json, load_list, load_records, load_table
from sitrep.extract.arguments import (
    conveyed_by,
    is_passive,
    name_modifiers,
    noun_agents,
    prep_objects,
)
from sitrep.extract.hazards import hazard_cause, hazard_tolls
from sitrep.resolve.places.geocoder import PLACE_SPANS

WORD_POS = {"VERB": ("VERB",), "NOUN": ("NOUN",), "ADJ": ("ADJ", "VERB")}
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "LAW",
                       "PRODUCT", "EVENT"})
SKIP_DEPS = frozenset({"punct", "relcl", "advcl", "ccomp", "parataxis", "mark", "cc", "appos"})
WITH_DEPTH = 3
# a participle used as a modifier or a noun ("the besieged town", "the wounded") is no event
ADJECTIVAL_DEPS = frozenset({"amod", "dobj", "nsubj", "nsubjpass", "pobj", "compound"})
# where a form in -ing the parser took for a verb stands as a noun (a gerund)
GERUND_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})
# the word a trigger hangs on can make it ordinary too: the verb of a noun object ("gave the
# plan a boost"), the noun a participle describes ("a documentary shot on location")
HOST_DEPS = frozenset({"dobj", "acl"})
QUALIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
"""Dependencies by which a word names what kind of thing its head noun is ("internet services")."""
SCORE = re.compile(r"^\d+[-–]\d+$")
# where the means of violence stand in its clause: subject, object, compounds, modifiers and
# the objects of instrument and circumstance prepositions
MEANS_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "compound", "amod", "nmod", "agent",
                        "pobj", "conj", "appos", "poss"})
ACTOR_DEPS = frozenset({"nsubj", "agent", "poss"})
# the most specific means of violence wins; violence whose actor is a crowd is a riot
MODE_ORDER = ("suicide-attack", "aerial", "heavy-weapons", "explosives", "unconventional",
              "firearms")
OPEN_MODES = frozenset({None, "other", *MODE_ORDER})
MELEE = "beat"
"""The mode of blades, clubs and stones: it stands only where no weapon of ``MODE_ORDER`` is
named, and then replaces a mode the verb only assumes ("clashed with machetes")."""
VIOLENT = frozenset({"ASSAULT"})
RIOT_FROM = frozenset({("ASSAULT", None), ("ASSAULT", "firearms"), ("ASSAULT", "other"),
                       ("ASSAULT", "beat"), ("COERCE", "destroy"), ("COERCE", "seize")})
SPLIT_MAX_WORDS = 3
"""The longest expression an object may split ("set the bus on fire")."""
SPLIT_GAP = 6
"""How many words an object that splits an expression may have."""
SPLIT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg", "cc", "conj",
                        "punct", "mark", "advcl", "relcl", "parataxis", "appos", "dobj",
                        "dative"})
"""How the rest of a split expression may not hang on its verb: as its subject, an
auxiliary, a clause of its own, or its object (a noun with words of its own between, "used
excessive force", is a phrase of the verb and a noun, not a verb and its particle)."""
# the second tier (CAMEO verbs) needs the two named actors PETRARCH-style coding needs
COPULAR_DEPS = frozenset({"attr", "acomp", "oprd"})
MUNITION_WEIGHT = 0.7
"""How surely a munition doing something ("a missile slammed into") signals an attack."""
SECOND_TIER_WEIGHT = 0.35
PATTERN_WEIGHT = 0.6
"""How surely a CAMEO verb pattern (a verb with the object, subject or phrase its entry names:
"reaffirmed its support") signals its type: narrower than a verb alone, looser than the
lexicon's own rows."""
# where a verb pattern's nouns stand in the parse: before the verb, its subject (a passive's
# too, and its agent) and adverbs; after it, the object (a passive's subject too)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "advmod"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
# a clause that describes a party ("a nurse who fled the camp") tells who it is, not what
# happened: a verb known only from a pattern is no event there
DESCRIBING_DEPS = frozenset({"relcl", "acl"})
# where a noun holds an event as its content: "plans to send", "a decision to withdraw"
CONTENT_DEPS = frozenset({"acl", "xcomp"})
ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
MATERIAL = frozenset({"ASSAULT", "COERCE", "PROTEST"})
CEASEFIRE = ("RETREAT", "ceasefire")
"""What violence a verb of stopping governs becomes (``TriggerMatcher._ceased``)."""


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """One trigger found in a document: the words, the token arguments hang on, the entry."""

    start: int
    end: int
    head: Token
    entry: Trigger
    aside: bool = False  # in a sentence a discard phrase marks as sport or another matter

    @property
    def span(self) -> Span:
        return self.head.doc[self.start:self.end]


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def complement_lemmas(head: Token, depth: int = WITH_DEPTH) -> set[str]:
    """Lemmas of the words a trigger governs (objects, particles, modifiers, its subject), so
    "strengthen ties" and "military personnel operate" can be told from other uses.
    An adjective's clause ("troops were present") lends its subject too, and an infinitive
    clause its subject ("allowed inspectors to visit")."""
    found: set[str] = set()
    # "according to" is a source, not a complement, though its lemma is "accord"
    sources = load_codebook().cue("according_to")
    frontier = [head]
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "attr", "oprd"):
        frontier.append(head.head)
    for _ in range(depth):
        nxt = []
        stack = list(frontier)
        while stack:
            token = stack.pop()
            for child in token.children:
                if child.dep_ == "ccomp" and token is head:
                    raised = _raised_subjects(child)
                    found.update(w for t in raised for w in (lemma(t), t.lower_))
                    nxt.extend(raised)
                if child.dep_ in SKIP_DEPS or child in frontier or child.lower_ in sources:
                    continue
                same = _same_phrase(child)
                if not (same and child.dep_ == "acl"):  # "armed with": not "arms" sent
                    found.add(lemma(child))
                    found.add(child.lower_)
                    # what a phrase holds is named with its compound ("ships laden with
                    # food parcels"), but not an event noun's ("one of the heaviest rocket
                    # barrages": the barrage is the event, the verb light)
                    if child.dep_ == "pobj" and lemma(child) not in _event_nouns():
                        found.update(lemma(c) for c in child.children
                                     if c.dep_ == "compound" and c.pos_ == "NOUN")
                (stack if same else nxt).append(child)
        frontier = nxt
    return found


@cache
def _event_nouns() -> frozenset[str]:
    """The lexicon's eventive nouns: a compound on one says how its event was done ("rocket
    attacks"), not what a verb moves."""
    return frozenset(t.lemma for t in load_codebook().triggers if t.pos == "NOUN")


def _same_phrase(child: Token) -> bool:
    """Whether a word stands at its head's depth: a noun listed beside a noun ("tents,
    blankets and medicine"), the "of" of a noun ("40 trucks of tents", "21 tonnes of
    relief goods") and a participle that says what a vehicle holds ("ships laden with
    grain", "lorries carrying flour"), so what is sent is read through the count or
    container that holds it."""
    if child.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return (child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN")) or (
        child.dep_ == "prep" and child.lower_ == "of") or (
        child.dep_ == "acl" and child.tag_ in ("VBN", "VBG"))


def _raised_subjects(clause: Token) -> list[Token]:
    """The subject of an infinitive clause is the object of the verb above it: "allowed
    inspectors to visit" governs the inspectors."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return []
    return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]


class TriggerMatcher:
    """The lexicon compiled for one vocabulary: a lemma table and a phrase matcher."""

    def __init__(self, vocab: Vocab, codebook: Codebook | None = None) -> None:
        self.codebook = codebook or load_codebook()
        self.words: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
        # a phrase's rows in file order, "with" rows first: one matcher key per phrase
        self.phrases: dict[str, list[Trigger]] = {}
        keys: dict[tuple[str, ...], str] = {}
        self.matcher = PhraseMatcher(vocab, attr="LEMMA")
        for entry in self.codebook.triggers:
            if entry.pos == "PHRASE":
                if entry.words in keys:
                    self.phrases[keys[entry.words]].append(entry)
                    continue
                key = keys[entry.words] = f"T{len(self.phrases)}"
                self.phrases[key] = [entry]
                self.matcher.add(key, _lemma_docs(vocab, entry.words))
            else:
                self.words[(entry.lemma, entry.pos)].append(entry)
        for entries in self.words.values():
            entries.sort(key=lambda e: not e.with_)
        # the expressions an object may split, by their first word: the longest first
        self.split: dict[str, list[tuple[tuple[str, ...], list[Trigger]]]] = defaultdict(list)
        for phrase in self.phrases.values():
            words = phrase[0].words
            if 1 < len(words) <= SPLIT_MAX_WORDS and "-" not in words:
                self.split[words[0]].append(
                    (words, sorted(phrase, key=lambda e: not e.with_)))
        for options in self.split.values():
            options.sort(key=lambda option: -len(option[0]))
        self.senses = _senses()
        self._cues: dict[str, int] | None = None
        self.second_tier = _second_tier(self.codebook, {lemma for lemma, _ in self.words})
        self.patterns = _verb_patterns(self.codebook)
        self.means = MeansReader()
        self.agents = _agent_nouns()
        self.authority_types = frozenset(load_json("records.json")["passive_authority"]["types"])
        self.discards = PhraseMatcher(vocab, attr="LOWER")
        for i, discard in enumerate(self.codebook.discards):
            self.discards.add(f"D{i}", [Doc(vocab, words=list(discard.words))])
        self.negative_with: dict[str, frozenset[str]] = {}
        for i, neg in enumerate(self.codebook.negatives):
            if neg.kind == "phrase":
                self.matcher.add(f"N{i}", _lemma_docs(vocab, tuple(neg.lemma.split())))
            else:
                self.negative_with[neg.lemma] = neg.with_ | self.negative_with.get(
                    neg.lemma, frozenset())

    def __call__(self, doc: Doc) -> list[TriggerHit]:
        """Every trigger of the document, in text order. In a sentence that a discard phrase
        marks as another matter (sport, entertainment, a disaster) the types whose words sport
        borrows (``scoreline_types``: a team "beat", "crushed" another) are set ``aside``: an
        event only when a state or armed actor does them (the events stage decides, once the
        actors are known); the other types ("a third round of talks") stand, and so does
        violence done with means sport never borrows (``unborrowed_modes``: a bomb, an air
        strike, shelling), whoever its doer."""
        phrase_hits, blocked = self._phrases(doc)
        hits = list(phrase_hits)
        self._cues = None
        for token in doc:
            if token.i in blocked:
                continue
            hit = self._word(token)
            if hit is not None:
                hits.append(hit)
        hits = [self._ceased(h) for h in _without_hazards(sorted(hits, key=lambda h: h.start))
                if not self._made_safe(h)]
        borrowed = self.codebook.cue("scoreline_types")
        discarded = self._discarded(doc) if any(h.entry.type in borrowed for h in hits) \
            else set()
        weapons = self.codebook.cue("unborrowed_modes")
        return sorted((replace(h, aside=True) if h.entry.type in borrowed
                       and h.entry.mode not in weapons
                       and _sentence_start(h.head) in discarded else h for h in hits),
                      key=lambda h: h.start)

    def _ceased(self, hit: TriggerHit) -> TriggerHit:
        """Violence that a verb of stopping governs as its doer's own act (``cessation_verbs``,
        ``cessation_types``: a gerund or a bare or possessed noun, "agreed to stop firing",
        "halted their attacks") is not done but stopped: a ceasefire by the stopper. Violence
        named with an article ("halted an attack") may be another's, and stands."""
        head, book = hit.head, self.codebook
        verb = head.head
        if hit.entry.type not in book.cue("cessation_types") or verb.i == head.i or \
                head.dep_ not in ("xcomp", "dobj") or \
                lemma(verb) not in book.cue("cessation_verbs"):
            return hit
        if head.tag_ != "VBG" and any(c.dep_ == "det" or (c.dep_ == "poss" and c.pos_ != "PRON")
                                      for c in head.children):
            return hit
        kind, mode = CEASEFIRE
        entry = replace(hit.entry, type=kind, mode=mode, context=("military",),
                        cameo=book.cameo_for(kind, mode))
        return replace(hit, entry=entry)

    def _made_safe(self, hit: TriggerHit) -> bool:
        """A weapon named as what someone defuses, clears, finds or takes ("made a shell safe",
        "a mine was cleared", "recovered rockets": ``neutralising_verbs``) was not used: the
        word is no attack of its own."""
        head = hit.head
        if hit.entry.type not in self.codebook.cue("cessation_types") or \
                head.pos_ != "NOUN" or head.dep_ not in ("dobj", "nsubjpass", "conj"):
            return False
        while head.dep_ == "conj" and head.head is not head:
            head = head.head
        return head.dep_ in ("dobj", "nsubjpass") and \
            lemma(head.head) in self.codebook.cue("neutralising_verbs")

    def _discarded(self, doc: Doc) -> set[int]:
        """The first tokens of the sentences that hold a discard phrase."""
        return {_sentence_start(doc[start]) for _, start, _ in self.discards(doc)}

    def _phrases(self, doc: Doc) -> tuple[list[TriggerHit], set[int]]:
        spans = []
        for match_id, start, end in self.matcher(doc):
            span = Span(doc, start, end, label=match_id)
            spans.append(span)
        hits: list[TriggerHit] = []
        blocked: set[int] = set()
        for span in filter_spans(spans):
            blocked.update(range(span.start, span.end))
            entry = next((e for e in sorted(self.phrases.get(span.label_, ()),
                                            key=lambda e: not e.with_)
                          if not self._negated(span.root, e)), None)
            if entry is None:
                continue
            hits.append(TriggerHit(span.start, span.end, span.root,
                                   self._means(span.root, entry)))
        for verb, rest, entries in self._split_phrases(doc, blocked):
            entry = next((e for e in entries if not self._negated(verb, e)), None)
            if entry is None:
                continue
            blocked.update((verb.i, *range(rest, rest + len(entries[0].words) - 1)))
            hits.append(TriggerHit(verb.i, verb.i + 1, verb, self._means(verb, entry)))
        return hits, blocked

    def _split_phrases(self, doc: Doc, blocked: set[int]
                       ) -> list[tuple[Token, int, list[Trigger]]]:
        """Expressions of a verb and the words after it that its object splits ("set the bus
        ablaze", "blew the bridge up", "set the station on fire"): the verb, where the rest of
        the expression starts, and the expression's entries. The rest must hang on the verb as
        a particle, a complement or a phrase, and every word between must belong to the verb's
        object."""
        found: list[tuple[Token, int, list[Trigger]]] = []
        for token in doc:
            if token.pos_ != "VERB" or token.i in blocked:
                continue
            for words, entries in self.split.get(lemma(token), ()):
                rest = words[1:]
                start = _split_rest(token, rest, blocked)
                if start is not None:
                    found.append((token, start, entries))
                    break
        return found

    def _word(self, token: Token) -> TriggerHit | None:
        if token.ent_type_ in NAME_ENTS and token.pos_ == "NOUN":
            return None
        struck = self._struck(token)
        if struck is not None:
            return struck
        if token.pos_ == "NOUN" and token.dep_ == "compound" and \
                lemma(token.head) not in self.codebook.cue("light_heads"):
            return None
        if token.pos_ == "VERB" and token.dep_ in ADJECTIVAL_DEPS:
            return self._verbal_noun(token)
        key = self._lexicon_lemma(token)
        order = ("ADJ", "VERB", "NOUN") if _stative(token) else ("VERB", "NOUN", "ADJ")
        for pos in order:
            if token.pos_ not in WORD_POS[pos]:
                continue
            entries = self.words.get((key, pos)) or (
                self.words.get((token.lower_, pos)) if pos == "ADJ" else None)
            if entries:
                entry = self._choose(token, entries)
                if entry is not None:
                    return TriggerHit(token.i, token.i + 1, token, self._means(token, entry))
        pattern = self._pattern(token, key) if token.pos_ == "VERB" else None
        patterned = self._patterned(token, key, pattern) if pattern is not None else None
        if patterned is not None:
            return TriggerHit(token.i, token.i + 1, token, self._means(token, patterned))
        derived = self._derived(token, key) if token.pos_ == "NOUN" and not self.words.get(
            (key, "NOUN")) else None
        if derived is not None:
            return TriggerHit(token.i, token.i + 1, token, self._means(token, derived))
        # a pattern the verb's words match, coded or CAMEO's null, says what the verb means
        # here, so CAMEO's reading of the verb alone no longer applies
        second = self.second_tier.get(key) if token.pos_ == "VERB" and pattern is None else None
        if second is not None and not self._ordinary(token, key, complement_lemmas(token)) \
                and (second.type in self.authority_types or not _unsaid_agent(token)) \
                and (_two_actors(token, self.agents if second.type in MATERIAL else frozenset())
                     or self._armed(token, second)):
            return TriggerHit(token.i, token.i + 1, token, self._means(token, second))
        return None

    def _verbal_noun(self, token: Token) -> TriggerHit | None:
        """A form in -ing the parser took for a verb standing where a noun stands ("Fighting
        between police and gangs went on into the night": its subject) is the noun the
        lexicon lists for that form, if it lists one, when it names a party of its own, as
        a noun WordNet derives from a trigger verb must (:func:`names_a_party`): "fighting
        continued" alone adds no event to the fight told before it."""
        if token.tag_ != "VBG" or token.dep_ not in GERUND_DEPS or not names_a_party(
                token, self.codebook.cue("nominal_preps"), self._party_word):
            return None
        entries = self.words.get((token.lower_, "NOUN"))
        entry = self._choose(token, entries) if entries else None
        if entry is None:
            return None
        return TriggerHit(token.i, token.i + 1, token, self._means(token, entry))

    def _armed(self, verb: Token, entry: Trigger) -> bool:
        """Whether a CAMEO verb of violence names its means of violence in its own clause
        ("pelted the police with stones", "drones targeted a depot"): violence however few
        sides the text names, as a weapon is no word of ordinary speech."""
        return entry.type in VIOLENT and any(name != "riot" for name in self.means.read(verb))

    def _lexicon_lemma(self, token: Token) -> str:
        """The token's lemma, or, for an inflected verb the lemmatizer cut one letter short
        ("raped" read as "rap"), the lemma with its silent "e" back where the lexicon lists
        that verb and not the shorter one."""
        key = lemma(token)
        if token.pos_ != "VERB" or key.endswith("e") or \
                not token.lower_.endswith(("ed", "ing")) or self.words.get((key, "VERB")):
            return key
        return key + "e" if self.words.get((key + "e", "VERB")) else key

    def _derived(self, noun: Token, key: str) -> Trigger | None:
        """A noun the lexicon lacks that names a trigger verb's act: one WordNet derives
        from the verb ("expulsion" of "expel", ``wordnet/nominals.tsv``) when the noun names
        a party itself (:func:`names_a_party`), else an -ing noun of material conflict."""
        nominal = self._nominal(noun, key)
        return nominal if nominal is not None else self._gerund(noun)

    def _nominal(self, noun: Token, key: str) -> Trigger | None:
        """The verb's entry, as a noun with the verb's frame and a lower weight, for a noun
        WordNet derives from a trigger verb; ``with`` conditions and negatives of the verb
        are read on the noun's own words ("the expulsion of the ambassador")."""
        entries = [replace(e, pos="NOUN") for verb in self.codebook.nominals.get(key, ())
                   for e in self.words.get((verb, "VERB"), ())]
        if not entries or not names_a_party(noun, self.codebook.cue("nominal_preps"),
                                            self._party_word):
            return None
        entries.sort(key=lambda e: not e.with_)
        entry = self._choose(noun, entries)
        if entry is None:
            return None
        factor = float(self.codebook.cues["nominal_weight"])
        return replace(entry, weight=round(entry.weight * factor, 3))

    def _party_word(self, token: Token) -> bool:
        """A word that can name a side: a name, a pronoun, or a noun for people or bodies
        the actor tables know ("troops", "the ministry", "villagers")."""
        tables = self.codebook.actors
        key = lemma(token)
        return token.ent_type_ in ACTOR_ENTS or token.pos_ == "PRON" or \
            key in tables.words or key in tables.people or key in tables.role_nouns or \
            any(c.ent_type_ in ACTOR_ENTS for c in token.children
                if c.dep_ in ("compound", "amod", "poss"))

    def _gerund(self, noun: Token) -> Trigger | None:
        """A noun in -ing the lexicon lacks, whose verb is a trigger of material conflict, is
        that verb's event ("rioting broke out", "the looting went on"): the verb's plain
        entry, as a noun."""
        word = noun.lower_
        if not word.endswith("ing") or len(word) < 7:
            return None
        stem = word[:-3]
        for verb in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
            entries = [e for e in self.words.get((verb, "VERB"), ()) if not e.with_]
            if entries and entries[0].type in MATERIAL:
                governed = complement_lemmas(noun)
                if self._ordinary(noun, verb, governed):
                    return None
                return replace(entries[0], pos="NOUN")
        return None

    def _struck(self, verb: Token) -> TriggerHit | None:
        """A verb whose subject, or passive agent, is a munition ("a missile slammed into",
        "shells hit", "a blast ripped through", "was hit by a rocket") is an attack done with
        it, whatever the verb says elsewhere,
        and so is a verb of striking (``impact_verbs``) whose subject is any weapon or
        aircraft of a side the noun names (:func:`names_a_party`: "Russian drones hit a
        substation"; "a drone hit the school" later in a story retells a strike told before)
        or that a side is said to have sent or worked (:func:`conveyed_by`: "the base was
        struck by drones flown by the rebels");
        a violent entry of the verb keeps its own reading."""
        if verb.pos_ != "VERB" or any(c.dep_ in COPULAR_DEPS for c in verb.children):
            return None
        doers = _strikers(verb)
        mode = next((m for c in doers for m in [self.means.munition(c)] if m), None)
        if mode is None and lemma(verb) in self.codebook.cue("impact_verbs"):
            preps = self.codebook.cue("nominal_preps")
            mode = next((m for c in doers
                         if names_a_party(c, preps, self._party_word) or conveyed_by(c)
                         for m in [self.means.weapon(c)] if m), None)
        if mode is None or any(e.type in VIOLENT for e in self.words.get((lemma(verb), "VERB"),
                                                                          ())):
            return None
        entry = Trigger(lemma=lemma(verb), pos="VERB", type="ASSAULT", mode=mode, context=(),
                        frame="agent_patient", with_=frozenset(),
                        cameo=self.codebook.cameo_for("ASSAULT", mode), weight=MUNITION_WEIGHT)
        return TriggerHit(verb.i, verb.i + 1, verb, entry)

    def _means(self, head: Token, entry: Trigger) -> Trigger:
        """The entry with the mode its own clause shows: "an air strike killed", "shelled
        the town with mortars", "killed in a roadside bomb"; a crowd acting makes the
        violence a riot. Other entries come back as they are."""
        if entry.type not in VIOLENT and (entry.type, entry.mode) not in RIOT_FROM:
            return entry
        found = self.means.read(head)
        riot = found.get("riot")
        # a means of another kind than violence ("a cyber attack": COERCE cyber) recasts it
        other = next((hit for name, hit in found.items()
                      if name != "riot" and hit[0] != entry.type), None)
        mode: str | None
        if riot is not None and (entry.type, entry.mode) in RIOT_FROM:
            kind, mode = riot
        elif other is not None and entry.type in VIOLENT:
            kind, mode = other
        elif entry.type in VIOLENT and MELEE in found and entry.mode in OPEN_MODES and \
                not any(m in found for m in MODE_ORDER):
            kind, mode = found[MELEE]   # blades and clubs only: the verb's assumed guns undone
        else:
            mode = next((m for m in MODE_ORDER if m in found), None)
            if entry.type not in VIOLENT or mode is None or entry.mode not in OPEN_MODES or \
                    MODE_ORDER.index(mode) >= _rank(entry.mode):
                return entry
            kind = entry.type
        if (kind, mode) == (entry.type, entry.mode):
            return entry
        return replace(entry, type=kind, mode=mode, cameo=self.codebook.cameo_for(kind, mode))

    def _choose(self, token: Token, entries: list[Trigger]) -> Trigger | None:
        """The first entry whose object condition holds (specific entries come first)."""
        governed = complement_lemmas(token)
        if self._ordinary(token, entries[0].lemma, governed):
            entries = self._qualified(token, entries)
            if not entries:
                return None
        sport = _scoreline(token)
        entries = self._by_discourse(token, entries)
        for entry in entries:
            if entry.with_ and not entry.with_ & governed:
                continue
            if entry.pos == "ADJ" and not entry.with_ and not _has_clause(token):
                continue
            if entry.pos == "VERB" and entry.lemma in self.codebook.cue("object_verbs") and \
                    not _acts_on_something(token):
                continue
            if not entry.with_ and entry.mode in self.codebook.cue("forces_modes") and \
                    self._moves_things(token):
                continue
            if sport and entry.type in self.codebook.cue("scoreline_types"):
                continue
            return entry
        return None

    def _moves_things(self, token: Token) -> bool:
        """Whether what the word withdraws, as the text names it (a verb's object or a
        passive's subject, a noun's 'of'), is something other than a side's forces: no side,
        no people of one, and none of ``withdrawable_things`` ("withdrew trade preferences",
        "the withdrawal of the bill")."""
        if token.pos_ == "VERB":
            moved = [t for c in token.children if c.dep_ in ("dobj", "nsubjpass")
                     for t in (c, *c.conjuncts)]
        else:
            moved = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]
        gear = self.codebook.cue("withdrawable_things")
        return bool(moved) and not any(
            self._party_word(t) or lemma(t) in gear or t.pos_ not in ("NOUN", "PROPN")
            for t in moved)

    def _pattern(self, verb: Token, key: str) -> VerbPattern | None:
        """The most specific CAMEO pattern of the verb whose nouns its parse holds: the subject,
        the object's head, the particles and the prepositional phrase each names."""
        patterns = self.patterns.get(key)
        if not patterns:
            return None
        words = _pattern_words(verb)
        governed: set[str] | None = None
        for pattern in patterns:
            if not pattern.holds(words):
                continue
            if pattern.with_:
                governed = complement_lemmas(verb) if governed is None else governed
                if not pattern.with_ <= governed:
                    continue
            return pattern
        return None

    def _patterned(self, verb: Token, key: str, pattern: VerbPattern) -> Trigger | None:
        """The entry of the CAMEO pattern a verb the lexicon lacks matches, where it makes the
        verb an event: a coded pattern naming what comes after the verb (its object, particle
        or phrase; a subject alone says too little of a verb no row lists), done by a named
        party, in a clause that tells what happened rather than who someone is, whose object
        is no trigger of its own and no negative of the lexicon."""
        if pattern.entry is None or not pattern.after or verb.dep_ in DESCRIBING_DEPS or \
                not self._has_party_subject(verb, pattern.entry.type in MATERIAL) or \
                self._light(verb) or \
                self._ordinary(verb, key, complement_lemmas(verb)):
            return None
        return replace(pattern.entry, lemma=key)

    def _has_party_subject(self, verb: Token, shared: bool = False) -> bool:
        """Whether the verb's doer is named as a party: its subject, or a passive's agent, is
        a name, a pronoun or a noun of the actor tables (PETRARCH codes a pattern only from a
        source actor). With ``shared`` (a pattern of force), a verb conjoined to another with
        no subject of its own shares that verb's ("burned tyres and pelted the police"); other
        patterns keep needing their own ("accepted the resignation and named a minister": an
        office filled in passing)."""
        while shared and verb.dep_ == "conj" and verb.head.pos_ == "VERB" and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = verb.head
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj"]
        # "it" may be a thing ("it raises concerns"); only pronouns of people stand for a side
        people = self.codebook.cue("person_pronouns") | self.codebook.cue("plural_pronouns")
        return any(t.lower_ in people if t.pos_ == "PRON" else self._party_word(t)
                   for t in doers)

    def _light(self, verb: Token) -> bool:
        """A verb the lexicon lacks whose object is a trigger noun of its own ("began a
        crackdown"), through a head whose 'of' names an event where it is one (``event_of_heads``:
        "announced a package of assistance"), or holds a trigger verb as its content ("announced
        plans to send troops"): the object names the event, the verb only does or frames it, so
        the verb adds no trigger of its own."""
        objects = [t for c in verb.children if c.dep_ in OBJECT_DEPS for t in (c, *c.conjuncts)]
        heads = self.codebook.cue("event_of_heads")
        objects += [g for t in objects if lemma(t) in heads for c in t.children
                    if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"]
        return any(self.words.get((lemma(t), "NOUN")) or any(
            c.dep_ in CONTENT_DEPS and self.words.get((lemma(c), "VERB")) for c in t.children)
            for t in objects)

    def _by_discourse(self, token: Token, entries: list[Trigger]) -> list[Trigger]:
        """Plain rows of several types ("strike": workers or aircraft) in the order of the
        article's cues for each type (``senses.json``); rows with a ``with`` list stay first,
        a word told as what people were killed in (``toll_of``) wins a tie, and any other tie
        keeps the lexicon's order."""
        sense = self.senses.get((entries[0].lemma, token.pos_))
        plain = [e for e in entries if not e.with_]
        if sense is None or len({e.type for e in plain}) < 2:
            return entries
        aimed = sense.aimed_at_place
        if aimed is not None and aimed_at_place(token, aimed[1]):
            plain.sort(key=lambda e: e.type != aimed[0])
            return [e for e in entries if e.with_] + plain
        cues = sense.cues
        counts = self._cue_counts(token.doc)
        score = {e.type: sum(counts.get(w, 0) for w in cues.get(e.type, ())) for e in plain}
        toll = sense.toll_of
        # told as what people were killed in, the word takes the toll's reading unless the
        # article's cues speak more of another
        if toll is not None and score.get(toll[0], -1) >= max(score.values()) and \
                told_as_toll(token, toll[1], toll[2]):
            score[toll[0]] += 1
        ranked = sorted(plain, key=lambda e: -score[e.type])
        return [e for e in entries if e.with_] + ranked

    def _cue_counts(self, doc: Doc) -> dict[str, int]:
        """How often each lemma occurs in the document, counted once per document. Words of
        a named entity are no cue: the "Union" of the African Union says nothing of labour,
        nor the "Air" of an airline of air strikes; a cue is a common word of the story."""
        if self._cues is None:
            counts: dict[str, int] = defaultdict(int)
            for token in doc:
                if not token.ent_type_:
                    counts[lemma(token)] += 1
            self._cues = counts
        return self._cues

    def _negated(self, head: Token, entry: Trigger) -> bool:
        governed = complement_lemmas(head)
        if entry.with_ and not entry.with_ & governed:
            return True
        return self._ordinary(head, entry.lemma, governed)

    def _qualified(self, token: Token, entries: list[Trigger]) -> list[Trigger]:
        """The rows of the word that still hold where a negative makes it ordinary, because the
        very noun the negative names is qualified by a word a specific row names: a body
        stopping its own "services" is ordinary, but "suspended mobile internet services" is
        the internet cut. Only a compound or modifier on that noun counts, so the specific
        word names the thing itself, not something further off."""
        plain = self.negative_with.get(entries[0].lemma, frozenset())
        qualifiers = {lemma(c) for t in token.subtree if t is not token and lemma(t) in plain
                      for c in t.children if c.dep_ in QUALIFIER_DEPS}
        return [e for e in entries if e.with_ & qualifiers]

    def _ordinary(self, token: Token, key: str, governed: set[str]) -> bool:
        """A negative of the lexicon holds: "released a statement", "the storm destroyed",
        through the word the trigger hangs on, a light verb's object ("gave a boost"), and
        through a clause it governs, that clause's subject ("warned that floods could")."""
        nearby = governed | {lemma(token.head)} if token.dep_ in HOST_DEPS else governed
        # what a clause it governs speaks of ("warned that floods could follow") says it too
        nearby = nearby | {lemma(g) for c in token.children if c.dep_ == "ccomp"
                           for g in c.children if g.dep_ in ("nsubj", "nsubjpass")}
        nearby = nearby | {lemma(t) for t in _implied_doers(token)}
        return bool(self.negative_with.get(key, frozenset()) & nearby)


def names_a_party(noun: Token, preps: frozenset[str], party: Callable[[Token], bool]) -> bool:
    """Whether a noun names a party of its act itself: a possessor ("Iran's expulsion"), a
    name or demonym on it ("the Turkish evacuation"), or a side (``party``) in a phrase of
    one of ``preps`` ("the expulsion of the envoy", "the evacuation from Kabul"; not "the
    deliveries of grain")."""
    if any(c.dep_ == "poss" for c in noun.children) or noun_agents(noun) or \
            name_modifiers(noun):
        return True
    return any(party(t) for t in prep_objects(noun, preps))


def _sentence_start(token: Token) -> int:
    """Where the token's sentence starts (a Doc without sentences is one)."""
    return token.sent.start if token.doc.has_annotation("SENT_START") else 0


def _scoreline(token: Token) -> bool:
    """A match result hangs on the verb, so its violence words are sport (a team "routed"
    another "3-0"): a number, a dash, a number."""
    for child in token.children:
        if child.pos_ != "NUM":
            continue
        if SCORE.match(child.text):
            return True
        after = token.doc[child.i + 1:child.i + 3]
        if len(after) == 2 and after[0].text in ("-", "–") and after[1].pos_ == "NUM":
            return True
    return False


def more_specific(mode: str | None, than: str | None) -> bool:
    """Whether ``mode`` names the means of violence more specifically than ``than`` (any of
    ``MODE_ORDER`` beats no mode or a generic one)."""
    return mode in MODE_ORDER and _rank(mode) < _rank(than) and than in OPEN_MODES


def _without_hazards(hits: list[TriggerHit]) -> list[TriggerHit]:
    """The hits (in text order) but those of violence a natural hazard, an accident or an
    illness did (:func:`~sitrep.extract.hazards.hazard_cause`) and the tolls told of such a
    hazard on their own (:func:`~sitrep.extract.hazards.hazard_tolls`): no events."""
    caused = {i for i, h in enumerate(hits) if hazard_cause(h.head, h.entry.type) is not None}
    if not caused:
        return hits
    tolls = hazard_tolls([(h.head, h.entry.type) for h in hits], caused)
    return [h for i, h in enumerate(hits) if i not in caused and i not in tolls]


def _rank(mode: str | None) -> int:
    """Where a trigger's own mode stands in ``MODE_ORDER`` (no mode: after all of them)."""
    return MODE_ORDER.index(mode) if mode in MODE_ORDER else len(MODE_ORDER)


class MeansReader:
    """The means of violence a trigger's clause names, from ``mode_words.tsv`` and CAMEO's
    aircraft (``cameo/aircraft.txt``)."""

    def __init__(self) -> None:
        self.words: dict[str, tuple[str, str, str]] = {}
        for row in load_records("mode_words.tsv"):
            self.words[row["word"]] = (row["role"], row["type"], row["mode"])
        for craft in load_list("cameo/aircraft.txt"):
            self.words.setdefault(craft, ("any", "ASSAULT", "aerial"))

    def munition(self, token: Token) -> str | None:
        """The mode of a munition a common noun names ("mortar rounds", "an air strike")."""
        if token.pos_ != "NOUN" or token.ent_type_:
            return None
        for key in _keys(token):
            hit = self.words.get(key)
            if hit is not None and hit[0] == "munition":
                return hit[2]
        return None

    def weapon(self, token: Token) -> str | None:
        """The mode of violence of any weapon or aircraft a common noun names ("drones",
        "warplanes", "mortar rounds"), a crowd's or a hacker's means left out."""
        if token.pos_ != "NOUN" or token.ent_type_:
            return None
        for key in _keys(token):
            hit = self.words.get(key)
            if hit is not None and hit[0] != "actor" and hit[1] == "ASSAULT":
                return hit[2]
        return None

    def instrument(self, token: Token) -> bool:
        """Whether a common noun names a means of violence ("drones", "a missile"): what an
        attack is done with, never whom it is done to."""
        if token.pos_ != "NOUN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return False
        return any(self.words.get(key, ("actor",))[0] != "actor" for key in _keys(token))

    def read(self, head: Token) -> dict[str, tuple[str, str]]:
        """Mode → (type, mode) for every means the clause names; a crowd acting is "riot"."""
        found: dict[str, tuple[str, str]] = {}
        for token, role in _clause_words(head):
            for key in _keys(token):
                hit = self.words.get(key)
                if hit is None or (hit[0] == "actor" and role != "actor"):
                    continue
                name = "riot" if hit[1] == "PROTEST" else hit[2]
                found.setdefault(name, (hit[1], hit[2]))
        return found


def _keys(token: Token) -> list[str]:
    """A word's lemma and, with a compound or adjective before it, the pair ("air strike")."""
    keys = [lemma(token), token.lower_]
    mods = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
    if mods:
        keys.insert(0, f"{lemma(mods[-1])} {lemma(token)}")
        keys.insert(0, f"{mods[-1].lower_} {token.lower_}")
    return keys


def _clause_words(head: Token) -> list[tuple[Token, str]]:
    """The words of the trigger's own clause that may name its means, with their role
    ("actor" for the subject or agent): its dependents, the objects of its instrument
    prepositions, the trigger itself (a nominal trigger "a mortar attack"), and for a
    participle that goes on from a clause, that clause's subject."""
    preps = load_codebook().cue("means_preps")
    found: list[tuple[Token, str]] = [(head, "self")]
    frontier = [(head, "self")]
    for _ in range(2):
        nxt: list[tuple[Token, str]] = []
        for token, role in frontier:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in preps:
                    by = "actor" if child.lower_ == "by" and token is head else role
                    nxt.extend((g, by) for g in child.children if g.dep_ == "pobj")
                elif child.dep_ in MEANS_DEPS:
                    child_role = "actor" if token is head and child.dep_ in ACTOR_DEPS else role
                    nxt.append((child, child_role))
        found.extend(nxt)
        frontier = nxt
    if head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and head.pos_ == "NOUN":
        found.extend((c, "self") for c in head.children if c.dep_ in ("compound", "amod"))
    found.extend(_carriers(head))
    if head.dep_ == "advcl" and head.tag_ == "VBG":  # "a device went off, killing two": the
        for subject in head.head.children:           # participle's doer is the clause's subject
            if subject.dep_ in ("nsubj", "nsubjpass"):
                found.append((subject, "actor"))
                found.extend((c, "actor") for c in subject.children
                             if c.dep_ in ("compound", "amod"))
        # and its result comes of the clause's act: what that act threw, fired or used
        # ("hurled a grenade into the crowd, wounding six") is its means too
        for thing in head.head.children:
            if thing.dep_ == "dobj":
                found.append((thing, "self"))
                found.extend((c, "self") for c in thing.children
                             if c.dep_ in ("compound", "amod"))
            elif thing.dep_ == "prep" and thing.lower_ in preps:
                found.extend((g, "self") for g in thing.children if g.dep_ == "pobj")
    return found


def _carriers(head: Token) -> list[tuple[Token, str]]:
    """The subject of the verb an attack noun is the object of, and its conjuncts and
    modifiers ("jets carried out a dozen raids", "French and Malian helicopters conducted strikes"):
    what carried the attack out is its means when it is a weapon or an aircraft. Role
    "carrier", so that a crowd or a hacker there ("protesters condemned the raids") is no
    means of the attack it speaks of."""
    if head.pos_ != "NOUN" or head.dep_ != "dobj" or head.head.pos_ != "VERB":
        return []
    found: list[tuple[Token, str]] = []
    for subject in head.head.children:
        if subject.dep_ != "nsubj":
            continue
        for word in (subject, *(c for c in subject.children if c.dep_ == "conj")):
            found.append((word, "carrier"))
            found.extend((c, "carrier") for c in word.children if c.dep_ in ("compound", "amod"))
    return found


def _implied_doers(verb: Token) -> list[Token]:
    """The doer a verb with no subject of its own takes from the clause it hangs on: a
    participle set after a clause ("a cyclone struck the coast, killing nine") takes that
    clause's subject, and so do participles joined to it; a relative clause whose subject is
    a relative pronoun ("landslides that killed 12") takes the noun it describes."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in
                                  ("WDT", "WP") for c in verb.children):
        return []
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP")
                                    for c in verb.children):
        return [verb.head]
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and \
            not any(c.dep_ == "mark" for c in verb.children):
        clause = verb.head
        doers = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        # a clause the parser hung on its subject ("a storm swept ...": the storm's)
        return doers or ([clause.head] if clause.dep_ == "acl" else [])
    return []


def _split_rest(verb: Token, rest: tuple[str, ...], blocked: set[int]) -> int | None:
    """Where the rest of an expression starts after its verb when the verb's object stands
    between them, or None: the rest's first word hangs on the verb (a particle, a complement,
    a preposition of the expression: "on fire") and the words between are the verb's object
    (or, where the parser took the complement for the object's head, that word's own)."""
    doc = verb.doc
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for at in range(verb.i + 2, min(verb.i + 2 + SPLIT_GAP, len(doc) - len(rest) + 1)):
        words = doc[at:at + len(rest)]
        if [lemma(t) for t in words] != list(rest) or any(t.i in blocked for t in words):
            continue
        first = words[0]
        if first.head != verb or first.dep_ in SPLIT_DEPS:
            return None
        between = doc[verb.i + 1:at]
        owners = [*objects, first]
        if all(any(t in o.subtree for o in owners) for t in between):
            return at
        return None
    return None


def _second_tier(book: Codebook, known: set[str]) -> dict[str, Trigger]:
    """CAMEO's verbs (``cameo/verbs.tsv``) that the lexicon lacks, as low-weight entries with
    the frame most triggers of their type take."""
    frames = _type_frames(book)
    tier: dict[str, Trigger] = {}
    for verb, code, kind, mode in load_table("cameo/verbs.tsv"):
        if " " in verb or verb in known or kind not in book.types or kind not in frames:
            continue
        tier[verb] = Trigger(lemma=verb, pos="VERB", type=kind,
                             mode=mode if mode in book.types[kind].modes else None, context=(),
                             frame=frames[kind], with_=frozenset(), cameo=code,
                             weight=SECOND_TIER_WEIGHT)
    return tier


def _type_frames(book: Codebook) -> dict[str, str]:
    """The frame most triggers of each type take: the frame of a CAMEO verb or pattern."""
    counts: dict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
    for entry in book.triggers:
        counts[entry.type][entry.frame] += 1
    return {kind: max(frames, key=lambda f: frames[f]) for kind, frames in counts.items()}


@dataclass(frozen=True, slots=True)
class PatternWords:
    """The words of a verb's clause a CAMEO pattern reads: subject and object heads (lemma and
    form), and the head lemmas under each preposition of the verb or its object."""

    subjects: frozenset[str]
    objects: frozenset[str]
    preps: dict[str, frozenset[str]]


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """A CAMEO verb pattern (``cameo/patterns.tsv``): the nouns that must stand in the verb's
    clause (empty: any) and the entry it gives; ``entry`` None is CAMEO's null code, the verb
    with these words is no event."""

    subject: frozenset[str]
    object: frozenset[str]
    with_: frozenset[str]
    prep: str
    prep_object: frozenset[str]
    entry: Trigger | None

    @property
    def after(self) -> bool:
        """Whether the pattern names words after the verb (an object, particle or phrase)."""
        return bool(self.object or self.with_ or self.prep)

    @property
    def size(self) -> int:
        """How many conditions the pattern sets: the more, the more specific."""
        return sum(map(bool, (self.subject, self.object, self.with_, self.prep,
                              self.prep_object)))

    def holds(self, words: PatternWords) -> bool:
        """Whether the clause has every noun the pattern names."""
        if self.subject and not self.subject & words.subjects:
            return False
        if self.object and not self.object & words.objects:
            return False
        if not self.prep:
            return True
        heads = words.preps.get(self.prep)
        return heads is not None and (not self.prep_object or bool(self.prep_object & heads))


def _strikers(verb: Token) -> list[Token]:
    """What strikes in a verb's clause: its subject, or a passive's agent ("the outpost was
    hit by drones")."""
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    if is_passive(verb):
        found += [g for c in verb.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj"]
    return found


def _pattern_words(verb: Token) -> PatternWords:
    """The subject, object and prepositional heads a CAMEO pattern is matched against."""
    def forms(tokens: list[Token]) -> frozenset[str]:
        return frozenset(w for t in tokens for each in (t, *t.conjuncts)
                         for w in (lemma(each), each.lower_))
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
    subjects += [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    objects = [c for c in children if c.dep_ in OBJECT_DEPS]
    preps: dict[str, set[str]] = defaultdict(set)
    for head in (verb, *objects):
        for prep in head.children:
            if prep.dep_ in ("prep", "agent", "dative"):
                preps[prep.lower_].update(forms([g for g in prep.children if g.dep_ == "pobj"]))
    return PatternWords(forms(subjects), forms(objects),
                        {prep: frozenset(heads) for prep, heads in preps.items()})


def _verb_patterns(book: Codebook) -> dict[str, list[VerbPattern]]:
    """CAMEO's verb patterns (``cameo/patterns.tsv``) by verb lemma, most specific first; a
    synonym set (``&weapon``) stands for its members (``cameo/noun_sets.tsv``), a multi-word
    verb ("cordon off") for its first word with the others as particles it governs."""
    sets: dict[str, set[str]] = defaultdict(set)
    for name, member in load_table("cameo/noun_sets.tsv"):
        sets[name].add(member)

    def nouns(cell: str) -> frozenset[str]:  # a set the file lacks matches no word
        return frozenset(sets.get(cell, [cell])) if cell.startswith("&") else \
            frozenset([cell]) if cell else frozenset()

    frames = _type_frames(book)
    table: dict[str, list[VerbPattern]] = defaultdict(list)
    for verbs, subject, obj, with_, prep, prep_object, code, kind, mode in \
            load_table("cameo/patterns.tsv"):
        entry = None
        if kind != "-":
            if kind not in frames:
                continue
            entry = Trigger(lemma="", pos="VERB", type=kind,
                            mode=mode if mode in book.types[kind].modes else None, context=(),
                            frame=frames[kind], with_=frozenset(), cameo=code,
                            weight=PATTERN_WEIGHT)
        before, after, under = nouns(subject), nouns(obj), nouns(prep_object)
        governed = frozenset(with_.split())
        for verb in verbs.split(","):
            first, *particles = verb.split()
            table[first].append(VerbPattern(
                before, after, governed | frozenset(particles) if particles else governed,
                prep, under, entry))
    for patterns in table.values():
        patterns.sort(key=lambda p: -p.size)
    return dict(table)


@dataclass(frozen=True)
class Sense:
    """How a word of several readings is settled (``senses.json``): the cue lemmas of each
    reading counted over the article, and, before them, the reading of the word aimed at a
    place (type, prepositions), where given."""

    cues: dict[str, frozenset[str]]
    aimed_at_place: tuple[str, frozenset[str]] | None = None
    toll_of: tuple[str, frozenset[str], frozenset[str]] | None = None


def _senses() -> dict[tuple[str, str], Sense]:
    """Per (lemma, part of speech), how its readings are settled (``senses.json``)."""
    table: dict[tuple[str, str], Sense] = {}
    for sense in load_json("senses.json")["senses"]:
        aimed = sense.get("aimed_at_place")
        toll = sense.get("toll_of")
        table[(sense["lemma"], sense["pos"])] = Sense(
            cues={kind: frozenset(words) for kind, words in sense["cues"].items()},
            aimed_at_place=(aimed["type"], frozenset(aimed["preps"])) if aimed else None,
            toll_of=(toll["type"], frozenset(toll["verbs"]), frozenset(toll["preps"]))
            if toll else None)
    return table


def aimed_at_place(token: Token, preps: frozenset[str]) -> bool:
    """Whether the word is aimed at a place the places stage found on the Doc ("strikes on
    the capital"): one of ``preps`` on it whose object lies in a place span."""
    places = token.doc.spans.get(PLACE_SPANS, ())
    inside = {i for span in places for i in range(span.start, span.end)}
    return any(obj.i in inside for prep in token.children
               if prep.dep_ == "prep" and prep.lower_ in preps
               for each in prep.children if each.dep_ == "pobj"
               for obj in (each, *each.conjuncts))


def told_as_toll(token: Token, verbs: frozenset[str], preps: frozenset[str]) -> bool:
    """Whether the word is told as what people were killed or hurt in ("killed in an Israeli
    strike", "wounded in strikes"): the object of one of ``preps`` on one of ``verbs``."""
    if token.dep_ != "pobj" or token.head.lower_ not in preps:
        return False
    verb = token.head.head
    return verb.pos_ in ("VERB", "AUX") and lemma(verb) in verbs


@cache
def _agent_nouns() -> frozenset[str]:
    """Nouns that name actors by their role: Phoenix's agents and sitrep's sector words."""
    nouns = {row[0] for row in load_table("cameo/agents.tsv") if " " not in row[0]}
    nouns.update(load_codebook().actors.words)
    return frozenset(nouns)


def _two_actors(verb: Token, roles: frozenset[str]) -> bool:
    """A subject and an object that each name an actor, as PETRARCH codes a verb only between
    two actors of its dictionaries: a named person, body, state or people, or, for violence
    and coercion, a role noun of the agent tables ("protesters pelted police"). Softer verbs
    of a synonym set ("lead", "master") are no event between ordinary nouns."""
    def actor(token: Token) -> bool:
        return token.ent_type_ in ACTOR_ENTS or lemma(token) in roles or token.lower_ in roles
    subject = [c for c in verb.children if c.dep_ == "nsubj"]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if _unsaid_agent(verb):  # "eight crew members were barred from leaving": the state
        return any(map(actor, [c for c in verb.children if c.dep_ == "nsubjpass"]))
    return any(map(actor, subject)) and any(map(actor, objects))


def _unsaid_agent(verb: Token) -> bool:
    """A passive verb with no agent, of a type the authorities do when the text names no one
    (``passive_authority`` in ``records.json``: arrests, bans, restrictions): its doer is a
    named side of its own kind, so its one named party is enough."""
    return verb.pos_ == "VERB" and not any(c.dep_ == "agent" for c in verb.children) and \
        any(c.dep_ == "auxpass" for c in verb.children)


def _acts_on_something(verb: Token) -> bool:
    """Whether a verb names what it acts on: an object or a clause, a passive's subject, or,
    joined to another verb, that verb's object ("eased and then lifted the curfew")."""
    held = ("dobj", "nsubjpass", "ccomp", "xcomp", "attr")
    if any(c.dep_ in held for c in verb.children):
        return True
    return verb.dep_ == "conj" and verb.head.pos_ == "VERB" and \
        any(c.dep_ in held and c.i > verb.i for c in verb.head.children)


def _has_clause(token: Token) -> bool:
    """An adjective trigger ("willing", "ready") needs a to-clause of its own; a participle
    in a state ("is opposed to the plan") its "to" phrase."""
    return any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "to"
                                                 and _stative(token))
               for c in token.children)


def _stative(token: Token) -> bool:
    """A passive participle with no agent ("Israel is opposed to"): where the lexicon lists
    the form as an adjective, it names a state of its subject, not an act done to it."""
    return token.pos_ == "VERB" and token.tag_ == "VBN" and \
        any(c.dep_ == "auxpass" for c in token.children) and \
        not any(c.dep_ == "agent" for c in token.children)


def _lemma_docs(vocab: Vocab, words: tuple[str, ...]) -> list[Doc]:
    """Pattern documents whose lemmas are the expression's words (also capitalised, for
    headlines and sentence starts)."""
    forms = {words, (words[0].capitalize(), *words[1:])}
    return [Doc(vocab, words=list(f), lemmas=list(f)) for f in sorted(forms)]


@cache
def trigger_matcher(vocab: Vocab) -> TriggerMatcher:
    """One compiled matcher per vocabulary (the pipeline has one)."""
    return TriggerMatcher(vocab)


TRIGGER_SPANS = "triggers"


class TriggerFinder:
    """The trigger matcher as a spaCy component: every trigger of a ``Doc`` as a span of
    ``doc.spans["triggers"]``, labelled with its PLOVER type, with ``span._.trigger`` holding the
    index of the token its arguments hang on, the entry and whether it is set aside (mode as the
    clause reads it; no
    token, so the Doc holds no cycle through itself). Event extraction reads them from there
    (:func:`doc_triggers`) instead of matching again."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        if not Span.has_extension("trigger"):
            Span.set_extension("trigger", default=None)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for hit in trigger_matcher(doc.vocab)(doc):
            span = Span(doc, hit.start, hit.end, label=hit.entry.type)
            span._.trigger = (hit.head.i, hit.entry, hit.aside)
            spans.append(span)
        doc.spans[TRIGGER_SPANS] = spans
        return doc


@cache
def means_reader() -> MeansReader:
    """The one reader of the means-of-violence words, built once per process."""
    return MeansReader()


def doc_triggers(doc: Doc) -> list[TriggerHit]:
    """The triggers the component stored on ``doc``; matched now on a Doc parsed without it."""
    if TRIGGER_SPANS in doc.spans and Span.has_extension("trigger"):
        return [TriggerHit(span.start, span.end, doc[span._.trigger[0]], span._.trigger[1],
                           span._.trigger[2]) for span in doc.spans[TRIGGER_SPANS]]
    return trigger_matcher(doc.vocab)(doc)
