from sitrep.ingest.text import parse_text
from sitrep.model import content_hash

STORY = """Kenya sends police to Haiti

July 02, 2024 10:30 EAT

NAIROBI, July 2 (Example Wire) - Kenya deployed 200 police officers to Haiti on Monday.
"""


def test_title_is_the_first_non_empty_line():
    article = parse_text("\n\n  Talks in Accra  \nThe ministers met.", "a.txt")
    assert article.title == "Talks in Accra"


def test_text_is_the_whole_file_so_offsets_index_it():
    article = parse_text(STORY, "story.txt")
    assert article.text == STORY
    assert article.text[article.dateline_start:article.dateline_end] == "NAIROBI"


def test_dateline_fills_date_place_and_publisher():
    article = parse_text(STORY, "story.txt")
    assert article.published == "2024-07-02T10:30+03:00"
    assert (article.dateline_place, article.publisher) == ("NAIROBI", "Example Wire")


def test_id_is_the_content_hash_and_source_the_path():
    article = parse_text(STORY, "examples/story.txt")
    assert article.id == content_hash(STORY) == article.content_hash
    assert article.source == "examples/story.txt"


def test_published_option_fills_only_undated_texts():
    undated = parse_text("Headline\nThe army said it left.", "a.txt", published="2024-05-05")
    assert undated.published == "2024-05-05"
    assert parse_text(STORY, "b.txt", published="2020-01-01").published.startswith("2024-07-02")


def test_published_option_gives_a_short_lead_its_year():
    text = "Headline\nLOME, May 3 (Example Wire) - Togo said."
    assert parse_text(text, "a.txt", published="2024-05-05").published == "2024-05-03"


def test_seed_article(seed_article):
    article = parse_text(seed_article.read_text(encoding="utf-8"), str(seed_article))
    assert article.title.startswith("Russian and US troops are operating at the same base")
    assert article.published == "2024-05-03T04:50+05:30"
    assert article.dateline_place == "Niamey (Niger)"
    assert article.publisher == "ANI"
    assert article.reference_date.isoformat() == "2024-05-03"


def test_windows_line_ends_keep_offsets_right():
    text = STORY.replace("\n", "\r\n")
    article = parse_text(text, "crlf.txt")
    assert article.title == "Kenya sends police to Haiti"
    assert article.published == "2024-07-02T10:30+03:00"
    assert article.text[article.dateline_start:article.dateline_end] == "NAIROBI"


def test_a_text_over_the_character_limit_is_refused_with_its_length(monkeypatch):
    import pytest

    from sitrep.errors import InputError
    from sitrep.ingest import decode

    monkeypatch.setattr(decode, "MAX_CHARS", 1_000)
    with pytest.raises(InputError, match="too long: 1,001 characters, over the limit of 1,000"):
        parse_text("x" * 1_001, "long.txt")
