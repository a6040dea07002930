"""Actors: codebook data, entity-ruler patterns, the title trimmer and the resolver."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from sitrep.ingest.text import parse_text
from sitrep.model import Article
from sitrep.resolve.actors import ActorResolver, actor_patterns, load_codebook
from sitrep.resolve.actors.trim import TitleTrimmer


def test_codebook_files_load_with_known_codes():
    book = load_codebook().actors
    assert {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CVL",
            "REL", "LEG", "HLH"} <= set(book.sectors)
    assert {"IGO", "NGO", "IMG", "MNC", "UNO"} <= set(book.non_state)
    assert book.titles["General"] == "MIL"
    assert book.titles["Deputy Press Secretary"] == "GOV"
    assert book.bodies["Pentagon"].country == "USA"
    assert book.words["junta"].sector == "MIL" and book.words["junta"].local


def test_patterns_make_institutions_org_and_titled_names_person():
    patterns = actor_patterns()
    assert {"label": "ORG", "pattern": "Pentagon", "id": "body"} in patterns
    assert {"label": "ORG", "pattern": "Russian Defense Ministry", "id": "body"} in patterns
    titled = [p for p in patterns if p["label"] == "PERSON"]
    assert len(titled) == 1, "titled names are one pattern, however many titles there are"
    assert {"General", "Secretary"} <= set(titled[0]["pattern"][0]["ORTH"]["IN"])


def test_title_trimmer_keeps_the_name_alone():
    nlp = spacy.blank("en")
    doc = nlp("They met General Michael Langley and Deputy Press Secretary Sabrina Singh.")
    doc.ents = [Span(doc, 2, 5, label="PERSON"), Span(doc, 6, 11, label="PERSON")]
    trimmer = TitleTrimmer(nlp, "trim", titles=["General", "Deputy Press Secretary"])
    assert [e.text for e in trimmer(doc).ents] == ["Michael Langley", "Sabrina Singh"]


def test_title_trimmer_never_empties_a_span():
    nlp = spacy.blank("en")
    doc = nlp("General spoke.")
    doc.ents = [Span(doc, 0, 1, label="PERSON")]
    assert [e.text for e in TitleTrimmer(nlp, "trim", titles=["General"])(doc).ents] == [
        "General"]


def test_a_name_cut_inside_a_hyphenated_word_is_mended():
    nlp = spacy.blank("en")
    words = ["President", "Lee", "Jae", "-", "myung", "met", "Kim", "."]
    spaces = [True, True, False, False, True, True, False, False]
    for cut in (4, 3):  # "Lee Jae-", "Lee Jae"
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        doc.ents = [Span(doc, 1, cut, label="PERSON"), Span(doc, 6, 7, label="PERSON")]
        trimmer = TitleTrimmer(nlp, "trim", titles=["President"])
        assert [e.text for e in trimmer(doc).ents] == ["Lee Jae-myung", "Kim"]
    spaced = Doc(nlp.vocab, words=["Ali", "-", "the", "envoy"], spaces=[True, True, True, False])
    spaced.ents = [Span(spaced, 0, 1, label="PERSON")]
    assert [e.text for e in TitleTrimmer(nlp, "trim", titles=[])(spaced).ents] == ["Ali"]


# -- with the real pipeline ------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(coder, seed_article):
    article = parse_text(seed_article.read_text(encoding="utf-8"), str(seed_article))
    doc = coder.nlp(article.text)
    places = coder.geocoder.resolve(doc, article)
    ctx = coder.actors.context(doc, article, places)
    return article, doc, places, ctx


def phrase(doc, text: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    span = doc.char_span(start, start + len(text))
    assert span is not None, text
    return span


def coded(coder, text: str):
    article = Article(id="t", text=text)
    doc = coder.nlp(text)
    places = coder.geocoder.resolve(doc, article)
    return doc, coder.actors.context(doc, article, places)


@pytest.mark.slow
def test_seed_general_michael_langley_is_a_person_not_a_place(coder, seed):
    article, doc, places, ctx = seed
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents["Michael Langley"] == "PERSON"
    assert not any(p.text.endswith("Langley") for p in places)
    mentions = coder.actors.entities(doc, article, places, ctx)
    langley = next(m for m in mentions if m.text == "Michael Langley")
    assert (langley.actor.country, langley.actor.sector) == ("USA", "MIL")


@pytest.mark.slow
@pytest.mark.parametrize(("text", "country", "sector"), [
    ("the Pentagon", "USA", "MIL"),
    ("The Russian Defense Ministry", "RUS", "MIL"),
    ("Nigerien authorities", "NER", "GOV"),
    ("Pentagon Deputy Press Secretary Sabrina Singh", "USA", "GOV"),
    ("the US military", "USA", "MIL"),
    ("a US defense official", "USA", "MIL"),
    ("Russian media", "RUS", "MED"),
    ("the Nigerien junta", "NER", "MIL"),
    ("Niger’s military junta", "NER", "MIL"),
    ("US diplomatic and military representatives", "USA", "MIL"),
    ("the Nigerien government", "NER", "GOV"),
])
def test_seed_phrases_resolve_from_their_own_words(coder, seed, text, country, sector):
    _, doc, _, ctx = seed
    actor = coder.actors.resolve_span(phrase(doc, text), ctx)
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.slow
def test_seed_context_gives_the_government_of_chad_and_the_country_niger(coder, seed):
    _, doc, _, ctx = seed
    assert ctx.focus == "NER"
    government = coder.actors.resolve_span(phrase(doc, "the government demanded")[:2], ctx)
    assert (government.country, government.sector) == ("TCD", "GOV")
    country = coder.actors.resolve_span(phrase(doc, "the country", 2), ctx)
    assert country.country == "NER"


@pytest.mark.slow
def test_seed_the_russians_are_russia_without_a_sector(coder, seed):
    _, doc, _, ctx = seed
    actor = coder.actors.resolve_span(phrase(doc, "The Russians"), ctx)
    assert (actor.country, actor.sector, actor.name) == ("RUS", None, "Russia")


@pytest.mark.slow
def test_claimant_from_a_sourcing_phrase(coder, seed):
    _, doc, _, ctx = seed
    claimant = coder.actors.resolve_claimant(phrase(doc, "a US defense official"), ctx)
    assert (claimant.text, claimant.country, claimant.sector) == (
        "a US defense official", "USA", "MIL")


@pytest.mark.slow
def test_phrases_that_are_no_actor_resolve_to_none(coder, seed):
    _, doc, _, ctx = seed
    assert coder.actors.resolve_span(phrase(doc, "the withdrawal process"), ctx) is None
    assert coder.actors.resolve_span(phrase(doc, "equipment"), ctx) is None


@pytest.mark.slow
def test_the_junta_in_a_story_about_niger_is_niger(coder):
    doc, ctx = coded(coder, "Soldiers seized power in Niger in July. The junta later expelled "
                            "French troops.")
    actor = coder.actors.resolve_span(phrase(doc, "The junta"), ctx)
    assert (actor.country, actor.sector) == ("NER", "MIL")


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "country", "sector"), [
    ("The UN condemned the attack.", "The UN", "IGO", None),
    ("NATO said it would send ships.", "NATO", "IGO", "MIL"),
    ("The African Union suspended Niger.", "The African Union", "IGO", None),
    ("ECOWAS imposed sanctions on Niger.", "ECOWAS", "IGO", None),
    ("The Red Cross delivered aid to Gaza.", "The Red Cross", "NGO", "HLH"),
    ("The IMF approved a loan for Egypt.", "The IMF", "IGO", "BUS"),
    ("Islamic State fighters attacked a village.", "Islamic State fighters", "IMG", "REB"),
    ("Boko Haram kidnapped schoolgirls.", "Boko Haram", "NGA", "REB"),
    ("Washington imposed sanctions on Moscow.", "Washington", "USA", "GOV"),
    ("Israeli police arrested two men.", "Israeli police", "ISR", "COP"),
    ("Rebels in Chad attacked an army post.", "Rebels", "TCD", "REB"),
])
def test_non_state_and_named_actors(coder, text, mention, country, sector):
    doc, ctx = coded(coder, text)
    actor = coder.actors.resolve_span(phrase(doc, mention), ctx)
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.slow
def test_entities_fill_actors_only_where_an_entity_stands_for_one(coder):
    text = "Niger announced on Monday that US troops would leave bases in Niger."
    article = Article(id="e", text=text)
    mentions = coder.code_article(article).entities
    by_start = {(m.text, m.start): m for m in mentions}
    acting = by_start[("Niger", 0)]
    located = by_start[("Niger", text.rindex("Niger"))]
    assert (acting.actor.country, acting.actor.sector) == ("NER", "GOV")
    assert located.actor is None
    us = by_start[("US", text.index("US"))]
    assert (us.actor.country, us.actor.sector) == ("USA", "MIL")


def test_resolver_is_built_from_the_codebook_alone():
    resolver = ActorResolver()
    assert ("Pentagon",) in resolver.bodies
    assert resolver.capitals["Niamey"] == "NER"


# -- leaders, country names, misspellings ---------------------------------------------------


def test_leaders_file_loads_with_iso_codes_and_known_sectors():
    from sitrep.resolve.actors.leaders import leader_table

    table = leader_table()
    assert len(table.full) > 300
    assert {leader.country for leader in table.full.values()} >= {"USA", "RUS", "CHN", "UGA"}
    assert all(len(leader.country) == 3 and leader.country.isupper()
               for leader in table.full.values())
    assert all(leader.sector in load_codebook().actors.sectors for leader in table.full.values())


def test_a_short_form_two_countries_share_names_nobody():
    from sitrep.resolve.actors.leaders import Leader, build_table

    rows = [(Leader("Kim Dae-jung", "KOR", "GOV", "president"), ["Kim"]),
            (Leader("Kim Jong Un", "PRK", "GOV", "leader"), ["Kim"]),
            (Leader("Recep Tayyip Erdogan", "TUR", "GOV", "president"), ["Erdogan"])]
    table = build_table(rows)
    assert ("kim",) not in table.short
    assert table.short[("erdogan",)].country == "TUR"
    assert table.full[("kim", "jong", "un")].country == "PRK"


def test_names_fold_accents_and_edit_distance_allows_one_slip():
    from sitrep.resolve.actors.leaders import name_fold, within_one

    assert name_fold("Erdoğan") == "erdogan"
    assert name_fold("F.W.") == "fw"
    assert within_one("laurent gbago", "laurent gbagbo")
    assert not within_one("gambia", "zambian")


def test_country_names_file_loads_with_iso_codes():
    from sitrep.resolve.actors.resolver import _actor_country_names

    names = _actor_country_names()
    assert names[("PRC",)] == "CHN"
    assert names[("Democratic", "People", "'s", "Republic", "of", "Korea")] == "PRK"
    assert all(len(code) == 3 and code.isupper() for code in names.values())


def test_misspelt_country_names_need_the_same_first_letter_and_six_letters():
    from sitrep.resolve.actors.resolver import _misspelt_country

    assert _misspelt_country("Ethopia") == "ETH"
    assert _misspelt_country("Quatar") == "QAT"
    assert _misspelt_country("Ghani") is None  # too short to be sure
    assert _misspelt_country("Olivia") is None  # not "Bolivia": first letters differ


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "country", "sector"), [
    ("President Yoweri Museveni threatened to ban opposition candidates.",
     "President Yoweri Museveni", "UGA", "GOV"),
    ("President Bush threatened further action.", "President Bush", "USA", "GOV"),
    ("Erdogan said the talks would go on.", "Erdogan", "TUR", "GOV"),
    ("Former prime minister Andreas Papandreou demanded elections.",
     "Former prime minister Andreas Papandreou", "GRC", "GOV"),
    ("President Francois Mitterand welcomed the visitors.", "President Francois Mitterand",
     "FRA", "GOV"),
    ("The PRC demanded that the US cancel the sale.", "The PRC", "CHN", "GOV"),
    ("The Democratic People's Republic of Korea rejected the demand.",
     "The Democratic People's Republic of Korea", "PRK", "GOV"),
    ("Ethopia agreed to reopen its borders.", "Ethopia", "ETH", "GOV"),
    ("Savimbi refused to lay down arms.", "Savimbi", "AGO", "REB"),
])
def test_leaders_and_country_names_give_the_country(coder, text, mention, country, sector):
    doc, ctx = coded(coder, text)
    actor = coder.actors.resolve_span(phrase(doc, mention), ctx)
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.slow
def test_a_short_form_inside_another_name_is_not_the_leader(coder):
    doc, ctx = coded(coder, "Sadiq Khan said the city would help.")
    actor = coder.actors.resolve_span(phrase(doc, "Sadiq Khan"), ctx)
    assert actor is None or actor.country is None


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "country", "sector"), [
    ("Up to 100 ethnic Albanians demonstrated in Serbia.", "Up to 100 ethnic Albanians",
     "SRB", None),
    ("A newspaper in Beirut has violated the ban.", "A newspaper", "LBN", "MED"),
    ("Students in Jakarta demonstrated against the price rises.", "Students", "IDN", "EDU"),
    ("The UNITA militarist wing refused to let the planes land.", "The UNITA militarist wing",
     "AGO", "REB"),
])
def test_domestic_groups_take_the_country_they_are_in(coder, text, mention, country, sector):
    doc, ctx = coded(coder, text)
    actor = coder.actors.resolve_span(phrase(doc, mention), ctx)
    assert (actor.country, actor.sector) == (country, sector)


def test_domestic_group_words_are_local_and_troops_are_not():
    words = load_codebook().actors.words
    assert words["demonstrators"].local and words["students"].local
    assert not words["troops"].local


def test_phoenix_offices_are_honoured_against_the_article_date():
    from sitrep.resolve.actors.leaders import Leader, Role

    person = Leader("A B", "AFG", "OPP", "", (Role("AFG", "ELI", "1970-01-01", "1979-12-26"),
                                              Role("AFG", "GOV", "1979-12-27", "1986-11-24")))
    assert person.at("1985-06-01").sector == "GOV"
    assert person.at("1975-06-01").sector == "ELI"
    assert person.at("1990-01-01").sector == "GOV"
    assert person.at(None) is person


def test_dated_people_of_the_phoenix_table_are_known_by_full_name():
    from sitrep.resolve.actors.leaders import leader_table, name_key

    table = leader_table()
    person = table.full.get(name_key("Babrak Karmal"))
    assert person is not None and person.country == "AFG"
    assert person.at("1984-01-01").sector == "GOV"


def test_phoenix_organisations_resolve_by_their_folded_names(coder):
    doc = coder.nlp("The Abu Nidal Organization claimed the attack.")
    resolver = ActorResolver()
    actor = resolver.resolve_span(doc[1:4])
    assert actor is not None and actor.country == "IMG"


def test_phoenix_agent_nouns_give_a_weak_sector():
    words = load_codebook().actors.words
    assert words["assailant"].sector == "CRM" and not words["assailant"].strong


def test_phoenix_codes_of_people_and_religions_read_as_sectors():
    words = load_codebook().actors.words
    assert words["men"].sector == "CVL"
    assert words["imam"].sector == "REL"


def test_wordnet_kinds_of_people_give_a_weak_sector_behind_the_curated_tables():
    words = load_codebook().actors.words
    assert (words["vendor"].sector, words["vendor"].strong) == ("BUS", False)
    assert words["fisherman"].sector == "CVL"
    assert words["student"].strong, "the hand-written table wins over the broad ones"


def _people_doc(words: list[str]):
    """<number> <adjective> <people noun> (a hand-built parse)."""
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2],
               deps=["nummod", "amod", "ROOT"], pos=["NUM", "ADJ", "NOUN"])


@pytest.mark.parametrize(("words", "sector"), [
    (["six", "unarmed", "men"], "CVL"),
    (["a", "street", "vendor"], "BUS"),
    (["two", "elderly", "motorists"], "CVL"),
])
def test_plain_nouns_for_kinds_of_people_are_actors(words, sector):
    doc = _people_doc(words)
    doc[2].lemma_ = words[2].removesuffix("s")
    actor = ActorResolver().resolve_span(doc[0:3])
    assert actor is not None and (actor.country, actor.sector) == (None, sector)


def _compound_doc(words: list[str], head_pos: str = "NOUN"):
    """the <City> <noun>: the city a compound of the noun (a hand-built parse)."""
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2],
               deps=["det", "compound", "ROOT"], pos=["DET", "PROPN", head_pos])


def test_a_capital_written_into_a_things_name_names_no_country():
    resolver = ActorResolver()
    convention = _compound_doc(["the", "Vienna", "Convention"], "PROPN")
    assert resolver.resolve_span(convention[0:3]) is None
    regime = _compound_doc(["the", "Kyiv", "regime"])
    actor = resolver.resolve_span(regime[0:3])
    assert actor is not None and actor.country == "UKR"
    alone = _compound_doc(["the", "Vienna", "Convention"])
    assert resolver.resolve_span(alone[1:2]).country == "AUT"  # the city acting alone


def test_a_generic_word_far_inside_a_phrase_does_not_outrank_its_head():
    """"two sons in their home in the state" are people, not a government (a hand-built
    parse); "members of the militia" still take the militia's sector."""
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab
    sons = Doc(vocab, words=["two", "sons", "in", "the", "state"], heads=[1, 1, 1, 4, 2],
               deps=["nummod", "ROOT", "prep", "det", "pobj"],
               pos=["NUM", "NOUN", "ADP", "DET", "NOUN"], lemmas=["two", "son", "in", "the",
                                                             "state"])
    assert ActorResolver().resolve_span(sons[0:5]).sector == "CVL"
    members = Doc(vocab, words=["members", "of", "the", "militia"], heads=[0, 0, 3, 1],
                  deps=["ROOT", "prep", "det", "pobj"], pos=["NOUN", "ADP", "DET", "NOUN"],
                  lemmas=["member", "of", "the", "militia"])
    assert ActorResolver().resolve_span(members[0:4]).sector == "UAF"


