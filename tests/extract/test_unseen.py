"""Sentences the lexicon was not written from: the coder's surest event has the right PLOVER
type, and sentences that report no event give none.

The sentences live in ``unseen.tsv`` next to this file (type, known gap, text, and where given
the mode the surest event must carry, as a prefix: "riot" is either riot mode). A row with a
known gap is expected to fail until the gap is closed (strict xfail: a fixed gap fails the
test until its note is removed).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from sitrep.ingest.jsonl import article_from_record
from sitrep.model import Article

pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).with_name("unseen.tsv")
ACTORS_FIXTURE = Path(__file__).with_name("unseen_actors.tsv")
ACLED_FIXTURE = Path(__file__).with_name("unseen_acled.tsv")
KINDS_FIXTURE = Path(__file__).with_name("unseen_kinds.tsv")
KIND_NOUNS_FIXTURE = Path(__file__).with_name("unseen_kind_nouns.tsv")
SENSES_FIXTURE = Path(__file__).with_name("unseen_senses.tsv")
SENSES_FLOOR = 36
"""Of the forty sentences of ``unseen_senses.tsv``, how many the coder gets right (35 at the
first run, before CAMEO's verb patterns were read); the set is scored as a whole."""
PASSAGES_FIXTURE = Path(__file__).with_name("unseen_actor_passages.tsv")
PLOVER_2_FIXTURE = Path(__file__).with_name("unseen_plover_2.tsv")
PLOVER_2_FLOORS = {"top1": 48, "actor": 44, "no_event": 4}
"""Of ``unseen_plover_2.tsv``'s 54 sentences with an event, how many have the right surest type;
of the 45 with a judged doer, how many name its country on the best right event; of the six
with none, how many are left without one: the numbers of the first run."""
PLOVER_2_EXTRA_CEILING = 11
"""Events of a type the sentence does not report, against its 55 gold events (first run)."""
ACLED_2_FIXTURE = Path(__file__).with_name("unseen_acled_2.tsv")
ACLED_2_FLOOR = 43
"""Of the 48 snippets of ``unseen_acled_2.tsv``, how many get the right ACLED type (first run)."""
ACLED_3_FIXTURE = Path(__file__).with_name("unseen_acled_3.tsv")
ACLED_3_FLOOR = 39
"""Of the 48 snippets of ``unseen_acled_3.tsv``, how many get the right ACLED type (first run:
39, macro F1 0.833 over the six types)."""
PLOVER_3_FIXTURE = Path(__file__).with_name("unseen_plover_3.tsv")
PLOVER_3_FLOORS = {"top1": 48, "actor": 40, "no_event": 4}
"""Of ``unseen_plover_3.tsv``'s 54 sentences with an event, how many have the right surest type;
of the 50 with a judged doer, how many name its country on the best right event; of the six
with none, how many are left without one: the numbers of the first run (top-1 0.889, actor
country 40/50)."""
PLOVER_3_EXTRA_CEILING = 8
"""Events of a type the sentence does not report, against its 58 gold events (first run: 8,
0.138)."""
ACLED_4_FIXTURE = Path(__file__).with_name("unseen_acled_4.tsv")
ACLED_4_FLOOR = 38
"""Of the 48 snippets of ``unseen_acled_4.tsv``, how many get the right ACLED type (first run:
38, macro F1 0.798 over the six types; misses: riots by football crowds not coded, burnings by
residents and villagers read as property destroyed, killings by armed groups read as battles,
a town taken without a fight read as a battle, force against a rally read as an arrest)."""
PLOVER_4_FIXTURE = Path(__file__).with_name("unseen_plover_4.tsv")
PLOVER_4_FLOORS = {"top1": 48, "actor": 44, "no_event": 3}
"""Of ``unseen_plover_4.tsv``'s 54 sentences with an event, how many have the right surest type;
of the 51 with a judged doer, how many name its country on the best right event; of the six
with none, how many are left without one: a little below the first run (top-1 50/54, 0.926;
actor country 46/51; 3 of 6 left without an event; misses: a bomb told by a verb of tearing, a
blockade told as done in protest, an army ordered onto streets, food dropped from the air; a
weather forecast, a hypothetical strike and a leisure trip coded as events)."""
PLOVER_4_EXTRA_CEILING = 7
"""Events of a type the sentence does not report, against its 62 gold events (first run: 5,
0.081)."""
ACLED_5_FIXTURE = Path(__file__).with_name("unseen_acled_5.tsv")
ACLED_5_FLOOR = 38
"""Of the 48 snippets of ``unseen_acled_5.tsv``, how many get the right ACLED type (first run:
40, macro F1 0.867 over the six types; misses: a clash of two armed forces and force against a
march read by who was hurt, killings by gunmen and gangs read as battles, a gathering to demand
pay, a town entered after its defenders fled, a weapons cache recovered and a checkpoint set up
not coded)."""
PLOVER_5_FIXTURE = Path(__file__).with_name("unseen_plover_5.tsv")
PLOVER_5_FLOORS = {"top1": 48, "actor": 46, "no_event": 5}
"""Of ``unseen_plover_5.tsv``'s 54 sentences with an event, how many have the right surest type;
of the 52 with a judged doer, how many name its country on the best right event; of the six
with none, how many are left without one: the numbers of the first run (top-1 48/54, 0.889;
actor country 46/52; 5 of 6 left without an event; misses: an accusation told only as what a
minister said, a blocked website read as a blockade, vehicles torched by a crowd read as
destruction by the state, units placed on standby, money deposited in a central bank, a joint
police operation read by its verb of dismantling, an attack told in the passive with its doer as
an adjective, and deaths in landslides coded as an attack)."""
PLOVER_5_EXTRA_CEILING = 5
"""Events of a type the sentence does not report, against its 60 gold events (first run: 5,
0.083)."""
ACLED_6_FIXTURE = Path(__file__).with_name("unseen_acled_6.tsv")
ACLED_6_FLOOR = 42
"""Of the 48 snippets of ``unseen_acled_6.tsv``, how many get the right ACLED type (first run:
42, macro F1 0.920 over the six types; misses: a base retaken by a government force, a go-slow
and a harbour blocked with boats, fans rampaging through a city, a prison riot read as property
destroyed, and an armed group setting up its own administration not coded)."""
PLOVER_6_FIXTURE = Path(__file__).with_name("unseen_plover_6.tsv")
PLOVER_6_FLOORS = {"top1": 48, "actor": 44, "no_event": 4}
"""Of ``unseen_plover_6.tsv``'s 50 sentences with an event, how many have the right surest type;
of the 48 with a judged doer, how many name its country on the best right event; of the six
with none, how many are left without one: a little below the first run (top-1 49/50, 0.980;
actor country 45/48, 0.938; 5 of 6 left without an event; misses: a roadside bomb whose doer is
told by a police accusation read as the accusation, a suicide attack claimed by a named group
and a killing by a named rebel group left without a doer's country, a price rise dropped under
pressure coded only as the blockade that prompted it, and deaths in a cyclone coded as an
attack; modes: a crowd burning tyres and stoning police read as a blockade, police deployed
read as troops)."""
PLOVER_6_EXTRA_CEILING = 4
"""Events of a type the sentence does not report, against its 60 gold events (first run: 3,
0.050)."""
ACLED_7_FIXTURE = Path(__file__).with_name("unseen_acled_7.tsv")
ACLED_7_FLOOR = 41
"""Of the 48 snippets of ``unseen_acled_7.tsv``, how many get the right ACLED type (first run:
42, macro F1 0.880 over the six types; misses: a drone strike on a power station by a
paramilitary force not coded, settlers attacking farmers and a beating to death by a party's
youth wing read as riots, a soldier firing at a market read as a battle, and a crowd burning
tyres and stoning police and demonstrators burning barricades and stoning security forces read
as protests)."""
PLOVER_7_FIXTURE = Path(__file__).with_name("unseen_plover_7.tsv")
PLOVER_7_FLOORS = {"top1": 46, "actor": 40, "no_event": 3}
"""Of ``unseen_plover_7.tsv``'s 55 sentences with an event (long sentences in the shape of wire
copy), how many have the right surest type; of the 52 with a judged doer, how many name its
country on the best right event; of the six with none, how many are left without one: a little
below the first run (top-1 48/55, 0.873; actor country 42/52, 0.808; 4 of 6 left without an
event; misses: a drone strike on a depot and a slowdown of a website not coded, a quoted act of
a pronoun doer given to the speaker, an execution not coded, backing pledged read as an
agreement, asset freezes and travel bans read as a restriction, a tariff rise dropped not
coded; doers: a drone's launcher named in a relative clause, a group claiming a bombing after a
semicolon, a background act in the past perfect ranked above the main one, "her government"
given the other country; no event: inflation easing read as a concession, deaths in floods
coded as an attack)."""
PLOVER_7_EXTRA_CEILING = 16
"""Events of a type the sentence does not report, against its 90 gold events (first run: 14,
0.156)."""
ACLED_8_FIXTURE = Path(__file__).with_name("unseen_acled_8.tsv")
ACLED_8_FLOOR = 40
"""Of the 48 snippets of ``unseen_acled_8.tsv``, how many get the right ACLED type (first run:
41, macro F1 0.890 over the six types; misses: fighting told as a noun that spread, two
killings of civilians by unnamed gunmen told in the passive read as a riot and a battle, a
headline in the present tense, communal clashes told as a noun ranked below the curfew that
followed, a prison taken over by troops and roadblocks set up by a militia not coded)."""
PLOVER_8_FIXTURE = Path(__file__).with_name("unseen_plover_8.tsv")
PLOVER_8_FLOORS = {"top1": 49, "actor": 47, "no_event": 5}
"""Of ``unseen_plover_8.tsv``'s 56 sentences with an event (wire copy whose doers are named by
office, seat, demonym, party, militia, company, agency, regional body, name or pronoun), how
many have the right surest type; of the 55 with a judged doer, how many name its country on the
best right event; of the six with none, how many are left without one: a little below the first
run (top-1 51/56, 0.911; actor country 49/55, 0.891; 6 of 6 left without an event; misses: an
internet shutdown not coded, a detention ordered ranked below the investigation it was made in,
a threat ranked below a meeting it was made ahead of, a threat told as what forces "could" do
not coded, a police network dismantled read as disarmament; doers: ISWAP read as a transnational
group, the Department of Homeland Security given the deportees' country, "the army" deploying to
"the border with Belarus" read as Belarus's)."""
PLOVER_8_EXTRA_CEILING = 15
"""Events of a type the sentence does not report, against its 83 gold events (first run: 13,
0.157)."""
ACLED_9_FIXTURE = Path(__file__).with_name("unseen_acled_9.tsv")
ACLED_9_FLOOR = 42
"""Of the 48 snippets of ``unseen_acled_9.tsv``, how many get the right ACLED type (first run:
44, macro F1 0.926 over the six types; misses: soldiers and auxiliaries killing civilians read
as a battle, a road blocked for minutes of silence not coded and the deaths in a canopy's
collapse read as an attack, garment workers hurling bricks at police read as a peaceful
protest, a parallel government sworn in not coded)."""
PLOVER_9_FIXTURE = Path(__file__).with_name("unseen_plover_9.tsv")
PLOVER_9_FLOORS = {"top1": 48, "actor": 45, "no_event": 3}
"""Of ``unseen_plover_9.tsv``'s 55 sentences with an event (doers named by a role whose country
is told elsewhere, regional and translated phrasing, by-phrase passives, events told as nouns,
coalitions, economic coercion, cyber attacks, aid and cooperation), how many have the right
surest type; of the 54 with a judged doer, how many name its country on the best right event;
of the six with none, how many are left without one: a little below the first run (top-1 50/55,
0.909; actor country 47/54, 0.870; 4 of 6 left without an event; misses: tariffs "slapped" read
as an agreement, a cyber theft told as a noun "carried out by" a group not coded, a loan
approved read as support, prisoners "returned home from captivity" not coded, mediators' talks
ranked below the ceasefire they were to revive; doers: hackers given the victim's country, an
expulsion told as a noun and a closure ranked below the condemnation or report of it; no event:
a central bank keeping its rate read as a meeting, landslides read as a protest)."""
PLOVER_9_EXTRA_CEILING = 15
"""Events of a type the sentence does not report, against its 75 gold events (first run: 13,
0.173)."""
ACLED_10_FIXTURE = Path(__file__).with_name("unseen_acled_10.tsv")
ACLED_10_FLOOR = 38
"""Of the 48 snippets of ``unseen_acled_10.tsv``, how many get the right ACLED type (first run:
40, macro F1 0.868 over the six types; misses: two forces that "exchanged fire" read as a riot
and "traded fire" not coded, a drone's bomb told in the passive read as violence against
civilians, U.S. and British air raids read as a battle, a public flogging not coded, communal
stone-pelting ranked below the burning of vehicles, camps handed over told as a noun and a
headline's withdrawal without a fight not coded)."""
PLOVER_10_FIXTURE = Path(__file__).with_name("unseen_plover_10.tsv")
PLOVER_10_FLOORS = {"top1": 49, "actor": 44, "no_event": 5}
"""Of ``unseen_plover_10.tsv``'s 54 sentences with an event (Latin American, South-East Asian,
Central Asian and Gulf wire copy: a headline, by-phrase passives, doers named by a role with the
country in an adjective, events told as nouns, mediation, ceasefires, prisoner exchanges,
elections and a coup), how many have the right surest type; of the 53 with a judged doer, how
many name its country on the best right event; of the six with none, how many are left without
one: a little below the first run (top-1 50/54, 0.926; actor country 45/53, 0.849; 6 of 6 left
without an event; misses: an import ban read as a ban at home, a meeting ranked above the
readiness for talks it was told at, an aid ship that docked not coded, a contract suspended
after protests read as a sanction; doers: shelling "from" a side's units given the side shelled,
a drone "launched from" a group's territory and aid "sent by" a state left without the doer's
country, an expulsion told as a noun given the expelled)."""
PLOVER_10_EXTRA_CEILING = 9
"""Events of a type the sentence does not report, against its 77 gold events (first run: 7,
0.091)."""
ACLED_11_FIXTURE = Path(__file__).with_name("unseen_acled_11.tsv")
ACLED_11_FLOOR = 41
"""Of the 48 snippets of ``unseen_acled_11.tsv``, how many get the right ACLED type (first run:
42, macro F1 0.904 over the six types; misses: a headline's firefight not coded, drones
"operated by" a group read as a battle, villagers "rounded up and executed" by soldiers read as
an arrest, a killing told as a noun and condemned not coded, suspected gang members burnt to
death by residents read as a strategic development, roadblocks set up by a gang not coded)."""
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"}


def read_rows(path: Path = FIXTURE) -> list[dict[str, str]]:
    """The fixture's rows, comment lines left out."""
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = read_rows()


ACTOR_ROWS = read_rows(ACTORS_FIXTURE)
ACLED_ROWS = read_rows(ACLED_FIXTURE)
KINDS_ROWS = read_rows(KINDS_FIXTURE)
KIND_NOUN_ROWS = read_rows(KIND_NOUNS_FIXTURE)
SENSES_ROWS = read_rows(SENSES_FIXTURE)
PASSAGE_ROWS = read_rows(PASSAGES_FIXTURE)
PLOVER_2_ROWS = read_rows(PLOVER_2_FIXTURE)
ACLED_2_ROWS = read_rows(ACLED_2_FIXTURE)
ACLED_3_ROWS = read_rows(ACLED_3_FIXTURE)
PLOVER_3_ROWS = read_rows(PLOVER_3_FIXTURE)
ACLED_4_ROWS = read_rows(ACLED_4_FIXTURE)
PLOVER_4_ROWS = read_rows(PLOVER_4_FIXTURE)
ACLED_5_ROWS = read_rows(ACLED_5_FIXTURE)
PLOVER_5_ROWS = read_rows(PLOVER_5_FIXTURE)
ACLED_6_ROWS = read_rows(ACLED_6_FIXTURE)
PLOVER_6_ROWS = read_rows(PLOVER_6_FIXTURE)
ACLED_7_ROWS = read_rows(ACLED_7_FIXTURE)
PLOVER_7_ROWS = read_rows(PLOVER_7_FIXTURE)
ACLED_8_ROWS = read_rows(ACLED_8_FIXTURE)
PLOVER_8_ROWS = read_rows(PLOVER_8_FIXTURE)
ACLED_9_ROWS = read_rows(ACLED_9_FIXTURE)
PLOVER_9_ROWS = read_rows(PLOVER_9_FIXTURE)
ACLED_10_ROWS = read_rows(ACLED_10_FIXTURE)
PLOVER_10_ROWS = read_rows(PLOVER_10_FIXTURE)
ACLED_11_ROWS = read_rows(ACLED_11_FIXTURE)
MECHANISMS = {"acronym", "short_name", "possessive", "described_attacker", "unknown_org"}


def gap_marks(row: dict[str, str]) -> list:
    """A row with a known gap is a strict expected failure."""
    if row["known_gap"] == "-":
        return []
    return [pytest.mark.xfail(reason=row["known_gap"], strict=True)]


def cases() -> list:
    """One test case per sentence; known gaps become strict expected failures."""
    return [pytest.param(row["type"], row.get("mode") or "", row["text"],
                         id=f"{i:03d}-{row['type']}", marks=gap_marks(row))
            for i, row in enumerate(ROWS)]


def actor_cases() -> list:
    """One test case per sentence of the actors' set."""
    return [pytest.param(row["actor"], row["text"], id=f"{i:03d}-{row['actor']}",
                         marks=gap_marks(row))
            for i, row in enumerate(ACTOR_ROWS)]


def acled_cases() -> list:
    """One test case per snippet of the ACLED set."""
    return [pytest.param(row["acled"], row["text"], id=f"{i:03d}-{row['acled'][:12]}",
                         marks=gap_marks(row))
            for i, row in enumerate(ACLED_ROWS)]


def kinds_cases() -> list:
    """One test case per sentence of the set of kinds of news the development data lacks."""
    return [pytest.param(row["type"], row["actor"], row["text"],
                         id=f"{i:03d}-{row['type']}-{row['actor']}", marks=gap_marks(row))
            for i, row in enumerate(KINDS_ROWS)]


def kind_noun_cases() -> list:
    """One test case per short story of the kind nouns' set."""
    return [pytest.param(row["trigger"], row["country"], row["text"],
                         id=f"{i:03d}-{row['country']}", marks=gap_marks(row))
            for i, row in enumerate(KIND_NOUN_ROWS)]


def passage_cases() -> list:
    """One test case per passage of the set of doers found through the passage."""
    return [pytest.param(row["trigger"], row["actor"], row["sector"], row["text"],
                         id=f"{i:03d}-{row['mechanism']}-{row['actor']}", marks=gap_marks(row))
            for i, row in enumerate(PASSAGE_ROWS)]


def test_the_set_covers_every_type_and_sentences_without_events():
    counts = {name: sum(r["type"] == name for r in ROWS) for name in TYPES | {"NONE"}}
    assert all(counts[name] >= 5 for name in TYPES), counts
    assert counts["NONE"] >= 20
    assert len({r["text"] for r in ROWS}) == len(ROWS), "a sentence is listed twice"


@pytest.mark.parametrize(("expected", "mode", "text"), cases())
def test_top_event_type_of_an_unseen_sentence(coder, expected, mode, text):
    article = Article(id="unseen", text=text, published="2024-05-03")
    events = coder.code_article(article).events
    if expected == "NONE":
        assert events == [], [(e.event_type, e.evidence.trigger) for e in events]
        return
    assert events, "no event coded"
    top = max(events, key=lambda e: e.confidence)
    assert top.event_type == expected, [(e.event_type, e.evidence.trigger, e.confidence)
                                        for e in events]
    assert (top.mode or "").startswith(mode), (top.event_type, top.mode, top.evidence.trigger)


def test_the_actor_set_names_actors_of_many_countries_and_kinds():
    assert len({row["actor"] for row in ACTOR_ROWS}) >= 30
    assert len({row["text"] for row in ACTOR_ROWS}) == len(ACTOR_ROWS), "a sentence is listed twice"


@pytest.mark.parametrize(("expected", "text"), actor_cases())
def test_actor_country_of_an_unseen_sentence(coder, expected, text):
    article = Article(id="unseen", text=text, published="2024-05-03")
    events = coder.code_article(article).events
    assert events, "no event coded"
    top = max(events, key=lambda e: e.confidence)
    assert expected in [actor.country for actor in top.actors], \
        (top.event_type, top.evidence.trigger, [(a.text, a.country) for a in top.actors])


def test_the_acled_set_has_six_snippets_of_each_type():
    counts = {name: sum(r["acled"] == name for r in ACLED_ROWS)
              for name in {r["acled"] for r in ACLED_ROWS}}
    assert len(counts) == 6 and set(counts.values()) == {6}, counts


@pytest.mark.parametrize(("expected", "text"), acled_cases())
def test_acled_type_of_an_unseen_snippet(coder, expected, text):
    article = Article(id="unseen", text=text, published="2024-05-03")
    coded = [e for e in coder.code_article(article).events if e.acled]
    assert coded, "no event ACLED records"
    top = max(coded, key=lambda e: e.confidence)
    assert top.acled["event_type"] == expected, (top.event_type, top.mode, top.evidence.trigger)


def test_the_kinds_set_holds_forty_sentences_of_six_kinds_of_news():
    assert len(KINDS_ROWS) == 40
    assert len({row["text"] for row in KINDS_ROWS}) == 40, "a sentence is listed twice"
    assert {row["type"] for row in KINDS_ROWS} <= TYPES


@pytest.mark.parametrize(("expected", "actor", "text"), kinds_cases())
def test_type_and_actor_country_of_an_unseen_kind_of_news(coder, expected, actor, text):
    article = Article(id="unseen", text=text, published="2024-05-03")
    events = coder.code_article(article).events
    assert events, "no event coded"
    top = max(events, key=lambda e: e.confidence)
    assert (top.event_type, actor in [a.country for a in top.actors]) == (expected, True), \
        (top.event_type, top.evidence.trigger, [(a.text, a.country) for a in top.actors])


def test_the_kind_noun_set_holds_distinct_stories_of_many_countries():
    assert len(KIND_NOUN_ROWS) >= 12
    assert len({row["text"] for row in KIND_NOUN_ROWS}) == len(KIND_NOUN_ROWS)
    assert len({row["country"] for row in KIND_NOUN_ROWS}) >= 10
    assert all(row["trigger"] in row["text"] for row in KIND_NOUN_ROWS)


def records_told(coder, text: str, trigger: str) -> list:
    """The records of a short story one of whose mentions has the trigger, read as `sitrep
    code` reads a JSON line (so a dateline is read as a dateline); fails if there is none."""
    article = article_from_record({"id": "unseen", "text": text, "published": "2024-05-03"},
                                  "unseen")
    events = coder.code_article(article).events
    told = [e for e in events if any(trigger in m.trigger for m in e.mentions or [e.evidence])]
    assert told, ("no record of the trigger", [(e.event_type, e.evidence.trigger)
                                               for e in events])
    return told


@pytest.mark.parametrize(("trigger", "expected", "text"), kind_noun_cases())
def test_a_kind_noun_takes_its_country_through_an_unseen_story(coder, trigger, expected, text):
    told = records_told(coder, text, trigger)
    assert any(expected in [a.country for a in e.actors] for e in told), \
        [(e.event_type, [(a.text, a.country) for a in e.actors]) for e in told]


def test_the_senses_set_holds_forty_sentences_of_seven_kinds_of_news():
    assert len(SENSES_ROWS) == 40
    assert len({row["text"] for row in SENSES_ROWS}) == 40, "a sentence is listed twice"
    assert {row["type"] for row in SENSES_ROWS} <= TYPES
    assert len({row["type"] for row in SENSES_ROWS}) >= 14


def test_the_senses_set_is_coded_right_as_a_whole(coder):
    missed = []
    for row in SENSES_ROWS:
        article = Article(id="unseen", text=row["text"], published="2024-05-03")
        events = coder.code_article(article).events
        top = max(events, key=lambda e: e.confidence) if events else None
        if top is None or top.event_type != row["type"] or \
                row["actor"] not in [a.country for a in top.actors]:
            missed.append((row["type"], row["actor"], top and top.event_type, row["text"]))
    assert len(SENSES_ROWS) - len(missed) >= SENSES_FLOOR, missed


def test_the_passage_set_holds_six_passages_of_each_mechanism():
    counts = {name: sum(r["mechanism"] == name for r in PASSAGE_ROWS) for name in MECHANISMS}
    assert set(counts.values()) == {6} and len(PASSAGE_ROWS) == 30, counts
    assert len({row["text"] for row in PASSAGE_ROWS}) == len(PASSAGE_ROWS)
    assert len({row["actor"] for row in PASSAGE_ROWS}) >= 25
    assert all(row["trigger"] in row["text"] for row in PASSAGE_ROWS)


@pytest.mark.parametrize(("trigger", "expected", "sector", "text"), passage_cases())
def test_the_doer_of_an_unseen_passage_is_found_through_the_passage(coder, trigger, expected,
                                                                     sector, text):
    told = records_told(coder, text, trigger)
    doers = [(a.country, a.sector) for e in told for a in e.actors]
    assert any(country == expected and sector in {"-", found} for country, found in doers), \
        [(e.event_type, [(a.text, a.country, a.sector) for a in e.actors]) for e in told]


def codes(cell: str) -> set[str]:
    """A comma-separated cell of the fixture as a set; '-' is empty."""
    return {code for code in cell.split(",") if code != "-"}


def test_the_second_plover_set_holds_every_type_in_news_proportions():
    counts = {name: sum(r["type"] == name for r in PLOVER_2_ROWS) for name in TYPES | {"NONE"}}
    assert len(PLOVER_2_ROWS) == 60 and counts["NONE"] == 6, counts
    assert all(counts[name] >= 1 for name in TYPES), counts
    assert counts["ASSAULT"] == max(counts.values()), counts
    assert len({r["text"] for r in PLOVER_2_ROWS}) == 60, "a sentence is listed twice"
    assert all(codes(r["also"]) <= TYPES for r in PLOVER_2_ROWS)


def plover_2_tally(coder, rows: list[dict[str, str]] = PLOVER_2_ROWS) -> dict[str, int]:  # noqa: ANN001
    """A PLOVER set scored as `sitrep eval events` scores the PLOVER gold."""
    tally = {"top1": 0, "actor": 0, "no_event": 0, "extra": 0}
    articles = [Article(id=f"unseen-{i}", text=row["text"], published="2024-05-03")
                for i, row in enumerate(rows)]
    for row, coded in zip(rows, coder.code_articles(articles), strict=True):
        events = coded.events
        types = set() if row["type"] == "NONE" else {row["type"]} | codes(row["also"])
        tally["extra"] += sum(e.event_type not in types for e in events)
        if not types:
            tally["no_event"] += not events
            continue
        top = max(events, key=lambda e: e.confidence) if events else None
        tally["top1"] += top is not None and top.event_type in types
        right = [e for e in events if e.event_type in types]
        if right and codes(row["actor"]):
            best = max(right, key=lambda e: e.confidence)
            tally["actor"] += any(a.country in codes(row["actor"]) for a in best.actors)
    return tally


def test_the_second_plover_set_is_coded_right_as_a_whole(coder):
    tally = plover_2_tally(coder)
    assert all(tally[name] >= floor for name, floor in PLOVER_2_FLOORS.items()), tally
    assert tally["extra"] <= PLOVER_2_EXTRA_CEILING, tally


def test_the_second_acled_set_has_eight_snippets_of_each_type():
    counts = Counter(row["acled"] for row in ACLED_2_ROWS)
    assert len(counts) == 6 and set(counts.values()) == {8}, counts
    assert len({row["text"] for row in ACLED_2_ROWS}) == 48, "a snippet is listed twice"
    assert not {row["text"] for row in ACLED_2_ROWS} & {row["text"] for row in ACLED_ROWS}


def acled_misses(coder, rows: list[dict[str, str]]) -> list[tuple]:  # noqa: ANN001
    """The snippets whose surest event ACLED records is missing or of another ACLED type."""
    articles = [Article(id=f"unseen-{i}", text=row["text"], published="2024-05-03")
                for i, row in enumerate(rows)]
    missed = []
    for row, coded in zip(rows, coder.code_articles(articles), strict=True):
        recorded = [e for e in coded.events if e.acled]
        top = max(recorded, key=lambda e: e.confidence) if recorded else None
        if top is None or top.acled["event_type"] != row["acled"]:
            missed.append((row["acled"], top and top.acled["event_type"], row["text"]))
    return missed


def test_the_second_acled_set_is_coded_right_as_a_whole(coder):
    missed = acled_misses(coder, ACLED_2_ROWS)
    assert len(ACLED_2_ROWS) - len(missed) >= ACLED_2_FLOOR, missed


def test_the_third_acled_set_has_eight_snippets_of_each_type():
    counts = Counter(row["acled"] for row in ACLED_3_ROWS)
    assert len(counts) == 6 and set(counts.values()) == {8}, counts
    assert len({row["text"] for row in ACLED_3_ROWS}) == 48, "a snippet is listed twice"
    earlier = {row["text"] for row in ACLED_ROWS + ACLED_2_ROWS}
    assert not {row["text"] for row in ACLED_3_ROWS} & earlier


def test_the_third_acled_set_is_coded_right_as_a_whole(coder):
    missed = acled_misses(coder, ACLED_3_ROWS)
    assert len(ACLED_3_ROWS) - len(missed) >= ACLED_3_FLOOR, missed


def test_the_third_plover_set_holds_every_type_in_news_proportions():
    counts = {name: sum(r["type"] == name for r in PLOVER_3_ROWS) for name in TYPES | {"NONE"}}
    assert len(PLOVER_3_ROWS) == 60 and counts["NONE"] == 6, counts
    assert all(counts[name] >= 1 for name in TYPES), counts
    assert counts["ASSAULT"] == max(counts.values()), counts
    assert len({r["text"] for r in PLOVER_3_ROWS}) == 60, "a sentence is listed twice"
    assert not {r["text"] for r in PLOVER_3_ROWS} & {r["text"] for r in PLOVER_2_ROWS}
    assert all(codes(r["also"]) <= TYPES for r in PLOVER_3_ROWS)


def test_the_third_plover_set_is_coded_right_as_a_whole(coder):
    tally = plover_2_tally(coder, PLOVER_3_ROWS)
    assert all(tally[name] >= floor for name, floor in PLOVER_3_FLOORS.items()), tally
    assert tally["extra"] <= PLOVER_3_EXTRA_CEILING, tally


def test_the_fourth_acled_set_has_eight_snippets_of_each_type():
    counts = Counter(row["acled"] for row in ACLED_4_ROWS)
    assert len(counts) == 6 and set(counts.values()) == {8}, counts
    assert len({row["text"] for row in ACLED_4_ROWS}) == 48, "a snippet is listed twice"
    earlier = {row["text"] for row in ACLED_ROWS + ACLED_2_ROWS + ACLED_3_ROWS}
    assert not {row["text"] for row in ACLED_4_ROWS} & earlier


def test_the_fourth_acled_set_is_coded_right_as_a_whole(coder):
    missed = acled_misses(coder, ACLED_4_ROWS)
    assert len(ACLED_4_ROWS) - len(missed) >= ACLED_4_FLOOR, missed


def test_the_fourth_plover_set_holds_every_type_in_news_proportions():
    counts = {name: sum(r["type"] == name for r in PLOVER_4_ROWS) for name in TYPES | {"NONE"}}
    assert len(PLOVER_4_ROWS) == 60 and counts["NONE"] == 6, counts
    assert all(counts[name] >= 1 for name in TYPES), counts
    assert counts["ASSAULT"] == max(counts.values()), counts
    assert len({r["text"] for r in PLOVER_4_ROWS}) == 60, "a sentence is listed twice"
    earlier = {r["text"] for r in PLOVER_2_ROWS + PLOVER_3_ROWS}
    assert not {r["text"] for r in PLOVER_4_ROWS} & earlier
    assert all(codes(r["also"]) <= TYPES for r in PLOVER_4_ROWS)


def test_the_fourth_plover_set_is_coded_right_as_a_whole(coder):
    tally = plover_2_tally(coder, PLOVER_4_ROWS)
    assert all(tally[name] >= floor for name, floor in PLOVER_4_FLOORS.items()), tally
    assert tally["extra"] <= PLOVER_4_EXTRA_CEILING, tally


def test_the_fifth_acled_set_has_eight_snippets_of_each_type():
    counts = Counter(row["acled"] for row in ACLED_5_ROWS)
    assert len(counts) == 6 and set(counts.values()) == {8}, counts
    assert len({row["text"] for row in ACLED_5_ROWS}) == 48, "a snippet is listed twice"
    earlier = {row["text"] for row in ACLED_ROWS + ACLED_2_ROWS + ACLED_3_ROWS + ACLED_4_ROWS}
    assert not {row["text"] for row in ACLED_5_ROWS} & earlier


def test_the_fifth_acled_set_is_coded_right_as_a_whole(coder):
    missed = acled_misses(coder, ACLED_5_ROWS)
    assert len(ACLED_5_ROWS) - len(missed) >= ACLED_5_FLOOR, missed


def test_the_fifth_plover_set_holds_every_type_in_news_proportions():
    counts = {name: sum(r["type"] == name for r in PLOVER_5_ROWS) for name in TYPES | {"NONE"}}
    assert len(PLOVER_5_ROWS) == 60 and counts["NONE"] == 6, counts
    assert all(counts[name] >= 1 for name in TYPES), counts
    assert counts["ASSAULT"] == max(counts.values()), counts
    assert len({r["text"] for r in PLOVER_5_ROWS}) == 60, "a sentence is listed twice"
    earlier = {r["text"] for r in PLOVER_2_ROWS + PLOVER_3_ROWS + PLOVER_4_ROWS}
    assert not {r["text"] for r in PLOVER_5_ROWS} & earlier
    assert all(codes(r["also"]) <= TYPES for r in PLOVER_5_ROWS)


def test_the_fifth_plover_set_is_coded_right_as_a_whole(coder):
    tally = plover_2_tally(coder, PLOVER_5_ROWS)
    assert all(tally[name] >= floor for name, floor in PLOVER_5_FLOORS.items()), tally
    assert tally["extra"] <= PLOVER_5_EXTRA_CEILING, tally


def test_the_sixth_acled_set_has_eight_snippets_of_each_type():
    counts = Counter(row["acled"] for row in ACLED_6_ROWS)
    assert len(counts) == 6 and set(counts.values()) == {8}, counts
    assert len({row["text"] for row in ACLED_6_ROWS}) == 48, "a snippet is listed twice"
    earlier = {row["text"] for row in ACLED_ROWS + ACLED_2_ROWS + ACLED_3_ROWS + ACLED_4_ROWS
               + ACLED_5_ROWS}
    assert not {row["text"] for row in ACLED_6_ROWS} & earlier


def test_the_sixth_acled_set_is_coded_right_as_a_whole(coder):
    missed = acled_misses(coder, ACLED_6_ROWS)
    assert len(ACLED_6_ROWS) - len(missed) >= ACLED_6_FLOOR, missed


def test_the_sixth_plover_set_holds_every_type_in_news_proportions():
    counts = {name: sum(r["type"] == name for r in PLOVER_6_ROWS) for name in TYPES | {"NONE"}}
    assert len(PLOVER_6_ROWS) == 56 and counts["NONE"] == 6, counts
    assert all(counts[name] >= 1 for name in TYPES), counts
    assert counts["ASSAULT"] == max(counts.values()), counts
    assert len({r["text"] for r in PLOVER_6_ROWS}) == 56, "a sentence is listed twice"
    earlier = {r["text"] for r in PLOVER_2_ROWS + PLOVER_3_ROWS + PLOVER_4_ROWS + PLOVER_5_ROWS}
    assert not {r["text"] for r in PLOVER_6_ROWS} & earlier
    assert all(codes(r["also"]) <= TYPES for r in PLOVER_6_ROWS)


def test_the_sixth_plover_set_is_coded_right_as_a_whole(coder):
    tally = plover_2_tally(coder, PLOVER_6_ROWS)
    assert all(tally[name] >= floor for name, floor in PLOVER_6_FLOORS.items()), tally
    assert tally["extra"] <= PLOVER_6_EXTRA_CEILING, tally


def test_the_seventh_acled_set_has_eight_snippets_of_each_type():
    counts = Counter(row["acled"] for row in ACLED_7_ROWS)
    assert len(counts) == 6 and set(counts.values()) == {8}, counts
    assert len({row["text"] for row in ACLED_7_ROWS}) == 48, "a snippet is listed twice"
    earlier = {row["text"] for row in ACLED_ROWS + ACLED_2_ROWS + ACLED_3_ROWS + ACLED_4_ROWS
               + ACLED_5_ROWS + ACLED_6_ROWS}
    assert not {row["text"] for row in ACLED_7_ROWS} & earlier


def test_the_seventh_acled_set_is_coded_right_as_a_whole(coder):
    missed = acled_misses(coder, ACLED_7_ROWS)
    assert len(ACLED_7_ROWS) - len(missed) >= ACLED_7_FLOOR, missed


def test_the_seventh_plover_set_holds_every_type_in_news_proportions():
    counts = {name: sum(r["type"] == name for r in PLOVER_7_ROWS) for name in TYPES | {"NONE"}}
    assert len(PLOVER_7_ROWS) == 61 and counts["NONE"] == 6, counts
    assert all(counts[name] >= 1 for name in TYPES), counts
    assert counts["ASSAULT"] == max(counts.values()), counts
    assert len({r["text"] for r in PLOVER_7_ROWS}) == 61, "a sentence is listed twice"
    earlier = {r["text"] for r in PLOVER_2_ROWS + PLOVER_3_ROWS + PLOVER_4_ROWS + PLOVER_5_ROWS
               + PLOVER_6_ROWS}
    assert not {r["text"] for r in PLOVER_7_ROWS} & earlier
    assert all(codes(r["also"]) <= TYPES for r in PLOVER_7_ROWS)


def test_the_eighth_acled_set_has_eight_snippets_of_each_type():
    counts = Counter(row["acled"] for row in ACLED_8_ROWS)
    assert len(counts) == 6 and set(counts.values()) == {8}, counts
    assert len({row["text"] for row in ACLED_8_ROWS}) == 48, "a snippet is listed twice"
    earlier = {row["text"] for row in ACLED_ROWS + ACLED_2_ROWS + ACLED_3_ROWS + ACLED_4_ROWS
               + ACLED_5_ROWS + ACLED_6_ROWS + ACLED_7_ROWS}
    assert not {row["text"] for row in ACLED_8_ROWS} & earlier


def test_the_seventh_plover_set_is_coded_right_as_a_whole(coder):
    tally = plover_2_tally(coder, PLOVER_7_ROWS)
    assert all(tally[name] >= floor for name, floor in PLOVER_7_FLOORS.items()), tally
    assert tally["extra"] <= PLOVER_7_EXTRA_CEILING, tally


def test_the_eighth_acled_set_is_coded_right_as_a_whole(coder):
    missed = acled_misses(coder, ACLED_8_ROWS)
    assert len(ACLED_8_ROWS) - len(missed) >= ACLED_8_FLOOR, missed


def test_the_eighth_plover_set_holds_every_type_in_news_proportions():
    counts = {name: sum(r["type"] == name for r in PLOVER_8_ROWS) for name in TYPES | {"NONE"}}
    assert len(PLOVER_8_ROWS) == 62 and counts["NONE"] == 6, counts
    assert all(counts[name] >= 1 for name in TYPES), counts
    assert counts["ASSAULT"] == max(counts.values()), counts
    assert len({r["text"] for r in PLOVER_8_ROWS}) == 62, "a sentence is listed twice"
    earlier = {r["text"] for r in PLOVER_2_ROWS + PLOVER_3_ROWS + PLOVER_4_ROWS + PLOVER_5_ROWS
               + PLOVER_6_ROWS + PLOVER_7_ROWS}
    assert not {r["text"] for r in PLOVER_8_ROWS} & earlier
    assert all(codes(r["also"]) <= TYPES for r in PLOVER_8_ROWS)


def test_the_ninth_acled_set_has_eight_snippets_of_each_type():
    counts = Counter(row["acled"] for row in ACLED_9_ROWS)
    assert len(counts) == 6 and set(counts.values()) == {8}, counts
    assert len({row["text"] for row in ACLED_9_ROWS}) == 48, "a snippet is listed twice"
    earlier = {row["text"] for row in ACLED_ROWS + ACLED_2_ROWS + ACLED_3_ROWS + ACLED_4_ROWS
               + ACLED_5_ROWS + ACLED_6_ROWS + ACLED_7_ROWS + ACLED_8_ROWS}
    assert not {row["text"] for row in ACLED_9_ROWS} & earlier


def test_the_eighth_plover_set_is_coded_right_as_a_whole(coder):
    tally = plover_2_tally(coder, PLOVER_8_ROWS)
    assert all(tally[name] >= floor for name, floor in PLOVER_8_FLOORS.items()), tally
    assert tally["extra"] <= PLOVER_8_EXTRA_CEILING, tally


def test_the_ninth_acled_set_is_coded_right_as_a_whole(coder):
    missed = acled_misses(coder, ACLED_9_ROWS)
    assert len(ACLED_9_ROWS) - len(missed) >= ACLED_9_FLOOR, missed


def test_the_ninth_plover_set_holds_every_type_in_news_proportions():
    counts = {name: sum(r["type"] == name for r in PLOVER_9_ROWS) for name in TYPES | {"NONE"}}
    assert len(PLOVER_9_ROWS) == 61 and counts["NONE"] == 6, counts
    assert all(counts[name] >= 1 for name in TYPES), counts
    assert counts["ASSAULT"] == max(counts.values()), counts
    assert len({r["text"] for r in PLOVER_9_ROWS}) == 61, "a sentence is listed twice"
    earlier = {r["text"] for r in PLOVER_2_ROWS + PLOVER_3_ROWS + PLOVER_4_ROWS + PLOVER_5_ROWS
               + PLOVER_6_ROWS + PLOVER_7_ROWS + PLOVER_8_ROWS}
    assert not {r["text"] for r in PLOVER_9_ROWS} & earlier
    assert all(codes(r["also"]) <= TYPES for r in PLOVER_9_ROWS)


def test_the_tenth_acled_set_has_eight_snippets_of_each_type():
    counts = Counter(row["acled"] for row in ACLED_10_ROWS)
    assert len(counts) == 6 and set(counts.values()) == {8}, counts
    assert len({row["text"] for row in ACLED_10_ROWS}) == 48, "a snippet is listed twice"
    earlier = {row["text"] for row in ACLED_ROWS + ACLED_2_ROWS + ACLED_3_ROWS + ACLED_4_ROWS
               + ACLED_5_ROWS + ACLED_6_ROWS + ACLED_7_ROWS + ACLED_8_ROWS + ACLED_9_ROWS}
    assert not {row["text"] for row in ACLED_10_ROWS} & earlier


def test_the_ninth_plover_set_is_coded_right_as_a_whole(coder):
    tally = plover_2_tally(coder, PLOVER_9_ROWS)
    assert all(tally[name] >= floor for name, floor in PLOVER_9_FLOORS.items()), tally
    assert tally["extra"] <= PLOVER_9_EXTRA_CEILING, tally


def test_the_tenth_acled_set_is_coded_right_as_a_whole(coder):
    missed = acled_misses(coder, ACLED_10_ROWS)
    assert len(ACLED_10_ROWS) - len(missed) >= ACLED_10_FLOOR, missed


def test_the_tenth_plover_set_holds_every_type_in_news_proportions():
    counts = {name: sum(r["type"] == name for r in PLOVER_10_ROWS) for name in TYPES | {"NONE"}}
    assert len(PLOVER_10_ROWS) == 60 and counts["NONE"] == 6, counts
    assert all(counts[name] >= 1 for name in TYPES), counts
    assert counts["ASSAULT"] == max(counts.values()), counts
    assert len({r["text"] for r in PLOVER_10_ROWS}) == 60, "a sentence is listed twice"
    earlier = {r["text"] for r in PLOVER_2_ROWS + PLOVER_3_ROWS + PLOVER_4_ROWS + PLOVER_5_ROWS
               + PLOVER_6_ROWS + PLOVER_7_ROWS + PLOVER_8_ROWS + PLOVER_9_ROWS}
    assert not {r["text"] for r in PLOVER_10_ROWS} & earlier
    assert all(codes(r["also"]) <= TYPES for r in PLOVER_10_ROWS)


def test_the_tenth_plover_set_is_coded_right_as_a_whole(coder):
    tally = plover_2_tally(coder, PLOVER_10_ROWS)
    assert all(tally[name] >= floor for name, floor in PLOVER_10_FLOORS.items()), tally
    assert tally["extra"] <= PLOVER_10_EXTRA_CEILING, tally


def test_the_eleventh_acled_set_has_eight_snippets_of_each_type():
    counts = Counter(row["acled"] for row in ACLED_11_ROWS)
    assert len(counts) == 6 and set(counts.values()) == {8}, counts
    assert len({row["text"] for row in ACLED_11_ROWS}) == 48, "a snippet is listed twice"
    earlier = {row["text"] for row in ACLED_ROWS + ACLED_2_ROWS + ACLED_3_ROWS + ACLED_4_ROWS
               + ACLED_5_ROWS + ACLED_6_ROWS + ACLED_7_ROWS + ACLED_8_ROWS + ACLED_9_ROWS
               + ACLED_10_ROWS}
    assert not {row["text"] for row in ACLED_11_ROWS} & earlier


def test_the_eleventh_acled_set_is_coded_right_as_a_whole(coder):
    missed = acled_misses(coder, ACLED_11_ROWS)
    assert len(ACLED_11_ROWS) - len(missed) >= ACLED_11_FLOOR, missed
