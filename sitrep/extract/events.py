"""Assemble event records from a parsed document.

Triggers come from the codebook lexicon (:mod:`sitrep.extract.triggers`). A speech act or a
sanction takes the events it governs as its content ("demanded the withdrawal": one REQUEST,
not a RETREAT too), as PLOVER codes them; violence stays an event of its own. Each remaining
trigger gets its arguments, modality, claimant, quantities, place and time. A future material
event also states an intent (PLOVER's AGREE or THREATEN). One event per type per sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from sitrep.cluster.events import load_rules, opposed_camps
from sitrep.codebook.lexicon import Codebook, Trigger, load_codebook, mutual_types
from sitrep.codebook.load import fold
from sitrep.extract.arguments import (
    NAME_LABELS,
    actor_tokens,
    agentless_passive,
    children,
    conjuncts,
    content_head,
    named_in_complement,
    naming_judgement,
    noun_agents,
    own_doers,
    phrase,
    prep_objects,
    recipient_tokens,
    through_event_objects,
)
from sitrep.extract.claims import is_outlet, sources
from sitrep.extract.claims import speakers as speakers_of
from sitrep.extract.coreference import Coreference, has_coreference
from sitrep.extract.modality import by_aux, denied_by_another, habitual, modality, refused
from sitrep.extract.quantities import quantities
from sitrep.extract.repression import against_protest, counted, without_messages
from sitrep.extract.setting import event_date, in_dateline, location, segment
from sitrep.extract.triggers import TriggerHit, doc_triggers, means_reader, more_specific
from sitrep.model import (
    Actor,
    Article,
    Claimant,
    EntityMention,
    Event,
    Evidence,
    PlaceMention,
    TimeMention,
)
from sitrep.resolve.actors import ActorResolver
from sitrep.resolve.actors.component import has_actors

CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "pcomp", "advcl", "conj"})
MOVER_TYPES = frozenset({"MOBILIZE"})
TEAM_NAME_LABELS = frozenset({"GPE", "LOC"})
SIDE_ENTS = frozenset({"PERSON", "ORG", "NORP"})  # in a sport sentence a place's name is its team
MAIN_BONUS = 0.1
BACKGROUND_PENALTY = 0.2
UNDER_SPEECH_PENALTY = 0.15
PROPERTY_PENALTY = 0.2
"""How far property taken or destroyed falls below the violence against people told with it:
ACLED and PLOVER code the attack on people as the event."""
RESULT_PENALTY = 0.4
"""How far property destroyed as the result of an attack it is told as a participle of falls:
below any attack word's weight."""
INTENT_BONUS = 0.05
FUTURE_PENALTY = 0.1
ACTOR_BONUS = 0.05
RECIPIENT_BONUS = 0.03
SECONDARY_FLOOR = 0.6
MAX_SPEAKER_CLIMB = 5  # from a quoted verb up to the verb that reports it
# where a noun is what its clause states (its object or complement), not its subject
STATED_DEPS = frozenset({"dobj", "ccomp", "xcomp", "oprd", "attr"})
# the links inside one noun phrase, through which a phrase of passing reaches its nouns
PHRASE_LINKS = frozenset({"conj", "pobj", "prep", "appos", "compound", "cc"})
# quotation marks: straight, and curly opening and closing
QUOTE, OPEN_QUOTE, CLOSE_QUOTE = '"', "\u201c", "\u201d"
# clauses a subordinator opens; a parse sometimes joins "..., a day after X had done" to the
# main clause as a conjunct, which then counts as one for the trigger's own clause only (a
# verb joined to such a conjunct may be a misparse of the main clause's own next act)
SUBORDINATE_DEPS = frozenset({"advcl", "relcl"})
OBLIGATION_WEIGHT = 0.7
RELEASE = ("RETREAT", "release")
"""A freeing by the holder; by the state's forces, of people another side holds, a rescue."""
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # a verb with a tense of its own
GATHERING_WEIGHT = 0.75
"""How surely people gathering to demand something signal a demonstration."""
EVALUATION_WEIGHT = 0.8
MAX_CHARGE_LINKS = 3
# entity labels of times and numbers: a phrase headed by one names no doer
NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT",
                            "ORDINAL"})


@dataclass(slots=True)
class Candidate:
    """A trigger on its way to an event: what it is and how it sits in the sentence."""

    hit: TriggerHit
    entry: Trigger
    mode: str | None
    under_speech: bool = False
    alleged: bool = False  # the content of an accusation: another side's word, not its own
    obligation: Token | None = None
    event_type: str | None = None
    targets: list[Token] = field(default_factory=list)  # protesters force is used against
    targeted: bool = False  # a protest that force is used against

    @property
    def type(self) -> str:
        return self.event_type or self.entry.type

    @property
    def head(self) -> Token:
        return self.hit.head


def extract_events(doc: Doc, article: Article, *, places: list[PlaceMention],
                   times: list[TimeMention], actors: ActorResolver,
                   entities: list[EntityMention] | None = None) -> list[Event]:
    """All event mentions of one document, in text order, with distinct ids; ``entities``
    (the coded named entities) are the antecedents pronouns and role nouns resolve to."""
    book = load_codebook()
    hits = doc_triggers(doc)
    candidates = [Candidate(hit, hit.entry, hit.entry.mode) for hit in hits]
    candidates += obligations(doc, book)
    candidates += evaluations(doc, book, hits)
    candidates += allegations(doc, book, hits)
    candidates += gatherings(candidates, book)
    candidates += demonstrations(doc, candidates, book)
    # an act named as what something is ("called the tariffs an attack") is no event
    named = judgements(doc, book)
    candidates = [c for c in candidates if c.head.i not in named]
    candidates = [c for c in candidates if not _forecast(c, candidates, book)]
    # Heads that may hold an event in passing: triggers not themselves mentioned in passing
    # ("her role in rioting during a summit": neither the rioting nor the summit).
    heads = {c.head.i for c in candidates}
    heads = {c.head.i for c in candidates if not _passing(c, book, heads)}
    candidates = against_protest(candidates, book)
    candidates = [c for c in subsume(candidates, book) if not _passing(c, book, heads)]
    candidates = unconditioned(candidates, book)
    candidates = absorb_objects(without_messages(candidates, book))
    builder = EventBuilder(doc, article, places, times, actors, book)
    builder.coref = builder.chains(entities or [])
    builder.trigger_heads = {hit.head.i for hit in hits}
    builder.violent_heads = {hit.head.i for hit in hits
                             if hit.entry.type in book.cue("outranking_types")}
    builder.noun_events = {hit.head.i: hit.entry.type for hit in hits
                           if hit.head.pos_ in ("NOUN", "PROPN")}
    builder.noun_entries = {hit.head.i: hit.entry for hit in hits
                            if hit.head.pos_ in ("NOUN", "PROPN")}
    doc._.event_refs = {}
    builder.accusations = {c.head.i for c in candidates if c.type == "ACCUSE"} | {
        hit.head.i for hit in hits if hit.entry.type == "ACCUSE"}
    events: list[Event] = []
    for cand in candidates:
        events.extend(builder.build(cand))
    return secondary_floor(dedupe(riots_spread(events, book),
                                  book.cue("violent_protest_modes")))


# -- which triggers become events -------------------------------------------------------------


def _other_side(accusers: list[Actor], accused: list[Actor], victims: list[Actor]) -> bool:
    """Whether the speaker tells of what another side did to its own: the doers are another
    country and the act was done to the speaker's country, or they are the other camp of the
    same country (``opposed_camps``: the army telling of the rebels) and the act was done to
    the speaker's camp. A side telling of what others did to third parties (the police of a
    clan's ambush on another clan, a rights group of a toll) reports it."""
    camps = load_rules().camps
    mine = {a.country for a in accusers}
    hit = [v for v in victims if v.country in mine]
    if mine.isdisjoint(a.country for a in accused):
        return bool(hit)
    own = {camp for camp in camps for a in accusers if a.sector in camp}
    return opposed_camps(accusers, accused, camps) and \
        any(v.sector in camp for camp in own for v in hit)


def complement_indices(head: Token, book: Codebook) -> set[int]:
    """Tokens inside what a trigger governs: its objects, complements and arguments."""
    deps = book.cue("complement_deps")
    preps = book.cue("complement_preps")
    circumstance = book.cue("circumstance_preps")
    inside: set[int] = set()
    for child in head.children:
        if child.dep_ == "advcl" and not _purpose(child):
            continue
        if child.dep_ not in deps and child.dep_ != "advcl":
            continue
        if child.dep_ == "prep" and child.lower_ not in preps:
            continue
        inside.update(t.i for t in child.subtree)
    if head.pos_ == "NOUN" and head.dep_ == "dobj":
        for clause in children(head.head, "advcl", "xcomp"):
            if _purpose(clause) or clause.tag_ == "VBG":
                inside.update(t.i for t in clause.subtree)
    for clause in children(head, "advcl"):
        if clause.tag_ == "VBG":
            inside.update(t.i for t in clause.subtree)
    for token in head.subtree:
        if token.i in inside and token.dep_ == "prep" and token.lower_ in circumstance:
            inside.difference_update(t.i for t in token.subtree)
    return inside


def taken_up_indices(head: Token, book: Codebook, triggers: frozenset[int]) -> set[int]:
    """Tokens inside what a noun trigger governs through the plain verb whose object it is
    ("reiterated its demand that Israel ease", "renewed negotiations on a pullback"): that
    verb is no trigger of its own and only says the noun's act was made or taken up, so its
    content clause and its complements are the noun's."""
    verb = head.head
    if head.pos_ != "NOUN" or head.dep_ != "dobj" or verb.i in triggers:
        return set()
    preps = book.cue("complement_preps")
    return {t.i for child in verb.children
            if child.dep_ == "ccomp" or (child.dep_ == "prep" and child.lower_ in preps)
            for t in child.subtree}