def test_a_possessor_outranks_a_place_written_into_the_bodys_name():
    words = ["Beijing", "'s", "Hong", "Kong", "Affairs", "Office", "spoke"]
    heads = [5, 0, 3, 5, 5, 6, 6]
    deps = ["poss", "case", "compound", "compound", "compound", "nsubj", "ROOT"]
    pos = ["PROPN", "PART", "PROPN", "PROPN", "PROPN", "PROPN", "VERB"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    reading = ActorResolver().own_reading(doc[0:6])
    assert reading is not None and reading.country == "CHN"
    unowned = ActorResolver().own_reading(doc[2:6])
    assert unowned is not None and unowned.country != "CHN"  # no possessor: the name's place


def test_a_body_the_codebook_does_not_know_belongs_where_the_story_is():
    from sitrep.resolve.actors.resolver import ActorContext

    words = ["The", "Supreme", "Judicial", "Council", "spoke"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 3, 3, 4, 4],
              deps=["det", "compound", "compound", "nsubj", "ROOT"],
              pos=["DET", "PROPN", "PROPN", "PROPN", "VERB"],
              ents=["O", "B-ORG", "I-ORG", "I-ORG", "O"])
    actor = ActorResolver().resolve_span(doc[0:4], ActorContext(focus="BGR"))
    assert actor is not None and actor.country == "BGR"
    plain = Doc(doc.vocab, words=words, heads=[3, 3, 3, 4, 4],
                deps=["det", "compound", "compound", "nsubj", "ROOT"],
                pos=["DET", "PROPN", "PROPN", "PROPN", "VERB"])
    unnamed = ActorResolver().resolve_span(plain[0:4], ActorContext(focus="BGR"))
    assert unnamed is None or unnamed.country is None  # no name: no body of the story


