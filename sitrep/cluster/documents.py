"""Articles grouped by the real-world event they report (document-level event coreference).

Where :func:`sitrep.cluster.events.same_event` decides whether two event records report one
event, this groups whole articles: the words they share, weighted by rarity, and above all the
names, numbers and places they share. It is what ``sitrep eval clusters`` measures on ECB+
(whose gold is one event per article), and the store does not use it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import diags
from scipy.spatial.distance import squareform
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.preprocessing import normalize
from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.errors import SetupError, SitrepError
from sitrep.model import CodedArticle

RULES_FILE = "documents.json"
_TERM = re.compile(r"[^\W\d_][\w'-]*|\d+", re.UNICODE)
_SEPARATOR = "\x1f"  # between a term's family and the term: a character no text holds


@dataclass(frozen=True, slots=True)
class DocumentRules:
    """The loaded ``documents.json``."""

    threshold: float
    weights: dict[str, float]
    entity_labels: frozenset[str]
    number_labels: frozenset[str]


@cache
def load_rules() -> DocumentRules:
    """Read the packaged rules once; a missing or malformed file is a setup error."""
    path = resources.files("sitrep.cluster").joinpath(RULES_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return DocumentRules(threshold=float(data["threshold"]),
                             weights={k: float(v) for k, v in data["weights"].items()},
                             entity_labels=frozenset(data["entity_labels"]),
                             number_labels=frozenset(data["number_labels"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise SetupError(f"sitrep.cluster/{RULES_FILE}: {error}") from error


def terms(text: str) -> list[str]:
    """Lower-cased content words and numbers: stop words and single letters carry no event."""
    words = (w.lower() for w in _TERM.findall(text))
    return [w for w in words if len(w) > 1 and w not in STOP_WORDS]


def features(coded: CodedArticle, rules: DocumentRules) -> Counter[tuple[str, str]]:
    """Counts of (family, term): words, entity words, number expressions, places, events."""
    found: Counter[tuple[str, str]] = Counter(("word", t) for t in terms(coded.article.text))
    for entity in coded.entities:
        if entity.label in rules.entity_labels:
            found.update(("entity", t) for t in terms(entity.text))
        elif entity.label in rules.number_labels:
            found[("number", entity.text.lower())] += 1
    for place in coded.places:
        if place.geonameid is not None or place.country_code:
            found[("place", str(place.geonameid or place.country_code))] += 1
    for event in coded.events:
        where = event.location.country_code if event.location else None
        found[("event", f"{event.event_type}|{where}")] += 1
    return found


def similarities(profiles: Sequence[Counter[tuple[str, str]]], rules: DocumentRules
                 ) -> np.ndarray:
    """Cosine similarity of log-TF-IDF vectors, one row and column per article.

    scikit-learn weighs the counts: ``1 + log(tf)`` times ``log(n / df)`` (without the 1 it
    adds by default, so a term every article holds weighs nothing); each family of terms
    (words, entity words, numbers, places, events) then counts ``rules.weights`` times before
    the rows are scaled to unit length.
    """
    if not profiles:
        return np.zeros((0, 0))
    vectorizer = DictVectorizer()
    counts = vectorizer.fit_transform(
        [{f"{family}{_SEPARATOR}{term}": n for (family, term), n in profile.items()}
         for profile in profiles])
    tfidf = TfidfTransformer(sublinear_tf=True, smooth_idf=False, norm=None).fit(counts)
    tfidf.idf_ = tfidf.idf_ - 1.0  # log(n / df) alone: a term of every article tells none apart
    weighted = tfidf.transform(counts)
    families = [name.split(_SEPARATOR, 1)[0] for name in vectorizer.get_feature_names_out()]
    scale = diags([rules.weights.get(family, 1.0) for family in families])
    rows = normalize(weighted @ scale)
    return np.asarray((rows @ rows.T).toarray())


def average_linkage(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Agglomerate while the best mean similarity between two groups reaches ``threshold``
    (scipy's average linkage on 1 - similarity, cut at 1 - ``threshold``).

    Mean (not single) linkage, so one shared name does not chain two stories together.
    Returns groups of row indices, each sorted, ordered by their first row.
    """
    n = len(sim)
    if n < 2:
        return [[i] for i in range(n)]
    distance = 1.0 - np.array(sim, dtype=np.float64)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(np.clip(distance, 0.0, None), checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for row, label in enumerate(labels):
        groups.setdefault(int(label), []).append(row)
    return sorted(groups.values(), key=lambda g: g[0])


def cluster_documents(coded: Sequence[CodedArticle], threshold: float | None = None,
                      rules: DocumentRules | None = None) -> list[list[str]]:
    """Groups of article ids that report the same real-world event.

    Contract: every article is in exactly one group (singletons included); groups are ordered by
    their first article in input order, ids inside a group keep input order; deterministic.
    ``threshold`` overrides the packaged one (higher: smaller, purer groups). Quadratic in the
    number of articles: block large collections (by date window or near-duplicate groups) first.
    """
    rules = rules or load_rules()
    ids = [c.article.id for c in coded]
    if len(set(ids)) != len(ids):
        raise SitrepError("cluster_documents: article ids must be unique")
    if not ids:
        return []
    sim = similarities([features(c, rules) for c in coded], rules)
    groups = average_linkage(sim, rules.threshold if threshold is None else threshold)
    return [[ids[k] for k in group] for group in groups]