def _purpose(clause: Token) -> bool:
    """A to-infinitive of purpose ("staged demonstrations to demand reforms")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and \
        not children(clause, "mark")


def absorb_objects(candidates: list[Candidate]) -> list[Candidate]:
    """An eventive noun that is the object of another trigger ("provide aid", "imposed a
    curfew") is that trigger's event, already counted; a protest that force is used against
    ("dispersed a march") is an event of its own, and so is violence a speech act tells whole
    ("condemned the killing of a journalist by gunmen": ``under_speech``)."""
    verbs = {c.head.i for c in candidates if c.head.pos_ == "VERB"}
    return [c for c in candidates if c.targeted or c.under_speech or not (
        c.head.pos_ == "NOUN" and c.head.dep_ in ("dobj", "attr") and c.head.head.i in verbs)]


def _passing(cand: Candidate, book: Codebook, heads: set[int]) -> bool:
    """An eventive noun mentioned in passing ("after the coup", "blamed X for the bombing",
    "a state of siege", "the wake of the execution", what a side receives or weighs: "will
    examine the request", ``reception_verbs``, what prompted an act: "at the government's
    request") is context for another event, not an event of
    its own; "ten days of war games" and "victims of the bombing" still are."""
    head = cand.head
    if head.pos_ != "NOUN":
        return False
    if cand.under_speech or _background(head, book, through_clauses=False) or (
            head.dep_ in ("dobj", "nsubjpass") and
            head.head.lemma_.lower() in book.cue("reception_verbs")) or _prompted_by(cand, book):
        return not own_party_named(head) and not (cand.under_speech and _told_whole(head))
    prep = head.head
    if head.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("NOUN", "PROPN"):
        return False
    owner = prep.head
    if owner.i in heads:
        return False
    return not (prep.lower_ == "of" and owner.lemma_.lower() in book.cue("event_of_heads"))


def _prompted_by(cand: Candidate, book: Codebook) -> bool:
    """A request named as what prompted an act ("deployed troops at the government's
    request", "came at the invitation of Kenya"; ``prompting_preps``, ``prompting_types``)
    says why that act was done, not an event of its own."""
    head = cand.head
    prep = head.head
    return head.dep_ == "pobj" and prep.dep_ == "prep" and \
        prep.lower_ in book.cue("prompting_preps") and prep.head.pos_ in ("VERB", "AUX") and \
        cand.type in book.cue("prompting_types")


def subsume(candidates: list[Candidate], book: Codebook) -> list[Candidate]:
    """Drop events that are the content of a speech act or sanction; violence stays, lowered."""
    subsuming = book.cue("subsuming_types")
    kept_types = book.cue("kept_under_speech")
    accompanying = book.cue("accompanying_types")
    speech = book.cue("speech_act_types")
    beside_speech = book.cue("beside_speech_types")
    modes = book.cues["complement_modes"]
    intents = book.cues["intent_of"]
    # "warned that it would shell the port": the shelling is what is threatened, no event
    threats = book.cue("threat_content_types")
    heads = frozenset(c.head.i for c in candidates)
    dropped: set[int] = set()
    denials = book.cue("negation_governors")
    for outer in candidates:
        if outer.entry.type not in subsuming or id(outer) in dropped:
            continue
        denial = outer.head.lemma_.lower() in denials
        inside = complement_indices(outer.head, book)
        taken_up = taken_up_indices(outer.head, book, heads) - inside
        for inner in candidates:
            if inner is outer or inner.head.i not in inside | taken_up or \
                    inner.head.i == outer.head.i or inner.targeted:
                continue  # "dispersed the march": the march took place
            if inner.head.i in taken_up and inner.entry.type in kept_types:
                continue  # "filed a complaint over the storming": violence stays
            vowed = outer.entry.type == "AGREE" and intents.get(inner.entry.type) == "THREATEN" \
                and _direct(outer.head, inner.head, candidates)
            restraint = vowed and modality(inner.head, book) == "negated"  # "vowed never to"
            if vowed and not restraint and \
                    inner.head.head.lemma_.lower() not in book.cue("cessation_verbs"):
                outer.event_type = "THREATEN"  # "vowed to retaliate"
                outer.mode = modes["THREATEN"].get(inner.entry.type)
            if inner.entry.type in kept_types and (
                    inner.head.dep_ in CLAUSE_LINKS or _told_whole(inner.head)) and not (
                    outer.type in threats and modality(inner.head, book) != "asserted") \
                    and not restraint:
                inner.under_speech = True
                inner.alleged = inner.alleged or outer.type == "ACCUSE"
                continue
            if outer.entry.type in speech and inner.entry.type in speech and \
                    (denial or _speakers_own(inner.head)):
                continue  # "denied accusing them", "denied that it fired and blamed the army"
            if _participle_beside(inner.head) and (
                    inner.entry.type in accompanying or
                    (outer.entry.type in speech and inner.entry.type in beside_speech)):
                continue  # "imposed sanctions, accusing them of X"; "welcomed it, urging Y"
            dropped.add(id(inner))
            if outer.mode is None:
                outer.mode = modes.get(outer.type, {}).get(inner.entry.type)
    return [c for c in candidates if id(c) not in dropped]


def _told_whole(noun: Token) -> bool:
    """Whether violence named as a noun under a speech act tells the act itself, its doer
    and its victim named on it ("condemned the killing of a journalist by gunmen", "the
    shelling of a market by the army was condemned"): the act took place, and is an event
    of its own beside what was said of it; "condemned the attack" alone refers to it."""
    return noun.pos_ == "NOUN" and bool(noun_agents(noun)) and \
        bool(prep_objects(noun, load_codebook().cue("told_whole_preps")))


def _speakers_own(verb: Token) -> bool:
    """Whether a finite verb with no subject of its own is joined to a clause that has one
    ("denied that its police had beaten anyone and blamed the opposition"): the parser
    hangs it on the reported clause, but it goes on with the speaker, as "said Y had done A
    and urged Z" does; an infinitive joined to another ("urged them to hold talks and sign a
    truce") stays what is asked."""
    return verb.dep_ == "conj" and verb.tag_ in FINITE_TAGS and \
        not children(verb, "nsubj", "nsubjpass") and \
        bool(children(verb.head, "nsubj", "nsubjpass"))


def _forecast(cand: Candidate, candidates: list[Candidate], book: Codebook) -> bool:
    """A warning that foresees a state of affairs rather than an act its speaker would do
    (``forecast_verbs``): its content clause holds no other trigger and no condition, and
    its subject is neither a pronoun, a name nor a side of the state or in arms
    (``state_sectors``: "the army would respond"), nor quantified as a condition ("any
    attempt"): "warned that herders were running short of water". Such a warning is a
    pessimistic comment, no threat."""
    head = cand.head
    if cand.type != "THREATEN" or head.pos_ != "VERB" or \
            head.lemma_.lower() not in book.cue("forecast_verbs"):
        return False
    contents = children(head, "ccomp")
    if len(contents) != 1:
        return False
    inside = {t.i for t in contents[0].subtree}
    if any(o is not cand and o.head.i in inside for o in candidates):
        return False
    if any(t.lower_ in book.cue("condition_marks") and t.dep_ == "mark"
           for t in contents[0].subtree):
        return False
    subjects = children(contents[0], "nsubj", "nsubjpass")
    if len(subjects) != 1 or any(t.lower_ in book.cue("forecast_conditions")
                                 for t in subjects[0].subtree):
        return False  # "warned that any raid ... would be punished": a condition
    word = book.actors.words.get(subjects[0].lemma_.lower())
    if word is not None and word.sector in book.cue("state_sectors"):
        return False  # "warned that the army would respond": a side's own act
    return subjects[0].pos_ in ("NOUN", "PROPN", "NUM") and \
        subjects[0].ent_type_ not in NAME_LABELS


def unconditioned(candidates: list[Candidate], book: Codebook) -> list[Candidate]:
    """Drop triggers inside a clause of condition (``condition_marks``) when another trigger of
    the sentence stands outside it: what a threat or a promise waits on is part of that act,
    not an event of its own."""
    marks = book.cue("condition_marks")
    kept = []
    for cand in candidates:
        clause = next((t for t in (cand.head, *cand.head.ancestors) if t.dep_ == "advcl" and
                       any(c.dep_ == "mark" and c.lower_ in marks for c in t.children)), None)
        if clause is not None:
            inside = {t.i for t in clause.subtree}
            sentence = cand.head.sent
            if any(o.head.i not in inside and o.head.sent == sentence for o in candidates):
                continue
        kept.append(cand)
    return kept


def _conditioned(head: Token, book: Codebook) -> bool:
    """The trigger's clause has a clause of condition (``condition_marks``) of its own."""
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    marks = book.cue("condition_marks")
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks
                                         for m in c.children) for c in verb.children)


def _charge_link(token: Token) -> bool:
    """A verb that continues the clause it hangs on: a participle beside it ("raiding a farm,
    wounding two"), a verb joined to it by "and", or the verb it controls ("of planning to
    attack": the planner attacks)."""
    return token.pos_ == "VERB" and token.head.i != token.i and (
        _participle_beside(token) or token.dep_ in ("conj", "xcomp"))


def _participle_beside(head: Token) -> bool:
    """A participle clause beside the main act, with no subordinator ("..., accusing them of
    X"): an act done alongside it."""
    return head.dep_ == "advcl" and head.tag_ == "VBG" and not children(head, "mark")


def _direct(outer: Token, inner: Token, candidates: list[Candidate]) -> bool:
    """The inner trigger is what the outer one commits to: its clause ("vowed to attack"),
    the object of a plain verb there ("vowed to resume attacks"), or the subject of a verb of
    occurrence there ("vowed that the raids would resume")."""
    if inner.head == outer and inner.dep_ in ("xcomp", "ccomp"):
        return True
    verb = inner.head
    if inner.dep_ in ("nsubj", "nsubjpass") and verb.dep_ in ("xcomp", "ccomp") and \
            verb.head == outer and \
            verb.lemma_.lower() in load_codebook().cue("occurrence_verbs"):
        return True
    heads = {c.head.i for c in candidates}
    return inner.dep_ == "dobj" and verb.head == outer and verb.dep_ == "xcomp" and \
        verb.i not in heads


def obligations(doc: Doc, book: Codebook) -> list[Candidate]:
    """Reported obligations ("Russia said Sudan must return the helicopter") are REQUESTs."""
    modals = book.cue("obligation_modals")
    governors = book.cue("obligation_governors")
    found = []
    for token in doc:
        if token.lower_ not in modals or token.dep_ != "aux":
            continue
        verb = token.head
        if verb.dep_ != "ccomp" and not (verb.dep_ == "acl" and verb.head.pos_ == "NOUN"):
            continue
        governor = verb.head
        if governor.lemma_.lower() not in governors:
            continue
        entry = Trigger(lemma=token.lower_, pos="VERB", type="REQUEST", mode=None, context=(),
                        frame="agent_addressee", with_=frozenset(), cameo="10",
                        weight=OBLIGATION_WEIGHT)
        hit = TriggerHit(token.i, token.i + 1, governor, entry)
        found.append(Candidate(hit, entry, None, obligation=verb))
    return found


def gatherings(candidates: list[Candidate], book: Codebook) -> list[Candidate]:
    """People who gather, assemble or turn out to demand, denounce or reject something
    (``gathering_verbs``; a purpose clause with no subject of its own whose speech act is one
    a protest says, ``protest_content_types``) hold a demonstration: a PROTEST on the verb of
    gathering, whose message the purpose clause then is. A gathering for any other end (a
    summit, a funeral) is read as the lexicon reads it."""
    verbs = book.cue("gathering_verbs")
    said = book.cue("protest_content_types")
    heads = {c.head.i for c in candidates}
    found: dict[int, Candidate] = {}
    for cand in candidates:
        head = cand.head
        verb = head.head
        if cand.type not in said or head.dep_ not in ("advcl", "xcomp") or verb.i == head.i or \
                verb.lemma_.lower() not in verbs or verb.i in heads or verb.i in found or \
                children(head, "nsubj", "nsubjpass"):
            continue
        entry = Trigger(lemma=verb.lemma_.lower(), pos="VERB", type="PROTEST", mode="demo-org",
                        context=(), frame="agent_target", with_=frozenset(),
                        cameo=book.cameo_for("PROTEST", "demo-org"), weight=GATHERING_WEIGHT)
        found[verb.i] = Candidate(TriggerHit(verb.i, verb.i + 1, verb, entry), entry,
                                  entry.mode)
    return list(found.values())


def demonstrations(doc: Doc, candidates: list[Candidate], book: Codebook) -> list[Candidate]:
    """A crowd that gathers where a protest is held or as a protest is held is a demonstration
    though no word of protest is said: people of a crowd (a plural noun of a sector of no
    state or armed side, ``demonstrator_sectors``, or a crowd noun, ``protest_crowds``) who
    gather (``gathering_verbs``) outside or in front of something (``demonstration_sites``),
    or doing what a demonstration does beside it (``demonstration_signs``: chanting, waving
    flags). A gathering a trigger already codes ("rallied"), or of people of the state, is
    left as it is."""
    verbs = book.cue("gathering_verbs")
    sites = book.cue("demonstration_sites")
    signs = book.cue("demonstration_signs")
    heads = {c.head.i for c in candidates}
    found = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.i in heads or verb.lemma_.lower() not in verbs:
            continue
        subjects = [t for s in children(verb, "nsubj") for t in (s, *s.conjuncts)]
        if not subjects or not all(_crowd_noun(t, book) for t in subjects):
            continue
        if not (_site_words(verb) & sites or _beside_words(verb) & signs):
            continue
        entry = Trigger(lemma=verb.lemma_.lower(), pos="VERB", type="PROTEST", mode="demo-org",
                        context=(), frame="agent_target", with_=frozenset(),
                        cameo=book.cameo_for("PROTEST", "demo-org"), weight=GATHERING_WEIGHT)
        found.append(Candidate(TriggerHit(verb.i, verb.i + 1, verb, entry), entry, entry.mode))
    return found


def _crowd_noun(noun: Token, book: Codebook) -> bool:
    """A noun for many people of no state or armed side: a crowd noun, or a plural noun whose
    sector is a demonstrator's (a count, "thousands of supporters", read through its 'of')."""
    if noun.pos_ == "NUM" or noun.lemma_.lower() in book.cue("partitive_heads"):
        counted = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"]
        if not counted:
            return False
        noun = counted[0]
    key = noun.lemma_.lower()
    if key in book.cue("protest_crowds"):
        return True
    if noun.pos_ != "NOUN" or "Plur" not in noun.morph.get("Number", []):
        return False
    word = book.actors.words.get(key)
    return word is not None and word.sector in book.cue("demonstrator_sectors")


def _site_words(verb: Token) -> set[str]:
    """The prepositions of place on a verb, and the nouns they take ("in front of": front)."""
    words = set()
    for prep in verb.children:
        if prep.dep_ == "prep":
            words.add(prep.lower_)
            words.update(g.lemma_.lower() for g in prep.children if g.dep_ == "pobj")
        elif prep.dep_ == "advmod":
            words.add(prep.lower_)
    return words


def _beside_words(verb: Token) -> set[str]:
    """What a participle or a conjoined verb beside the verb does, and to what ("chanting",
    "waving flags", "carrying banners")."""
    words = set()
    for clause in verb.children:
        if clause.pos_ == "VERB" and clause.dep_ in ("advcl", "conj", "xcomp"):
            words.add(clause.lemma_.lower())
            words.update(g.lemma_.lower() for g in clause.children if g.dep_ == "dobj")
    return words


def evaluations(doc: Doc, book: Codebook, hits: Sequence[TriggerHit] = ()) -> list[Candidate]:
    """Naming what something is ("called the strike a serious violation", "called the truce
    a welcome step", "calling the charges absurd", "called the new tariffs an attack on
    farmers") is a verbal event of its own: an ACCUSE for a negative judgement of an act, a
    REJECT for one of a statement or accusation, a SUPPORT for a positive one
    (``evaluation_verbs``, ``evaluation_words``; an act named as the judgement judges with the
    tone of its type, ``judging_types``)."""
    verbs = book.cue("evaluation_verbs")
    acts = {hit.head.i: hit.entry.type for hit in hits if hit.head.pos_ in ("NOUN", "PROPN")}
    found = []
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        objects, named = children(token, "dobj"), _judgement(token)
        if not objects or named is None:
            continue
        tone = _tone(named, book) or book.cues["judging_types"].get(acts.get(named.i, ""))
        if tone is None:
            continue
        kind = "SUPPORT" if tone == "positive" else \
            "REJECT" if _is_statement(objects[0], book) else "ACCUSE"
        entry = Trigger(lemma=token.lemma_.lower(), pos="VERB", type=kind, mode=None,
                        context=(), frame="agent_target", with_=frozenset(),
                        cameo=book.types[kind].cameo, weight=EVALUATION_WEIGHT)
        found.append(Candidate(TriggerHit(token.i, token.i + 1, token, entry), entry, None))
    return found


def allegations(doc: Doc, book: Codebook, hits: Sequence[TriggerHit]) -> list[Candidate]:
    """Asserting that another side did or plans a hostile act ("claiming that the rebels were
    preparing an offensive", "alleged that police had beaten detainees") is an accusation of
    that side (``allegation_verbs``, with an act of ``allegation_types`` in the clause it
    governs, told after it); the act is its content. A side owning an attack ("...;
    nobody has claimed it", ``claimed_nouns``) alleges nothing, and a clause told
    before the verb ("mortars hit the camp; a militia claimed responsibility") is the narrator's,
    however the parse hangs it."""
    verbs = book.cue("allegation_verbs")
    hostile = book.cue("allegation_types")
    acts = [hit.head.i for hit in hits if hit.entry.type in hostile]
    found = []
    for token in doc:
        clauses = [c for c in children(token, "ccomp") if c.i > token.i]
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs or not clauses or \
                any(o.lemma_.lower() in book.cue("claimed_nouns")
                    for o in children(token, "dobj")):
            continue
        inside = {t.i for clause in clauses for t in clause.subtree}
        if not any(i in inside for i in acts):
            continue
        entry = Trigger(lemma=token.lemma_.lower(), pos="VERB", type="ACCUSE", mode=None,
                        context=(), frame="agent_addressee", with_=frozenset(),
                        cameo=book.types["ACCUSE"].cameo, weight=EVALUATION_WEIGHT)
        found.append(Candidate(TriggerHit(token.i, token.i + 1, token, entry), entry, None))
    return found


def _judgement(verb: Token) -> Token | None:
    """What a verb of naming calls its object (:func:`naming_judgement`)."""
    return naming_judgement(verb)


def judgements(doc: Doc, book: Codebook) -> set[int]:
    """Words that name what an object of a verb of naming is (see :func:`_judgement`)."""
    verbs = book.cue("evaluation_verbs")
    found = set()
    for token in doc:
        if token.pos_ == "VERB" and token.lemma_.lower() in verbs and children(token, "dobj"):
            named = _judgement(token)
            if named is not None:
                found.add(named.i)
    return found


def _tone(judgement: Token, book: Codebook) -> str | None:
    """The tone of a judging phrase: its head word's, else a modifier's ("a welcome step",
    "a serious violation", "an authoritarian act"), else a word coordinated with it ("inhuman
    and unacceptable")."""
    words = book.cues["evaluation_words"]
    for word in [judgement, *(c for c in judgement.children if c.dep_ in ("amod", "compound")),
                 *judgement.conjuncts]:
        tone = words.get(word.lemma_.lower()) or words.get(word.lower_)
        if tone is not None:
            return str(tone)
    return None


def _is_statement(noun: Token, book: Codebook) -> bool:
    """Whether a noun names a statement or an accusation ("the accusations", "the claim")."""
    return book.cues["event_reference_nouns"].get(noun.lemma_.lower()) == "ACCUSE"


# -- building one event -----------------------------------------------------------------------


def bare_headline_end(doc: Doc) -> int:
    """Where a text's headline ends when the text opens with one and no title says so: a
    first sentence closed by no stop mark and followed by a line break or by nothing ("Rebels
    seize border town after clashes"), in whose simple present wire copy tells what happened;
    0 otherwise."""
    first = next(iter(doc.sents), None)
    if first is None:
        return 0
    words = [t for t in first if not t.is_space]
    if not words or words[-1].is_punct:
        return 0
    rest = doc.text[words[-1].idx + len(words[-1].text):]
    return words[-1].idx + len(words[-1].text) if not rest.strip() or \
        rest.lstrip(" \t").startswith("\n") else 0


class EventBuilder:
    """Turns candidates of one document into event records."""

    def __init__(self, doc: Doc, article: Article, places: list[PlaceMention],
                 times: list[TimeMention], actors: ActorResolver, book: Codebook) -> None:
        self.doc, self.article, self.places, self.times = doc, article, places, times
        self.resolver, self.book = actors, book
        self.headline_end = article.title_end or bare_headline_end(doc)
        # The context the actor component stored for this article (made now for a Doc
        # parsed without it).
        stored = doc._.actor_context if has_actors(doc) and doc._.article is article else None
        self.ctx = stored or actors.context(doc, article, places)
        self.trigger_heads: set[int] = set()
        self.violent_heads: set[int] = set()
        self.accusations: set[int] = set()
        self.noun_events: dict[int, str] = {}
        self.alleged_heads: set[int] | None = set()  # verbs of telling already coded as ACCUSE
        self.noun_entries: dict[int, Trigger] = {}
        self.coref = Coreference(doc, book)
        self._non_state = frozenset(book.actors.non_state)

    def chains(self, entities: list[EntityMention]) -> Coreference:
        """The article's coreference: what the ``sitrep_coreference`` component stored on the
        Doc (with the kind nouns it resolved in the stored context), else built now from
        ``entities`` for a Doc parsed without it."""
        doc = self.doc
        if has_coreference(doc) and doc._.article is self.article and \
                doc._.actor_context is self.ctx:
            return doc._.coreference
        found = Coreference.build(doc, entities, self.book)
        found.resolve_kinds(self.resolver, self.ctx)
        found.resolve_pronouns()
        return found

    def build(self, cand: Candidate) -> list[Event]:
        """The event of one candidate, with the intent it states when it is a plan."""
        head, entry, kind = cand.head, cand.entry, cand.type
        actor_heads, recipient_heads = self._argument_heads(cand)
        charge = self._charge(head, said=kind in self.book.cue("speech_act_types"))
        if charge is not None:  # "X accused Y of shelling Z": Y shelled, on X's word
            actor_heads = charge[1] or actor_heads
        if kind in self.book.cue("outranking_types") and not self._names_a_doer(actor_heads):
            actor_heads = self._claimants(head) or self._launchers(actor_heads) or actor_heads
        actors = self._actors(actor_heads, head)
        if not actors and actor_heads and all(self._pronoun(t) for t in actor_heads):
            return []  # the text names the doer ("he"), but no antecedent agrees
        if cand.hit.aside and not self._stands_aside(actors, actor_heads):
            return []  # sport or a disaster: "beat", "killed" there are events of states alone
        if entry.lemma in self.book.cue("movement_verbs"):
            going = self._goers(actor_heads)
            if going == "":
                return []  # tourists visiting a city: a trip, no meeting of sides
            if going and kind == "CONSULT":
                kind, cand.mode = "MOBILIZE", going  # fighters arriving: a deployment
            if kind in self.book.cue("armed_movement_types") and not any(
                    a.sector in self.book.cues["deployed_modes"] for a in actors):
                return []  # a town entered is taken only by an armed side
        recipients = self._recipients(head, actor_heads, recipient_heads)
        if (kind, cand.mode) == RELEASE and self._rescue(actors, recipient_heads):
            kind, cand.mode = "AID", None  # police freeing hostages: a rescue, no release
        elif (kind, cand.mode) == RELEASE and self._beside_violence(head):
            return []  # "stormed the jail, freeing 300 prisoners": the attack did it
        kind, cand.mode = self._peacekeeping(cand, kind, actor_heads)
        if self._riot(kind, cand.mode, actors, recipients, actor_heads):
            kind, cand.mode = self.book.cues["riot_reading"]
        elif [kind, cand.mode] == self.book.cues["blockade_reading"] and actors and all(
                a.sector in self.book.cue("blocking_state_sectors") for a in actors):
            kind, cand.mode = self.book.cues["state_blockade_reading"]  # the state blocking
        elif entry.lemma in self.book.cue("search_words") and actors and all(
                a.sector in self.book.cue("searching_sectors") for a in actors):
            kind, cand.mode = self.book.cues["state_search_reading"]  # police searching
        found = sources(head, self.book)
        if charge is not None and found.claimant is None:
            accuser = children(charge[0], "nsubj")
            found.claimant = phrase(accuser[0]) if accuser else None
        mood = "asserted" if cand.obligation is not None else modality(head, self.book)
        denial = denied_by_another(head, self.book) \
            if kind in self.book.cue("speech_act_types") else None
        if denial is not None:  # "X accuses Y of A; Y denies": X accused all the same
            mood = "asserted"
            if found.claimant is not None and found.claimant.root in children(denial, "nsubj"):
                found.claimant = None
        if cand.alleged and mood == "future":  # "claiming that Y was preparing to attack"
            mood = "hypothetical"
        held = self.book.cues["own_object_readings"].get(kind)
        if held is not None and mood == "future" and self._holds_own(head, actors):
            kind, cand.mode = held, None  # "will defend its land": a warning, no support
        if mood == "future" and kind in self.book.cue("told_future_types"):
            mood = "asserted"  # "would respond in kind": the threat is made by saying so
        mode = cand.mode
        if mood == "negated" and kind in self.book.cue("refusable_types") and \
                refused(head, self.book):  # "will not give up its arms": a refusal
            mode = self.book.cues["complement_modes"]["REJECT"].get(kind)
            kind, mood = "REJECT", "asserted"
        if mood == "asserted" and self._habit(head, kind):
            return []
        if (mood == "negated" and self._not_done(head)) or _denied_of_a_thing(head):
            return []
        event = Event(
            doc_id=self.article.id, event_type=kind, mode=mode,
            context=list(entry.context), quad=self.book.types[kind].quad,
            actors=actors, recipients=recipients,
            location=location(head, self.article, self.places, {t.i for t in actor_heads},
                              self.noun_events, {a.country for a in actors if a.country}),
            date=event_date(head, self.article, self.times, self.noun_events
                            if kind in self.book.cue("asking_types") else (),
                            teller=self._teller(cand)), modality=mood,
            claimant=self._claimant(found.claimant), reported_by=found.outlets,
            quantities=quantities([head, *actor_heads, *recipient_heads], self.book),
            evidence=self._evidence(cand.hit),
            confidence=self._confidence(cand, actors, recipients, mood),
            cameo=entry.cameo if (kind, mode) == (entry.type, entry.mode)
            else self.book.cameo_for(kind, mode),
        )
        if event.location is None or event.location.country_code is None:
            event.recipients = self._domestic(kind, actors, recipients)
        self._refer(head, event)
        stated = head.pos_ == "VERB" or head.dep_ == "dobj"
        intent = self._intent(event, head) if stated else []
        told = self._told_against(head, event, found.outlets)
        if intent and (by_aux(head, self.book) or intent[0].event_type != "AGREE"):
            return intent + told
        return [event, *intent, *told]

    def _told_against(self, head: Token, event: Event, outlets: list[str]) -> list[Event]:
        """A side telling that another side did or is doing a hostile act ("the ministry said
        the rebels had shelled villages") accuses it (``said_allegation_verbs``): an ACCUSE
        by the speaker of the act's doers on the telling verb, beside the act itself. Only
        where the telling comes before what it tells, the act is told as done or under way,
        and it was done by another side to the speaker's own (:func:`_other_side`)."""
        if event.event_type not in self.book.cue("allegation_types") or \
                event.modality != "asserted" or self.alleged_heads is None:
            return []
        verb = self._telling_verb(head)
        if verb is None or verb.i in self.trigger_heads or verb.i in self.alleged_heads:
            return []
        speakers = speakers_of(verb, self.book)
        if not speakers or any(is_outlet(phrase(t), self.book) for t in speakers):
            return []
        accusers = [a for a in self._actors(speakers, verb) if a.country]
        accused = [a for a in event.actors if a.country]
        if not accusers or not accused or not (
                _other_side(accusers, accused, event.recipients) or
                self._watchdog_of_state(accusers, accused)):
            return []
        self.alleged_heads.add(verb.i)
        book = self.book
        entry = Trigger(lemma=verb.lemma_.lower(), pos="VERB", type="ACCUSE", mode=None,
                        context=(), frame="agent_addressee", with_=frozenset(),
                        cameo=book.types["ACCUSE"].cameo, weight=EVALUATION_WEIGHT)
        hit = TriggerHit(verb.i, verb.i + 1, verb, entry)
        return [Event(
            doc_id=self.article.id, event_type="ACCUSE", mode=None, context=[],
            quad=book.types["ACCUSE"].quad, actors=accusers, recipients=accused,
            location=location(verb, self.article, self.places, {t.i for t in speakers}),
            date=event_date(verb, self.article, self.times, ()), modality="asserted",
            claimant=None, reported_by=list(outlets), quantities=[],
            evidence=self._evidence(hit),
            confidence=self._confidence(Candidate(hit, entry, None), accusers, accused,
                                        "asserted"),
            cameo=book.types["ACCUSE"].cameo)]

    def _watchdog_of_state(self, accusers: list[Actor], accused: list[Actor]) -> bool:
        """Whether a rights group (``watchdog_codes``, ``watchdog_sectors``) tells of a hostile
        act by a state's own forces (``watched_sectors``): an allegation of abuse, whoever
        suffered it."""
        book = self.book
        return all(a.country in book.cue("watchdog_codes") or
                   a.sector in book.cue("watchdog_sectors") for a in accusers) and \
            all(a.sector in book.cue("watched_sectors") for a in accused)

    def _telling_verb(self, head: Token) -> Token | None:
        """The verb of telling (``said_allegation_verbs``) whose clausal complement, told
        after it, holds the trigger: the trigger's own verb (a noun's, through its argument
        and preposition links), or a verb it is joined to, is that complement. A clause that
        completes a noun ("no evidence that they attacked") is no telling of it."""
        verbs = self.book.cue("said_allegation_verbs")
        token = head
        for _ in range(4):
            if token.pos_ not in ("NOUN", "PROPN") and token.dep_ not in ("pobj", "prep"):
                break
            if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "prep", "compound"):
                return None
            token = token.head
        for _ in range(4):
            if token.dep_ == "ccomp":
                parent = token.head
                return parent if parent.lemma_.lower() in verbs and parent.i < token.i \
                    else None
            if token.dep_ not in ("conj", "xcomp") or token.head.i == token.i:
                return None
            token = token.head
        return None

    def _stands_aside(self, actors: list[Actor], heads: list[Token]) -> bool:
        """Whether violence told in a sentence about sport or another matter is an event all
        the same: a state or armed actor named as such does it (not a place's name, which
        there is the name of its team: "Malta crushed Andorra"), or a crowd of people does it
        (fans pelting the police, supporters storming a pitch: people named by a plural
        noun of an unarmed sector, `crowd_sectors`)."""
        named = [t for t in heads if t.ent_type_ not in TEAM_NAME_LABELS]
        if named and any(a.sector in self.book.cue("state_sectors") for a in actors):
            return True
        crowd = self.book.cue("protest_crowds")
        people = self.book.cue("crowd_sectors")
        return bool(actors) and bool(heads) and \
            all(a.sector in people for a in actors) and \
            all(t.pos_ == "NOUN" and ("Plur" in t.morph.get("Number", []) or t.lemma_ in crowd)
                for t in heads)

    def _domestic(self, kind: str, actors: list[Actor], recipients: list[Actor]) -> list[Actor]:
        """People known only by their kind ("demonstrators", "political prisoners") whom a
        state's police or courts act on, or whom its government arrests, frees or lets act
        (``domestic_acts`` in ``cues/arguments.json``), are that state's own people when the
        sentence places the act nowhere: the act's doer's country."""
        acts = self.book.cues["domestic_acts"]
        home = {a.country for a in actors
                if a.country and (a.sector in acts["sectors"] or (
                    kind in acts["types"] and a.sector in acts["type_sectors"]))}
        if len(home) != 1:
            return recipients
        country = home.pop()
        return [replace(r, country=country)
                if r.sector and not r.country and r.sector not in acts["foreign_sectors"]
                else r for r in recipients]

    def _riot(self, kind: str, mode: str | None, actors: list[Actor], recipients: list[Actor],
              heads: list[Token]) -> bool:
        """Whether force is a riot, a violent protest (``riot_modes`` in
        ``cues/protest.json``): no weapon named, or property destroyed, by a crowd (people of
        the ``crowd_sectors`` named by a plural or crowd noun that itself names people of those
        sectors, by no ``not_crowd_modifiers``) that is a protest crowd ("rioters set fire to
        an office") or turns on the state ("villagers burned down a police post":
        ``riot_target_sectors``)."""
        modes = self.book.cues["riot_modes"].get(kind)
        if modes is None or mode not in modes or not heads or not actors:
            return False
        heads = [content_head(t, self.book) for t in heads]  # "hundreds of youths": youths
        people = self.book.cue("crowd_sectors")
        crowd = self.book.cue("protest_crowds")
        unknown = self.book.cue("not_crowd_modifiers")
        words = self.book.actors.words

        def named_sector(token: Token) -> str | None:  # the sector the head noun names
            word = words.get(token.lemma_.lower()) or words.get(token.lower_)
            return word.sector if word is not None else None

        if not all(a.sector in people and not unknown & set(fold(a.text or "").split())
                   for a in actors) or not all(
                t.pos_ == "NOUN" and ("Plur" in t.morph.get("Number", []) or t.lemma_ in crowd)
                and named_sector(t) in people for t in heads):
            return False  # "dissident fighters" are an armed group, whatever their cause
        return any(t.lemma_.lower() in crowd for t in heads) or \
            any(r.sector in self.book.cue("riot_target_sectors") for r in recipients)

    def _peacekeeping(self, cand: Candidate, kind: str, actor_heads: list[Token]
                      ) -> tuple[str, str | None]:
        """A deployment or withdrawal of peacekeepers (``peacekeeping_words`` naming or
        modifying its movers, its object, or what it or they are of: "peacekeeping troops
        arrived", "will withdraw its peacekeeping force", "a contingent of peacekeepers") is
        aid or a sanction (``peacekeeping_readings``)."""
        reading = self.book.cues["peacekeeping_readings"].get(kind)
        if reading is None:
            return kind, cand.mode
        words = self.book.cue("peacekeeping_words")
        head = cand.head
        movers = [head, *actor_heads, *children(head, "dobj", "nsubjpass")]
        movers += [o for m in movers for p in children(m, "prep") if p.lower_ == "of"
                   for o in children(p, "pobj")]
        movers = movers[1:]
        if any(t.lower_ in words or t.lemma_.lower() in words for m in movers
               for t in [m, *children(m, "compound", "amod", "nmod")]):
            return reading[0], reading[1]
        return kind, cand.mode

    def _rescue(self, actors: list[Actor], recipients: list[Token]) -> bool:
        """Whether a freeing is a rescue: the state's forces (``rescuer_sectors``) free people
        held by another side (``captive_words``: "hostages", "kidnapped students", "women
        held by the militia"), where a release is the holder letting go."""
        if not actors or not all(a.sector in self.book.cue("rescuer_sectors") for a in actors):
            return False
        captive = self.book.cue("captive_words")
        return any(t.lemma_.lower() in captive or t.lower_ in captive or any(
            c.lemma_.lower() in captive for c in t.children if c.dep_ in ("amod", "acl"))
            for t in recipients)

    def _goers(self, heads: list[Token]) -> str | None:
        """What a going somewhere is when the goers are people named by plural nouns, by the
        sectors those nouns name themselves (``movement_verbs`` in ``cues/clauses.json``; not a
        modifier's: "naval attaches" are envoys): "" for people of no side (a
        trip), the MOBILIZE mode for armed people (a deployment), None for anyone else (a
        visit of a side: a meeting)."""
        if not heads or not all(
                t.pos_ == "NOUN" and "Plur" in t.morph.get("Number", []) for t in heads):
            return None
        words = self.book.actors.words
        counts = self.book.cue("partitive_heads")
        sectors = set()
        for head in heads:
            if head.lemma_.lower() in counts or head.lower_ in counts:  # "scores of hikers"
                counted = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                           for g in c.children if g.dep_ == "pobj"]
                head = counted[0] if counted else head
            word = words.get(head.lemma_.lower()) or words.get(head.lower_)
            sectors.add(word.sector if word is not None else None)
        if sectors <= self.book.cue("traveller_sectors"):
            return ""
        deployed = self.book.cues["deployed_modes"]
        modes = {deployed.get(s or "") for s in sectors}
        return modes.pop() if len(modes) == 1 and None not in modes else None

    def _not_done(self, head: Token) -> bool:
        """An act told as not done beside another ("signed without consulting", the object
        of ``not_done_preps``) or as tried and failed ("failed to agree", the complement of
        ``not_done_governors``): no event, where a denied one is a negated record."""
        verb = head if head.pos_ in ("VERB", "AUX") else head.head
        if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ in self.book.cue("not_done_preps"):
            return True
        return verb.dep_ == "xcomp" and \
            verb.head.lemma_.lower() in self.book.cue("not_done_governors")

    def _habit(self, head: Token, kind: str) -> bool:
        """A material act told as a habit or a kind ("death squads that systematically
        murder", "frequent kidnappings") is no event; a statement about one still is ("the
        ministry condemned the frequent kidnappings"), and so is a plan to go on with one."""
        material = self.book.cue("habitual_quads")
        return str(self.book.types[kind].quad) in material and \
            habitual(head, self.book, self.headline_end)

    def _refer(self, head: Token, event: Event) -> None:
        """A verb whose object is an event told elsewhere ("condemned the attack", "welcomed
        the deal", "rejected the accusation", "welcomed the decision") refers to that event:
        noted on the Doc (``doc._.event_refs``: trigger offset → the type of the event referred
        to, ``*`` for whatever another side did last: ``event_reference_nouns``, and the noun
        that refers to it), so assembly can name that event's doers as this one's
        recipients."""
        if head.pos_ != "VERB" or any(r.country for r in event.recipients):
            return
        nouns = self.book.cues["event_reference_nouns"]
        for obj in children(head, "dobj"):
            kind = self.noun_events.get(obj.i) or nouns.get(obj.lemma_.lower())
            if kind is not None and kind != event.event_type:
                self.doc._.event_refs[event.evidence.trigger_start] = (kind,
                                                                       obj.lemma_.lower())
                return

    def _charge(self, head: Token, said: bool = False) -> tuple[Token, list[Token]] | None:
        """The accusation whose charge this trigger is ("accused the army of bombing",
        "blamed the rebels for the attack"), with the accused, if any. The parser hangs the
        charge on the verb or on its object; either way the object is the accused. A
        participle or a conjoined verb of the charge ("accused the police of raiding a farm,
        wounding two", "of raiding farms and burning crops") is part of it: its doer is
        the accused too, never the accuser; a speech act joined there (``said``: "accused
        them of raiding farms and warned that ...") is the accuser's own."""
        found = self._charge_of(head)
        token = head
        for _ in range(MAX_CHARGE_LINKS):
            if found is not None or said or not _charge_link(token):
                break
            token = token.head
            found = self._charge_of(token)
        return found or (None if said else self._beside_charge(head))

    def _beside_charge(self, head: Token) -> tuple[Token, list[Token]] | None:
        """An act in a participle the parser hangs on the accusation itself, beside its
        charge ("accused the police on Friday of raiding a farm, wounding two"): the
        accuser says it, the accused did it."""
        verb = head.head
        if not _participle_beside(head) or verb.i not in self.accusations:
            return None
        charges = [p for p in children(verb, "prep") if p.lower_ in
                   self.book.cue("charge_preps") and children(p, "pcomp", "pobj")]
        return (verb, children(verb, "dobj")) if charges else None

    def _charge_of(self, head: Token) -> tuple[Token, list[Token]] | None:
        """The accusation whose charge ``head`` itself stands in (see :meth:`_charge`)."""
        prep = head.head
        if head.dep_ not in ("pcomp", "pobj") or prep.dep_ != "prep" or \
                prep.lower_ not in self.book.cue("charge_preps"):
            return None
        owner = prep.head
        if owner.i in self.accusations and owner.i != head.i:
            return owner, children(owner, "dobj")
        if owner.dep_ == "dobj" and owner.head.i in self.accusations:
            return owner.head, [owner]
        return None

    def _speaker_of_conjoined(self, cand: Candidate) -> list[Token]:
        """The speaker of a speech act joined to what the speaker reports
        (:func:`reporter_of`)."""
        if cand.type not in self.book.cue("speech_act_types"):
            return []
        return reporter_of(cand.head, self.book.cue("reporting_verbs"))

    def _teller(self, cand: Candidate) -> Token | None:
        """The reporting verb whose speaker a speech act joined to the reported clause
        belongs to (:meth:`_speaker_of_conjoined`): its time is the telling's."""
        speakers = self._speaker_of_conjoined(cand)
        return speakers[0].head if speakers else None

    def _argument_heads(self, cand: Candidate) -> tuple[list[Token], list[Token]]:
        """Actor and recipient head tokens of a candidate, by its frame."""
        head, entry = cand.head, cand.entry
        frame = self.book.frames[entry.frame]
        actor_heads = actor_tokens(head, frame, adjective=entry.pos == "ADJ")
        actor_heads = self._speaker_of_conjoined(cand) or actor_heads
        if cand.obligation is not None:
            recipient_heads = children(cand.obligation, "nsubj", "nsubjpass")
        else:
            recipient_heads = recipient_tokens(head, frame, actor_heads)
            # the object is this very event ("imposed sanctions"), not another one the verb
            # reacts to ("condemned the attack on X": X is the attack's target)
            eventive = {t.i for t in children(head, "dobj")
                        if t.lemma_.lower() in entry.with_
                        or self.noun_events.get(t.i) == cand.type}
            recipient_heads += [t for t in through_event_objects(head, frame, eventive,
                                                                 actor_heads)
                                if t.i not in {r.i for r in recipient_heads}]
            if head.pos_ == "NOUN" and head.dep_ == "dobj" and \
                    head.head.i not in self.trigger_heads:
                # "opened an investigation into X": the parse hangs the noun's target on the
                # plain verb that only says the act was made
                taken = {t.i for t in [*recipient_heads, *actor_heads]}
                recipient_heads += [t for o in prep_objects(head.head, frozenset(frame.preps))
                                    for t in conjuncts(o) if t.i not in taken]
            if cand.type in self.book.cue("addressed_types"):
                asked = self._asked(head)
                recipient_heads = [*asked, *(t for t in recipient_heads
                                             if t.i not in {a.i for a in asked})]
        if not actor_heads and head.pos_ == "VERB" and children(head, "auxpass"):
            actor_heads = self._holders(head)  # "freed from ISIS captivity": ISIS freed
        if not actor_heads and cand.type in MOVER_TYPES:  # "US troops stationed at the base"
            moved = {t.i for t in recipient_heads
                     if t.i == head.head.i or t.dep_ in ("dobj", "nsubjpass")}
            actor_heads = [t for t in recipient_heads if t.i in moved]
            recipient_heads = [t for t in recipient_heads if t.i not in moved]
        elif cand.type in MOVER_TYPES and head.pos_ == "VERB":
            # "Uganda sent 1,000 troops": the forces moved are the sender's own, not whom
            # the deployment is aimed at (where they go, or the country they are sent into)
            recipient_heads = [t for t in recipient_heads if t.dep_ != "dobj" or t.head != head]
        if cand.targeted:  # a protest broken up: its people, never the force's doer
            actor_heads = [t for t in actor_heads if head.is_ancestor(t)]
        if cand.targets:  # "fired tear gas to disperse the crowd": the crowd
            recipient_heads = [*cand.targets,
                               *(t for t in recipient_heads if counted(t) not in cand.targets)]
        hit = cand.hit  # "held talks": the trigger's own words are no recipient
        recipient_heads = [t for t in recipient_heads if not hit.start <= t.i < hit.end]
        sides = [d for t in recipient_heads if self._refers(t) for d in own_doers(t)
                 if d.i not in {r.i for r in recipient_heads}]
        recipient_heads = [t for t in recipient_heads if not self._no_side(t)]
        if head.pos_ == "VERB" and any(t.dep_ == "dobj" and t.head == head and self._side_word(t)
                                       for t in recipient_heads):
            # "shot three herders on the edge of the forest": with its patient named as
            # a side, the verb's prepositional phrases say where, not whom
            recipient_heads = [t for t in recipient_heads
                               if not (t.dep_ == "pobj" and t.head.head == head)]
        return actor_heads, [*recipient_heads, *sides]

    def _holders(self, verb: Token) -> list[Token]:
        """The side named on what a captive is freed or returned from, in a passive with no
        agent (``holding_nouns``: "were brought home from Ukrainian captivity", "freed from
        ISIS captivity"): it held them, and let them go."""
        nouns = self.book.cue("holding_nouns")
        return [m for obj in prep_objects(verb, ("from",)) if obj.lemma_.lower() in nouns
                for m in obj.children if m.dep_ in ("amod", "compound", "poss")
                and m.ent_type_ in NAME_LABELS]

    def _side_word(self, token: Token) -> bool:
        """A noun that names people or a body: a name of one, or a word the actor tables
        know ("herders", "a convoy" is none)."""
        tables = self.book.actors
        key = token.lemma_.lower()
        return token.ent_type_ in SIDE_ENTS or key in tables.people or \
            token.lower_ in tables.words or key in tables.words

    def _no_side(self, token: Token) -> bool:
        """A recipient head that names no side: an event ("condemned the strikes", "welcomed
        the decision": the doers it names, "the government's decision", stand in its place,
        else assembly finds them) or a means of violence ("launched drones": what the attack
        was done with)."""
        return token.i in self.trigger_heads or self._refers(token) or \
            means_reader().instrument(token)

    def _own(self, token: Token, doers: frozenset[str]) -> bool:
        """The doer's own things ("closed its border crossings", "froze their assets",
        "dropped its objections"): what the possessive names is the doer, not a target."""
        owner = self.coref.possessor(token)
        return owner is not None and owner.country in doers

    def _holds_own(self, head: Token, actors: list[Actor]) -> bool:
        """The trigger's object, or a noun its prepositional phrases name, is the doer's own
        ("every inch of its territory", "our democracy"): what it keeps, not another side."""
        doers = frozenset(a.country for a in actors if a.country)
        todo = list(children(head, "dobj"))
        while todo:
            noun = todo.pop()
            if self._own(noun, doers):
                return True
            todo += [o for p in children(noun, "prep") for o in children(p, "pobj")]
        return False

    def _referred_type(self, token: Token) -> str | None:
        """The type of the event a noun refers to ("the deal": AGREE), if the text says."""
        return self.noun_events.get(token.i) or \
            self.book.cues["event_reference_nouns"].get(token.lemma_.lower())

    def _refers(self, token: Token) -> bool:
        """The noun refers to an event told elsewhere ("the decision", "the accusation")."""
        return token.pos_ == "NOUN" and (
            token.i in self.noun_events
            or token.lemma_.lower() in self.book.cues["event_reference_nouns"])

    def _asked(self, head: Token) -> list[Token]:
        """Who is asked to do the act a request names as its object (``addressed_types``):
        that act's own doers ("demanded Israel's withdrawal", "called for the resignation of
        the minister", "demanded the withdrawal of Serbian forces": the 'of' phrase where
        the act's frame makes it the doer)."""
        asked: list[Token] = []
        for obj in children(head, "dobj"):
            entry = self.noun_entries.get(obj.i)
            if entry is None or entry.type in self.book.cue("addressed_types"):
                continue
            doers = own_doers(obj)
            if not doers and self.book.frames[entry.frame].of_is == "actor":
                doers = [t for o in prep_objects(obj, ("of",)) for t in conjuncts(o)]
            asked += doers
        return asked

    def _recipients(self, head: Token, actor_heads: list[Token],
                    recipient_heads: list[Token]) -> list[Actor]:
        """Resolved recipients; names inside the trigger's content when the frame finds none."""
        doers = frozenset(a.country for t in actor_heads
                          for a in self._owned(t, head, self._resolve(t, False)) if a.country)
        recipients = []
        for token in recipient_heads:
            if self._pronoun(token):
                found = self.coref.pronoun(token, besides=doers)  # "accused them of"
                recipients += [found] if found is not None else []
            elif not self._own(token, doers):
                recipients += self._resolve(token, keep_unknown=False)
        # "denounced the raids as a breach of X's borders": the raids' doers, not X
        referred = next((t for t in children(head, "dobj") if self._refers(t)), None)
        if referred is not None and self._referred_type(referred) not in mutual_types():
            return recipients  # "condemned the attack on X": X suffered it, did nothing
        if not any(r.country for r in recipients):
            extra = named_in_complement(head, actor_heads, only=referred)
            recipients += [a for t in extra for a in self._resolve(t, keep_unknown=False)
                           if a.country and a.country not in {r.country for r in recipients}]
        return recipients

    def _intent(self, event: Event, head: Token) -> list[Event]:
        """A future material event also states an intent: AGREE or THREATEN, as asserted; an
        act of ``conditional_intent_of`` only when it waits on a condition ("will strike
        unless") or is aimed at another country ("would boycott X"), else it is a plan."""
        intent = self.book.cues["intent_of"].get(event.event_type)
        doers = {a.country for a in event.actors}
        if intent is None and (_conditioned(head, self.book) or any(
                r.country and r.country not in doers for r in event.recipients)):
            intent = self.book.cues["conditional_intent_of"].get(event.event_type)
        if event.modality != "future" or intent is None:
            return []
        stated = replace(event, event_type=intent, mode=None, quad=self.book.types[intent].quad,
                         modality="asserted", cameo=self.book.types[intent].cameo, id="",
                         confidence=min(0.99, round(event.confidence + FUTURE_PENALTY
                                                    + INTENT_BONUS, 3)))
        return [stated]

    def _names_a_doer(self, heads: list[Token]) -> bool:
        """Whether an attack's doer heads name someone, not only the weapon ("a mine went
        off", "hit by a missile")."""
        means = means_reader()
        return any(not means.instrument(t) for t in heads)

    def _launchers(self, heads: list[Token]) -> list[Token]:
        """Who fired the weapon an attack names as its doer, where a clause on the weapon
        says so (``launching_verbs``: "rockets fired by the militia hit the town", "a drone
        that officials said had been launched by the army"): the agent of that verb."""
        means, verbs = means_reader(), self.book.cue("launching_verbs")
        for weapon in heads:
            if not means.instrument(weapon):
                continue
            for clause in children(weapon, "acl", "relcl"):
                for agent in clause.subtree:
                    if agent.dep_ == "agent" and agent.head.lemma_.lower() in verbs:
                        return children(agent, "pobj")
        return []

    def _claimants(self, head: Token) -> list[Token]:
        """Who the attack's sentence says owns it (``claiming_verbs``, ``claimed_nouns``):
        the subject of a claim of responsibility or of the attack itself ("...; a separatist
        front claimed responsibility", "the militia claimed the raid"), or the agent of a claim
        hung on the attack's noun ("a raid claimed by a rebel front"). A claim denied ("nobody has
        claimed it") names no one."""
        verbs, nouns = self.book.cue("claiming_verbs"), self.book.cue("claimed_nouns")
        violent = self.book.cue("outranking_types")
        sentence = head.sent if head.doc.has_annotation("SENT_START") else head.doc[:]
        for verb in sentence:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs or \
                    children(verb, "neg"):
                continue
            agents = [g for a in children(verb, "agent") for g in children(a, "pobj")]
            if agents and verb.dep_ == "acl" and self.noun_events.get(verb.head.i) in violent:
                return agents
            owned = any(o.lemma_.lower() in nouns or self.noun_events.get(o.i) in violent
                        for o in children(verb, "dobj"))
            subjects = [t for s in children(verb, "nsubj") for t in (s, *s.conjuncts)
                        if not any(d.dep_ == "det" and d.lower_ == "no" for d in t.children)
                        and t.pos_ != "PRON"]
            if owned and subjects:
                return subjects
        return []

    def _actors(self, heads: list[Token], trigger: Token) -> list[Actor]:
        found: list[Actor] = []
        for token in heads:
            if in_dateline(self.article, token.idx):  # "SAN SALVADOR, 3 JAN 90 -- ..."
                continue
            if self._speaker_pronoun(token):
                # only as the trigger's own subject: "we will answer any attack" is not
                # the speaker's attack
                if token.head.i == trigger.i:
                    found.extend(self._quoted_speaker(trigger))
                continue
            if self._pronoun(token):
                antecedent = self._antecedent(token, trigger)
                found.extend(antecedent)
                continue
            found.extend(self._owned(token, trigger, self._resolve(token, keep_unknown=True)))
        unique: list[Actor] = []
        for actor in found:
            if all((a.text, a.country) != (actor.text, actor.country) for a in unique):
                unique.append(actor)
        return unique

    def _owned(self, token: Token, trigger: Token, resolved: list[Actor]) -> list[Actor]:
        """A body named only through a pronoun that owns it ("her government", "its army",
        "their ministry") is the body of the side the pronoun stands for, not of the country
        the story is most about ("Chile's president said her government would close the
        pass if Buenos Aires ..."); a body whose own words name a country keeps it."""
        if token.pos_ != "NOUN" or any(c.ent_type_ in NAME_LABELS for c in token.children):
            return resolved
        owners = [c for c in children(token, "poss") if self._pronoun(c)]
        if not owners:
            return resolved
        country = next((a.country for a in self._antecedent(owners[0], trigger)
                        if a.country), None)
        if country is None:
            return resolved
        return [replace(a, country=country) for a in resolved]

    def _speaker_pronoun(self, token: Token) -> bool:
        """"we", "I" (not "the US", which folds to the same letters as "us")."""
        return token.lower_ in self.book.cue("speaker_pronouns") and token.pos_ == "PRON" \
            and not token.ent_type_

    def _quoted_speaker(self, trigger: Token) -> list[Actor]:
        """Who "we" or "I" is in quoted words: the subject of the reporting verb the quote
        hangs on ("\"We demand ...,\" the ministry said"); none found, no one."""
        reporting = self.book.cue("reporting_verbs")
        for token in [trigger, *trigger.ancestors][:MAX_SPEAKER_CLIMB]:
            if token.lemma_.lower() in reporting and token.i != trigger.i:
                subjects = [s for s in children(token, "nsubj") if not self._pronoun(s)
                            and not self._speaker_pronoun(s)]
                if subjects:
                    return self._resolve(subjects[0], keep_unknown=False)
        return []

    def _antecedent(self, pronoun: Token, trigger: Token) -> list[Actor]:
        """A pronoun subject stands for the subject of the clause it hangs on, else for the
        last actor named before ("Syria says it is willing"); but a pronoun of a third party
        inside words quoted before their speaker is named is not the speaker ("\"They took
        our cattle,\" a herder said": the speaker would say "we"; a partial quote after the
        verb, 'the rebels said "they will never disarm"', is the reporter's wording)."""
        token = trigger
        quoted = _in_quotes(pronoun)
        reporting = self.book.cue("reporting_verbs")
        for _ in range(4):
            if token.head.i == token.i:
                break
            token = token.head
            if quoted and token.lemma_.lower() in reporting and token.i > pronoun.i:
                break
            for subject in children(token, "nsubj"):
                if not self._pronoun(subject) and subject.pos_ != "PRON":
                    return self._resolve(subject, keep_unknown=False)
        actor = self.coref.pronoun(pronoun)
        return [actor] if actor is not None else []

    def _pronoun(self, token: Token) -> bool:
        """A personal pronoun that stands for an actor named elsewhere."""
        book = self.book
        return token.lower_ in book.cue("person_pronouns") | book.cue("group_pronouns") \
            | book.cue("plural_pronouns")

    def _examples(self, token: Token) -> list[Actor]:
        """The coded sides a noun of no country names as its members ("donors including
        Britain, Germany and Japan", "countries such as X": ``example_preps``): each of them
        is a doer."""
        if token.pos_ != "NOUN":
            return []
        preps = self.book.cue("example_preps")
        found: list[Actor] = []
        for prep in children(token, "prep"):
            if prep.lower_ not in preps:
                continue
            for obj in children(prep, "pobj"):
                for name in (obj, *obj.conjuncts):
                    actor = self.resolver.resolve_span(phrase(name), self.ctx)
                    if actor is not None and actor.country is not None:
                        actor.text = self._text(phrase(name))
                        found.append(actor)
        return found

    def _named_beside(self, token: Token) -> Actor | None:
        """The actor a name set beside a common noun says it is ("Belarus's closest ally,
        Russia,": Russia, not the possessor the noun is related to), when that name is coded."""
        if token.pos_ != "NOUN":
            return None
        for appos in children(token, "appos"):
            if appos.pos_ == "PROPN" and appos.ent_type_:
                actor = self.resolver.resolve_span(phrase(appos), self.ctx)
                if actor is not None and actor.country is not None:
                    return actor
        return None

    def _resolve(self, token: Token, keep_unknown: bool) -> list[Actor]:
        """Actors a head token stands for; coordinated modifiers ("Russian and US forces")
        give one actor each."""
        token = content_head(token, self.book)
        span = phrase(token)
        split = self._split_modifiers(token, span)
        if split:
            return split
        together = self.coref.collective(token)  # "the two neighbours", "both sides"
        if together:
            return [replace(a, text=self._text(span)) for a in together]
        together = self._of_collective(token)  # "the ministers of the two countries"
        if together:
            return [replace(a, text=self._text(span)) for a in together]
        actor = self._named_beside(token) or self.resolver.resolve_span(span, self.ctx)
        if actor is None or actor.country is None:
            named = self._examples(token)  # "donors including Britain and Japan"
            if named:
                return named
        if actor is None:
            for appos in children(token, "appos"):
                actor = self.resolver.resolve_span(phrase(appos), self.ctx)
                if actor is not None:
                    break
        if actor is not None and actor.country is None:
            actor = self._through_article(token, actor)
        if actor is not None and not _names_a_country(span):
            owner = self._affiliated(token)  # "the Kimsuky group, a team run by Pyongyang"
            if owner is not None:
                actor = replace(actor, country=owner)
        if actor is None:  # "its air strikes", "their fighters": the owner's
            actor = self.coref.possessor(token)
        if actor is None:  # "the bloc", "the group": a body of that kind named before
            actor = self.coref.kind(token)
        if actor is not None:
            actor.text = self._text(span)
            return [actor]
        if keep_unknown and token.pos_ != "PRON" and self._may_act(token):
            return [Actor(text=self._text(span))]
        return []

    def _affiliated(self, head: Token) -> str | None:
        """The state a group of no country of its own words belongs to by a participle of
        membership on it or on a noun set beside it (``affiliation_verbs``: "a cyber crew linked to
        Moscow's spy agency", "the Kimsuky group, a team run by Pyongyang's intelligence
        service"), or by such a participle the parse made the root before the group's act,
        when the body named after it is a state's."""
        verbs = self.book.cue("affiliation_verbs")
        participles = [p for noun in (head, *children(head, "appos"))
                       for p in children(noun, "acl") if p.tag_ == "VBN"]
        verb = head.head
        if head.dep_ == "nsubj" and verb.tag_ in ("VBN", "VBD") and \
                not children(verb, "dobj", "aux", "auxpass") and \
                children(verb, "conj", "advcl"):
            participles.append(verb)  # "a crew linked to X struck": parsed as the root
        for participle in participles:
            if participle.lemma_.lower() in verbs:
                for link in children(participle, "agent", "prep"):
                    for obj in children(link, "pobj"):
                        owner = self.resolver.resolve_span(phrase(obj), self.ctx)
                        if owner is not None and owner.country and \
                                owner.country not in self._non_state:
                            return owner.country
        return None

    def _of_collective(self, head: Token) -> list[Actor]:
        """The bodies of sides a counted plural names after "of" or as their possessor ("the
        defence chiefs of the two countries", "representatives of both sides", "the two
        countries' presidents", "the heads of the two countries' services"): one actor per
        side, of the head's own sector when its word gives one."""
        owners = [obj for prep in children(head, "prep") if prep.lower_ == "of"
                  for obj in children(prep, "pobj")]
        for obj in [*children(head, "poss"), *owners,
                    *(o for owner in owners for o in children(owner, "poss"))]:
            sides = self.coref.collective(obj)
            if sides:
                own = self.resolver.resolve_span(self.doc[head.i:head.i + 1], self.ctx)
                sector = own.sector if own is not None and own.sector else None
                return [replace(a, sector=sector or a.sector) for a in sides]
        return []

    def _may_act(self, head: Token) -> bool:
        """Whether an uncoded subject can be a doer: not an event ("the strike killed", "the
        bombing would not force"), not a time or a number ("by the end of the year", "19
        votes")."""
        return head.i not in self.trigger_heads and head.ent_type_ not in NOT_ACTOR_ENTS

    def _through_article(self, head: Token, actor: Actor) -> Actor:
        """An actor without a country ("its fighters", "the gunman") takes the country of
        the actor it refers back to, when one agrees."""
        owner = self.coref.possessor(head)
        if owner is not None:
            return Actor(text=actor.text, name=owner.name, country=owner.country,
                         sector=actor.sector or owner.sector)
        return actor

    def _split_modifiers(self, head: Token, span: Span) -> list[Actor]:
        mods = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod")
                and any(x.dep_ == "conj" for x in c.children)]
        if not mods or not all(m.ent_type_ for m in [mods[0], *mods[0].conjuncts]):
            return []
        whole = self.resolver.resolve_span(span, self.ctx)
        sector = whole.sector if whole else None
        found = []
        for mod in [mods[0], *mods[0].conjuncts]:
            actor = self.resolver.resolve_span(self.doc[mod.i:mod.i + 1], self.ctx)
            if actor is None or actor.country is None:
                continue
            text = f"{self._text(self.doc[mod.i:mod.i + 1])} {head.text}"
            found.append(Actor(text=text, name=actor.name, country=actor.country,
                               sector=actor.sector or sector))
        return found

    def _claimant(self, span: Span | None) -> Claimant | None:
        if span is None:
            return None
        claimant = self.resolver.resolve_claimant(span, self.ctx)
        if claimant is not None:
            claimant.text = self._text(span)
        return claimant

    def _text(self, span: Span) -> str:
        return self.article.text[span.start_char:span.end_char]

    def _evidence(self, hit: TriggerHit) -> Evidence:
        sent = segment(hit.head)
        start, end = sent.start_char, sent.end_char
        text = self.article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        span = hit.span
        return Evidence(sentence=text[start:end], start=start, end=end,
                        trigger=text[span.start_char:span.end_char],
                        trigger_start=span.start_char, trigger_end=span.end_char)

    def _confidence(self, cand: Candidate, actors: list[Actor], recipients: list[Actor],
                    mood: str) -> float:
        score = cand.entry.weight
        head = cand.head
        if _main(head) and not cand.targeted:  # a protest broken up: the force is the news
            score += MAIN_BONUS
        if _background(head, self.book):
            score -= BACKGROUND_PENALTY
        if cand.under_speech:
            score -= UNDER_SPEECH_PENALTY
        if any(a.country for a in actors):
            score += ACTOR_BONUS
        if any(r.country for r in recipients):
            score += RECIPIENT_BONUS
        if mood == "future":
            score -= FUTURE_PENALTY
        if cand.mode in self.book.cue("property_modes") and self._result_of_violence(head):
            score -= RESULT_PENALTY
        elif self._lesser_beside_violence(cand):
            score -= PROPERTY_PENALTY
        return round(min(0.99, max(0.05, score)), 3)

    def _result_of_violence(self, head: Token) -> bool:
        """Whether property destroyed is told as what an act of violence did, a participle on
        it ("struck the depot, setting it ablaze"), or told after violence in its sentence in
        the passive with no doer of its own ("clashes left six hurt, and shops were
        torched"): the result of that violence, which ranks below it whatever the words'
        weights."""
        if head.pos_ == "VERB" and agentless_passive(head) and self._after_violence(head):
            return True
        return head.tag_ == "VBG" and head.dep_ == "advcl" and not children(head, "mark") \
            and head.head.i in self.violent_heads

    def _lesser_beside_violence(self, cand: Candidate) -> bool:
        """Property destroyed in one breath with violence against people, or a restriction
        imposed in answer to violence told before it: the lesser part of the news."""
        head, book = cand.head, self.book
        if cand.mode in book.cue("property_modes"):
            return self._beside_violence(head)
        return cand.type == "COERCE" and cand.mode in book.cue("response_modes") and \
            self._after_violence(head)

    def _after_violence(self, head: Token) -> bool:
        """Whether the act's sentence tells, before it and not in passing, of violence
        (``outranking_types``) that the act answers ("rioting left two dead and the governor
        ordered a curfew")."""
        doc = head.doc
        start = head.sent.start if doc.has_annotation("SENT_START") else 0
        return any(start <= i < head.i and not _background(doc[i], self.book)
                   for i in self.violent_heads)

    def _beside_violence(self, head: Token) -> bool:
        """Whether the act is told in one breath with violence against people by the same
        doers ("raided the depot and torched it, wounding six", "razed the huts and shot
        twelve"): a verb joined to it, a participle on it, or the verb it hangs on."""
        def participles(token: Token) -> list[Token]:  # "..., wounding six"; not "after"
            return [c for c in children(token, "advcl")
                    if c.tag_ == "VBG" and not children(c, "mark")]
        near = [*head.conjuncts, *participles(head)]
        if head.dep_ == "conj" or head in participles(head.head):
            near.append(head.head)
        near += [c for t in list(near) for c in participles(t)]
        return any(t.i in self.violent_heads for t in near)