def test_an_agent_phrase_of_several_words_names_a_kind_its_words_alone_do_not():
    words = ["Armed", "men", "attacked"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2],
              deps=["amod", "nsubj", "ROOT"], pos=["ADJ", "NOUN", "VERB"],
              lemmas=["armed", "man", "attack"])
    reading = ActorResolver().own_reading(doc[0:2])
    assert reading is not None and reading.sector == "UAF"  # "men" alone are civilians
    alone = ActorResolver().own_reading(doc[1:2])
    assert alone is not None and alone.sector == "CVL"


@pytest.mark.slow
def test_a_given_name_that_is_a_country_name_is_no_country(coder):
    text = "Opposition leader Chad Morrow criticised the budget in Canberra on Monday."
    article = Article(id="g", text=text)
    doc, ctx = coded(coder, text)
    places = coder.geocoder.resolve(doc, article)
    mentions = coder.actors.entities(doc, article, places, ctx)
    person = next(m for m in mentions if m.text.endswith("Morrow"))
    assert person.actor is None or person.actor.country != "TCD"


def test_a_country_a_body_urges_is_the_other_side_not_the_bodys_own(coder):
    """"The ministry urged China": China is whom it asks; the ministry is of the country
    the story is about. A country further down its act ("ordered them to leave Russia") is a
    place, and still says where the body is."""
    [request] = [e for e in coder.code_article(parse_text(
        "Floods hit Kenya on Monday. The ministry urged China to send aid.",
        "t.txt", published="2024-05-03")).events if e.event_type == "REQUEST"]
    assert [(a.text, a.country) for a in request.actors] == [("The ministry", "KEN")]
    assert [r.country for r in request.recipients] == ["CHN"]
    [summons] = coder.code_article(parse_text(
        "On Thursday the ministry summoned the ambassador and ordered three diplomats to "
        "leave Russia.", "t.txt", published="2024-05-03")).events
    assert [a.country for a in summons.actors] == ["RUS"]


