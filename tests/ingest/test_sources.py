import io
import json
import sys
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.ingest import decode, document_paths, parse_document, read_documents
from sitrep.model import Article

TEXT = "Peru recalls envoy\n\nLIMA, April 9, 2024 (Example Wire) - Peru recalled its envoy.\n"
PAGE = ("<html><head><title>Chile protest</title></head><body><article><p>"
        + "Students marched in Santiago on Friday to protest fees. " * 4
        + "</p></article></body></html>")


def split(items):
    """Articles by source name, and errors as {source: reason}."""
    items = list(items)
    articles = [i for i in items if isinstance(i, Article)]
    errors = {e.source: e.reason for e in items if isinstance(e, InputError)}
    assert len(articles) + len(errors) == len(items)
    return articles, errors


@pytest.fixture
def mixed_folder(tmp_path):
    """Good documents and every kind of bad one, as a user's folder might hold them."""
    (tmp_path / "a_story.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b_page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c_docs.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Chad expelled the envoy."}) + "\n"
        + '{"id": "j2", "text": \n'
        + json.dumps({"id": "j3", "text": "Niger closed the border."}) + "\n",
        encoding="utf-8")
    (tmp_path / "d_binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50)
    (tmp_path / "e_empty.txt").write_bytes(b"")
    (tmp_path / "f_latin1.txt").write_bytes("Bogotá talks\n".encode("latin-1"))
    (tmp_path / "g_huge.txt").write_bytes(b"Troops moved. " * 1_500_000)  # 21 MB
    (tmp_path / "h_broken.html").write_text("<html><body><div></div>", encoding="utf-8")
    nested = tmp_path / "more" / "deeper"
    nested.mkdir(parents=True)
    (nested / "i_nested.htm").write_text(PAGE.replace("Santiago", "Valparaiso"), "utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "notes.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def test_a_folder_gives_every_good_document_and_names_every_bad_one(mixed_folder, monkeypatch):
    read: list[str] = []
    real_read_bytes = Path.read_bytes

    def recording_read_bytes(self: Path) -> bytes:
        read.append(self.name)
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", recording_read_bytes)
    articles, errors = split(read_documents([str(mixed_folder)]))

    assert [a.id for a in articles if a.id.startswith("j")] == ["j1", "j3"]
    assert [a.source.removeprefix(str(mixed_folder)) for a in articles] == [
        "/a_story.txt", "/b_page.html", "/c_docs.jsonl", "/c_docs.jsonl",
        "/more/deeper/i_nested.htm"]
    at = {name: str(mixed_folder / name) for name in (
        "c_docs.jsonl", "d_binary.txt", "e_empty.txt", "f_latin1.txt", "g_huge.txt",
        "h_broken.html")}
    assert errors[at["c_docs.jsonl"] + ":2"].startswith("not valid JSON")
    assert errors[at["d_binary.txt"]].startswith("binary content")
    assert errors[at["e_empty.txt"]] == "empty document"
    assert errors[at["f_latin1.txt"]] == "invalid UTF-8 at byte 5 (line 1, column 6)"
    assert errors[at["g_huge.txt"]].startswith("too large: 21,000,000 bytes")
    assert "no article text" in errors[at["h_broken.html"]]
    assert len(errors) == 6
    assert "g_huge.txt" not in read, "the 21 MB file must be refused from its size, unread"
    assert "a_story.txt" in read


def test_folder_listing_is_sorted_and_skips_hidden_and_unknown_files(mixed_folder):
    names = [p.relative_to(mixed_folder).as_posix() for p in document_paths(mixed_folder)]
    assert names == sorted(names)
    assert "notes.md" not in names and ".hidden.txt" not in names
    assert not any(name.startswith(".git/") for name in names)
    assert "more/deeper/i_nested.htm" in names


def test_paths_keep_their_order_and_a_missing_one_is_an_error(tmp_path):
    first, second = tmp_path / "z.txt", tmp_path / "a.txt"
    first.write_text("Zambia story\nZambia said.", encoding="utf-8")
    second.write_text("Angola story\nAngola said.", encoding="utf-8")
    items = list(read_documents([str(first), str(tmp_path / "missing.txt"), str(second)]))
    assert [getattr(i, "title", None) for i in items] == ["Zambia story", None, "Angola story"]
    assert items[1].source == str(tmp_path / "missing.txt")
    assert items[1].reason == "no such file or folder"


def test_a_folder_without_documents_is_an_error(tmp_path):
    (tmp_path / "notes.md").write_text("Not a document kind.", encoding="utf-8")
    [error] = read_documents([str(tmp_path)])
    assert error.source == str(tmp_path)
    assert error.reason.startswith("no documents")


def test_an_explicit_file_of_unknown_kind_is_sniffed(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(TEXT, encoding="utf-8")
    [article] = read_documents([str(path)])
    assert article.dateline_place == "LIMA"


def test_published_option_fills_undated_documents(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("Talks\nThe ministers met on Tuesday.", encoding="utf-8")
    [article] = read_documents([str(path)], published="2024-05-03")
    assert article.published == "2024-05-03"
    with pytest.raises(InputError, match="not a date"):
        read_documents([str(path)], published="yesterday")


def test_jsonl_line_over_the_limit_spoils_only_itself(tmp_path, monkeypatch):
    monkeypatch.setattr(decode, "MAX_BYTES", 200)
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "long", "text": "x" * 500}) + "\n"
                    + json.dumps({"id": "ok", "text": "Kenya deployed police."}) + "\n",
                    encoding="utf-8")
    articles, errors = split(read_documents([str(path)]))
    assert [a.id for a in articles] == ["ok"]
    assert errors == {f"{path}:1": "line too large: over the size limit"}


def test_utf16_jsonl_file_is_read(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_bytes(json.dumps({"id": "u", "text": "Benin signed."}).encode("utf-16"))
    [article] = read_documents([str(path)])
    assert article.text == "Benin signed."


def test_binary_jsonl_file_is_one_error(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b"\x00\x01\x02\x03\n" * 100)
    assert split(read_documents([str(path)]))[1] == {
        str(path): "binary content (NUL bytes), not a text document"}


def stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))


