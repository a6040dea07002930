"""Whether an event is stated as fact: asserted, future, hypothetical or negated.

The cues (``codebook/cues/modality.json``, ``reporting.json``) are read on the trigger and on
the clauses and nouns it depends on ("plans to send", "did not agree", "the possibility that
it would be transferred"), never past a reporting verb: what someone said is their claim, not a
change of modality.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.codebook.lexicon import Codebook

MAX_CLIMB = 5
# a predicate of its object ("set the barn alight", "kept the road open") is no act that a
# verb of planning puts ahead
PREDICATE_DEPS = frozenset({"oprd", "acomp", "attr"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def governors(head: Token, book: Codebook) -> list[Token]:
    """The trigger and the words whose modality it shares: up from a noun to its verb, then
    through control and infinitive clauses ("plans to send", "agreed to withdraw"), ending at
    a reporting verb when the clause is its complement ("said it would")."""
    reporting = book.cue("reporting_verbs")
    chain = [head]
    token = head
    for _ in range(MAX_CLIMB):
        parent = token.head
        if parent.i == token.i:
            break
        if token.pos_ in ("VERB", "AUX") and not _shares_modality(token):
            if token.dep_ == "ccomp" and parent.lemma_.lower() in reporting:
                chain.append(parent)
            break
        chain.append(parent)
        token = parent
        if token.lemma_.lower() in reporting:
            break
    return chain


def _shares_modality(verb: Token) -> bool:
    """Control and infinitive clauses take the modality of what they hang on (an infinitive
    with a subject of its own too: "wants the minister to resign"); so does a
    conjoined verb, unless it carries its own tense, in its own form or in an auxiliary of
    its own ("would take charge and warned that", "would keep its border open but had
    deployed police"): then the auxiliaries of the first are not its."""
    if verb.dep_ == "xcomp":
        return True
    if verb.dep_ == "conj":
        tensed = verb.tag_ in FINITE_TAGS or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children)
        return not tensed or verb.head.tag_ in FINITE_TAGS
    return verb.dep_ in ("acl", "advcl", "relcl", "ccomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def modality(head: Token, book: Codebook) -> str:
    """The modality of the event a trigger stands for."""
    chain = governors(head, book)
    reported = chain[-1].lemma_.lower() in book.cue("reporting_verbs") and len(chain) > 1
    own = chain[:-1] if reported else chain
    if _negated(chain, book):
        return "negated"
    if _hypothetical(own, book, reported):
        return "hypothetical"
    if _future(own, book, reported):
        return "future"
    return "asserted"


def _aux(token: Token) -> list[str]:
    return [c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")]


def _negated(chain: list[Token], book: Codebook) -> bool:
    """Negated by its own words or by a clause it depends on. An eventive noun is what a
    negated verb speaks of, not what it denies ("did not respond to the request", "the
    attack will not go unanswered"): only a negation on the noun itself, or on a verb of
    denial, of occurrence or of intent above it ("the talks did not take place", "does not
    want a war", as "does not want to fight" is), negates it."""
    words = book.cue("negation_words")
    governors_ = book.cue("negation_governors")
    nominal = chain[0].pos_ in ("NOUN", "PROPN")
    for i, token in enumerate(chain):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
               for c in token.children):
            if i and nominal and token.lemma_.lower() not in governors_ | \
                    book.cue("occurrence_verbs") | book.cue("future_governors"):
                return False
            return not (i and token.lemma_.lower() in governors_)
        if _governs(chain, i) and token.lemma_.lower() in governors_:
            return not any(c.dep_ == "neg" for c in token.children)  # "did not rule out"
        if token.dep_ in ("pobj", "pcomp") and token.head.lower_ in words:  # "without firing"
            return True
    return False


def _hypothetical(chain: list[Token], book: Codebook, reported: bool) -> bool:
    """Supposed, possible or only called for: a possibility or condition ("could", "if"),
    a verb of supposing above it, or an obligation ("should free", "should have
    arrested"): what someone ought to do is a recommendation, not an act (said by a side,
    it is that side's REQUEST, coded apart); so is another's act a side wishes for
    (``wish_governors`` over an infinitive with its own subject: "wants the army to
    withdraw")."""
    aux = book.cue("hypothetical_aux") | book.cue("obligation_modals")
    marks = book.cue("hypothetical_marks")
    governors_ = book.cue("hypothetical_governors")
    wishes = book.cue("wish_governors")
    for i, token in enumerate(chain):
        auxes = _aux(token)
        if any(a in aux and a != "would" for a in auxes):
            return True
        if "would" in auxes and not reported:
            return True
        if any(c.dep_ == "mark" and c.lower_ in marks for c in token.children):
            return True
        if _governs(chain, i) and token.lemma_.lower() in governors_:
            return True
        if i and token.lemma_.lower() in wishes and chain[i - 1].dep_ == "ccomp" and \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in chain[i - 1].children):
            return True  # "wants the minister to resign": another's act, only wished for
    return False


def _governs(chain: list[Token], i: int) -> bool:
    """Whether the word at ``i`` of the chain governs the one before it, so its meaning ("he
    denied", "they accused") bears on it: a verb only joined to it by "and" ("accused X and
    warned that") shares its tense, not its meaning."""
    return i > 0 and chain[i - 1].dep_ != "conj"


def _phrasal(token: Token) -> bool:
    """A verb with a particle is another verb ("set up a team" is no "set to")."""
    return any(c.dep_ == "prt" for c in token.children)


