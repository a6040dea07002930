"""Reports across outlets: near-duplicate articles, same-event merging, article clustering."""

from sitrep.cluster.documents import cluster_documents
from sitrep.cluster.duplicates import article_signature, near_duplicates
from sitrep.cluster.events import EventCluster, merge_events, same_event

__all__ = ["EventCluster", "article_signature", "cluster_documents", "merge_events",
           "near_duplicates", "same_event"]
