"""One "same event" test (within an article and across articles), the assembly of an
article's event mentions into events, articles grouped by the event they report, and
near-duplicate copies of one story."""

from sitrep.cluster.assemble import assemble
from sitrep.cluster.documents import cluster_documents
from sitrep.cluster.duplicates import article_signature, near_duplicates
from sitrep.cluster.events import same_event

__all__ = ["article_signature", "assemble", "cluster_documents", "near_duplicates",
           "same_event"]
