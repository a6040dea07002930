"""Natural hazards, accidents and illness: what kills, hurts or destroys without a doer.

"An earthquake killed hundreds", "a storm tore through the village, killing three", "homes
destroyed by floods", "two were hurt in the collision": the words of violence are there, but
no one did it, so no ASSAULT or COERCE event is coded. The hazard nouns are WordNet's kinds of
natural phenomenon, calamity, accident and illness (``codebook/wordnet/hazards.tsv``, built by
``scripts/build_hazards.py``); where a trigger's cause is one of them is read from the parse
(``hazard_types``, ``hazard_prep_types`` and ``hazard_cause_preps`` of ``cues/events.json``).
A hazard noun that names a side or a weapon beside it ("army fire", "sniper fire", "Israeli
fire") or that someone is told to have caused ("a blaze set by rebels") is a weapon's work,
not a hazard's.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from sitrep.codebook.lexicon import load_codebook
from sitrep.codebook.load import load_json, load_table

# nouns a parse sets beside another that name the same thing ("the magnitude 7 quake")
APPOSED = frozenset({"appos"})
# the parse labels of a clause's subject and of the words that modify a noun
SUBJECTS = frozenset({"nsubj", "csubj"})
MODIFIERS = frozenset({"compound", "amod", "poss", "nmod"})
# clauses that take their subject from the clause they hang on ("..., killing 19")
BORROWING = frozenset({"advcl", "conj", "xcomp"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})
NAMED_SIDES = frozenset({"NORP", "ORG", "PERSON"})
PLURAL_ENDINGS = ("s", "es")
# the kind of hazard that is one only in an accident (``accident_verbs``)
VEHICLE = "vehicle"
# how many nouns up a chain of prepositional phrases a relative clause may tell of
ANTECEDENT_REACH = 4
# determiners by which a noun refers back to something told before
DEFINITE = frozenset({"the", "this", "that"})


@cache
def hazard_nouns() -> dict[str, str]:
    """noun (one lemma, or two of a compound) → its hazard kind (natural, accident, illness,
    or vehicle: a hazard only in an accident, :func:`vehicle_accident`)."""
    return {noun: kind for noun, kind in load_table("wordnet/hazards.tsv")}


@cache
def _armed_people() -> frozenset[str]:
    """Nouns of kinds of people of the state or an armed side (``state_sectors``: soldiers,
    snipers, rebels, the police)."""
    sides = load_codebook().cue("state_sectors")
    return frozenset(noun for noun, sector in load_table("wordnet/people.tsv")
                     if sector in sides)


def hazard_cause(head: Token, event_type: str) -> Token | None:
    """The hazard noun that caused what a trigger of ``event_type`` tells, or None: the
    subject of the trigger (or of the clause a participle or a second verb hangs on, or the
    noun a relative clause describes), its passive agent, or, for the types that count a toll
    (``hazard_prep_types``), the object of a cause preposition ("killed in the crash")."""
    book = load_codebook()
    if event_type not in book.cue("hazard_types") or head.pos_ not in ("VERB", "AUX"):
        return None
    causes = _subjects(head)
    causes += [o for a in head.children if a.dep_ == "agent" for o in a.children
               if o.dep_ == "pobj"]
    if event_type in book.cue("hazard_prep_types"):
        causes += [o for p in head.children
                   if p.dep_ == "prep" and p.text.lower() in book.cue("hazard_cause_preps")
                   for o in p.children if o.dep_ == "pobj"]
    causes += [a for c in causes for a in c.children if a.dep_ in APPOSED]
    return next((c for c in causes if is_hazard(c) or vehicle_accident(c)), None)


def _subjects(verb: Token) -> list[Token]:
    """The subjects of a verb (a parse may split one: "the magnitude 7 quake"), borrowed
    from the clause it hangs on when it has none; a relative pronoun stands for the noun its
    clause describes, and so does the noun a participle describes ("a storm sweeping over
    the coast, killing three"), but for the trigger's own past participle, whose noun is
    what it was done to ("people killed")."""
    seen = 0
    while seen < 4:
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects:
            if verb.dep_ == "relcl" and any(s.tag_ in RELATIVE_TAGS for s in subjects):
                return _antecedents(verb.head)
            return subjects
        if verb.dep_ == "relcl":
            return _antecedents(verb.head)
        if verb.dep_ == "acl" and (seen or verb.tag_ != "VBN"):
            return [verb.head]
        if verb.dep_ not in BORROWING or verb.head.i == verb.i:
            return []
        verb, seen = verb.head, seen + 1
    return []


def _antecedents(noun: Token) -> list[Token]:
    """The noun a relative clause hangs on and the nouns whose prepositional phrases hold it:
    a parse sets the clause on the last noun before it, where the clause may tell of the
    first ("the avalanche on the pass above the village, which killed")."""
    found = [noun]
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i != noun.i \
            and len(found) < ANTECEDENT_REACH:
        noun = noun.head.head
        found.append(noun)
    return found


def is_hazard(noun: Token) -> bool:
    """Whether a noun names a natural hazard, an accident or an illness, with no side or
    weapon beside it and no one told to have caused it."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    hazards = hazard_nouns()
    words = _forms(noun)
    mods = [c for c in noun.children if c.dep_ in MODIFIERS]
    pairs = {f"{mods[-1].lemma_.lower()} {w}" for w in words} if mods and mods[-1].i < noun.i \
        else set()
    kinds = {hazards[k] for k in (words | pairs) & hazards.keys()}
    if not kinds - {VEHICLE}:
        return False
    return not any(_names_a_side(m) for m in mods) and not _caused(noun)


def vehicle_accident(noun: Token) -> bool:
    """Whether a noun names a vehicle of no side that is the subject of a verb of accident
    (``accident_verbs``: "a bus plunged into a ravine", "the ferry capsized")."""
    if noun.dep_ not in SUBJECTS or noun.pos_ not in ("NOUN", "PROPN") or \
            noun.head.lemma_.lower() not in load_codebook().cue("accident_verbs"):
        return False
    hazards = hazard_nouns()
    words = _forms(noun)
    mods = [c for c in noun.children if c.dep_ in MODIFIERS]
    pairs = {f"{mods[-1].lemma_.lower()} {w}" for w in words} if mods and mods[-1].i < noun.i \
        else set()
    if VEHICLE not in {hazards[k] for k in (words | pairs) & hazards.keys()}:
        return False
    return not any(_names_a_side(m) for m in mods) and not _caused(noun)


def _forms(noun: Token) -> set[str]:
    """The noun's lemma; for a common noun the parser took for a name at the head of a
    sentence, which keeps its plural as its lemma ("Floods swollen by rain"), its lower-case
    form and that form without a plural ending too."""
    forms = {noun.lemma_.lower()}
    if noun.pos_ == "PROPN":
        form = noun.text.lower()
        forms |= {form, *(form[:-len(e)] for e in PLURAL_ENDINGS if form.endswith(e))}
    return forms


def _names_a_side(word: Token) -> bool:
    """Whether a modifier names a side or a weapon ("army", "Israeli", "sniper", "rocket")."""
    if word.ent_type_ in NAMED_SIDES:
        return True
    key = word.lemma_.lower()
    return key in _armed_people() or key in _side_words() or _means().instrument(word)


@cache
def _side_words() -> frozenset[str]:
    """Sector words of the state or an armed side ("army", "police", "militant")."""
    sides = load_codebook().cue("state_sectors")
    return frozenset(row[0].lower() for row in load_table("actors/sector_words.tsv")
                     if row[1] in sides)


@cache
def _means():  # noqa: ANN202
    from sitrep.extract.triggers import MeansReader  # the one reader of mode_words.tsv

    return MeansReader()


def _caused(noun: Token) -> bool:
    """Whether the text gives the hazard a doer: a participle or clause on it with an agent
    ("a fire set by rebels"), a passive clause it is the subject of with an agent ("the blaze
    was set by gunmen"), or, told with a definite article, an earlier mention of the same
    noun that someone made (``hazard_causing_verbs``: "rebels set fire to the market ... the
    fire killed five")."""
    if any(c.dep_ in ("acl", "relcl") and _has_agent(c) for c in noun.children):
        return True
    if noun.dep_ == "nsubjpass" and _has_agent(noun.head):
        return True
    if not any(c.dep_ == "det" and c.text.lower() in DEFINITE for c in noun.children):
        return False
    word, making = noun.lemma_.lower(), load_codebook().cue("hazard_causing_verbs")
    return any(t.lemma_.lower() == word and (
        (t.dep_ == "dobj" and t.head.lemma_.lower() in making) or
        (t.dep_ == "nsubjpass" and _has_agent(t.head))) for t in noun.doc[:noun.i])


def _has_agent(verb: Token) -> bool:
    """Whether a verb's passive agent names a doer: an agent that is itself a natural hazard,
    or a stretch of one ("a flood brought by a week of steady rain", "a mudslide caused by a
    downpour"), is one hazard causing another, and names no one."""
    return any(c.dep_ == "agent" and not all(_hazard_or_its_measure(o) for o in c.children
                                             if o.dep_ == "pobj")
               for c in verb.children)


def _hazard_or_its_measure(noun: Token) -> bool:
    """Whether a noun is a hazard, or a measure of one told by "of" ("weeks of rain")."""
    if is_hazard(noun):
        return True
    return any(p.dep_ == "prep" and p.text.lower() == "of" and
               any(o.dep_ == "pobj" and is_hazard(o) for o in p.children)
               for p in noun.children)


def hazard_tolls(heads: list[tuple[Token, str]], caused: set[int]) -> set[int]:
    """The toll a hazard took, told on its own ("hundreds were killed and thousands hurt",
    "the relatives of those killed"): of ``heads`` (each trigger's head token and type, in
    text order), those of a toll type (``hazard_prep_types``) told in the passive with no
    agent and no cause of their own, whose nearest violence told before them, within
    ``hazard_toll_reach_sentences``, is a hazard's (``caused``: indices of ``heads``) or such
    a toll, with no fight between. A toll told after a fight is left to the fight."""
    book = load_codebook()
    reach = int(load_json("cues/events.json")["hazard_toll_reach_sentences"])
    tolls: set[int] = set()
    for i, (head, kind) in enumerate(heads):
        if i in caused or kind not in book.cue("hazard_prep_types") or not _agentless(head):
            continue
        if any(p.dep_ == "prep" and p.text.lower() in book.cue("hazard_cause_preps")
               for p in head.children):
            continue
        before = [j for j in range(i) if heads[j][1] in book.cue("hazard_types")]
        if before and (before[-1] in caused or before[-1] in tolls) and \
                _sentences_apart(heads[before[-1]][0], head) <= reach:
            tolls.add(i)
    return tolls


def _agentless(verb: Token) -> bool:
    """A past participle told in the passive (or joined to one) with no agent."""
    while verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i and \
            not any(c.dep_ == "auxpass" for c in verb.children):
        verb = verb.head
    if verb.tag_ != "VBN" or _has_agent(verb):
        return False
    return verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.children)


def _sentences_apart(a: Token, b: Token) -> int:
    doc = a.doc
    if not doc.has_annotation("SENT_START"):
        return 0
    starts = [s.start for s in doc.sents]
    return abs(sum(1 for s in starts if s <= b.i) - sum(1 for s in starts if s <= a.i))
