"""Render stage: page content, links and anchors, escaping of hostile text, determinism, golden pages.

Golden pages live in ``tests/golden/``; refresh them with ``UPDATE_GOLDEN=1 pytest tests/test_render.py``.
"""

from __future__ import annotations

import dataclasses
import html
import os
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from fixtures.dossier_fixture import (
    HOSTILE_ACTOR,
    HOSTILE_BOILERPLATE,
    HOSTILE_SENTENCE,
    HOSTILE_TITLE,
    build_fixture,
    recurring_fixture,
    scaled_fixture,
)

from build_dossier.markup import built_href, external_link, md_text, plain
from build_dossier.render import (
    MAX_RELATED_ACTORS,
    PAGE_LIST_ROWS,
    entity_tags,
    href,
    render_site,
    tag_page,
    time_expressions,
)
from build_dossier.settings import GENERATED_DIRS, GENERATED_PAGES

GOLDEN = Path(__file__).with_name("golden")
EXTENSIONS = ["admonition", "pymdownx.details", "attr_list", "tables", "md_in_html", "toc"]
LINK = re.compile(r"\]\(([^)\s]+)\)")
ID = re.compile(r'id="([^"]+)"')


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_site(build_fixture())


def to_html(page: str) -> str:
    body = page.split("---\n", 2)[2] if page.startswith("---\n") else page
    return markdown.markdown(body, extensions=EXTENSIONS)