def reporter_of(head: Token, reporting: frozenset[str]) -> list[Token]:
    """The speaker of a speech act with no subject of its own, conjoined to a clause that a
    speaker reports ("the office said only 83 trucks had entered and accused Israel") or
    told as a participle set off after it ("the mission said a tank fired on its base,
    calling it a violation"): the parse hangs it on the reported clause, or on a noun inside
    it, whose doer did not speak; a clause of its own doer in between ("..., and the US
    welcomed the move, urging") is whose it is. A participle told before the reporting verb
    ("rebels took the town, accusing it of sheltering spies, the radio reported") is
    part of the reported words, the reported clause's doer's. None found: []."""
    participle = head.tag_ == "VBG" and head.dep_ in ("advcl", "acl") and head.i > 0 \
        and head.doc[head.i - 1].text == ","
    if not (head.dep_ == "conj" or participle) or children(head, "nsubj", "nsubjpass"):
        return []
    above = list(head.ancestors) if participle else [head.head]
    for reported in above:
        if reported.dep_ == "ccomp" and reported.head.lemma_.lower() in reporting:
            if participle and reported.head.i > head.i:
                return []
            return children(reported.head, "nsubj")
        if reported.pos_ in ("VERB", "AUX") and children(reported, "nsubj"):
            return []
    return []