def test_stdin_text(monkeypatch):
    stdin(monkeypatch, TEXT.encode())
    [article] = read_documents(["-"])
    assert (article.source, article.title, article.text) == ("-", "Peru recalls envoy", TEXT)


def test_stdin_html(monkeypatch):
    stdin(monkeypatch, b"\n  " + PAGE.encode())
    [article] = read_documents(["-"])
    assert article.title == "Chile protest"
    assert article.text.startswith("Students marched in Santiago")


def test_stdin_json_lines_with_a_bad_line(monkeypatch):
    stdin(monkeypatch, b"\n" + json.dumps({"id": "s1", "text": "Cuba freed two."}).encode()
          + b"\nnot json\n" + json.dumps({"id": "s2", "text": "Laos signed."}).encode())
    articles, errors = split(read_documents(["-"]))
    assert [a.id for a in articles] == ["s1", "s2"]
    assert list(errors) == ["-:3"]


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty document"),
    (b"  \n \n", "empty document (only whitespace)"),
    (b"ab\xffcd", "invalid UTF-8 at byte 2 (line 1, column 3)"),
])
def test_stdin_bad_input(monkeypatch, data, reason):
    stdin(monkeypatch, data)
    [error] = read_documents(["-"])
    assert (error.source, error.reason) == ("-", reason)


def test_stdin_over_the_limit(monkeypatch):
    monkeypatch.setattr(decode, "MAX_BYTES", 100)
    stdin(monkeypatch, b"Headline\n" + b"word " * 50)
    [error] = read_documents(["-"])
    assert error.reason.startswith("too large")


@pytest.mark.parametrize(("kind", "data", "ids"), [
    ("txt", TEXT.encode(), None),
    ("html", PAGE, None),
    ("json", '{"id": "one", "text": "Fiji joined."}', ["one"]),
    ("jsonl", b'{"id": "a", "text": "x"}\n\n{"id": "b", "text": "y"}\n', ["a", "b"]),
])
def test_parse_document_kinds(kind, data, ids):
    articles = parse_document(data, kind=kind, source="upload")
    assert all(a.source == "upload" for a in articles)
    assert len(articles) == (len(ids) if ids else 1)
    if ids:
        assert [a.id for a in articles] == ids


def test_parse_document_dates_with_the_option():
    [article] = parse_document("Talks\nThey met.", kind="txt", source="u", published="2024-01-02")
    assert article.published == "2024-01-02"


@pytest.mark.parametrize(("data", "kind", "message"), [
    (b"\x00\x01", "txt", "u: binary content"),
    (b"", "txt", "u: empty document"),
    ("plain", "pdf", "u: unknown kind 'pdf'"),
    (b'{"id": "a", "text": "x"}\n{"id": 2}\n', "jsonl", 'u:2: no "text" string'),
    ("[1]", "json", "u: not a JSON object"),
    ("<html><body></body></html>", "html", "u: broken or empty HTML"),
])
def test_parse_document_raises_for_a_bad_document(data, kind, message):
    with pytest.raises(InputError) as caught:
        parse_document(data, kind=kind, source="u")
    assert str(caught.value).startswith(message)


def test_parse_document_size_limit(monkeypatch):
    monkeypatch.setattr(decode, "MAX_BYTES", 10)
    with pytest.raises(InputError, match="too large"):
        parse_document(b"Headline\nbody text", kind="txt", source="u")


def test_seed_article_through_read_documents(seed_article):
    [article] = read_documents([str(seed_article)])
    assert article.published == "2024-05-03T04:50+05:30"
    assert article.dateline_place == "Niamey (Niger)"
    assert article.publisher == "ANI"
    assert article.source == str(seed_article)


def test_a_file_name_that_is_not_utf8_is_named_in_valid_text(tmp_path):
    import os

    (tmp_path / os.fsdecode(b"report \xff.txt")).write_text("Troops left.", encoding="utf-8")
    (tmp_path / os.fsdecode(b"empty \xfe.txt")).write_bytes(b"")
    items = list(read_documents([str(tmp_path)]))
    sources = sorted(item.source for item in items)
    assert sources == [f"{tmp_path}/empty \\xfe.txt", f"{tmp_path}/report \\xff.txt"]
    assert all(source.encode("utf-8") for source in sources)
    assert [item.id for item in items if isinstance(item, Article)] == ["report \\xff.txt"]
def test_a_one_article_file_keeps_its_file_name_as_id(tmp_path):
    (tmp_path / "niger-talks.txt").write_text("Talks\n\nThe talks went on.\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><head><title>T</title></head><body><p>" + "The talks went on. " * 20
        + "</p></body></html>", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "j1", "text": "Some text here."})
                                         + "\n", encoding="utf-8")
    items = list(read_documents([str(tmp_path)]))
    ids = sorted(item.id for item in items if isinstance(item, Article))
    assert ids == ["j1", "niger-talks.txt", "page.html"], items
    article = next(i for i in items if isinstance(i, Article) and i.id == "niger-talks.txt")
    assert article.content_hash and article.content_hash != article.id