def test_a_country_word_outside_any_locative_phrase_is_kept_and_the_climb_ends_at_the_root():
    """The climb from a country word towards the head stops at the sentence's root: "Danish"
    of "Danish ships", in a clause the head's own verb reports, is in no locative phrase."""
    from sitrep.resolve.actors.resolver import _drop_place_modifiers

    words = ["the", "group", "said", "Danish", "ships", "left"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 4, 5, 2],
              deps=["det", "nsubj", "ROOT", "amod", "nsubj", "ccomp"])
    found = {3: ("DNK", "Danish")}
    _drop_place_modifiers(found, doc[1])
    assert found == {3: ("DNK", "Danish")}


def test_a_place_where_an_owned_body_sits_says_nothing_of_whose_it_is():
    """"its embassy in Tehran": the pronoun owns the embassy, "in Tehran" says where it is;
    without a possessive pronoun ("police in Kabul") the place stays the body's country."""
    from sitrep.resolve.actors.resolver import _drop_places_of_owned

    vocab = spacy.blank("en").vocab
    owned = Doc(vocab, words=["its", "embassy", "in", "Tehran"], heads=[1, 1, 1, 2],
                deps=["poss", "ROOT", "prep", "pobj"], pos=["PRON", "NOUN", "ADP", "PROPN"])
    found = {3: ("IRN", "capital")}
    _drop_places_of_owned(found, owned[1])
    assert found == {}
    plain = Doc(vocab, words=["the", "police", "in", "Kabul"], heads=[1, 1, 1, 2],
                deps=["det", "ROOT", "prep", "pobj"], pos=["DET", "NOUN", "ADP", "PROPN"])
    found = {3: ("AFG", "capital")}
    _drop_places_of_owned(found, plain[1])
    assert found == {3: ("AFG", "capital")}


