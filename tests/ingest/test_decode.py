import codecs

import pytest

from sitrep.errors import InputError
from sitrep.ingest import decode


def test_utf8_text_decodes_as_is():
    assert decode.decode_bytes("Kyiv — Київ\n".encode(), "a.txt") == "Kyiv — Київ\n"


def test_utf8_bom_is_dropped():
    assert decode.decode_bytes(codecs.BOM_UTF8 + b"Accra talks", "a.txt") == "Accra talks"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_read(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    data = bom + "Lomé, June 3 (Example Wire) - Talks.".encode(codec)
    assert decode.decode_bytes(data, "a.txt") == "Lomé, June 3 (Example Wire) - Talks."


def test_invalid_utf8_says_where():
    with pytest.raises(InputError) as caught:
        decode.decode_bytes(b"first line\nsecond \xff line\n", "bad.txt")
    assert caught.value.source == "bad.txt"
    assert caught.value.reason == "invalid UTF-8 at byte 18 (line 2, column 8)"


def test_nul_bytes_are_binary():
    with pytest.raises(InputError, match="binary content"):
        decode.decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt")


def test_control_bytes_without_nul_are_binary():
    noise = bytes(range(1, 256)) * 8
    with pytest.raises(InputError, match="binary content"):
        decode.decode_bytes(noise, "noise.gz.txt")


def test_legacy_encoded_text_is_invalid_utf8_not_binary():
    with pytest.raises(InputError, match="invalid UTF-8 at byte 0"):
        decode.decode_bytes("Москва".encode("cp1251"), "moscow.txt")


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n "])
def test_empty_and_whitespace_documents_are_refused(data):
    with pytest.raises(InputError, match="empty document"):
        decode.decode_bytes(data, "empty.txt")


def test_size_limit(monkeypatch):
    decode.check_size(decode.MAX_BYTES, "ok.txt")
    with pytest.raises(InputError, match="too large"):
        decode.check_size(decode.MAX_BYTES + 1, "big.txt")
    monkeypatch.setattr(decode, "MAX_BYTES", 10)
    with pytest.raises(InputError, match="over the limit of 10"):
        decode.check_size(11, "small-limit.txt")


def test_default_limit_is_ten_megabytes():
    assert decode.MAX_BYTES == 10 * 1024 * 1024


def test_a_json_line_with_bad_utf8_names_its_byte():
    with pytest.raises(InputError, match="invalid UTF-8 at byte 10 of the line"):
        decode.decode_line(b'{"text": "\xc3("}', "docs.jsonl:4")
    assert decode.decode_line(codecs.BOM_UTF8 + b"{}", "docs.jsonl:1", first=True) == "{}"


def test_the_character_limit_is_what_the_parser_is_built_for():
    assert decode.MAX_CHARS == 1_000_000
    decode.check_article_text("x" * decode.MAX_CHARS, "ok.txt")
    with pytest.raises(InputError, match="too long: 1,000,001 characters"):
        decode.check_article_text("x" * (decode.MAX_CHARS + 1), "big.txt")


@pytest.mark.parametrize(("text", "reason"), [
    ("ab\ud800c", "text holds a lone surrogate U+D800 at character 2: not valid Unicode"),
    ("abc\udc00", "text holds a lone surrogate U+DC00 at character 3: not valid Unicode"),
])
def test_an_uploaded_string_with_a_lone_surrogate_is_refused(text, reason):
    with pytest.raises(InputError) as caught:
        decode.check_text(text, "upload")
    assert (caught.value.source, caught.value.reason) == ("upload", reason)
