import pytest

from sitrep.ingest.dateline import Dateline, lead_span, read_dateline


@pytest.mark.parametrize(("line", "published"), [
    ("May 03, 2024 04:50 IST", "2024-05-03T04:50+05:30"),
    ("Updated: 3 May 2024, 4:50 pm GMT", "2024-05-03T16:50+00:00"),
    ("Friday, May 3, 2024", "2024-05-03"),
    ("March 01 , 2008", "2008-03-01"),
    ("2024-05-03T04:50:00Z", "2024-05-03T04:50+00:00"),
    ("First Published : June 13, 2013 4 : 59 PM EDT", "2013-06-13T16:59-04:00"),
    ("June 13, 2013 11:05 PDT", "2013-06-13T11:05-07:00"),
    ("12 January 2024 08:00 (EAT)", "2024-01-12T08:00+03:00"),
])
def test_stamp_lines_give_the_publication_time(line, published):
    assert read_dateline(f"A headline\n\n{line}\n\nThe story.").published == published


def test_seed_style_stamp_and_lead_together():
    text = ("Ministers meet in Lagos\n\nJune 04, 2024 09:15 WAT\n\n"
            "Lagos (Nigeria), June 4 (Example Wire): Nigeria hosted talks on Tuesday.")
    dateline = read_dateline(text)
    assert dateline == Dateline(place="Lagos (Nigeria)", start=text.index("Lagos (Nigeria)"),
                                end=text.index("Lagos (Nigeria)") + 15,
                                publisher="Example Wire", published="2024-06-04T09:15+01:00")
    assert text[dateline.start:dateline.end] == "Lagos (Nigeria)"


@pytest.mark.parametrize(("lead", "place", "publisher"), [
    ("WASHINGTON (Reuters) - The United States said", "WASHINGTON", "Reuters"),
    ("LONDON, March 3 (AP) — Britain said", "LONDON", "AP"),
    ("KYIV, Ukraine (Example Wire) — Ukraine said", "KYIV, Ukraine", "Example Wire"),
    ("NAIROBI — Kenya said", "NAIROBI", None),
    ("ODESA, Ukraine — Ukraine said", "ODESA, Ukraine", None),
    ("BEIJING, Tuesday, May 7 (Example Wire) -- China said", "BEIJING", "Example Wire"),
    ("Rio de Janeiro, Brazil, June 2, 2023 (Example Wire) - Brazil said",
     "Rio de Janeiro, Brazil", "Example Wire"),
    ("CLANDESTINE, 8 JAN 90 (RADIO VENCEREMOS)-- [TEXT] A war bulletin", "CLANDESTINE",
     "RADIO VENCEREMOS"),
    ("SAN SALVADOR, NO DATE (DOMESTIC SERVICE) -- [SPEECH]", "SAN SALVADOR", "DOMESTIC SERVICE"),
])
def test_lead_forms_give_place_and_agency(lead, place, publisher):
    dateline = read_dateline(f"Headline\n{lead}")
    assert (dateline.place, dateline.publisher) == (place, publisher)
    assert f"Headline\n{lead}"[dateline.start:dateline.end] == place


@pytest.mark.parametrize(("lead", "published"), [
    ("SAN SALVADOR, 3 JAN 90 -- [REPORT] The army said", "1990-01-03"),
    ("PERTH (AUSTRALIA), JUNE 11 89 (AFP) -- [TEXT] Security", "1989-06-11"),
    ("PARIS, 3 May 2024 (Example Wire) - France said", "2024-05-03"),
    ("LONDON, March 3, 2024 (AP) — Britain said", "2024-03-03"),
])
def test_a_lead_with_a_year_dates_the_document(lead, published):
    assert read_dateline(lead).published == published


def test_a_lead_without_year_takes_it_from_the_reference():
    lead = "Niamey (Niger), May 3 (Example Wire): Troops left."
    assert read_dateline(lead).published is None
    assert read_dateline(lead, "2024-05-06").published == "2024-05-03"
    assert read_dateline("ACCRA, Dec 30 (AP) - x", "2024-01-02").published == "2023-12-30"


def test_a_stamp_wins_over_the_lead_date():
    text = "May 02, 2024 23:10 GMT\nLONDON, May 3 (AP) — Britain said"
    assert read_dateline(text, "2024-06-01").published == "2024-05-02T23:10+00:00"


