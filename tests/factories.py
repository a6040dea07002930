"""Hand-made records for tests that need no model."""

from __future__ import annotations


def make_event(doc_id: str = "doc1", event_type: str = "RETREAT", *, sentence: str | None = None,
               start: int = 0, actor_country: str = "USA", recipient_country: str | None = None,
               date: tuple[str, str] | None = ("2024-04-01", "2024-04-30"),
               location: tuple[str, str, str] | None = ("Niger", "NER", "country"),
               modality: str = "asserted", trigger: str = "withdrew"):
    """A hand-made event for store, output and API tests (no model needed)."""
    from sitrep.model import Actor, Event, EventDate, Evidence, Location

    sentence = sentence or f"The {actor_country} forces {trigger} from the country."
    trigger_at = sentence.find(trigger)
    return Event(
        doc_id=doc_id, event_type=event_type, mode=None, context=["military"], quad=2,
        actors=[Actor(text=f"the {actor_country} forces", name=actor_country,
                      country=actor_country, sector="MIL")],
        recipients=[Actor(text=recipient_country, name=recipient_country,
                          country=recipient_country, sector="GOV")] if recipient_country else [],
        location=Location(text=location[0], name=location[0], country_code=location[1],
                          precision=location[2], basis="sentence") if location else None,
        date=EventDate(text="last month", start=date[0], end=date[1], precision="month",
                       basis="relative") if date else None,
        modality=modality, claimant=None, reported_by=[], quantities=[],
        evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence),
                          trigger=trigger, trigger_start=start + trigger_at,
                          trigger_end=start + trigger_at + len(trigger)),
        confidence=0.8,
    )


def make_coded(doc_id: str, text: str, events: list, **article_fields):
    """An article and its events, as the coder would return them."""
    from sitrep.model import Article, CodedArticle

    article = Article(id=doc_id, text=text, **article_fields)
    return CodedArticle(article=article, events=events)


def surest_first(coder, text: str, doc_id: str = "s"):  # noqa: ANN001, ANN201
    """The events the coder finds in one invented story dated 2024-05-03, surest first."""
    from sitrep.model import Article

    article = Article(id=doc_id, text=text, published="2024-05-03")
    return sorted(coder.code_article(article).events, key=lambda e: -e.confidence)
