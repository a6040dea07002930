"""Who did it and to whom: actor and recipient tokens from the dependency parse.

The frame of a trigger (``frames.json``) says which positions count. The positions are read
through active and passive voice, control verbs ("agreed to send": the subject of "agreed"),
relative clauses ("the junta, which seized power"), participles, conjoined verbs, and eventive
nouns ("Russia's invasion", "the withdrawal of US troops"). Coordinated phrases ("Jordan and
Britain") give one token each, so compound actors become lists.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.codebook.lexicon import Codebook, Frame, load_codebook


def _pronouns() -> frozenset[str]:
    """Pronouns of every kind: one as a possessor points back, it names no doer itself."""
    return _cue("person_pronouns") | _cue("group_pronouns") | _cue("plural_pronouns")


def _cue(name: str) -> frozenset[str]:
    """A cue word list of the codebook (``cues/arguments.json``)."""
    return load_codebook().cue(name)

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
CONTROL_DEPS = ("xcomp", "conj", "advcl", "acl")
PHRASE_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod",
                         "case", "flat", "prep", "pobj", "predet", "advmod"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PHRASE_RIGHT = frozenset({"compound", "flat", "nummod", "amod", "case"})
MAX_PHRASE = 12
MAX_CLIMB = 4


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children)


def agentless_passive(token: Token) -> bool:
    """Whether a word stands in a passive clause that names no agent ("shops were torched"):
    its own verb, or the verb whose prepositional object it is ("placed under house
    arrest")."""
    verb = token
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "pobj" and verb.head.dep_ == "prep":
        verb = verb.head.head
    return verb.pos_ in ("VERB", "AUX") and is_passive(verb) and not children(verb, "agent")


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """Objects of the prepositions (or particles) under a token that are among ``preps``."""
    found = []
    for prep in children(token, "prep", "agent", "prt", "dative"):
        if prep.lower_ not in preps:
            continue
        found.extend(children(prep, "pobj", "pcomp"))
        if prep.lower_ == "out":  # "out of the country"
            for inner in children(prep, "prep"):
                found.extend(children(inner, "pobj"))
    return found


def conjuncts(token: Token) -> list[Token]:
    """The token and everything coordinated with it ("Jordan and Britain")."""
    return [token, *[c for c in token.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON")]]


def subject_tokens(head: Token, depth: int = 0) -> list[Token]:
    """The doer of the event the token stands for, through voice, control and clauses."""
    if head.pos_ in ("NOUN", "PROPN"):
        return noun_actor(head, depth)
    if is_passive(head):
        agents = [o for a in children(head, "agent") for o in children(a, "pobj")]
        if agents:
            return senders(agents)
        agents = setting_agents(head)
        if agents:
            return agents
    else:
        subjects = children(head, *SUBJECTS)
        if subjects and subjects[0].lower_ in _cue("relative_words") and head.dep_ == "relcl":
            return [head.head]
        if len(subjects) > 1:  # "traders of a quarter in Dar-es-Salaam stoned"
            subjects = [t for t in subjects if not _stranded_object(t)] or subjects
        if subjects:
            return senders(subjects)
    # an adjective, or a progressive verb the parser hung on "is" as its attribute ("Qatar
    # is mediating"), has the copula's subject
    if head.dep_ in ("acomp", "attr") or head.pos_ == "ADJ":
        subjects = children(head.head, *SUBJECTS)
        if subjects:
            return subjects
    return inherited_subject(head, depth)


def setting_agents(verb: Token) -> list[Token]:
    """The doers of an agentless passive told by the act it was done in ("a cell was broken
    up in a sweep by border police", "were detained during a raid by the army"): the 'by'
    agents of a noun in one of ``setting_preps``."""
    for noun in prep_objects(verb, _cue("setting_preps")):
        if noun.pos_ == "NOUN":
            found = noun_agents(noun)
            if found:
                return senders(found)
    return []


def senders(doers: list[Token]) -> list[Token]:
    """The doers with a thing that was sent, launched or worked by a side ("struck by drones
    flown by the rebels", "flour sent by Turkey arrived") read as that side: a
    weapon or a load does nothing of its own, and its country is its sender's, not the
    country it reached. People and bodies stay their own doers ("troops sent by Uganda")."""
    return [conveyed_by(t) or t for t in doers]


def conveyed_by(thing: Token) -> Token | None:
    """The side a thing, or a thing listed with it, is said by a participle to be sent,
    launched or worked by (``conveying_verbs``); None for a name or a party word."""
    if thing.pos_ not in ("NOUN", "PROPN") or _named(thing) or _party_noun(thing):
        return None
    for item in (thing, *thing.conjuncts):
        for participle in children(item, "acl"):
            if participle.tag_ == "VBN" and \
                    participle.lemma_.lower() in _cue("conveying_verbs"):
                agents = [o for a in children(participle, "agent") for o in children(a, "pobj")]
                if agents:
                    return agents[0]
    return None


def _party_noun(token: Token) -> bool:
    """A noun the actor tables know for people or bodies ("troops", "ministry")."""
    tables = load_codebook().actors
    key = token.lemma_.lower()
    return key in tables.words or key in tables.people or key in tables.role_nouns


def _stranded_object(token: Token) -> bool:
    """A second subject the parser split off a preposition left without its object: the
    words right before it are a preposition governing nothing ("in" before a hyphenated
    place name), so it is that preposition's object, not a doer of its own."""
    before = token.left_edge.i - 1
    if before < 0:
        return False
    prep = token.doc[before]
    return prep.dep_ == "prep" and not any(c.dep_ in ("pobj", "pcomp") for c in prep.children)


def inherited_subject(head: Token, depth: int) -> list[Token]:
    """The subject a clause without its own takes from the clause or noun it hangs on."""
    if depth >= MAX_CLIMB or head.head.i == head.i:
        return []
    parent = head.head
    if head.dep_ == "relcl":
        if is_passive(head):  # "soldiers who were wounded": the noun is the patient
            return []
        own = children(head, *SUBJECTS)
        if not own or own[0].lower_ in _cue("relative_words"):
            return [parent]
        return []
    if head.dep_ == "acl" and parent.pos_ in ("NOUN", "PROPN"):
        if head.tag_ == "VBG":  # "a declaration demanding": the declaration's issuer demands
            if parent.lemma_.lower() in load_codebook().cue("reporting_nouns"):
                return noun_actor(parent, depth + 1)
            return [parent]
        if head.tag_ == "VBN":  # "civilians killed": the noun is the patient
            return [parent] if _participle_as_verb(head, parent) else []
        if head.tag_ == "VBD":  # "Ghana, which mediates, urged calm": the noun's own clause
            return [parent]
        return noun_actor(parent, depth + 1)
    if head.dep_ == "xcomp" and is_passive(parent) and not children(parent, "agent"):
        raised = children(parent, *PASSIVE_SUBJECTS)  # "a delegation is expected to arrive"
        if raised:
            return raised
    if head.dep_ in CONTROL_DEPS or head.dep_ == "pcomp":
        if head.dep_ == "pcomp":
            parent = parent.head
        return subject_tokens(parent, depth + 1)
    return []


def _participle_as_verb(head: Token, parent: Token) -> bool:
    """Whether a participle the parser hung on a partitive ("hundreds of nurses", "dozens
    of them") is in truth the sentence's finite verb, the partitive its subject: the partitive
    is the root of a sentence closed by a full stop (a sentence has a finite verb; only a
    headline, which has no stop, tells a passive without one: "Dozens of civilians killed in
    strike"), and the participle has no auxiliary or agent of a passive ("Hundreds of nurses
    marched on the ministry")."""
    if parent.dep_ != "ROOT" or is_passive(head) or children(head, "agent", "aux") or \
            content_head(parent, load_codebook()) is parent:
        return False
    closing = [t for t in parent.sent if not t.is_space]
    return bool(closing) and closing[-1].tag_ == "." and closing[-1].i > head.i


def noun_actor(noun: Token, depth: int = 0, of_is: str = "recipient") -> list[Token]:
    """The doer of an eventive noun: "Russia's", "by X", a demonym or name modifier, "of X"
    for nouns whose frame says so, else the subject of the verb it is the object of."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in _pronouns():
            return [child]
    agents = noun_agents(noun)
    if agents:
        return agents
    named = name_modifiers(noun)
    if named:
        return named[:1]
    of_objects = prep_objects(noun, ("of",)) if of_is == "actor" else []
    if any(_named(t) for t in of_objects):
        return of_objects
    if exposed(noun):  # "came under attack from militants": they attacked, not the subject
        return prep_objects(noun, _cue("exposure_source_preps"))
    governed = _governor_subject(noun, depth)
    if governed:
        return governed
    if of_objects:
        return of_objects
    if of_is == "actor":
        return prep_objects(noun, _cue("joint_preps"))
    return []


def own_doers(noun: Token) -> list[Token]:
    """The doers an eventive noun names itself ("Russia's attack", "the attack by Hamas",
    "the Israeli strikes"), without looking to the verb it hangs on: in "condemned the
    attack", whoever condemned is not whoever attacked."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in _pronouns():
            return conjuncts(child)
    agents = noun_agents(noun)
    if agents:
        return [t for a in agents for t in conjuncts(a)]
    return name_modifiers(noun)


def noun_agents(noun: Token) -> list[Token]:
    """The 'by' agents of an eventive noun, wherever the parse hangs them: on the noun ("the
    attack by Hamas"), on the object of its 'of' phrase ("the expulsion of the envoy by
    Poland"), or on the active verb the noun is the object of, right after the noun
    ("followed mediation by Qatar"): an active verb has no agent of its own."""
    found = prep_objects(noun, ("by",))
    if found:
        return found
    for obj in prep_objects(noun, ("of",)):
        found = prep_objects(obj, ("by",))
        if found:
            return found
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ == "VERB" and not is_passive(verb):
        for prep in children(verb, "prep"):
            if prep.lower_ == "by" and prep.i == noun.right_edge.i + 1:
                return children(prep, "pobj")
    return []


def name_modifiers(noun: Token) -> list[Token]:
    """Names and demonyms written on an eventive noun ("Israeli strikes", "the Turkish
    evacuation"), and on a participle that modifies it ("Saudi-brokered talks", "Saudi-led
    raids"): whoever the participle names took part in the act."""
    found = []
    for child in noun.children:
        if child.dep_ not in ("compound", "amod", "nmod"):
            continue
        if child.ent_type_ in NAME_LABELS:
            found.append(child)
        elif child.tag_ == "VBN":
            found += [c for c in child.children
                      if c.dep_ in ("npadvmod", "compound", "nmod") and c.ent_type_ in NAME_LABELS]
        elif child.dep_ == "compound":  # "Saudi-brokered ceasefire talks"
            found += [c for g in child.children if g.dep_ == "amod" and g.tag_ == "VBN"
                      for c in g.children
                      if c.dep_ in ("npadvmod", "compound", "nmod") and c.ent_type_ in NAME_LABELS]
    return found


def _named(token: Token) -> bool:
    """A name, or a noun with a name or demonym on it ("US troops")."""
    if token.ent_type_ in NAME_LABELS:
        return True
    return any(c.ent_type_ in NAME_LABELS for c in token.children
               if c.dep_ in ("compound", "amod", "nmod", "poss"))


def _governor_subject(noun: Token, depth: int) -> list[Token]:
    """The subject of the verb an eventive noun is the object of ("launched an attack",
    "launched a mediation effort", "launched ten days of war games", "were engaged in
    ethnic cleansing"), but for verbs whose subject lives through the event rather than does
    it ("died in the attack", "survived the bombing", "witnessed the shooting"), tells of
    it ("did not comment on the shooting", "have documented torture": ``experiencer_verbs``)
    or names what it is ("called the execution inhuman": ``evaluation_verbs`` with a
    judgement, :func:`naming_judgement`)."""
    token = noun
    for _ in range(MAX_CLIMB - depth):
        if token.dep_ == "compound" or (token.dep_ == "pobj" and token.head.dep_ == "prep"
                                        and token.head.head.pos_ in ("NOUN", "PROPN")):
            token = token.head if token.dep_ == "compound" else token.head.head
            continue
        break
    verb = token.head
    host = verb.head if token.dep_ == "pobj" and verb.dep_ == "prep" else verb
    if host.lemma_.lower() in _cue("experiencer_verbs"):
        return []  # "died in the attack", "survived the bombing": the subject suffered it
    if token.dep_ == "dobj" and host.lemma_.lower() in _cue("evaluation_verbs") and \
            naming_judgement(host) not in (None, token):
        return []  # "called the execution inhuman": who names what an act is did not do it
    if token.dep_ in ("dobj", "attr", "oprd", "nsubjpass") or (
            token.dep_ in ("ccomp", "xcomp") and verb.pos_ == "VERB"):
        # "declared the envoy persona non grata": the noun is the verb's small clause
        return subject_tokens(verb, depth + 1)
    if token.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.pos_ in ("VERB", "AUX"):
        found = subject_tokens(verb.head, depth + 1)
        if not found and is_passive(verb.head) and \
                verb.head.lemma_.lower() in _cue("participation_verbs"):
            # "were engaged in ethnic cleansing"; but "was hurt in the raid" suffered it
            found = children(verb.head, *PASSIVE_SUBJECTS)
        return found
    return []


def naming_judgement(verb: Token) -> Token | None:
    """What a verb of naming calls its object: its predicate ("called the strike a
    violation"), or a phrase the parser set beside the object ("called the tariffs 'an attack
    on farmers'")."""
    predicates = children(verb, "oprd")
    if predicates:
        return predicates[0]
    for obj in children(verb, "dobj"):
        beside = children(obj, "appos")
        if beside:
            return beside[0]
    return None


def actor_tokens(head: Token, frame: Frame, adjective: bool = False) -> list[Token]:
    """The actor heads of a trigger, by its frame ("is opposed to": the subject)."""
    if adjective and is_passive(head) and not children(head, "agent"):
        found = children(head, *PASSIVE_SUBJECTS)
    elif frame.actor == "by_agent":
        agents = [o for a in children(head, "agent") for o in children(a, "pobj")]
        found = agents or ([] if is_passive(head) else children(head, *SUBJECTS))
    elif head.pos_ in ("NOUN", "PROPN"):
        found = noun_actor(head, of_is=frame.of_is)
    else:
        found = subject_tokens(head)
        if not found:  # "Deepening cooperation between Russia and Niger"
            for obj in children(head, "dobj"):
                found = prep_objects(obj, _cue("joint_preps"))
    return [t for token in found for t in conjuncts(token)]


def recipient_tokens(head: Token, frame: Frame, actors: list[Token]) -> list[Token]:
    """The recipient heads of a trigger, by its frame (never one of its actors)."""
    found: list[Token] = []
    verb = head.pos_ == "VERB"
    if "object" in frame.recipient:
        if verb and is_passive(head):
            relative = _cue("relative_words")
            found += [head.head if t.lower_ in relative and head.dep_ == "relcl" else t
                      for t in children(head, *PASSIVE_SUBJECTS)]
        else:
            found += children(head, "dobj", "attr")
        if head.dep_ == "acl" and head.tag_ == "VBN":
            found.append(head.head)
    if "dative" in frame.recipient:
        found += children(head, "dative")
    if "clause_subject" in frame.recipient:
        for clause in children(head, "ccomp", "xcomp"):
            found += children(clause, *SUBJECTS)
    if "subject_if_passive" in frame.recipient and verb and is_passive(head):
        found += children(head, *PASSIVE_SUBJECTS)
    if "object" in frame.recipient and not verb:
        found += sufferers(head)
    preps = set(frame.preps)
    if not verb and frame.of_is == "recipient":
        preps.add("of")
    found += prep_objects(head, frozenset(preps))
    if not verb and head.dep_ == "compound" and \
            head.head.lemma_.lower() in _cue("light_heads"):
        # "a mediation effort between X and Y": the light head's parties are the trigger's
        found += prep_objects(head.head, frozenset(preps))
    seen = {t.i for t in actors}
    toll = _cue("toll_nouns")
    result = []
    for token in found:
        for t in conjuncts(token):
            if t.lemma_.lower() in toll or t.lower_ in toll:
                continue  # "fought on, with many fatalities": what it cost, not a side
            if t.i not in seen:
                seen.add(t.i)
                result.append(t)
    return result


def exposed(noun: Token) -> bool:
    """Whether an event noun is told as what its clause's subject lies under ("the convoy
    came under attack from militants", "positions were under heavy shelling":
    ``exposure_preps``): the subject suffers it, and its 'from' phrase names who does it.
    Only verbs of being or coming under it tell this (``exposure_verbs``: "returned under
    the deal" is done by the deal's terms), and a verb with an object puts that object under
    it ("placed the lawyer under house arrest"): the subject does it."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and \
        prep.lower_ in _cue("exposure_preps") and \
        prep.head.lemma_.lower() in _cue("exposure_verbs") and not children(prep.head, "dobj")


def sufferers(noun: Token) -> list[Token]:
    """Who lived through the event a noun names, and so its recipients: the subject of a verb
    of suffering it ("villagers died in the attack", "two guards survived the bombing":
    ``victim_verbs``), of a verb it lies over (:func:`exposed`: "the convoy came under
    attack") or of a passive verb it is the circumstance of ("the driver was hurt in
    the ambush"), but for verbs of taking part ("were involved in the raid")."""
    verb = noun.head
    host = verb.head if noun.dep_ == "pobj" and verb.dep_ == "prep" else verb
    if noun.dep_ not in ("pobj", "dobj") or host.pos_ not in ("VERB", "AUX"):
        return []
    lemma = host.lemma_.lower()
    if lemma in _cue("victim_verbs") or exposed(noun):
        return children(host, *SUBJECTS, *PASSIVE_SUBJECTS)
    if noun.dep_ == "pobj" and is_passive(host) and lemma not in _cue("participation_verbs") \
            and not children(host, "agent"):
        return children(host, *PASSIVE_SUBJECTS)
    return []


def through_event_objects(head: Token, frame: Frame, eventive: set[int],
                          actors: list[Token]) -> list[Token]:
    """Recipients a verb names through its eventive object ("imposed sanctions on Iran",
    "launched attacks on Kyiv", "held talks with India"): the parser hangs the target on the
    noun, whose event the verb's record already is, so the noun's target is the verb's."""
    if head.pos_ != "VERB":
        return []
    preps = set(frame.preps)
    if frame.of_is == "recipient":
        preps.add("of")
    seen = {t.i for t in actors}
    found: list[Token] = []
    for obj in children(head, "dobj"):
        if obj.i not in eventive:
            continue
        for token in prep_objects(obj, frozenset(preps)):
            for t in conjuncts(token):
                if t.i not in seen:
                    seen.add(t.i)
                    found.append(t)
    return found


RECIPIENT_ENTS = frozenset({"GPE", "NORP", "ORG"})
FALLBACK_DEPS = frozenset({"dobj", "xcomp", "ccomp", "prep", "dative", "attr", "oprd"})


def named_in_complement(head: Token, actors: list[Token], limit: int = 3,
                        only: Token | None = None) -> list[Token]:
    """Names inside what a trigger governs ("threatened to deliver blows to the United States",
    "lodged a protest with Albania"): the recipients when its frame found none. Places of
    circumstance ("in Sivas", "after the war") and sources ("according to X") are not looked
    into; with ``only``, nothing but that one complement is (the event an object refers to
    names its own parties)."""
    taken = {t.i for a in actors for t in a.subtree} | {head.i}
    found: list[Token] = []
    for child in head.children:
        if child.dep_ not in FALLBACK_DEPS or child.lower_ in _cue("around_preps") or \
                (only is not None and child.i != only.i):
            continue
        for token in child.subtree:
            if token.i in taken:
                continue
            if token.dep_ == "prep" and token.lower_ in _cue("around_preps") | \
                    _cue("according_to"):  # "according to X": X says it, suffers nothing
                taken.update(t.i for t in token.subtree)
            elif token.ent_type_ in RECIPIENT_ENTS:
                root = _entity_root(token)
                if root.i not in taken:
                    taken.add(root.i)
                    found.append(root)
    return found[:limit]


def _entity_root(token: Token) -> Token:
    """The head of the name, or of the noun phrase the name is written into ("the US embassy",
    "the Vienna Convention"): that phrase says whose the thing is, or that it is no side."""
    ent = entity_of(token)
    root = ent.root if ent is not None else token
    if root.dep_ == "compound" and root.head.pos_ in ("NOUN", "PROPN") and \
            (ent is None or not ent.start <= root.head.i < ent.end):
        return root.head
    return root


def entity_of(token: Token) -> Span | None:
    """The named entity a token is part of, found from its IOB tags.

    Walking the tags costs the entity's length; scanning the sentence's entities for every
    token cost the whole document's entities each time, which made long texts quadratic.
    """
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    sent = token.sent
    if start < sent.start or end > sent.end:
        return None
    return doc[start:end]


def content_head(token: Token, book: Codebook) -> Token:
    """The noun a partitive stands for: "thousands of Iraqi Kurds" → "Kurds"; "some of them"
    → the group "them" points back to when the clause is joined to one whose subject names
    it (:func:`_joined_antecedent`)."""
    if token.lemma_.lower() in book.cue("partitive_heads") or token.like_num:
        for obj in prep_objects(token, ("of",)):
            return _joined_antecedent(obj, token, book) or obj
    return token


def _joined_antecedent(pronoun: Token, partitive: Token, book: Codebook) -> Token | None:
    """The noun a plural pronoun inside a partitive subject refers to when its clause is a
    conjunct of a clause whose subject is a noun ("thousands of farmers gathered, and some
    of them burned tyres": the farmers); the parse says so where coreference, which
    reads names and kinds of sides, may find no antecedent for a crowd."""
    verb = partitive.head
    if pronoun.text.lower() not in book.cue("plural_pronouns") or \
            partitive.dep_ not in SUBJECTS or verb.dep_ != "conj":
        return None
    for subject in children(verb.head, *SUBJECTS):
        if subject.pos_ in ("NOUN", "PROPN"):
            return content_head(subject, book)
    return None


def phrase(token: Token) -> Span:
    """The noun phrase a head token stands for: its modifiers and names, not its clauses."""
    doc = token.doc
    if token.ent_type_ and token.ent_iob_ != "O":
        ent = entity_of(token)
        if ent is not None and ent.root == token:
            left = min(ent.start, _left_edge(token))
            end = max(ent.end, token.i + 1)
            if doc[end - 1].pos_ == "ADP":  # a name cut before its last part ("... of Nigeria")
                end = max(end, _right_edge(token) + 1)
            return doc[left:end]
    return doc[_left_edge(token):_right_edge(token) + 1]


def _left_edge(token: Token) -> int:
    left = token.i
    for child in token.lefts:
        if child.dep_ in PHRASE_DEPS and child.dep_ not in ("prep", "pobj"):
            left = min(left, child.left_edge.i)
    return max(left, token.i - MAX_PHRASE)


def _right_edge(token: Token) -> int:
    right = token.i
    for child in token.rights:
        if not _phrase_part(child):
            break
        right = max(right, child.right_edge.i)
    return min(right, token.i + MAX_PHRASE)


def _phrase_part(child: Token) -> bool:
    """Right-hand words that belong to a noun phrase: "of ...", names, "in Guinea"; not a
    clause the parser hangs on the noun ("accused the police of beating students": the charge)."""
    if child.dep_ in PHRASE_RIGHT:
        return True
    if child.dep_ != "prep":
        return False
    if child.lower_ == "of":  # "the leader of the group", not "the police of beating"
        return not any(c.dep_ == "pcomp" for c in child.children)
    return child.lower_ in _cue("area_preps") and any(
        t.ent_type_ in ("GPE", "LOC", "NORP") for t in child.subtree)
