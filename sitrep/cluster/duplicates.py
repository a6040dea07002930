"""Near-duplicate articles: the same wire story carried by several outlets.

Word 5-shingles hashed into a 128-permutation MinHash (NOTES-dependencies: a reworded copy scores
about 0.95, an unrelated story 0), and MinHashLSH so finding the groups stays sub-quadratic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

from sitrep.errors import SitrepError
from sitrep.model import Article

SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 1  # fixed: a signature stored today must compare with one computed next year
SCHEME = "affine32"  # named for the same reason: a library default may change

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased word ``size``-grams; a text shorter than that is one shingle of all its words."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def article_signature(text: str) -> MinHash:
    """The MinHash of a text's word 5-shingles; equal texts give equal signatures in any run."""
    signature = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    for shingle in sorted(shingles(text)):
        signature.update(shingle.encode("utf-8"))
    return signature


def near_duplicates(articles: Iterable[Article], threshold: float = 0.8) -> list[list[str]]:
    """Groups of ids of articles whose texts are near copies of each other.

    Contract: two articles are linked when their estimated shingle Jaccard similarity is at least
    ``threshold``; groups are the connected components of those links, so a chain of copies is
    one group. Only groups of two or more are returned; ids inside a group keep input order and
    groups are ordered by their first member. Empty texts are never duplicates.
    """
    if not 0.0 < threshold <= 1.0:
        raise SitrepError(f"near_duplicates: threshold must be in (0, 1], got {threshold}")
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    signatures: dict[str, MinHash] = {}
    order: list[str] = []
    parent: dict[str, str] = {}
    for article in articles:
        if article.id in signatures or not shingles(article.text):
            continue
        signature = article_signature(article.text)
        for other in lsh.query(signature):
            if signature.jaccard(signatures[other]) >= threshold:
                _union(parent, article.id, other)
        lsh.insert(article.id, signature)
        signatures[article.id] = signature
        order.append(article.id)
        parent.setdefault(article.id, article.id)
    return _groups(parent, order)


def _find(parent: dict[str, str], item: str) -> str:
    while parent.setdefault(item, item) != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _union(parent: dict[str, str], a: str, b: str) -> None:
    root_a, root_b = _find(parent, a), _find(parent, b)
    if root_a != root_b:
        parent[max(root_a, root_b)] = min(root_a, root_b)


def _groups(parent: dict[str, str], order: list[str]) -> list[list[str]]:
    members: dict[str, list[str]] = {}
    for item in order:
        members.setdefault(_find(parent, item), []).append(item)
    return [group for group in members.values() if len(group) > 1]


class SyndicationIndex:
    """Articles already kept, by MinHash, so that a copy of one of them (the same wire story
    printed by another outlet) is recognised as it arrives, in this run or a later one.

    Uses the same signature and threshold rule as :func:`near_duplicates`; signatures travel
    to and from the store as bytes (:func:`signature_bytes`, :func:`signature_from_bytes`).
    """

    def __init__(self, threshold: float = 0.8) -> None:
        if not 0.0 < threshold <= 1.0:
            raise SitrepError(f"SyndicationIndex: threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self.signatures)

    def original(self, signature: MinHash) -> str | None:
        """The id of the earliest kept article this signature copies, or None."""
        matches = [other for other in self.lsh.query(signature)
                   if signature.jaccard(self.signatures[other]) >= self.threshold]
        order = {key: n for n, key in enumerate(self.signatures)}
        return min(matches, key=order.__getitem__, default=None)

    def add(self, article_id: str, signature: MinHash) -> None:
        if article_id not in self.signatures:
            self.lsh.insert(article_id, signature)
            self.signatures[article_id] = signature


def signature_bytes(signature: MinHash) -> bytes:
    """A signature as bytes for the store (its hash values, little-endian uint64)."""
    return signature.hashvalues.astype("<u8").tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    """A signature stored by :func:`signature_bytes`; compares like the one that was stored."""
    import numpy as np

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME,
                   hashvalues=np.frombuffer(data, dtype="<u8"))