def _future(chain: list[Token], book: Codebook, reported: bool) -> bool:
    aux = book.cue("future_aux")
    governors_ = book.cue("future_governors")
    nouns = book.cue("future_nouns")
    modifiers = book.cue("future_modifiers")
    for i, token in enumerate(chain):
        auxes = _aux(token)
        if any(a in aux for a in auxes) or ("would" in auxes and reported):
            return True
        if any(c.lemma_.lower() in modifiers and c.dep_ in ("amod", "compound")
               for c in token.children):
            return True
        if _governs(chain, i) and ((token.lemma_.lower() in governors_ and not _phrasal(token)
                                    and chain[i - 1].dep_ not in PREDICATE_DEPS
                                    and not _performed(chain[i - 1], book))
                  or token.lower_ == "going" or
                  (token.pos_ == "NOUN" and token.lemma_.lower() in nouns)):
            return True
    return False


def _performed(obj: Token, book: Codebook) -> bool:
    """Whether a verb of offering or promising governs a noun it performs in the saying
    (``performed_nouns``: "offered condolences", "offers its sympathy"): the condolences are
    given as they are offered, where "offered talks" or "offered aid" puts them ahead."""
    return obj.dep_ == "dobj" and obj.lemma_.lower() in book.cue("performed_nouns")


def by_aux(head: Token, book: Codebook) -> bool:
    """Whether a future reading comes from the clause's own auxiliary ("will", "would"), the
    way an actor states an intent, rather than from a plan reported about it."""
    aux = book.cue("future_aux") | {"would"}
    return any(a in aux for token in governors(head, book) for a in _aux(token))


def denied_by_another(head: Token, book: Codebook) -> Token | None:
    """The verb by which another speaker denies what a statement says ("Kenya accuses Somali
    troops of a raid; Mogadishu denies"): a verb of denial over a speech act that has its own
    subject disputes its content, not that it was said. None when the statement is denied by
    its own words ("did not accuse") or by its own speaker ("denied accusing")."""
    own = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not own or any(c.dep_ == "neg" for c in head.children):
        return None
    denials = book.cue("negation_governors")
    chain = governors(head, book)
    for i, token in enumerate(chain[1:], start=1):
        if _governs(chain, i) and token.lemma_.lower() in denials:
            return None if any(c.dep_ == "neg" for c in token.children) else token
    return None


def refused(head: Token, book: Codebook) -> bool:
    """Whether a side says it does not or will not do the act ("said its militia will not
    give up its arms", "'we do not take orders,' a minister said"): the verb is negated
    by its own words, not in the past, and its clause is reported speech."""
    if head.pos_ != "VERB" or not any(c.dep_ == "neg" for c in head.children):
        return False
    past = head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                     and c.lower_ != "would" for c in head.children)
    chain = governors(head, book)
    return not past and len(chain) > 1 and \
        chain[-1].lemma_.lower() in book.cue("reporting_verbs")



PRESENT_TAGS = frozenset({"VBZ", "VBP"})
HABIT_DEPS = frozenset({"xcomp", "dobj", "ccomp"})


def habitual(head: Token, book: Codebook, headline_end: int = 0) -> bool:
    """Whether a trigger tells a habit or a kind of act rather than an act
    (``codebook/cues/habits.json``): an adverb of habit on it or on the verb it shares its
    modality with, unless it is in the simple past ("death squads that systematically
    murder"; "soldiers routinely beat detainees", told of a time gone by, reports the acts
    done then), a modifier or determiner that
    makes an event noun a pattern or any act of its kind ("frequent kidnappings", "any
    attack"), an act that goes on under a verb of continuing in the present ("the rebels
    continue to sabotage"), or a verb in the simple present outside the headline ("a
    government that kills priests"). Only acts can be habits: a statement in the present is
    made as it is said ("we condemn"), so the caller asks this of material acts alone."""
    own = governors(head, book)
    if own[-1].lemma_.lower() in book.cue("reporting_verbs") and len(own) > 1:
        own = own[:-1]
    adverbs = book.cue("habitual_adverbs")
    if any(c.dep_ == "advmod" and c.lemma_.lower() in adverbs and not _simple_past(token)
           for token in own[:2] for c in token.children):
        return True
    if head.pos_ in ("NOUN", "PROPN") and any(
            (c.dep_ == "amod" and c.lemma_.lower() in book.cue("habitual_modifiers")) or
            (c.dep_ == "det" and c.lemma_.lower() in book.cue("generic_determiners"))
            for c in head.children):
        return True
    return _goes_on(head, book) or (head.idx >= headline_end and _simple_present(head))


def _goes_on(head: Token, book: Codebook) -> bool:
    """An act under a verb of continuing in the simple present ("the FMLN continues to
    strike"); "fighting continued" tells an episode, and "promised to continue" a plan."""
    verb = head.head
    return head.dep_ in HABIT_DEPS and verb.i != head.i and \
        verb.lemma_.lower() in book.cue("habitual_aspect_verbs") and _simple_present(verb)


def _simple_present(head: Token) -> bool:
    """A verb in the simple present with no auxiliary of its own ("who attack the civilian
    population"); "are attacking" or "has attacked" tell something going on or done. A
    plural present shares its form with the past of some verbs ("villagers beat two men
    they accused"): in a sentence told in the simple past it is read as past."""
    if head.pos_ != "VERB" or head.tag_ not in PRESENT_TAGS or \
            any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return False
    return head.tag_ == "VBZ" or not any(_simple_past(t) for t in head.sent if t.i != head.i)


def _simple_past(verb: Token) -> bool:
    return verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
