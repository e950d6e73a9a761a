"""Hand-made articles and mentions for the claim, event and date tests: no ingest, no extractor."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from build_dossier.model import Article, Mention, Span
from tests.helpers_articles import make_test_article


def make_article(
    *sentences: str, published: dt.date | None = None, dateline: str | None = None, article_id: str = "a"
) -> Article:
    """An article of the given sentences, one paragraph each, with a publication date."""
    return replace(make_test_article(article_id, *sentences, dateline=dateline), published=published)


def place(
    article: Article, sentence: int, surface: str, kind: str = "city", subkind: str | None = None
) -> Mention:
    """A place mention of ``surface`` where it first stands in one sentence of ``article``."""
    text = article.sentences[sentence].text
    start = text.index(surface)
    span = Span(article.id, sentence, start, start + len(surface), text)
    return Mention(surface=surface, category="place", kind=kind, span=span, subkind=subkind)