@pytest.mark.slow
def test_an_embassy_a_country_owns_abroad_acts_for_that_country(coder):
    [request] = [e for e in coder.code_article(parse_text(
        "Kenya said its embassy in Kampala had demanded the release of the students.",
        "t.txt", published="2024-05-03")).events if e.event_type == "REQUEST"]
    assert [a.country for a in request.actors] == ["KEN"]


@pytest.mark.slow
def test_a_country_hosting_talks_is_not_what_the_story_is_about(coder):
    from sitrep.resolve.actors.resolver import venue

    book = load_codebook()
    words = book.cue("venue_words")
    doc = coder.nlp("Chad and the rebels opened talks in the Togolese capital Lome on Monday.")
    lome = next(t for t in doc if t.text == "Lome")
    assert venue(lome, words)
    hosted = coder.nlp("The talks, hosted by Togo, were the first since January.")
    assert venue(next(t for t in hosted if t.text == "Togo"), words)
    fighting = coder.nlp("Government troops attacked rebel positions near Abeche in Chad.")
    assert not venue(next(t for t in fighting if t.text == "Chad"), words)
    text = ("Chad's government and the rebels opened peace talks in Lome on Monday. The talks, "
            "hosted by Togo, are the first since January. Togo's foreign minister said it "
            "would help. On the ground, the army shelled rebel positions near Abeche on "
            "Sunday.")
    events = coder.code_article(Article(id="v", text=text, published="2026-03-10")).events
    [shelling] = [e for e in events if e.event_type == "ASSAULT"]
    assert [a.country for a in shelling.actors] == ["TCD"]