def _names_a_country(span: Span) -> bool:
    """Whether an actor's own words name a place or a people ("Iranian hackers")."""
    return any(t.ent_type_ in ("GPE", "NORP") for t in span)


def _denied_of_a_thing(head: Token) -> bool:
    """An event noun a negated copula says a thing is not ("stressing that it was not a
    cyberattack", "the ministry said it was no protest"): it tells what the thing is not, not
    that an act was not done, so no event; "there was no fighting" (an expletive subject)
    stays a denied act."""
    if head.pos_ != "NOUN" or head.dep_ != "attr" or head.head.lemma_ != "be":
        return False
    copula = head.head
    denied = children(copula, "neg") or [c for c in head.children
                                         if c.dep_ == "det" and c.lower_ == "no"]
    return bool(denied) and not children(copula, "expl")


def _in_quotes(token: Token) -> bool:
    """Whether a token stands inside quotation marks opened in its sentence: an odd number of
    straight double quotes before it, or more opening curly quotes than closing ones."""
    start = token.sent.start if token.doc.has_annotation("SENT_START") else 0
    before = token.doc[start:token.i]
    straight = sum(t.text.count(QUOTE) for t in before)
    opened = sum(t.text.count(OPEN_QUOTE) for t in before)
    closed = sum(t.text.count(CLOSE_QUOTE) for t in before)
    return straight % 2 == 1 or opened > closed


