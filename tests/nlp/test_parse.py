"""Long texts and long unbroken runs are parsed in pieces; the joined Doc is the input text."""

from __future__ import annotations

import pytest

from sitrep.extract.coreference import has_coreference
from sitrep.nlp import parse
from sitrep.nlp.parse import MAX_RUN, make_doc, parse_stream, split_text

PARAGRAPH = ("Soldiers left the northern base on Monday. The defence ministry said the "
             "withdrawal would end in June.\n\n")


def test_split_text_cuts_at_paragraph_breaks_and_keeps_every_character() -> None:
    text = PARAGRAPH * 40
    pieces = split_text(text, size=500)
    assert "".join(pieces) == text
    assert all(len(p) <= 500 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_split_text_falls_back_to_spaces_then_to_a_hard_cut() -> None:
    words = "word " * 300
    assert all(p.endswith(" ") for p in split_text(words, size=100)[:-1])
    run = "x" * 250
    assert split_text(run, size=100) == ["x" * 100, "x" * 100, "x" * 50]


def test_a_short_text_is_one_piece() -> None:
    assert split_text("One line.", size=100) == ["One line."]


def test_make_doc_reads_a_long_unbroken_run_in_bounded_pieces(coder) -> None:
    text = "Before it. " + "\U0001F600" * 1000 + "x" * 450 + " after it."
    doc = make_doc(coder.nlp, text)
    assert doc.text == text
    assert max(len(token) for token in doc) <= MAX_RUN
    assert [t.text for t in doc[:3]] == ["Before", "it", "."]
    assert [t.text for t in doc[-3:]] == ["after", "it", "."]


def test_no_tokenizer_call_sees_a_run_longer_than_max_run(coder, monkeypatch) -> None:
    seen: list[str] = []
    tokenizer = coder.nlp.tokenizer

    def recording(text: str):
        seen.append(text)
        return tokenizer(text)

    monkeypatch.setattr(coder.nlp, "tokenizer", recording)
    text = "Troops left.\n\n" + "\U0001F600" * 15_000 + "\n\nThey came back."
    doc, _ = next(parse_stream(coder.nlp, [(text, None)]))
    assert doc.text == text
    assert seen and max(len(run) for chunk in seen for run in chunk.split()) <= MAX_RUN


def test_a_text_longer_than_a_chunk_parses_to_one_doc_with_exact_offsets(
        coder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "CHUNK_CHARS", 1_000)
    text = "Niger news.\n\n" + PARAGRAPH * 30 + "Chad closed its border."
    (doc, context), (short, _) = parse_stream(coder.nlp, [(text, "long"), ("Short one.", "s")])
    assert context == "long" and short.text == "Short one."
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t)] == t.text for t in doc)
    assert all(text[e.start_char:e.end_char] == e.text for e in doc.ents)
    assert any(e.text == "Chad" for e in doc.ents)
    sentences = list(doc.sents)
    assert sentences[-1].text == "Chad closed its border."


def test_kind_nouns_of_a_long_text_are_resolved_once_over_the_joined_doc(
        coder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "CHUNK_CHARS", 1_000)
    text = "Niger's army said on Monday it had left the base.\n\n" + PARAGRAPH * 30
    ((doc, _),) = parse_stream(coder.nlp, [(text, "long")])
    assert has_coreference(doc)
    ministries = [s for s in doc.spans["references"] if "ministry" in s.text]
    assert len(ministries) == 30, "one resolution per mention, none lost at the joins"


def test_parse_stream_keeps_the_order_of_long_and_short_texts(
        coder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "CHUNK_CHARS", 300)
    texts = [PARAGRAPH * 5, "Short.", PARAGRAPH * 3, "Also short."]
    out = list(parse_stream(coder.nlp, [(t, i) for i, t in enumerate(texts)], batch_size=2))
    assert [i for _, i in out] == [0, 1, 2, 3]
    assert [d.text for d, _ in out] == texts


def test_no_model_batch_holds_much_more_than_batch_chars(coder, monkeypatch) -> None:
    """The model's memory grows with the characters of a batch, whatever the texts' lengths."""
    monkeypatch.setattr(parse, "CHUNK_CHARS", 1_000)
    monkeypatch.setattr(parse, "BATCH_CHARS", 3_000)
    batches: list[int] = []
    pipe = coder.nlp.pipe

    def recording(docs, **kwargs):
        docs = list(docs)
        size = kwargs["batch_size"]
        for start in range(0, len(docs), size):
            part = docs[start:start + size]
            batches.append(sum(len((d[0] if isinstance(d, tuple) else d).text) for d in part))
        return pipe(docs, **kwargs)

    monkeypatch.setattr(coder.nlp, "pipe", recording)
    texts = [PARAGRAPH * 30, *(["Short one."] * 50), PARAGRAPH * 6, PARAGRAPH * 3]
    out = list(parse_stream(coder.nlp, [(t, i) for i, t in enumerate(texts)], batch_size=32))
    assert [d.text for d, _ in out] == texts
    assert max(batches) <= 3_000 + 1_000