def test_a_date_line_below_the_lead_is_not_the_publication_date():
    text = "SAN SALVADOR, 28 DEC 89 (LA PRENSA) -- The priest said\n23 DECEMBER 1989\nMore."
    assert read_dateline(text).published == "1989-12-28"


@pytest.mark.parametrize("text", [
    "NOTE: this story was corrected.",
    "Germany: police arrest three.",
    "In March, US diplomats visited Niger.",
    "T - Mobile adds a phone",
    "BREAKING NEWS - Three dead in a blast",
    "Jordan and Britain have agreed to hold exercises, an official said.",
])
def test_ordinary_openings_are_not_datelines(text):
    assert read_dateline(text) == Dateline()


def test_seed_article_dateline(seed_article):
    text = seed_article.read_text(encoding="utf-8")
    dateline = read_dateline(text)
    assert dateline.place == "Niamey (Niger)"
    assert text[dateline.start:dateline.end] == "Niamey (Niger)"
    assert dateline.publisher == "ANI"
    assert dateline.published == "2024-05-03T04:50+05:30"


@pytest.mark.slow
def test_muc_datelines_match_their_gold(data_dir):
    import json

    records = [json.loads(line) for line in (data_dir / "muc_dev.jsonl").open(encoding="utf-8")]
    with_place = [r for r in records if r.get("dateline_place")]
    right = sum(read_dateline(r["text"]).place == r["dateline_place"] for r in with_place)
    dated = [r for r in records if r.get("published")]
    right_day = sum(read_dateline(r["text"]).published == r["published"] for r in dated)
    assert right / len(with_place) >= 0.99
    assert right_day / len(dated) >= 0.99


@pytest.mark.parametrize("text", [
    "0001-01-01\nBAMAKO (Example Wire) - Mali closed its border.",
    "BAMAKO, March 4, 9999 (Example Wire) - Mali closed its border.",
])
def test_a_dateline_date_outside_the_accepted_years_is_not_the_publication_date(text):
    dateline = read_dateline(text)
    assert dateline.published is None and dateline.place == "BAMAKO"
def test_lead_span_runs_from_the_place_to_the_separator():
    text = "Niamey (Niger), May 3 (ANI): Troops left the base."
    found = read_dateline(text)
    span = lead_span(text, found.start, found.end)
    assert span is not None and text[span[0]:span[1]] == "Niamey (Niger), May 3 (ANI):"


def test_lead_span_of_a_wire_dash_and_of_no_dateline():
    text = "SAN SALVADOR, 3 JAN 90 -- THE ARMY SAID"
    found = read_dateline(text)
    assert found.published == "1990-01-03"
    span = lead_span(text, found.start, found.end)
    assert span is not None and text[span[0]:span[1]] == "SAN SALVADOR, 3 JAN 90 --"
    assert lead_span("No dateline here.", None, None) is None


@pytest.mark.parametrize(("text", "place", "published"), [
    ("Police seize arms cache\n\nLudhiana, March 4\n\nThe police on Friday seized rifles.",
     "Ludhiana", "2024-03-04"),
    ("Floods cut highway\n\nKOZHIKODE\n\nHeavy rain on Sunday cut the highway.", "KOZHIKODE",
     None),
    ("Floods cut highway\n\nExample News Service\n\nHubli, June 2\n\nRain cut the road.",
     "Hubli", "2024-06-02"),
])
def test_a_lead_alone_on_its_line_is_the_dateline(text, place, published):
    dateline = read_dateline(text, "2024-03-10")
    assert (dateline.place, dateline.published) == (place, published)
    assert text[dateline.start:dateline.end] == place
    assert lead_span(text, dateline.start, dateline.end) == (dateline.start, dateline.end)


@pytest.mark.parametrize("text", [
    "KENYA VOTES\n\nKenyans voted on Tuesday.",
    "A headline\n\nWHAT HAPPENS NEXT NOW\n\nThe talks resume.",
    "A headline\n\nBy Jane Example\n\nThe talks resume.",
    "A headline\n\nExample News Service\n\nThe talks resume.",
    "A headline\n\nLIVE\n\nThe talks resume.",
])
def test_a_heading_or_byline_alone_on_its_line_is_no_dateline(text):
    assert read_dateline(text, "2024-03-10").place is None