class _Collector(HTMLParser):
    """Tags, attributes and visible text of rendered HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.append("!--")


def collect(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(to_html(page))
    return collector


def test_every_path_is_generator_owned(pages: dict[str, str]) -> None:
    assert set(GENERATED_PAGES) <= set(pages)
    for path in pages:
        assert path in GENERATED_PAGES or path.split("/")[0] in GENERATED_DIRS, path
        assert ".." not in path and not path.startswith("/")
    for expected in (
        "incidents/kestrel-lodge-siege.md",
        "actors/sable-brigade.md",
        "places/lorvana.md",
        "sources/fix-wire.md",
    ):
        assert expected in pages


def test_output_is_deterministic_and_order_independent() -> None:
    dossier = build_fixture()
    shuffled = dataclasses.replace(
        dossier,
        articles=tuple(reversed(dossier.articles)),
        actors=tuple(reversed(dossier.actors)),
        places=tuple(reversed(dossier.places)),
        incidents=tuple(reversed(dossier.incidents)),
        claims=tuple(reversed(dossier.claims)),
        conflicts=tuple(reversed(dossier.conflicts)),
    )
    first = render_site(dossier)
    assert render_site(dossier) == first
    assert render_site(shuffled) == first
    assert list(first) == sorted(first)


def test_forked_render_workers_give_the_same_pages() -> None:
    dossier = scaled_fixture(40)
    one = render_site(dossier)
    assert len(one) > 100
    assert render_site(dossier, jobs=3) == one


def test_home_page_has_counts_and_downloads_and_no_build_date(pages: dict[str, str]) -> None:
    home = pages["index.md"]
    assert "| [Incidents](incidents/index.md) | 3 |" in home
    assert "| [Source articles](sources/index.md) | 4 |" in home
    for download in (
        "data/dossier.json",
        "data/dossier.schema.json",
        "data/incidents-gtd.csv",
        "data/events-acled.csv",
        "data/dossier.geojson",
    ):
        assert f"]({download})" in home
    assert not re.search(r"20\d\d-\d\d-\d\d", home)


def test_incident_infobox_ranges_link_to_their_claims(pages: dict[str, str]) -> None:
    page = pages["incidents/kestrel-lodge-siege.md"]
    assert "| Date | 5 March 2021 (“Friday”) |" in page
    assert "[Lorvana](../places/lorvana.md), Kenya (-0.40, 36.90)" in page
    assert "| Target | [Kestrel Lodge](../places/kestrel-lodge.md) (hotel) |" in page
    assert "[Sable Brigade](../actors/sable-brigade.md)" in page
    deaths = next(line for line in page.splitlines() if line.startswith("| Deaths |"))
    assert "**9–14** people" in deaths
    # The first MAX_CITATIONS claims are linked; the rest are counted (all are in the claims table).
    assert all(f"(#claim-{claim})" in deaths for claim in ("fix-later-c1", "fix-relay-c1"))
    assert deaths.endswith(", 1 more) |") and "fix-wire-c1" not in deaths
    assert "**2–12** gunmen" in page
    assert "**30\\+** guests" in page


def test_incident_flags_conflicts_and_relays(pages: dict[str, str]) -> None:
    page = pages["incidents/kestrel-lodge-siege.md"]
    block = page[page.index('!!! warning "Conflicting reports"') : page.index("## Timeline of the incident")]
    assert "**Killed: people**" in block and "**Attackers: gunmen**" in block
    assert "**14**: Interior Minister Adaeze Okonkwo" in block
    assert "**9\\+** (“At least 9”): a police source" in block
    assert "(#claim-fix-relay-c1), relaying Northwire)" in block
    assert all(line.startswith("    ") or not line for line in block.splitlines()[1:])
    assert "appears in 2 articles but comes from 1 independent origin (Northwire)" in page


def test_incident_table_summary_timeline_and_gaps(pages: dict[str, str]) -> None:
    page = pages["incidents/kestrel-lodge-siege.md"]
    row = next(line for line in page.splitlines() if 'id="claim-fix-later-c1"' in line)
    assert "**14** killed (people)" in row and "Interior Minister Adaeze Okonkwo" in row
    assert "[Coastal Post](../sources/fix-later.md), 10 March 2021" in row
    assert "(../sources/fix-later.md#s-0)" in row
    summary = page[
        page.index("## Summary") : page.index("## Conflicting")
        if "## Conflicting" in page
        else page.index("!!! warning")
    ]
    assert summary.count("“") == summary.count("”") >= 3
    assert summary.count("](../sources/") == summary.count("“")
    assert "**around 6:30 am on Friday**" in page
    gaps = page[page.index("## Gaps") :]
    assert "| Injured | GTD nwound |" in gaps
    assert "Deaths" not in gaps
    bombing = pages["incidents/port-ember-market-bombing.md"]
    assert "| Perpetrators (claimed or named) | not named by any source |" in bombing
    assert "| Perpetrator group | GTD gname · ACLED actor1 |" in bombing


def test_internal_links_and_anchors_resolve(pages: dict[str, str]) -> None:
    anchors = {path: set(ID.findall(text)) for path, text in pages.items()}
    checked = 0
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        for target in LINK.findall(text):
            if target.startswith("https://news.example.org/"):
                continue
            assert not target.startswith(("http:", "https:", "/")), (path, target)
            file_part, _, anchor = target.partition("#")
            resolved = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) if file_part else path
            assert resolved in pages, (path, target)
            if anchor and (anchor.startswith("s-") or anchor.startswith("claim-")):
                assert anchor in anchors[resolved], (path, target)
            checked += 1
    assert checked > 100


def test_svg_links_point_at_built_pages(pages: dict[str, str]) -> None:
    map_page = pages["map.md"]
    assert 'href="../incidents/kestrel-lodge-siege/"' in map_page
    assert "<title>Kestrel Lodge siege (Hostage taking, 5 March 2021)</title>" in map_page
    assert "- [Port Ember market bombing](incidents/port-ember-market-bombing.md): " in map_page
    assert "<path d=" in map_page
    network_page = pages["network.md"]
    assert 'href="../actors/sable-brigade/"' in network_page
    assert 'stroke="#b71c1c"' in network_page
    assert "[Sable Brigade](actors/sable-brigade.md) (perpetrator)" in network_page


def test_source_page_anchors_links_and_boilerplate(pages: dict[str, str]) -> None:
    page = pages["sources/fix-wire.md"]
    for sentence in range(4):
        assert f'id="s-{sentence}"' in page
    assert (
        "[Sable Brigade](../actors/sable-brigade.md) stormed the "
        "[Kestrel Lodge](../places/kestrel-lodge.md) in [Lorvana](../places/lorvana.md)" in page
    )
    assert "### Standoff" in page
    assert '??? note "Boilerplate removed from the text"\n\n    Follow us on social media' in page
    assert (
        "| **2–3** | Attackers | gunmen | The Lorvana Police "
        "| [Kestrel Lodge siege](../incidents/kestrel-lodge-siege.md) | [sentence 3](#s-2) |" in page
    )
    assert "| Address | [https://news\\.example\\.org/lodge](https://news.example.org/lodge) |" in page
    relay = pages["sources/fix-relay.md"]
    assert "| Relaying | Northwire |" in relay
    assert "](javascript" not in relay and "javascript:alert\\(1\\)" in relay


def test_actor_and_place_backlinks(pages: dict[str, str]) -> None:
    brigade = pages["actors/sable-brigade.md"]
    assert "| Also called | the Brigade |" in brigade
    assert "[Kestrel Lodge siege](../incidents/kestrel-lodge-siege.md): 5 March 2021 (perpetrator)" in brigade
    assert "[Adaeze Okonkwo](adaeze-okonkwo.md) (1 shared incident)" in brigade
    assert (
        "“Witnesses described around a dozen gunmen from the Brigade\\.” "
        "([sentence 2](../sources/fix-relay.md#s-1))" in brigade
    )
    assert "Tags: [Armed group](../tags/armed-group.md) · [Kenya](../tags/kenya.md)" in brigade
    minister = pages["actors/adaeze-okonkwo.md"]
    assert "| Role or title | Interior Minister |" in minister
    lorvana = pages["places/lorvana.md"]
    happened = lorvana[lorvana.index("## Where it happened") : lorvana.index("## Mentioned in")]
    assert "[Kestrel Lodge siege](../incidents/kestrel-lodge-siege.md)" in happened
    assert "| Part of | [Kenya](kenya.md) |" in lorvana
    assert "| Contains | [Kestrel Lodge](kestrel-lodge.md) |" in lorvana
    kenya = pages["places/kenya.md"]
    assert "Port Ember market bombing" in kenya and "Kestrel Lodge siege" in kenya
    assert "No sentence names it." in kenya


def test_index_pages_group_as_documented(pages: dict[str, str]) -> None:
    incidents = pages["incidents/index.md"]
    assert incidents.index("## 2020") < incidents.index("## 2021") < incidents.index("## Undated")
    actors = pages["actors/index.md"]
    assert actors.index("## Person") < actors.index("## Armed group") < actors.index("## Security service")
    assert "### Armed group: S" in actors
    assert "## Kenya" in pages["places/index.md"]
    sources = pages["sources/index.md"]
    assert "## Coastal Post" in sources and "relaying Northwire" in sources
    timeline = pages["timeline.md"]
    assert timeline.index("Port Ember market bombing") < timeline.index("Kestrel Lodge siege")
    conflicts = pages["conflicts.md"]
    killed = next(line for line in conflicts.splitlines() if "Killed: people" in line)
    assert "| 9\\+–14 |" not in killed and "| 9–14 | 9 |" in killed
    assert "14 (1 independent origin: Coastal Post)" in killed
    assert "6 March 2021: 9\\+ → 10 March 2021: 14" in killed


HOSTILE_PIECES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "{{ 7*7 }}",
    "{% if x %}",
    "<!-- hidden -->",
    "`code`",
    "*stars*",
    "| pipes |",
    "<b>bold</b>",
]


def test_hostile_text_is_shown_literally_and_never_as_markup(pages: dict[str, str]) -> None:
    for path, page in pages.items():
        if not path.endswith(".md"):
            continue
        collector = collect(page)
        assert not {"script", "img", "b", "i", "!--"} & set(collector.tags), path
        assert not any(value and "javascript:" in value for _, value in collector.attributes), path
        assert not any(name.startswith("on") for name, _ in collector.attributes), path
        assert "49" not in "".join(collector.text) or path.startswith("data/"), path
    source_text = html.unescape("".join(collect(pages["sources/fix-hostile.md"]).text))
    for piece in (
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "{{ 7*7 }}",
        "{% if x %}",
        "<!-- hidden -->",
        "| pipes |",
        "`code`",
        "*stars*",
    ):
        assert piece in source_text, piece
    assert HOSTILE_TITLE in source_text
    assert HOSTILE_BOILERPLATE in source_text
    assert HOSTILE_ACTOR in html.unescape("".join(collect(pages["actors/the-pipe-front-b-bold-b.md"]).text))
    assert HOSTILE_SENTENCE.split(" while")[0] in source_text


@pytest.mark.parametrize("path", ["map.md", "network.md"])
def test_svg_survives_markdown_intact(pages: dict[str, str], path: str) -> None:
    """Hostile names inside the SVG must not break the raw HTML block apart."""
    rendered = to_html(pages[path])
    svg = rendered[rendered.index("<svg") : rendered.index("</svg>")]
    assert "<code>" not in rendered and "<p>" not in svg and "<em>" not in svg
    assert svg.count("<a href=") == pages[path].count("<a href=")
    if path == "network.md":
        assert "The &#96;Pipe|Front&#96; &lt;b&gt;bold&lt;/b&gt;" in svg


def test_front_matter_is_plain_yaml(pages: dict[str, str]) -> None:
    import yaml

    for path, page in pages.items():
        if path.endswith(".md"):
            meta = yaml.safe_load(page.split("---\n")[1])
            assert set(meta) <= {"title", "dossier_unindexed"}
            assert not re.search(r"[<>&`{}]", meta["title"]), path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>", "&lt;script&gt;"),
        ("a | b", "a \\| b"),
        ("{{ x }}", "\\{\\{ x \\}\\}"),
        ("line one\n\n--- two", "line one \\-\\-\\- two"),
        ("1. AT&T", "1\\. AT&amp;T"),
        ("~tilde= :colon:", "~tilde= :colon:"),
    ],
)
def test_md_text_escapes(text: str, expected: str) -> None:
    assert md_text(text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a b", "[https://example\\.org/a b](https://example.org/a%20b)"),
        ("javascript:alert(1)", "javascript:alert\\(1\\)"),
        ("data:text/html,x", "data:text/html,x"),
    ],
)
def test_external_link_only_for_http(url: str, expected: str) -> None:
    assert external_link(url, url) == expected


def test_plain_and_built_href() -> None:
    assert plain('<b>"x"</b> {{y}}') == "b x /b y"
    assert built_href("map.md", "incidents/a.md") == "../incidents/a/"
    assert built_href("index.md", "actors/b.md") == "actors/b/"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "They stormed the hotel at around 7:00 am (0700 GMT) Friday, officials said.",
            ["around 7:00 am (0700 GMT) Friday"],
        ),
        ("The siege ended about nine hours after it had begun.", ["about nine hours after it had begun"]),
        ("Within minutes of the assault, police arrived.", ["Within minutes of the assault"]),
        ("Five people died last March.", ["last March"]),
        ("No time is given here.", []),
    ],
)
def test_time_expressions(sentence: str, expected: list[str]) -> None:
    assert time_expressions(sentence) == tuple(expected)


def test_render_time_grows_linearly() -> None:
    small, large = scaled_fixture(25), scaled_fixture(250)
    start = time.perf_counter()
    render_site(small)
    small_time = time.perf_counter() - start
    start = time.perf_counter()
    pages = render_site(large)
    large_time = time.perf_counter() - start
    assert len(pages) > 3000
    assert large_time < 20 * max(small_time, 0.05)
    assert large_time < 10


def test_golden_pages(pages: dict[str, str]) -> None:
    """Whole pages compared with the reviewed copies; UPDATE_GOLDEN=1 rewrites them."""
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for path, text in pages.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    golden = {
        p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
        for p in GOLDEN.rglob("*")
        if p.is_file()
    }
    assert sorted(golden) == sorted(pages)
    for path, text in pages.items():
        assert text == golden[path], (
            f"{path} differs from tests/golden/{path}; rerun with UPDATE_GOLDEN=1 after review"
        )


@pytest.fixture(scope="module")
def scaled_pages() -> tuple[dict[str, str], dict[str, str]]:
    return render_site(scaled_fixture(40)), render_site(scaled_fixture(400))


def _largest_html(pages: dict[str, str]) -> tuple[int, str]:
    """Size of the largest page's HTML, leaving out the map (its markers are capped in mapping.py)."""
    return max(
        (len(to_html(text).encode()), path)
        for path, text in pages.items()
        if path.endswith(".md") and path != "map.md"
    )


