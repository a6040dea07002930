"""One "same event" test (within an article and across articles), the assembly of an
article's event mentions into events, articles grouped by the event they report, and
near-duplicate copies of one story.

Names are imported from their module on first use: the store needs ``same_event`` without the
near-duplicate machinery (datasketch, scipy), which takes a second to import.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.cluster.assemble import assemble
    from sitrep.cluster.documents import cluster_documents
    from sitrep.cluster.duplicates import article_signature, near_duplicates
    from sitrep.cluster.events import same_event

_LAZY = {"assemble": "sitrep.cluster.assemble",
         "cluster_documents": "sitrep.cluster.documents",
         "article_signature": "sitrep.cluster.duplicates",
         "near_duplicates": "sitrep.cluster.duplicates",
         "same_event": "sitrep.cluster.events"}

__all__ = ["article_signature", "assemble", "cluster_documents", "near_duplicates",
           "same_event"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'sitrep.cluster' has no attribute {name!r}")
