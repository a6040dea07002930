"""What a ``Doc`` carries besides its words: the article it was parsed from.

The coder hands each ``Doc`` its article before the pipeline runs (with the reference day the
time tagger reads), so that the components which need what only the article knows (its id, its
dateline, its date) read it from the ``Doc`` instead of being called outside the pipeline.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.model import Article


def register_extensions() -> None:
    """``Doc._.article`` (an Article or None), once."""
    if not Doc.has_extension("article"):
        Doc.set_extension("article", default=None)


def set_article(doc: Doc, article: Article) -> Doc:
    """Give ``doc`` the article it was parsed from; call before the pipeline runs."""
    register_extensions()
    doc._.article = article
    return doc


def article_of(doc: Doc) -> Article:
    """The article ``doc`` was parsed from, or one made of its text alone (no id, no dateline,
    no date) for a ``Doc`` parsed without one."""
    register_extensions()
    found = doc._.article
    return found if isinstance(found, Article) else Article(id="", text=doc.text)