def test_page_size_does_not_grow_with_the_dossier(
    scaled_pages: tuple[dict[str, str], dict[str, str]],
) -> None:
    """Long listings are paged: the largest page at 400 copies is no larger than at 40."""
    small, large = scaled_pages
    small_size, _ = _largest_html(small)
    large_size, large_path = _largest_html(large)
    assert large_size < 12_000, large_path
    assert large_size <= 1.05 * small_size, large_path
    assert len(to_html(large["conflicts.md"])) < len(to_html(small["conflicts.md"])) * 1.2


def test_sub_pages_are_reached_from_their_overview(
    scaled_pages: tuple[dict[str, str], dict[str, str]],
) -> None:
    """Every sub-page is linked from its overview or from the sub-page before it, and links back."""
    _, large = scaled_pages
    overviews = {
        "incidents/index--": "incidents/index.md",
        "incidents/timeline--": "timeline.md",
        "incidents/conflicts--": "conflicts.md",
        "actors/index--": "actors/index.md",
        "places/index--": "places/index.md",
        "sources/index--": "sources/index.md",
    }
    for prefix, overview in overviews.items():
        sub_pages = sorted(p for p in large if p.startswith(prefix))
        assert len(sub_pages) > 1, prefix
        linked: set[str] = set()
        for page in [overview, *sub_pages]:
            folder = page.rpartition("/")[0]
            for target in LINK.findall(large[page]):
                path = os.path.normpath(os.path.join(folder, target.split("#")[0])).replace(os.sep, "/")
                linked.add(path)
        assert set(sub_pages) <= linked, prefix
        for page in sub_pages:
            assert f"]({href(page, overview)})" in large[page], page
    assert "## 2021" not in large["incidents/index.md"]
    assert "Kestrel Lodge siege" in large["incidents/index--2021.md"]
    assert "| 2021 (" not in large["incidents/index.md"] and "**2021** (" in large["incidents/index.md"]


