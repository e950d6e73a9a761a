"""Property tests over extraction: any text gives a valid extraction, never an exception."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_dossier.extract import extract_article
from build_dossier.ingest import make_article
from build_dossier.lexicon import load_lexicon
from build_dossier.metadata import ArticleMetadata
from build_dossier.model import ACTOR_KINDS, CLAIM_KINDS, PLACE_KINDS

WORDS = (
    "Gunmen killed at least two or three dozen people hostages freed wounded soldiers in Bamako the "
    'Hotel Radisson Minister said AFP Reuters Friday last March attack siege , . " ( ) - 12 1,000 '
    "Malian forces UN mission al-Qaeda Islamic State claimed responsibility"
)
WIRE_WORDS = st.sampled_from(WORDS.split(" "))
TEXTS = st.one_of(st.text(max_size=300), st.lists(WIRE_WORDS, max_size=80).map(" ".join))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))))
def test_any_text_gives_a_consistent_extraction(text: str, published: dt.date | None) -> None:
    article = make_article("x", "x.txt", text, ArticleMetadata(published=published), "utf-8")
    extraction = extract_article(article, load_lexicon())
    sentences = {s.index: s.text for s in article.sentences}
    for mention in extraction.mentions:
        assert mention.kind in (ACTOR_KINDS if mention.category == "actor" else PLACE_KINDS)
        assert sentences[mention.span.sentence] == mention.span.text
        assert 0 <= mention.span.start < mention.span.end <= len(mention.span.text)
    for claim in extraction.claims:
        assert claim.kind in CLAIM_KINDS
        assert claim.low is not None or claim.high is not None
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high
        assert sentences[claim.span.sentence] == claim.span.text
        assert claim.cue is None or 0 <= claim.cue < len(extraction.cues)
    assert extraction.main_cue is None or 0 <= extraction.main_cue < len(extraction.cues)
