"""Property tests: any text or bytes in an article file give a valid article or a clean skip."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from build_dossier.errors import ConfigError
from build_dossier.ingest import ingest_paths, make_article, split_sentences
from build_dossier.model import Article

# Text that looks like wire copy as often as like noise: the structure rules get exercised.
PIECES = st.sampled_from(
    [
        "Bamako (AFP) - ",
        "PARIS, Nov 14 (Reuters) - ",
        "- Confusion -",
        "ISLAMISTS ACTIVE",
        "\n",
        "\n\n",
        "\r\n",
        " Mr. ",
        " U.S. ",
        " a.m. ",
        '"',
        "“",
        "”",
        "’",
        ". ",
        "? ",
        "(Reporting by X)",
        "Follow us",
        "SÃ©varÃ©",
        "\u00a0",
        "\u200b",
        "\ufeff",
        "\x00",
        "<script>",
        "{{ x }}",
        "...",
        "Gunmen killed 5 people.",
    ]
)
ARTICLE_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=40).map("".join)


def assert_valid(article: Article) -> None:
    assert article.title and "\n" not in article.title
    assert len(article.digest) == 64
    previous_end = 0
    for number, sentence in enumerate(article.sentences):
        assert sentence.index == number
        assert article.text[sentence.start : sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text and sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end
        paragraph = article.paragraphs[sentence.paragraph]
        assert not paragraph.heading and paragraph.start <= sentence.start and sentence.end <= paragraph.end
    for number, paragraph in enumerate(article.paragraphs):
        assert paragraph.index == number
        assert article.text[paragraph.start : paragraph.end] == paragraph.text


@settings(max_examples=300, deadline=None)
@given(ARTICLE_TEXT)
def test_any_text_gives_a_consistent_article(text: str) -> None:
    assert_valid(make_article("x", "x.txt", text))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_sentences_tile_their_paragraph(text: str) -> None:
    spans = split_sentences(text)
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(first[1] <= second[0] for first, second in zip(spans, spans[1:], strict=False))


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        ARTICLE_TEXT.map(str.encode), st.binary(max_size=400), ARTICLE_TEXT.map(lambda t: t.encode("utf-16"))
    )
)
def test_any_file_gives_an_article_or_a_one_line_skip(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "x.txt").write_bytes(raw)
        result = ingest_paths([Path(folder)], max_file_bytes=10**6)
    assert len(result.articles) + len(result.warnings) == 1
    for article in result.articles:
        assert_valid(article)
    for warning in result.warnings:
        assert "x.txt: skipped: " in warning and "\n" not in warning


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_sidecar_gives_metadata_or_a_config_error(sidecar: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "a.txt").write_text("Gunmen attacked a hotel.", encoding="utf-8")
        (Path(folder) / "metadata.yml").write_text(sidecar, encoding="utf-8", errors="surrogatepass")
        try:
            result = ingest_paths([Path(folder)], max_file_bytes=10**6)
        except ConfigError as error:
            assert "metadata.yml" in str(error) and "\n" not in str(error)
        else:
            assert len(result.articles) == 1