def test_tag_pages_list_what_carries_each_tag(pages: dict[str, str]) -> None:
    kenya = pages["tags/kenya.md"]
    assert "[Kestrel Lodge siege](../incidents/kestrel-lodge-siege.md)" in kenya
    assert "[Sable Brigade](../actors/sable-brigade.md)" in kenya and "## Places" in kenya
    assert "- [Kenya](kenya.md) (9)" in pages["tags/index.md"]
    hostile = pages["tags/b-evil-outlet-b-x.md"]
    assert "# Tag: &lt;b&gt;Evil Outlet&lt;/b&gt; \\| x" in hostile and "<b>" not in hostile
    for path, page in pages.items():
        for target in re.findall(r"\]\((\.\./tags/[^)#]+)\)", page):
            assert os.path.normpath(os.path.join(path.rpartition("/")[0], target)) in pages, (path, target)


@pytest.fixture(scope="module")
def recurring_pages() -> tuple[dict[str, str], dict[str, str]]:
    return render_site(recurring_fixture(30)), render_site(recurring_fixture(300))


def test_pages_stay_bounded_when_actors_places_and_incidents_recur(
    recurring_pages: tuple[dict[str, str], dict[str, str]],
) -> None:
    """A group named in every incident, a city where they all happen and an attack reported by every
    article: their pages keep the first rows and send the rest to further pages, so no page grows."""
    small, large = recurring_pages
    front = large["actors/the-pipe-front-b-bold-b.md"]
    assert front.count("](../incidents/") <= 2 * PAGE_LIST_ROWS + MAX_RELATED_ACTORS
    assert "290 more incidents on further pages: [11–50](the-pipe-front-b-bold-b--incidents.md)" in front
    assert "more mentions on further pages:" in large["actors/sable-brigade.md"]
    assert "more incidents on further pages:" in large["places/port-ember.md"]
    siege = large["incidents/kestrel-lodge-siege.md"]
    assert "more claims on further pages:" in siege and "more sources on further pages:" in siege
    small_size, _ = _largest_html(small)
    large_size, large_path = _largest_html(large)
    assert large_size <= 1.05 * small_size, large_path
    assert large_size < 16_000, large_path