def test_regional_branches_of_transnational_groups_are_of_the_country_they_fight_in():
    # the parent group stands for no one state (IMG); a branch named for one country's war
    # is that country's armed group
    book = load_codebook().actors
    assert book.bodies["Islamic State"].country == "IMG"
    assert book.bodies["ISWAP"].country == "NGA"
    assert book.bodies["AQAP"].country == "YEM"
    assert book.bodies["ISKP"].country == "AFG"


def test_agencies_and_militias_named_by_their_own_names_have_a_country_and_sector():
    book = load_codebook().actors
    assert (book.bodies["Department of Homeland Security"].country,
            book.bodies["Justice Department"].sector) == ("USA", "JUD")
    assert book.bodies["Europol"].country == "IGO"
    assert (book.bodies["Imbonerakure"].country, book.bodies["VDP"].sector) == ("BDI", "UAF")
    assert book.words["auxiliaries"].sector == "UAF"


def test_a_title_word_inside_a_place_name_makes_no_official(coder):
    from sitrep.model import Article as Story

    text = "Residents of Port-au-Prince beat two suspected thieves to death on Sunday."
    events = coder.code_article(Story(id="t", text=text, published="2024-05-03")).events
    doers = [a for e in events for a in e.actors]
    assert doers and all(a.sector != "GOV" for a in doers), doers