def own_party_named(noun: Token) -> bool:
    """An eventive noun whose doer a 'by' phrase names ("after mediation by Qatar",
    "following the expulsion of the envoy by Poland") reports an act with its side, not a
    circumstance ("after the coup", "since Russia's invasion": what the story recalls): it
    stays an event where it is told in passing."""
    return any(t.ent_type_ in NAME_LABELS for t in noun_agents(noun))


def _main(head: Token) -> bool:
    """The trigger is the sentence's main predicate, or the object of it."""
    if head.dep_ == "ROOT":
        return True
    return head.dep_ in ("dobj", "xcomp", "ccomp") and head.head.dep_ == "ROOT"


def _background(head: Token, book: Codebook, through_clauses: bool = True) -> bool:
    """Mentioned in passing: "after the coup", "amid the fighting", "when troops arrived".
    Without ``through_clauses`` a noun that a clause states as its object or complement
    ("after Peru declared the consul persona non grata") is that clause's event, which
    the clause's shape lowers, not drops; the subject of such a clause ("since the
    truce began") is still in passing, and so is a noun anywhere inside a
    phrase of passing ("amid anger over the war and the council's opposition"). A clause
    opened by a subordinator of background ("a day after Lima had recalled its envoy") is in
    passing however the parse hangs it: a parse may join it to the main clause as a
    conjunct (the trigger's own clause only)."""
    token, steps = head, 3
    while steps > 0:
        if token.dep_ == "pobj" and _background_prep(token.head, book):
            return True
        if not through_clauses and token.dep_ in STATED_DEPS and \
                token.head.pos_ in ("VERB", "AUX"):
            return False
        if (token.dep_ in SUBORDINATE_DEPS or (token.dep_ == "conj" and token.i == head.i)) \
                and any(
                c.dep_ == "mark" and c.lower_ in book.cue("background_marks")
                for c in token.children):
            return True
        if token.head.i == token.i:
            break
        if through_clauses or token.dep_ not in PHRASE_LINKS:
            steps -= 1
        token = token.head
    return False


