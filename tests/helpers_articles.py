"""Build small :class:`Article` objects in tests, one paragraph per sentence, without ingest."""

from __future__ import annotations

from build_dossier.model import Article, Paragraph, Sentence


def make_test_article(article_id: str, *sentences: str, dateline: str | None = None) -> Article:
    """An article whose sentences are exactly ``sentences``, each its own paragraph."""
    paragraphs, parsed, offset = [], [], 0
    for index, text in enumerate(sentences):
        paragraphs.append(Paragraph(index, offset, offset + len(text), False, text))
        parsed.append(Sentence(index, index, offset, offset + len(text), text))
        offset += len(text) + 2
    return Article(
        id=article_id,
        path=f"{article_id}.txt",
        title=sentences[0] if sentences else article_id,
        text="\n\n".join(sentences),
        paragraphs=tuple(paragraphs),
        sentences=tuple(parsed),
        dateline=dateline,
    )
