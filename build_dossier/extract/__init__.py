"""Extract: find the facts in one article. Extractors find and never merge; ``resolve`` decides."""

from __future__ import annotations

from collections.abc import Sequence

from build_dossier.extract.claims import find_claims
from build_dossier.extract.events import find_event_cues
from build_dossier.extract.mentions import find_mentions
from build_dossier.extract.names import word_frequency
from build_dossier.lexicon import Lexicon, load_lexicon
from build_dossier.model import Article, Extraction
from build_dossier.processes import collector_paused, map_in_processes


def extract_article(article: Article, lexicon: Lexicon) -> Extraction:
    """All mentions, event cues and casualty claims of one article."""
    mentions = find_mentions(article, lexicon)
    cues, main_cue = find_event_cues(article, mentions, lexicon)
    claims = find_claims(article, mentions, cues, main_cue, lexicon)
    return Extraction(article=article, mentions=mentions, claims=claims, cues=cues, main_cue=main_cue)


def load_extractor_data() -> Lexicon:
    """Read the default lexicon and wordfreq's English table (0.4 s together on the 2-core test
    machine) in this process: worker processes forked after this share them instead of each
    reading its own."""
    word_frequency("the")
    return load_lexicon()


def _extract_with_default_lexicon(article: Article) -> Extraction:
    return extract_article(article, load_lexicon())


def extract_all(articles: Sequence[Article], lexicon: Lexicon, jobs: int = 1) -> tuple[Extraction, ...]:
    """Extract every article, in input order; ``jobs > 1`` spreads articles over processes."""
    if jobs <= 1 or len(articles) < 2:
        with collector_paused():
            return tuple(extract_article(article, lexicon) for article in articles)
    # Each worker uses the default lexicon that it inherits instead of receiving a pickled copy.
    load_extractor_data()
    return tuple(map_in_processes(_extract_with_default_lexicon, articles, jobs=jobs, chunksize=16))
