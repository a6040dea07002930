"""One "same event" test (within an article and across articles), the assembly of an
article's event mentions into events, and articles grouped by the event they report."""

from sitrep.cluster.assemble import assemble
from sitrep.cluster.documents import cluster_documents
from sitrep.cluster.events import same_event

__all__ = ["assemble", "cluster_documents", "same_event"]
