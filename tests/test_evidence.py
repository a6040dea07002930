"""Evidence marking: what `sitrep show` prints."""

from __future__ import annotations

from factories import make_event

from sitrep.evidence import evidence_spans, marked_sentence


def test_trigger_and_arguments_are_marked_in_place() -> None:
    event = make_event(sentence="Last month the USA forces withdrew from Niger.", start=100,
                       recipient_country=None)
    event.date.text = "Last month"
    assert marked_sentence(event) == (
        "{T:Last month} {A:the USA forces} [withdrew] from {@Niger}."
    )


def test_spans_never_overlap_and_missing_words_are_skipped() -> None:
    event = make_event(sentence="The USA forces withdrew.", location=("Chad", "TCD", "country"))
    spans = evidence_spans(event)
    roles = [role for _, _, role in spans]
    assert "place" not in roles and "trigger" in roles
    for (_, end, _), (start, _, _) in zip(spans, spans[1:], strict=False):
        assert end <= start