def _background_prep(prep: Token, book: Codebook) -> bool:
    """A preposition of background (``background_preps``), alone ("after the coup") or as
    the second word of one the parse splits ("ahead of a G7 meeting", "prior to the vote":
    the word of background an adverb the preposition hangs on)."""
    background = book.cue("background_preps")
    if prep.lower_ in background:
        return True
    return prep.dep_ == "prep" and prep.head.pos_ in ("ADV", "ADP", "SCONJ") and \
        prep.head.lower_ in background


def riots_spread(events: list[Event], book: Codebook) -> list[Event]:
    """Force of the riot modes (``riot_modes``) that a sentence's rioting crowd does beside its
    riot ("smashed windows and threw rocks at officers") is part of that riot."""
    kind, mode = book.cues["riot_reading"]
    rioters = {(e.evidence.start, a.text) for e in events
               if (e.event_type, e.mode) == (kind, mode) for a in e.actors}
    modes = book.cues["riot_modes"]
    return [replace(e, event_type=kind, mode=mode, quad=book.types[kind].quad,
                    cameo=book.cameo_for(kind, mode))
            if e.mode in modes.get(e.event_type, ()) and e.actors and
            all((e.evidence.start, a.text) in rioters for a in e.actors) else e
            for e in events]


def secondary_floor(events: list[Event]) -> list[Event]:
    """Beside a sentence's surest event, only events sure enough to stand on their own."""
    top: dict[int, float] = {}
    for event in events:
        top[event.evidence.start] = max(top.get(event.evidence.start, 0.0), event.confidence)
    return [e for e in events
            if e.confidence >= SECONDARY_FLOOR or e.confidence == top[e.evidence.start]]


