"""An event's evidence sentence with its trigger and arguments marked, for people to read."""

from __future__ import annotations

from sitrep.model import Event

MARKS = {"trigger": ("[", "]"), "actor": ("{A:", "}"), "recipient": ("{R:", "}"),
         "place": ("{@", "}"), "time": ("{T:", "}")}


def evidence_spans(event: Event) -> list[tuple[int, int, str]]:
    """(start, end, role) spans inside the evidence sentence, non-overlapping, in order.

    The trigger has exact offsets; arguments are found by their text in the sentence (first
    occurrence not already marked).
    """
    sentence = event.evidence.sentence
    spans: list[tuple[int, int, str]] = []
    if event.evidence.trigger_start is not None and event.evidence.trigger_end is not None:
        spans.append((event.evidence.trigger_start - event.evidence.start,
                      event.evidence.trigger_end - event.evidence.start, "trigger"))
    wanted = [(a.text, "actor") for a in event.actors]
    wanted += [(r.text, "recipient") for r in event.recipients]
    if event.location:
        wanted.append((event.location.text, "place"))
    if event.date and event.date.text:
        wanted.append((event.date.text, "time"))
    for text, role in wanted:
        start = _free_find(sentence, text, spans)
        if start is not None:
            spans.append((start, start + len(text), role))
    return sorted(spans)


def _free_find(sentence: str, text: str, taken: list[tuple[int, int, str]]) -> int | None:
    if not text:
        return None
    start = sentence.find(text)
    while start != -1:
        end = start + len(text)
        if all(end <= s or start >= e for s, e, _ in taken):
            return start
        start = sentence.find(text, start + 1)
    return None


def marked_sentence(event: Event) -> str:
    """The sentence with ``[trigger]``, ``{A:actor}``, ``{R:recipient}``, ``{@place}``,
    ``{T:time}`` marks."""
    sentence = event.evidence.sentence
    out, cursor = [], 0
    for start, end, role in evidence_spans(event):
        opening, closing = MARKS[role]
        out += [sentence[cursor:start], opening, sentence[start:end], closing]
        cursor = end
    out.append(sentence[cursor:])
    return "".join(out)
