"""Ingest: structure of real wire copy, and every kind of bad input from issue 5."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_dossier.errors import ConfigError
from build_dossier.ingest import ingest_paths, make_article, split_sentences
from build_dossier.metadata import ArticleMetadata

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LIMIT = 5 * 1024 * 1024
WIRE = (
    "Gunmen storm beach hotel\n\n"
    "SOUSSE, Tunisia (Reuters) - Gunmen opened fire on a beach hotel on Friday, killing at least 27 people, "
    "the interior ministry said. Mr. Ben Salem, a guard, said he saw two men.\n\n"
    "- Panic -\n\n"
    "\"We ran. Everyone ran,\" said a tourist.\n\n"
    "Follow us on Twitter for updates\n"
)


def article_of(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def ingest(folder: Path):
    return ingest_paths([folder], max_file_bytes=LIMIT)


def test_seeds_structure() -> None:
    result = ingest(SEEDS)
    assert result.warnings == () and result.duplicates == ()
    first, relay, reuters = result.articles
    assert first.title == "Foreigners rescued as Mali hotel siege leaves seven dead"
    assert (first.dateline, first.outlet, first.published) == ("Bamako", "AFP", dt.date(2015, 8, 8))
    assert first.sentences[0].text.startswith("Five foreigners have been evacuated")
    assert [p.text for p in first.paragraphs if p.heading] == ["Confusion", "Town 'in lockdown'"]
    assert first.stripped[0].startswith("Our goal is to create a safe and engaging place")
    assert (relay.outlet, relay.relayed_from) == ("Arutz Sheva (Israel National News)", "AFP")
    assert relay.stripped[0].startswith("(Arutz Sheva’s North American desk")
    assert [p.text for p in reuters.paragraphs if p.heading] == ["ISLAMISTS ACTIVE IN MALI"]
    for article in result.articles:
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text


def test_wire_structure(tmp_path: Path) -> None:
    article_of(tmp_path, "sousse.txt", WIRE)
    (article,) = ingest(tmp_path).articles
    assert article.title == "Gunmen storm beach hotel"
    assert (article.dateline, article.outlet) == ("Sousse", "Reuters")
    assert [s.text for s in article.sentences] == [
        "Gunmen opened fire on a beach hotel on Friday, killing at least 27 people, the interior ministry said.",
        "Mr. Ben Salem, a guard, said he saw two men.",
        "\"We ran. Everyone ran,\" said a tourist.",
    ]
    assert article.stripped == ("Follow us on Twitter for updates",)
    assert [p.text for p in article.paragraphs if p.heading] == ["Panic"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t \r\n", "empty file"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
        ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
        ("nul.txt", b"text\x00\x01\x02binary\x00\xff", "binary"),
        ("notes.md", b"An article in Markdown.", "not a .txt file"),
        (".#draft.txt", b"Lock file of an editor.", "hidden or editor backup"),
        ("draft.txt~", b"Backup of an editor.", "hidden or editor backup"),
        (".hidden.txt", b"Hidden.", "hidden or editor backup"),
    ],
)
def test_bad_files_are_skipped_with_one_line(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    article_of(tmp_path, "good.txt", WIRE)
    article_of(tmp_path, name, content)
    result = ingest(tmp_path)
    assert [a.id for a in result.articles] == ["good"]
    (warning,) = result.warnings
    assert name in warning and reason in warning and "\n" not in warning


def test_file_over_the_size_limit_is_skipped(tmp_path: Path) -> None:
    article_of(tmp_path, "huge.txt", "Word. " * 200)
    result = ingest_paths([tmp_path], max_file_bytes=100)
    assert result.articles == ()
    assert "huge.txt" in result.warnings[0] and "larger than 100 bytes" in result.warnings[0]


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ("Sévaré attack: “five dead” in Côte d’Ivoire.".encode("cp1252"), "cp1252"),
        ("\ufeffSévaré attack: five dead in Côte d’Ivoire.".encode(), "utf-8-sig"),
        ("Sévaré attack: five dead in Côte d’Ivoire.".encode("utf-16"), "utf-16"),
        ("Sévaré attack: five dead in Côte d’Ivoire.".encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_encodings_are_decoded_with_accents(tmp_path: Path, content: bytes, encoding: str) -> None:
    article_of(tmp_path, "a.txt", content)
    (article,) = ingest(tmp_path).articles
    assert "Sévaré" in article.text and "Côte d’Ivoire" in article.text
    # Short Latin text fits several single-byte code pages; what matters is that it reads right.
    if encoding != "cp1252":
        assert article.encoding == encoding


def test_mojibake_nbsp_and_windows_line_endings_are_repaired(tmp_path: Path) -> None:
    article_of(tmp_path, "a.txt", "Gunmen attacked SÃ©varÃ©.\r\nAt\u00a0least five died.\r\n")
    (article,) = ingest(tmp_path).articles
    assert [s.text for s in article.sentences] == ["Gunmen attacked Sévaré.", "At least five died."]


def test_duplicates_are_reported_once(tmp_path: Path) -> None:
    article_of(tmp_path, "a.txt", WIRE)
    article_of(tmp_path, "b copy.txt", WIRE.replace("\n\n", "\r\n\r\n"))
    article_of(tmp_path, "c.txt", WIRE.replace("Gunmen storm beach hotel\n\n", "") + "\nMore text follows here.\n")
    result = ingest(tmp_path)
    assert [a.id for a in result.articles] == ["c"]
    assert result.duplicates == (("a", "c"), ("b-copy", "a"))
    assert len(result.warnings) == 2 and all("duplicate of" in w for w in result.warnings)


@pytest.mark.parametrize(
    "text",
    ["no headline no dateline no full stop", "One paragraph. " * 3000, "(only a note in parentheses)"],
)
def test_odd_articles_still_become_articles_or_clean_skips(tmp_path: Path, text: str) -> None:
    article_of(tmp_path, "odd.txt", text)
    result = ingest(tmp_path)
    assert len(result.articles) + len(result.warnings) >= 1
    for article in result.articles:
        assert article.title


@pytest.mark.parametrize(
    ("name", "expected_id"),
    [("my article.txt", "my-article"), ("Ünïcodé néws.txt", "unicode-news"), ("a..b.txt", "a-b"), ("a&b;c.txt", "a-b-c")],
)
def test_file_names_give_safe_ids(tmp_path: Path, name: str, expected_id: str) -> None:
    article_of(tmp_path, name, WIRE)
    assert [a.id for a in ingest(tmp_path).articles] == [expected_id]


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        ("a.txt:\n  outlet: AFP\n bad indent: x\n", "metadata.yml:3: not valid YAML"),
        ("a.txt:\n  published: 2015-02-30\n", "metadata.yml:2: a.txt: published: '2015-02-30' is not a date"),
        ("b.txt:\n  outlet: AFP\n", "metadata.yml:1: b.txt: no such article file"),
        ("a.txt:\n  outlt: AFP\n", "metadata.yml:2: a.txt: outlt: unknown field"),
        ("a.txt:\n  url: javascript:alert(1)\n", "metadata.yml:2: a.txt: url: 'javascript:alert(1)' is not an http"),
        ("- a list\n", "metadata.yml:1: expected a mapping"),
    ],
)
def test_malformed_sidecar_names_file_line_and_field(tmp_path: Path, sidecar: str, message: str) -> None:
    article_of(tmp_path, "a.txt", WIRE)
    (tmp_path / "metadata.yml").write_text(sidecar)
    with pytest.raises(ConfigError) as raised:
        ingest(tmp_path)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_sidecar_overrides_what_the_text_says(tmp_path: Path) -> None:
    article_of(tmp_path, "a.txt", WIRE)
    (tmp_path / "metadata.yml").write_text("a.txt:\n  title: Beach attack\n  outlet: Le Monde\n  relayed_from: AFP\n")
    (article,) = ingest(tmp_path).articles
    assert (article.title, article.outlet, article.relayed_from) == ("Beach attack", "Le Monde", "AFP")


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Gen. Ali spoke. He left at 5 p.m. on Friday.", 2),
        ("The U.S. embassy shut. Staff left.", 2),
        ('"It is over. We won," he said. Then he left.', 2),
        ("Troops killed 12. Nine were wounded.", 2),
    ],
)
def test_sentence_splitter(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_gives_a_consistent_article(text: str) -> None:
    article = make_article("x", "x.txt", text, ArticleMetadata(), "utf-8")
    assert article.title
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_any_bytes_give_an_article_or_a_skip(tmp_path: Path, raw: bytes) -> None:
    folder = tmp_path / "any"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    article_of(folder, "x.txt", raw)
    result = ingest(folder)
    assert len(result.articles) + len(result.warnings) == 1
