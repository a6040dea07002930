"""Names an article gives its own actors: the short forms a later sentence may use for them.

A codebook knows the names that are the same in every story; an article brings in names of
its own and says what they stand for. Three ways are read here:

- an abbreviation in brackets after the long form: "the Ministry of Water Resources (MWR)"
  makes "the MWR" the department's, whatever else "MWR" could stand for;
- a name given with "known as": "the Anti-Corruption Bureau, known locally as the ACB";
- the surname of a person named in full: "Dlamini" after "President Sipho Dlamini", and with a
  title, "General Otieno" after "army chief General Paul Otieno"; a surname of several words
  ("Ould Meddou"), and the family name written first ("Lee" after "Lee Jae-myung").

Each alias maps to the actor of its long form, as the actor resolver read it. A surname shared
by two people of different actors stands for neither.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from sitrep.model import Actor

Alias = tuple[str, ...]
OPEN, CLOSE = "(", ")"
MAX_ABBREVIATION = 3  # tokens inside the brackets ("3R", "M23", "FARDC", "Al-Shabaab")
HYPHEN = "-"
NO_NAME_LABELS = frozenset({"GPE", "LOC", "DATE", "CARDINAL", "TIME", "PERCENT", "MONEY"})


def bracketed(bracket: Token) -> tuple[Alias, Span] | None:
    """The abbreviation an opening bracket holds ("(MWR)": a name of one to three words, the
    first capitalised, no place, date or number) and the long form it stands for: the noun
    phrase before the bracket ("the Philippine Department of Foreign Affairs")."""
    doc = bracket.doc
    if bracket.text != OPEN or bracket.i == 0:
        return None
    inside: list[Token] = []
    for token in doc[bracket.i + 1:bracket.i + 2 + MAX_ABBREVIATION]:
        if token.text == CLOSE:
            break
        inside.append(token)
    else:
        return None
    if not inside or not inside[0].text[:1].isupper() or \
            any(t.ent_type_ in NO_NAME_LABELS for t in inside):
        return None
    head = inside[0].head
    if inside[0].dep_ != "appos" or head.i >= bracket.i:
        head = doc[bracket.i - 1]
    head = _phrase_head(head)
    return tuple(t.text for t in inside), doc[head.left_edge.i:bracket.i]


def known_as(verb: Token, verbs: frozenset[str], preps: frozenset[str]
             ) -> tuple[Alias, Span] | None:
    """The name given by a participle such as "known as" hung on a noun ("the Anti-Corruption
    Bureau, known locally as the ACB"), without its determiners, and the noun's phrase up
    to the participle."""
    head = verb.head
    if verb.lemma_.lower() not in verbs or verb.dep_ not in ("acl", "relcl", "appos") or \
            head.i >= verb.i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or not obj.text[:1].isupper():
                continue
            words = [t for t in obj.subtree if t.pos_ not in ("DET", "PUNCT")]
            end = verb.i
            while end > head.i and verb.doc[end - 1].is_punct:
                end -= 1
            if words:
                return tuple(t.text for t in words), verb.doc[head.left_edge.i:end]
    return None


def _phrase_head(token: Token) -> Token:
    """The noun whose phrase ends at the token: "Department" for "Affairs" in "the
    Department of Foreign Affairs", "Commission" for "Electoral" ... "Commission"."""
    while True:
        if token.dep_ == "compound" and token.head.i > token.i:
            token = token.head
        elif token.dep_ == "pobj" and token.head.dep_ == "prep" and \
                token.head.head.pos_ in ("NOUN", "PROPN") and token.head.head.i < token.i:
            token = token.head.head
        else:
            return token


def short_names(span: Span) -> list[Alias]:
    """The names a later sentence may call a person named in full by: the surname, and the
    last words from any word before it on ("Ould Meddou" of "Hussein Ould Meddou", "da
    Silva"), since a surname may be of several words; and, for a name whose given name comes
    last as two syllables joined by a hyphen, the second in lower case ("Lee Jae-myung", "Kim
    Jong-un", "Chiang Kai-shek"), the first word, which is the family name in that way of
    writing names."""
    words = _name_words(span)
    if len(words) < 2:
        return []
    names = [tuple(t.text for word in words[start:] for t in word)
             for start in range(len(words) - 1, 0, -1)]
    if _given_name_last(words[-1]):
        names.append(tuple(t.text for t in words[0]))
    return names


def _name_words(span: Span) -> list[list[Token]]:
    """The words of a person's name from its first capitalised one, a hyphenated word
    ("Jae-myung", "Kassym-Jomart") kept as one; empty when fewer than two are capitalised."""
    tokens = [t for t in span if t.ent_type_ == "PERSON"]
    while tokens and not tokens[0].text[:1].isupper():
        tokens = tokens[1:]
    words: list[list[Token]] = []
    for token in tokens:
        joined = words and not words[-1][-1].whitespace_ and \
            (token.text == HYPHEN or words[-1][-1].text == HYPHEN)
        if joined:
            words[-1].append(token)
        else:
            words.append([token])
    if sum(1 for word in words if word[0].text[:1].isupper()) < 2 or \
            not words[-1][0].text[:1].isupper():
        return []
    return words


def _given_name_last(word: list[Token]) -> bool:
    """Two syllables joined by a hyphen, the first capitalised and the second not
    ("Jae-myung"): a given name written after the family name."""
    return len(word) == 3 and word[1].text == HYPHEN and word[0].text[:1].isupper() and \
        word[2].text[:1].islower()


def collect(found: Iterable[tuple[Alias, Actor]]) -> dict[Alias, Actor]:
    """One actor per alias; an alias given to two different actors stands for neither."""
    table: dict[Alias, Actor | None] = {}
    for alias, actor in found:
        known = table.get(alias, actor)
        same = known is not None and (known.country, known.name or known.text) == \
            (actor.country, actor.name or actor.text)
        table[alias] = actor if alias not in table or same else None
    return {alias: actor for alias, actor in table.items() if actor is not None}