def dedupe(events: list[Event], violent: frozenset[str] = frozenset()) -> list[Event]:
    """One event per type per sentence: the surest, with the arguments and counts of the
    others where it has none ("soldiers who were wounded in the ambush"), the people another
    act of the same doers names as its recipients where its own name no side, only a thing or
    a site ("opened fire at a market, killing six civilians": the civilians), the most specific
    means of violence any of them names ("killed" + "a roadside bomb exploded"), and for a
    protest the mode of a riot any of them is (``violent``: a crowd that blocks a road and
    stones the police holds one protest, a violent one)."""
    best: dict[tuple[int, str], Event] = {}
    for event in events:
        key = (event.evidence.start, event.event_type)
        kept = best.get(key)
        if kept is None:
            best[key] = event
            continue
        sure, other = (event, kept) if event.confidence > kept.confidence else (kept, event)
        for name in ("actors", "recipients", "quantities"):
            if not getattr(sure, name):
                setattr(sure, name, getattr(other, name))
        if not any(r.sector for r in sure.recipients) and \
                any(r.sector for r in other.recipients) and \
                {a.text for a in other.actors} <= {a.text for a in sure.actors}:
            sure.recipients = other.recipients  # "fired at a market, killing six civilians"
        if more_specific(other.mode, sure.mode) or (
                other.mode in violent and sure.mode not in violent):
            sure.mode, sure.cameo = other.mode, other.cameo
        best[key] = sure
    return sorted(best.values(), key=lambda e: (e.evidence.start, e.evidence.trigger_start or 0))
