import json

import pytest

from sitrep.errors import InputError
from sitrep.ingest.jsonl import (
    TOO_LONG,
    article_from_record,
    parse_json_object,
    parse_jsonl_lines,
    read_jsonl_records,
)
from sitrep.model import content_hash


def line(**record):
    return json.dumps(record).encode() + b"\n"


def test_records_keep_their_fields():
    record = {"id": "d1", "text": "Chad expelled the envoy.", "title": "Envoy expelled",
              "published": "2024-03-02T10:00+01:00", "url": "https://example.org/1",
              "publisher": "Example Wire", "language": "fr"}
    article = article_from_record(record, "docs.jsonl")
    assert (article.id, article.title, article.published, article.url, article.publisher,
            article.language, article.source) == (
        "d1", "Envoy expelled", "2024-03-02T10:00+01:00", "https://example.org/1",
        "Example Wire", "fr", "docs.jsonl")


def test_a_record_without_id_takes_the_content_hash():
    article = article_from_record({"text": "Mali closed its border."}, "docs.jsonl")
    assert article.id == content_hash("Mali closed its border.")


def test_undated_text_is_dated_by_its_dateline():
    text = "BAMAKO, March 4, 2024 (Example Wire) - Mali closed its border."
    article = article_from_record({"id": "x", "text": text}, "docs.jsonl")
    assert (article.published, article.dateline_place, article.publisher) == (
        "2024-03-04", "BAMAKO", "Example Wire")


def test_own_published_wins_over_dateline_and_option():
    text = "BAMAKO, March 4, 2024 (Example Wire) - Mali closed its border."
    record = {"id": "x", "text": text, "published": "2024-03-05"}
    article = article_from_record(record, "docs.jsonl", published="2020-01-01")
    assert article.published == "2024-03-05"
    assert article.dateline_place == "BAMAKO"


def test_one_bad_line_among_good_ones():
    lines = [line(id="a", text="Peru arrested a mayor."), b"\n", b"{not json\n",
             b"[1, 2]\n", line(id="b", text="   "), line(id="c", text="x", published="May 3"),
             line(id="d", title="no text"), TOO_LONG, b'{"id": "e", "text": "\xff"}\n',
             line(id="f", text="Chile recalled its ambassador.")]
    items = list(parse_jsonl_lines(lines, "docs.jsonl"))
    good = [i.id for i in items if not isinstance(i, InputError)]
    bad = {i.source: i.reason for i in items if isinstance(i, InputError)}
    assert good == ["a", "f"]
    assert list(bad) == [f"docs.jsonl:{n}" for n in (3, 4, 5, 6, 7, 8, 9)]
    assert bad["docs.jsonl:3"].startswith("not valid JSON")
    assert bad["docs.jsonl:4"] == "not a JSON object but list"
    assert bad["docs.jsonl:5"] == '"text" is empty'
    assert bad["docs.jsonl:6"].startswith("bad \"published\" 'May 3'")
    assert bad["docs.jsonl:7"] == 'no "text" string'
    assert bad["docs.jsonl:8"].startswith("line too large")
    assert bad["docs.jsonl:9"].startswith("invalid UTF-8")


@pytest.mark.parametrize(("record", "reason"), [
    ({"id": ["a"], "text": "x"}, '"id" is not a string'),
    ({"id": "", "text": "x"}, '"id" is empty'),
    ({"text": 5}, '"text" is not a string'),
    ({"text": "x", "title": 3}, '"title" is not a string'),
])
def test_wrong_field_types(record, reason):
    with pytest.raises(InputError) as caught:
        article_from_record(record, "docs.jsonl", where="docs.jsonl:2")
    assert (caught.value.source, caught.value.reason) == ("docs.jsonl:2", reason)


def test_a_numeric_id_becomes_a_string():
    assert article_from_record({"id": 7, "text": "x"}, "d.jsonl").id == "7"


def test_a_stream_of_blank_lines_is_an_error():
    [error] = parse_jsonl_lines([b"\n", b"  \n"], "blank.jsonl")
    assert (error.source, error.reason) == ("blank.jsonl", "empty document: no JSON Lines records")


def test_a_single_json_object():
    article = parse_json_object('{"id": "u1", "text": "Iran seized a tanker."}', "upload")
    assert article.id == "u1"
    with pytest.raises(InputError, match="not a JSON object"):
        parse_json_object('"just a string"', "upload")


def test_read_jsonl_records_still_reads_raw_objects(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x", "events": []}\n\n{"id": "b"}\n', encoding="utf-8")
    assert [r["id"] for r in read_jsonl_records(path)] == ["a", "b"]


@pytest.mark.parametrize(("raw", "reason"), [
    (r'{"id": "s", "text": "Troops left \ud800 the base."}',
     '"text" holds a lone surrogate U+D800 at character 12: not valid Unicode'),
    (r'{"id": "n", "text": "Troops left\u0000 the base."}',
     '"text" holds a NUL character at character 11'),
    (r'{"id": "a\udfffb", "text": "Troops left."}',
     '"id" holds a lone surrogate U+DFFF at character 1: not valid Unicode'),
    (r'{"id": "t", "text": "Troops left.", "title": "T\u0000"}',
     '"title" holds a NUL character at character 1'),
    ('{"id": "p", "text": "Troops left.", "published": "0001-01-01"}',
     "bad \"published\" '0001-01-01': expected YYYY-MM-DD[THH:MM[:SS][±HH:MM]], a real date "
     "in the years 1800-2100"),
    ('{"id": "q", "text": "Troops left.", "published": "9999-12-31"}',
     "bad \"published\" '9999-12-31': expected YYYY-MM-DD[THH:MM[:SS][±HH:MM]], a real date "
     "in the years 1800-2100"),
    ('{"id": 1' + "0" * 5000 + ', "text": "x"}', "not valid JSON: "),
    ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "not valid JSON: nested too deeply"),
])
def test_escapes_and_dates_that_would_break_a_later_stage_are_refused_here(raw, reason):
    items = list(parse_jsonl_lines([raw.encode(), line(id="ok", text="Peru arrested a mayor.")],
                                   "docs.jsonl"))
    assert isinstance(items[0], InputError) and items[0].source == "docs.jsonl:1"
    assert items[0].reason.startswith(reason)
    assert items[1].id == "ok"


def test_a_record_text_over_the_character_limit_is_refused(monkeypatch):
    from sitrep.ingest import decode

    monkeypatch.setattr(decode, "MAX_CHARS", 20)
    with pytest.raises(InputError, match='too long: 21 characters, over the limit of 20'):
        article_from_record({"text": "x" * 21}, "docs.jsonl")
    assert article_from_record({"text": "x" * 20}, "docs.jsonl").text == "x" * 20
