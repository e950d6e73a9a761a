"""MkDocs hook: search that stays usable at any size.

Material's built-in search ships one JSON index that the browser downloads whole before the first
result: fine for a small dossier (instant, with suggestions), 38 MB at 10,000 pages. Above a page
count (``extra.dossier_search_switch`` in ``mkdocs.yml``, default 2,000, or the environment
variable ``DOSSIER_SEARCH_SWITCH``) this hook switches to Pagefind, whose index is split into
chunks so a first query downloads a few hundred kilobytes:

- ``on_files``: Material's search is turned off (its header box goes with it) and a ``search/``
  page is added to the site and to the navigation;
- ``on_post_page``: each page's article is marked for indexing, and on pages other than an
  article's the sentences they quote are marked to be skipped; only the search page loads
  Pagefind's UI, and its Content-Security-Policy
  (written by ``html_guard``, so this hook must be listed after it) also allows WebAssembly,
  which Pagefind's search runs in;
- ``on_post_build``: Pagefind indexes the built site into ``site/pagefind/``, unless
  ``DOSSIER_SKIP_PAGEFIND=1`` (a quick preview; the benchmark times the index on its own). Under
  ``mkdocs serve`` it indexes in the background, because the server holds every request until
  the build returns: the edited page shows without waiting seconds for the index, and a run
  still going when the next build starts is stopped, to start again after it.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.pagefind_search")

DEFAULT_SWITCH = 2000
"""Pages above which Pagefind replaces Material's search (Material's index is ~7.5 MB by then)."""

SEARCH_PAGE = "search.md"
CONTINUATION = "--"
"""In the name of a page that continues another's list (``actors/x--incidents.md``, a listing's
sub-page): such pages repeat what their first page is about, so they stay out of the index; a
third of a large dossier's pages, and the index chunks a first query loads shrink with them.
Pages whose front matter has ``dossier_unindexed`` stay out too: an actor or place one article
names (a witness, an official quoted once), whose sentence that article's page holds, and a site
(a hotel, a market, a station), whose incidents' pages name it in their title and infobox; towns,
regions and countries keep their pages in the index. Pagefind's metadata file, which every first
query loads whole, grows by about 6 bytes per indexed page: at 10,000 articles the 2,200 sites
would add 14 KB to each first query."""
SEARCH_SCRIPT = "javascripts/pagefind-search.js"
ARTICLE_TAG = '<article class="md-content__inner'
"""Material's content element. Marked ``data-pagefind-body`` on every page but the search page, so
Pagefind indexes articles only: not the header, sidebar and footer, not the search and 404 pages."""

ARTICLE_PAGES = "sources/"
"""Where an article's own page lives: the one page that indexes the article's sentences."""
QUOTED = re.compile(r"“[^“”<>]*”")
"""A quotation without markup inside: on an incident, actor or place page, a sentence (or its
wording, “on Wednesday”) quoted from an article. Left out of the index there, so a search for words
of a sentence finds the article that holds it, and the index chunks of common words ("killed",
"said", "people") halve at 10,000 articles; the page stays found by its own name, fields and
lists."""
TEXT_BETWEEN_TAGS = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>)|>([^<]+)<", re.S)
NOT_INDEXED = (
    ".headerlink",
    ".dossier-tags",
    'a[href*="#claim-"]',
    'a[href*="#s-"]',
    'a[href*="incidents/"]',
    'a[href*="sources/"]',
    "thead",
    ".dossier-repeat",
)
"""Parts of a page Pagefind skips (``--exclude-selectors``): labels, and repeats of something
indexed where it belongs. The "¶" permalink after each heading (indexed, it glues "¶" to the
heading's last word); tag chips, which repeat the page's fields (outlet, kind, attack type); links
to a claim or to an article's sentence, which name an outlet (as often as it has claims), a date or
"sentence 3", or quote the sentence; a link to an incident or an article, which names it as its
own page's title does (an actor's incidents, a place's "Mentioned in", an incident's sources, every
listing); a table's header row, column labels ("Field", "Value", "Figure") that say nothing of the
page (the incident infobox's repeats the title); and what the templates mark ``dossier-repeat``:
the same explanation on every incident page (how figures and disputes are shown, the GTD and ACLED
gaps) and a table of claims, made of sentences that their article's page indexes. Repeats cost the
index a position each, and a page that holds a word at all costs that word's chunk a few bytes: at
10,000 articles "attack" was on 13,000 indexed pages, and its chunk with the chunks of "a" and "at"
that Pagefind loads with it (their words are prefixes of it) came to 160 KB; without the repeated
headlines and incident names, 90 KB."""

SEARCH_PAGE_TEXT = """\
# Search

Search the dossier's incidents, actors, places and sources.
{: .dossier-search-intro }

<div id="dossier-search"></div>
"""

SEARCH_SCRIPT_TEXT = """\
// Starts Pagefind's search UI on the dossier's search page (large dossiers only; see pagefind_search.py).
document.addEventListener("DOMContentLoaded", function () {
  new PagefindUI({ element: "#dossier-search", showSubResults: true, resetStyles: false });
});
"""


def search_switch(config: MkDocsConfig) -> int:
    """The page count above which Pagefind is used: environment first, then ``mkdocs.yml``."""
    value = os.environ.get("DOSSIER_SEARCH_SWITCH") or config.extra.get(
        "dossier_search_switch", DEFAULT_SWITCH
    )
    try:
        return int(value)
    except (TypeError, ValueError) as error:
        raise PluginError(f"dossier_search_switch must be a whole number of pages, not {value!r}") from error


def uses_pagefind(page_count: int, switch: int) -> bool:
    return page_count > switch


_state = {"pagefind": False, "serving": False}
_indexing: list[subprocess.Popen[str]] = []
"""Under ``mkdocs serve``: the Pagefind run indexing the preview, if one is going."""


def on_startup(command: str, dirty: bool) -> None:
    _state["serving"] = command == "serve"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    page_count = sum(1 for _ in files.documentation_pages())
    _state["pagefind"] = uses_pagefind(page_count, search_switch(config))
    if not _state["pagefind"]:
        return files
    material_search = config.plugins.get("material/search") or config.plugins.get("search")
    if material_search is not None and hasattr(material_search.config, "enabled"):
        material_search.config.enabled = False
    files.append(File.generated(config, SEARCH_PAGE, content=SEARCH_PAGE_TEXT))
    files.append(File.generated(config, SEARCH_SCRIPT, content=SEARCH_SCRIPT_TEXT))
    if config.nav is not None and not any(isinstance(item, dict) and "Search" in item for item in config.nav):
        config.nav.append({"Search": SEARCH_PAGE})
    log.info(
        f"dossier: {page_count} pages, more than {search_switch(config)}: search by Pagefind at /search/"
    )
    return files


def with_pagefind_ui(output: str, base: str) -> str:
    """The search page's HTML with Pagefind's UI loaded and WebAssembly allowed by its policy."""
    assets = (
        f'<link rel="stylesheet" href="{base}/pagefind/pagefind-ui.css">\n'
        f'<script src="{base}/pagefind/pagefind-ui.js"></script>\n'
        f'<script src="{base}/{SEARCH_SCRIPT}"></script>\n'
    )
    output = output.replace("</head>", assets + "</head>", 1)
    return output.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", 1)


def with_quotes_unindexed(html: str) -> str:
    """``html`` with each :data:`QUOTED` text in its article marked ``data-pagefind-ignore`` (never
    inside a tag, a script or a style; the head's ``<title>`` would show the mark as text)."""
    start = html.find("<article")
    end = html.find("</article>", start)
    if start < 0 or end < 0:
        return html

    def mark(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1)
        text = QUOTED.sub(lambda quote: f"<span data-pagefind-ignore>{quote.group(0)}</span>", match.group(2))
        return f">{text}<"

    return html[:start] + TEXT_BETWEEN_TAGS.sub(mark, html[start:end]) + html[end:]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not _state["pagefind"]:
        return output
    if CONTINUATION in page.file.src_uri or page.meta.get("dossier_unindexed"):
        return output
    if page.file.src_uri != SEARCH_PAGE:
        output = output.replace(ARTICLE_TAG, '<article data-pagefind-body class="md-content__inner', 1)
        return output if page.file.src_uri.startswith(ARTICLE_PAGES) else with_quotes_unindexed(output)
    depth = page.file.url.rstrip("/").count("/") + 1 if config.use_directory_urls else 0
    return with_pagefind_ui(output, "/".join([".."] * depth) or ".")


def _index_command(site_dir: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--quiet",
        *(option for selector in NOT_INDEXED for option in ("--exclude-selectors", selector)),
    ]


def build_index(site_dir: Path) -> float:
    """Run Pagefind over the built site; the seconds it took."""
    started = time.perf_counter()
    done = subprocess.run(_index_command(site_dir), capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"pagefind failed: {(done.stderr or done.stdout).strip()[-2000:]}")
    return time.perf_counter() - started


def _stop_indexing() -> None:
    while _indexing:
        running = _indexing.pop()
        if running.poll() is None:
            running.terminate()
            running.wait()


def _report_indexing(running: subprocess.Popen[str], started: float) -> None:
    _, errors = running.communicate()
    if running.returncode == 0:
        log.info(f"dossier: Pagefind indexed the preview in {time.perf_counter() - started:.1f} s")
    elif running.returncode > 0:  # a negative code is the stop for a newer build
        log.warning(f"dossier: pagefind failed: {errors.strip()[-2000:]}")


def index_in_background(site_dir: Path) -> None:
    """Start Pagefind on the preview, first stopping a run on an older build, if any."""
    _stop_indexing()
    running = subprocess.Popen(
        _index_command(site_dir), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    _indexing.append(running)
    threading.Thread(target=_report_indexing, args=(running, time.perf_counter()), daemon=True).start()


@event_priority(100)  # before the dossier's generator, which it would slow down
def on_pre_build(config: MkDocsConfig) -> None:
    _stop_indexing()  # its pages are about to change


def on_post_build(config: MkDocsConfig) -> None:
    if not _state["pagefind"] or os.environ.get("DOSSIER_SKIP_PAGEFIND") == "1":
        return
    if _state["serving"]:
        index_in_background(Path(config.site_dir))
        return
    seconds = build_index(Path(config.site_dir))
    log.info(f"dossier: Pagefind indexed the site in {seconds:.1f} s")


def on_shutdown() -> None:
    _stop_indexing()