def test_further_pages_link_back_and_hold_every_row(
    recurring_pages: tuple[dict[str, str], dict[str, str]],
) -> None:
    _, large = recurring_pages
    parts = sorted(p for p in large if p.startswith("actors/the-pipe-front-b-bold-b--incidents"))
    assert len(parts) > 3
    dossier = recurring_fixture(300)
    named_in = [i for i in dossier.incidents if "the-pipe-front-b-bold-b" in i.actors]
    listed = sum(large[p].count("](../incidents/") for p in parts)
    assert listed + PAGE_LIST_ROWS == len(named_in) == 300
    for part in parts:
        assert "](the-pipe-front-b-bold-b.md) · " in large[part] and "[Back to " in large[part]
    claims_on_pages = sum(
        large[p].count('<span id="claim-') for p in large if p.startswith("incidents/kestrel-lodge-siege")
    )
    siege_claims = sum(1 for r in dossier.claims if r.incident == "kestrel-lodge-siege")
    assert claims_on_pages == siege_claims
    siege = large["incidents/kestrel-lodge-siege.md"]
    for target in re.findall(r"\]\((kestrel-lodge-siege--claims[^)#]*)#(claim-[^)]+)\)", siege):
        assert f'<span id="{target[1]}">' in large[f"incidents/{target[0]}"], target


