"""Ingest: structure of real and wire-style copy, and every kind of bad input from issue 5."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from build_dossier.ingest import Ingested, ingest_paths, make_article, read_article, split_sentences

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
LIMIT = 5 * 1024 * 1024
WIRE = (
    "Gunmen storm beach hotel\n\n"
    "SOUSSE, Tunisia (Reuters) - Gunmen opened fire on a beach hotel on Friday, killing at least 27 people, "
    "the interior ministry said. Mr. Ben Salem, a guard, said he saw two men.\n\n"
    "- Panic -\n\n"
    '"We ran. Everyone ran," said a tourist.\n\n'
    "Follow us on Twitter for updates\n"
)


def article_of(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def ingest(*paths: Path) -> Ingested:
    return ingest_paths(list(paths), max_file_bytes=LIMIT)


def assert_offsets(article) -> None:
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
        assert not article.paragraphs[sentence.paragraph].heading
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text


# ---------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seeds() -> Ingested:
    return ingest(SEEDS)


def test_seeds_are_read_without_warnings(seeds: Ingested) -> None:
    assert [a.id for a in seeds.articles] == [
        "000-fe18888c8ddb37dd",
        "001-bc9a96e95c9a8bcb",
        "002-a512f057f7c8f4b8",
    ]
    assert seeds.warnings == () and seeds.duplicates == ()
    for article in seeds.articles:
        assert_offsets(article)
        assert len(article.digest) == 64 and article.encoding == "utf-8"


def test_seed_000_headline_dateline_headings_and_comment_notice(seeds: Ingested) -> None:
    article = seeds.articles[0]
    assert article.path == "000_fe18888c8ddb37dd.txt"
    assert article.title == "Foreigners rescued as Mali hotel siege leaves seven dead"
    assert "Foreigners rescued" not in article.text
    assert (article.dateline, article.outlet, article.relayed_from) == ("Bamako", "AFP", None)
    assert article.published == dt.date(2015, 8, 8)
    assert article.text.startswith("Five foreigners have been evacuated")  # dateline prefix stripped
    assert article.sentences[0].text.endswith("military sources said early Saturday.")
    assert [p.text for p in article.paragraphs if p.heading] == ["Confusion", "Town 'in lockdown'"]
    (notice,) = article.stripped
    assert notice.startswith("Our goal is to create a safe and engaging place")
    assert notice.endswith("temporarily suspending article commenting")
    assert "suspending article commenting" not in article.text


def test_seed_001_relay_without_headline(seeds: Ingested) -> None:
    article = seeds.articles[1]
    assert article.title.startswith("At least 22 people are dead in Friday’s hostage taking")
    assert article.sentences[0].text.startswith("At least 22 people are dead in Friday’s")  # kept in the body
    assert (article.outlet, article.relayed_from) == ("Arutz Sheva (Israel National News)", "AFP")
    assert article.dateline is None and article.published == dt.date(2015, 11, 20)
    (note,) = article.stripped
    assert note.startswith("(Arutz Sheva’s North American desk") and note.endswith("is Israeli time.)")
    assert len(article.sentences) == 13
    quote = article.sentences[8].text
    assert (
        quote == '"The hostage-taking is over. We are in the process of securing the hotel," '
        "the source said on condition of anonymity."
    )


def test_seed_002_fact_box_heading_is_no_title(seeds: Ingested) -> None:
    article = seeds.articles[2]
    assert article.paragraphs[0].heading and article.paragraphs[0].text == "ISLAMISTS ACTIVE IN MALI"
    assert article.title.startswith("Northern Mali was occupied by Islamist fighters")
    assert (article.outlet, article.relayed_from, article.published) == (
        "Reuters",
        None,
        dt.date(2015, 11, 20),
    )
    assert article.stripped == () and article.dateline is None
    assert (
        article.sentences[0].text
        == "Northern Mali was occupied by Islamist fighters, some with links to al-Qaida, for most of 2012."
    )


def test_seed_outlets_come_from_the_text_without_the_sidecar(tmp_path: Path) -> None:
    for seed in sorted(SEEDS.glob("*.txt")):
        article_of(tmp_path, seed.name, seed.read_bytes())
    first, relay, reuters = ingest(tmp_path).articles
    assert (first.outlet, first.published) == ("AFP", None)
    assert (relay.outlet, relay.relayed_from) == ("Arutz Sheva", "AFP")  # editor's note owner; "AFP reports"
    assert reuters.outlet is None  # "told Reuters" alone names no outlet


# ---------------------------------------------------------------- wire-style fixtures


def test_reuters_style_dateline_heading_and_foot_lines() -> None:
    article = read_article(FIXTURES / "wire_dateline.txt", max_file_bytes=LIMIT)
    assert article.title == "Gunmen kill 12 at Paris concert hall"
    assert (article.dateline, article.outlet) == ("Paris", "Reuters")
    assert [s.text for s in article.sentences] == [
        "Gunmen killed 12 people at a concert hall on Friday night, police said.",
        "Mr. Jean P. Dupont, a witness, said the shooting began at 9 p.m.",
        "The U.S. State Department condemned the attack.",
        '"We hid behind the bar. Nobody moved," said one survivor, who gave her name as Claire.',
    ]
    assert [p.text for p in article.paragraphs if p.heading] == ["WHAT WE KNOW"]
    assert article.stripped == (
        "Click here to read our live coverage",
        "(Reporting by John Example; Editing by Jane Sample)",
        "Copyright 2015 Example News. All rights reserved.",
    )


def test_contributor_line_is_stripped() -> None:
    article = make_article(
        "x", "x.txt", "Gunmen stormed a hotel.\nAssociated Press writer Jane Doe in Dakar contributed."
    )
    assert article.stripped == ("Associated Press writer Jane Doe in Dakar contributed.",)
    assert_offsets(article)


def test_relay_credit_and_editors_note_name_the_outlets() -> None:
    article = read_article(FIXTURES / "relay_with_note.txt", max_file_bytes=LIMIT)
    assert (article.outlet, article.relayed_from, article.dateline) == ("The Daily Example", "AFP", None)
    assert article.stripped == (
        "(The Daily Example’s Africa desk is keeping you updated on this story.)",
        "Follow us on Twitter for breaking news",
    )
    assert "Tuesday’s" in article.text  # curly apostrophe kept as written


def test_told_reuters_alone_is_no_outlet() -> None:
    article = read_article(FIXTURES / "told_only.txt", max_file_bytes=LIMIT)
    assert (article.outlet, article.relayed_from) == (None, None)


def test_wire_article_from_text(tmp_path: Path) -> None:
    article_of(tmp_path, "sousse.txt", WIRE)
    (article,) = ingest(tmp_path).articles
    assert article.title == "Gunmen storm beach hotel"
    assert (article.dateline, article.outlet) == ("Sousse", "Reuters")
    assert [s.text for s in article.sentences] == [
        "Gunmen opened fire on a beach hotel on Friday, killing at least 27 people, "
        "the interior ministry said.",
        "Mr. Ben Salem, a guard, said he saw two men.",
        '"We ran. Everyone ran," said a tourist.',
    ]
    assert article.stripped == ("Follow us on Twitter for updates",)
    assert [p.text for p in article.paragraphs if p.heading] == ["Panic"]


@pytest.mark.parametrize(
    ("text", "dateline", "outlet", "relayed_from"),
    [
        ("NAIROBI (Reuters) - Gunmen stormed a mall.", "Nairobi", "Reuters", None),
        ("TUNIS, Tunisia (AP) — Gunmen stormed a museum.", "Tunis", "AP", None),
        ("Kabul (Pajhwok) - A bomb exploded.", "Kabul", "Pajhwok", None),
        ("NAIROBI/GARISSA, Kenya (Reuters) - Gunmen stormed a college.", "Nairobi", "Reuters", None),
        ("BAMAKO, Mali — Soldiers stormed the hotel.", "Bamako", None, None),
        (
            "Bamako - Soldiers stormed the hotel.",
            None,
            None,
            None,
        ),  # only an all-capitals place without agency
        ("Police said five died, AFP reports.", None, None, "AFP"),
    ],
)
def test_datelines_and_credits(
    text: str, dateline: str | None, outlet: str | None, relayed_from: str | None
) -> None:
    article = make_article("x", "x.txt", text)
    assert (article.dateline, article.outlet, article.relayed_from) == (dateline, outlet, relayed_from)
    assert_offsets(article)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Gen. Ali spoke. He left at 5 p.m. on Friday.", ["Gen. Ali spoke.", "He left at 5 p.m. on Friday."]),
        ("It began at 7 a.m. The police came.", ["It began at 7 a.m.", "The police came."]),
        ("The U.S. embassy shut. Staff left.", ["The U.S. embassy shut.", "Staff left."]),
        (
            "John F. Kennedy Airport shut. Flights stopped.",
            ["John F. Kennedy Airport shut.", "Flights stopped."],
        ),
        ('"It is over. We won," he said. Then he left.', ['"It is over. We won," he said.', "Then he left."]),
        ('He said: "We are leaving." Then he left.', ['He said: "We are leaving."', "Then he left."]),
        ("Troops killed 12. Nine were wounded.", ["Troops killed 12.", "Nine were wounded."]),
        (
            "Is it over? Nobody knows! Wait... Troops came.",
            ["Is it over?", "Nobody knows!", "Wait...", "Troops came."],
        ),
        (
            "It was signed on Nov. 14 in Paris. No one came.",
            ["It was signed on Nov. 14 in Paris.", "No one came."],
        ),
        ("no full stop at all", ["no full stop at all"]),
    ],
)
def test_sentence_splitter(text: str, sentences: list[str]) -> None:
    assert [text[start:end] for start, end in split_sentences(text)] == sentences


# ---------------------------------------------------------------- bad input (issue 5)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t \r\n", "empty file"),
        ("invisible.txt", "\u200b\u00a0\ufeff\n\u2028".encode(), "empty file"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
        ("picture.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary"),
        ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
        ("nul.txt", b"text\x00\x01\x02binary\x00\xff", "binary"),
        ("notes.md", b"An article in Markdown.", "not a .txt file"),
        (".#draft.txt", b"Lock file of an editor.", "hidden or editor backup"),
        ("draft.txt~", b"Backup of an editor.", "hidden or editor backup"),
        (".hidden.txt", b"Hidden.", "hidden or editor backup"),
        ("#draft.txt#", b"Autosave of an editor.", "hidden or editor backup"),
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
    article_of(tmp_path, "small.txt", "Gunmen attacked a hotel.")
    result = ingest_paths([tmp_path], max_file_bytes=1000)
    assert [a.id for a in result.articles] == ["small"]
    (warning,) = result.warnings
    assert "huge.txt" in warning and "larger than 1,000 bytes" in warning


def test_reading_in_worker_processes_gives_the_same_articles_and_notes(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        article_of(tmp_path, name, WIRE.replace("27", str(len(name) + ord(name[0]))))
    article_of(tmp_path, "empty.txt", "  \n")
    article_of(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n....")
    one = ingest_paths([tmp_path], max_file_bytes=LIMIT)
    assert [a.id for a in one.articles] == ["a", "b", "c"] and len(one.warnings) == 2
    assert ingest_paths([tmp_path], max_file_bytes=LIMIT, jobs=2) == one


def test_missing_path_and_sub_folders(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    article_of(tmp_path / "sub", "nested.txt", WIRE)
    article_of(tmp_path, "a.txt", WIRE)
    result = ingest(tmp_path, tmp_path / "gone.txt", tmp_path / "a.txt")
    assert [a.id for a in result.articles] == ["a"]  # not recursive; a file given twice is read once
    assert result.warnings == (f"{tmp_path / 'gone.txt'}: skipped: no such file or folder",)


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ("Sévaré attack: “five dead” in Côte d’Ivoire.".encode("cp1252"), "cp1252"),
        ("Les soldats ont été déployés à Sévaré, où l’hôtel a été attaqué.".encode("cp1252"), "cp1252"),
        ("Sévaré attack: five dead in Côte d'Ivoire, à l'hôtel.".encode("latin-1"), "cp1252"),
        ("\ufeffSévaré attack: five dead in Côte d’Ivoire.".encode(), "utf-8-sig"),
        ("Sévaré attack: five dead in Côte d’Ivoire.".encode("utf-16"), "utf-16"),
        ("Sévaré attack: five dead in Côte d’Ivoire.".encode("utf-16-le"), "utf-16-le"),
        ("Sévaré attack: five dead in Côte d’Ivoire.".encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_are_decoded_with_accents(tmp_path: Path, content: bytes, encoding: str) -> None:
    article_of(tmp_path, "a.txt", content)
    (article,) = ingest(tmp_path).articles
    assert "Sévaré" in article.text
    assert any(words in article.text for words in ("Côte d’Ivoire", "où l’hôtel a été attaqué", "à l'hôtel"))
    assert article.encoding == encoding


def test_cyrillic_code_page_is_detected(tmp_path: Path) -> None:
    text = "Солдаты штурмовали гостиницу в Бамако, погибли пять человек."
    article_of(tmp_path, "ru.txt", text.encode("cp1251"))
    (article,) = ingest(tmp_path).articles
    assert article.text == text and article.encoding == "cp1251"


def test_mojibake_nbsp_and_windows_line_endings_are_repaired(tmp_path: Path) -> None:
    article_of(
        tmp_path, "a.txt", "Gunmen attacked SÃ©varÃ©.\r\nAt\u00a0least five died in FridayÃ¢â‚¬â„¢s raid.\r\n"
    )
    article_of(tmp_path, "b.txt", "Gunmen attacked SÃ©varÃ©, in Friday’s raid.\r\n\r\nIt was “a massacre”.\r")
    first, second = ingest(tmp_path).articles
    assert [s.text for s in first.sentences][0] == "Gunmen attacked Sévaré."
    assert "\u00a0" not in first.text and "\r" not in first.text
    assert second.text == "Gunmen attacked Sévaré, in Friday’s raid.\n\nIt was “a massacre”."


def test_zero_width_and_control_characters_are_removed(tmp_path: Path) -> None:
    article_of(tmp_path, "a.txt", "Sév\u200baré\u00ad was\x07 attacked\u2002today.")
    (article,) = ingest(tmp_path).articles
    assert article.text == "Sévaré was attacked today."


def test_duplicates_are_reported_once(tmp_path: Path) -> None:
    article_of(tmp_path, "a.txt", WIRE)
    article_of(tmp_path, "b copy.txt", WIRE.replace("\n\n", "\r\n\r\n"))
    article_of(
        tmp_path, "c.txt", WIRE.replace("Gunmen storm beach hotel\n\n", "") + "\nMore text follows here.\n"
    )
    article_of(tmp_path, "d.txt", "A different story. Nothing in common.")
    result = ingest(tmp_path)
    assert [a.id for a in result.articles] == ["c", "d"]
    assert result.duplicates == (("a", "c"), ("b-copy", "a"))
    assert len(result.warnings) == 2 and all("duplicate of" in w for w in result.warnings)
    assert any("b copy.txt" in w and w.endswith("a.txt; counted once") for w in result.warnings)


def test_containment_chains_point_to_the_longest_article(tmp_path: Path) -> None:
    short = "Gunmen stormed the hotel. Five people died."
    article_of(tmp_path, "a.txt", short)
    article_of(tmp_path, "b.txt", f"{short} Troops came.")
    article_of(tmp_path, "c.txt", f"Police said so. {short} Troops came. It ended at noon.")
    article_of(
        tmp_path, "d.txt", "Five people died. Gunmen stormed the hotel."
    )  # same sentences, other order
    result = ingest(tmp_path)
    assert [a.id for a in result.articles] == ["c", "d"]
    assert result.duplicates == (("a", "c"), ("b", "c"))


def test_duplicate_check_is_linear_enough(tmp_path: Path) -> None:
    for number in range(400):
        article_of(tmp_path, f"{number:04}.txt", f"Report {number}. Gunmen attacked a hotel. Troops came.")
    result = ingest(tmp_path)
    assert len(result.articles) == 400 and result.duplicates == ()


@pytest.mark.parametrize(
    "text",
    [
        "no headline no dateline no full stop",
        "One paragraph. " * 3000,
        "(only a note in parentheses)",
        "- Heading only -",
        " ".join(f"word{n}" for n in range(10_000)) + ".",
    ],
)
def test_odd_articles_still_become_articles(tmp_path: Path, text: str) -> None:
    article_of(tmp_path, "odd.txt", text)
    (article,) = ingest(tmp_path).articles
    assert article.title and len(article.title) <= 130
    assert_offsets(article)


def test_a_single_10000_word_paragraph_is_split_into_sentences(tmp_path: Path) -> None:
    text = " ".join(f"Soldiers found {n} rifles near the camp." for n in range(1250))
    article_of(tmp_path, "long.txt", text)
    (article,) = ingest(tmp_path).articles
    assert len(article.paragraphs) == 1 and len(article.sentences) == 1250
    assert article.sentences[-1].text == "Soldiers found 1249 rifles near the camp."


@pytest.mark.parametrize(
    ("names", "expected_ids"),
    [
        (["my article.txt"], ["my-article"]),
        (["Ünïcodé néws.txt"], ["unicode-news"]),
        (["a..b.txt"], ["a-b"]),
        (["a&b;c<script>.txt"], ["a-b-c-script"]),
        (["A b.txt", "a-b.txt"], ["a-b", "a-b-2"]),
        (["!!!.txt"], ["article"]),
    ],
)
def test_file_names_give_safe_unique_ids(tmp_path: Path, names: list[str], expected_ids: list[str]) -> None:
    for number, name in enumerate(names):
        article_of(tmp_path, name, f"Story number {number}. It is not like the others.")
    result = ingest(tmp_path)
    assert sorted(a.id for a in result.articles) == expected_ids
    assert {a.path for a in result.articles} == set(names)
