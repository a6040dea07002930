"""Cluster scoring on ECB+ (``ecbplus.jsonl``): B-cubed, pairwise F1 and adjusted Rand index.

Each document carries a gold ``cluster`` (one real-world event) and a ``topic``. The data README
asks for one clustering of all documents, so sitrep clusters the whole file at once; the topic is
used only for the one-cluster-per-topic baseline printed beside sitrep's numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from math import comb
from pathlib import Path
from typing import Any, Protocol

from sitrep.cluster.documents import cluster_documents
from sitrep.errors import SitrepError
from sitrep.eval.report import Report, gold_articles, load_gold, prf
from sitrep.model import Article, CodedArticle


class ArticleCoder(Protocol):
    def code_articles(self, articles: Iterable[Article]) -> Iterable[CodedArticle]: ...


def evaluate(path: Path, coder: ArticleCoder, limit: int | None = None) -> Report:
    """Code the documents of ``path``, cluster them all at once, score against gold clusters.

    Metrics carry a prefix: ``sitrep_`` for sitrep's clustering, ``singletons_`` and ``topic_``
    for the two baselines (every document alone; one cluster per gold topic).
    """
    records = load_gold(path, limit)
    coded = list(coder.code_articles(gold_articles(records, str(path))))
    groups = cluster_documents(coded)
    label = {doc: k for k, group in enumerate(groups) for doc in group}
    gold = [str(r["cluster"]) for r in records]
    metrics: dict[str, float | int | None] = {
        "documents": len(records), "gold_clusters": len(set(gold)),
        "sitrep_clusters": len(groups),
    }
    runs: dict[str, Sequence[Hashable]] = {
        "sitrep": [label[c.article.id] for c in coded], "singletons": list(range(len(records))),
        "topic": [str(r.get("topic")) for r in records]}
    for name, predicted in runs.items():
        metrics.update({f"{name}_{k}": v for k, v in scores(predicted, gold).items()})
    return Report(name="clusters", metrics=metrics, sections={"table": _table(metrics)})


def _table(metrics: dict[str, Any]) -> str:
    """sitrep beside the baselines, one row each."""
    keys = ["bcubed_p", "bcubed_r", "bcubed_f1", "pairwise_f1", "ari"]
    lines = [f"{'':<11}" + "".join(f"{k:>12}" for k in keys)]
    for name in ("sitrep", "singletons", "topic"):
        lines.append(f"{name:<11}" + "".join(f"{metrics[f'{name}_{k}']:>12.3f}" for k in keys))
    return "\n".join(lines)


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """B-cubed precision, recall and F1: per item, the share of its predicted cluster that is in
    its gold cluster (precision) and the reverse (recall), averaged over items."""
    _check(predicted, gold)
    joint = Counter(zip(predicted, gold, strict=True))
    pred_size, gold_size = Counter(predicted), Counter(gold)
    n = len(gold)
    if not n:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    p = sum(c * c / pred_size[k] for (k, _), c in joint.items()) / n
    r = sum(c * c / gold_size[g] for (_, g), c in joint.items()) / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def pairwise(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """Precision, recall and F1 over pairs of items put in one cluster."""
    _check(predicted, gold)
    tp = sum(comb(c, 2) for c in Counter(zip(predicted, gold, strict=True)).values())
    n_pred = sum(comb(c, 2) for c in Counter(predicted).values())
    n_gold = sum(comb(c, 2) for c in Counter(gold).values())
    return prf(tp, n_pred, n_gold)


def adjusted_rand(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> float:
    """Adjusted Rand index (Hubert and Arabie): 1 for identical clusterings, about 0 for chance."""
    _check(predicted, gold)
    index = sum(comb(c, 2) for c in Counter(zip(predicted, gold, strict=True)).values())
    sum_pred = sum(comb(c, 2) for c in Counter(predicted).values())
    sum_gold = sum(comb(c, 2) for c in Counter(gold).values())
    total = comb(len(gold), 2)
    if not total:
        return 1.0
    expected = sum_pred * sum_gold / total
    maximum = (sum_pred + sum_gold) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def scores(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """All cluster measures of one labelling, flat, in the order the report prints them."""
    b3, pairs = bcubed(predicted, gold), pairwise(predicted, gold)
    return {"bcubed_p": b3["precision"], "bcubed_r": b3["recall"], "bcubed_f1": b3["f1"],
            "pairwise_f1": pairs["f1"], "ari": adjusted_rand(predicted, gold)}


def _check(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> None:
    if len(predicted) != len(gold):
        raise SitrepError(f"{len(predicted)} predicted labels for {len(gold)} gold labels")