def test_tag_sub_pages_escape_the_tag_in_their_pager(
    scaled_pages: tuple[dict[str, str], dict[str, str]],
) -> None:
    _, large = scaled_pages
    part = large["tags/b-evil-outlet-b-x--sources--2.md"]
    assert "[Everything tagged &lt;b&gt;Evil Outlet&lt;/b&gt; \\| x](b-evil-outlet-b-x.md)" in part
    assert "<b>" not in part


def test_pages_a_search_finds_elsewhere_are_marked_with_the_reason(pages: dict[str, str]) -> None:
    import yaml

    def meta(path: str) -> dict:
        return yaml.safe_load(pages[path].split("---\n")[1])

    assert meta("actors/adaeze-okonkwo.md") == {
        "title": "Adaeze Okonkwo",
        "dossier_unindexed": "named in one article, whose page holds its sentences",
    }
    assert "dossier_unindexed" not in meta("actors/sable-brigade.md")
    # A hotel that two articles name is found through its incident's page; a town keeps its own.
    assert meta("places/kestrel-lodge.md")["dossier_unindexed"].startswith("a site")
    assert "dossier_unindexed" not in meta("places/lorvana.md")


def test_a_long_tag_listing_is_cut_by_letter_so_one_actor_moves_only_its_letters_rows(
    scaled_pages: tuple[dict[str, str], dict[str, str]],
) -> None:
    """Paged by count alone, one actor fewer under S would shift every page of T after it."""
    _, large = scaled_pages
    dossier = scaled_fixture(400)
    groups = sorted((a for a in dossier.actors if a.kind == "armed_group"), key=lambda a: a.name.casefold())
    gone = groups[0]
    assert gone.name.startswith("S")
    kept = tuple(a for a in dossier.actors if a is not gone)
    fewer = render_site(dataclasses.replace(dossier, actors=kept))
    tags = {p for p in large.keys() | fewer.keys() if p.startswith("tags/")}
    changed = {p for p in tags if large.get(p) != fewer.get(p)}
    expected = {"tags/index.md"}
    for tag in entity_tags(gone):
        overview = tag_page(tag.name)
        letter_s = overview.removesuffix(".md") + "--actors-s"
        expected |= {overview} | {p for p in large if p.startswith(letter_s)}
    assert len(expected) > 10
    assert changed == expected
    assert any(p.startswith("tags/armed-group--actors-t--") for p in large)


def test_an_overview_of_many_groups_links_each_group_fewer_times() -> None:
    """Kinds times letters can make a hundred groups: the overview stays bounded by its group count."""
    from build_dossier import paging

    groups = [(f"Group {n}", list(range(400))) for n in range(100)]
    chunks = paging.chunk_groups("actors", "index", groups, 40)
    limit = paging.links_per_group(len(paging.by_group(chunks)))
    assert limit == 3 and paging.links_per_group(4) == paging.MAX_OVERVIEW_LINKS
    first_group = [c for c in chunks if c.group == "Group 0"]
    shown = paging.shown_links(first_group, limit)
    assert shown == [first_group[0], None, first_group[-1]]
    assert all(c.next for c in first_group[:-1])  # the pages left out are reached page by page
