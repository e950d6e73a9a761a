"""The benchmark: synthetic dossiers of growing size, with speed, memory and size figures.

For each size it generates a corpus (``synthetic.py``), runs our ``build()`` and then MkDocs on the
generated pages, each in a child process of its own so each peak-memory figure belongs to one run,
and then rebuilds after editing one article. MkDocs runs with the dossier hook told not to
regenerate (``DOSSIER_SKIP_BUILD=1``), the link checker off (a check, not rendering) and the
Pagefind index left out; that index is built and timed separately when the site is large enough to
use it. The time MkDocs spends in this project's hooks is measured apart: it is our code, so our
stages are judged against MkDocs's build without it. Goals from issue 6 are printed as PASS or
FAIL beside their figures; nothing here is a timed test.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import re
import resource
import runpy
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from itertools import zip_longest
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from build_dossier.pagefind_search import build_index
from build_dossier.settings import GENERATED_DIRS, GENERATED_PAGES, MANIFEST_NAME
from build_dossier.slugs import slugify
from build_dossier.synthetic import generate, write_corpus

PROJECT = Path(__file__).resolve().parent.parent
SITE_FILES = ("mkdocs.yml", "overrides")
STAGES = ("ingest", "extract", "resolve", "render", "write")
PAGE_LIMIT_BYTES = 25 * 1024
MEMORY_LIMIT_BYTES = 2 * 1024**3
MEMORY_SAMPLE_SECONDS = 0.5
FIRST_QUERY_LIMIT_BYTES = 300 * 1024
SERVE_MAX_ARTICLES = 1000
SERVE_LIMIT_SECONDS = 2.0
SERVE_EDITS = 5
"""Edits timed in one ``mkdocs serve`` by default: the goal holds for the slowest."""
SERVE_EDIT_INTERVAL = 10.0
"""Seconds between two edits, so that each is timed alone: the reloads that follow an edit (the
rest of its pages, 2-3 s at 1,000 articles) are over before the next. A save during them waits."""
CHROMIUM = Path("/usr/bin/chromium")
DISK_PROBE_FILES = 2000


@dataclass(frozen=True)
class QueryCost:
    """What a reader's browser downloads to search a Pagefind site for the first time."""

    query: str
    page_bytes: int
    """The search page with its scripts and styles, before any query."""
    query_bytes: int
    """Everything fetched from typing the query to the results shown (index chunks, fragments)."""
    results: int


@dataclass(frozen=True)
class BenchRow:
    articles: int
    incidents: int
    actors: int
    places: int
    stage_seconds: dict[str, float]
    """Our stages: ingest, extract, resolve, render, write."""
    mkdocs_seconds: float
    hook_seconds: float
    """Of ``mkdocs_seconds``, the time spent in this project's MkDocs hooks: sanitising and
    minifying each page, its Content-Security-Policy, Pagefind's marks. Our code, not MkDocs's."""
    our_peak_bytes: int
    mkdocs_peak_bytes: int
    pages_written: int
    """Markdown pages our build wrote."""
    pages: int
    """HTML pages in the built site."""
    site_bytes: int
    largest_page_bytes: int
    largest_page: str
    median_page_bytes: int
    search: str
    """``material`` or ``pagefind``: which search the site uses at this size."""
    search_index_bytes: int
    pagefind_seconds: float | None
    first_queries: tuple[QueryCost, ...]
    """One per :data:`QUERY_KINDS`, each in a fresh browser; empty below the Pagefind switch."""
    rebuild_seconds: float
    rebuild_pages: int
    serve_seconds: tuple[float, ...]
    """From saving an edited article to ``mkdocs serve --dirty`` serving it, one per edit; measured
    up to :data:`SERVE_MAX_ARTICLES` articles (each size costs a whole extra build)."""
    serve_mkdocs_seconds: tuple[float, ...]
    """The same for an edited generated page with our hook off: MkDocs's own share."""
    file_create_microseconds: float
    """What creating one small file cost just before the build (see :func:`file_create_cost`)."""

    @property
    def generation_seconds(self) -> float:
        return sum(self.stage_seconds.values())

    @property
    def extract_per_second(self) -> float:
        return self.articles / max(self.stage_seconds.get("extract", 0.0), 1e-9)

    @property
    def mkdocs_own_seconds(self) -> float:
        """MkDocs rendering the pages, without our hooks: the floor that our stages are judged by."""
        return self.mkdocs_seconds - self.hook_seconds

    @property
    def total_seconds(self) -> float:
        return self.generation_seconds + self.mkdocs_seconds

    @property
    def seconds_per_page(self) -> float:
        return self.total_seconds / max(1, self.pages)


def _proportional_bytes(pid: int) -> int:
    """A process's proportional set size (Linux): its own pages plus its share of the pages it
    shares with its forks, so the figures of a parent and its workers add up; 0 where unknown."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    children = []
    for thread in threads:
        try:
            with open(f"/proc/{pid}/task/{thread}/children", encoding="ascii") as listing:
                children.extend(int(child) for child in listing.read().split())
        except OSError:
            continue
    return children


def _sample_memory(peak: list[int], done: threading.Event) -> None:
    """Keep in ``peak[0]`` the largest memory of this process and its workers taken together,
    sampled every :data:`MEMORY_SAMPLE_SECONDS`: forked workers run beside the parent, so the
    largest single process (``ru_maxrss``) would understate what the build needs."""
    me = os.getpid()
    while not done.wait(MEMORY_SAMPLE_SECONDS):
        total = sum(_proportional_bytes(pid) for pid in (me, *_children(me)))
        peak[0] = max(peak[0], total)


def _child_build(seeds: str, docs: str, jobs: str) -> None:
    """Run in a child process: one build, its figures as JSON on stdout."""
    from build_dossier.pipeline import build
    from build_dossier.settings import make_settings

    tree_peak, done = [0], threading.Event()
    sampler = threading.Thread(target=_sample_memory, args=(tree_peak, done), daemon=True)
    sampler.start()
    result = build(make_settings(seeds, docs, jobs=int(jobs)))
    done.set()
    sampler.join()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    dossier = result.dossier
    figures = {
        "timings": result.timings,
        "written": len(result.report.written),
        "articles": len(dossier.articles),
        "incidents": len(dossier.incidents),
        "actors": len(dossier.actors),
        "places": len(dossier.places),
        "peak": max(own * 1024, workers * 1024, tree_peak[0]),
    }
    print(json.dumps(figures))


def _run_build(seeds: Path, docs: Path, jobs: int) -> dict:
    command = [sys.executable, "-m", "build_dossier.bench", str(seeds), str(docs), str(jobs)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT)
    if done.returncode != 0:
        raise RuntimeError(f"build failed on {seeds}: {done.stderr.strip()[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _mkdocs_environment(*, regenerate: bool, pagefind: bool = False) -> dict[str, str]:
    """MkDocs on a bench project: this package importable, the link checker (a check, not
    rendering) off, and the Pagefind index too unless ``pagefind`` (a build times it apart);
    without ``regenerate`` the dossier hook renders the pages already in ``docs/`` instead of
    building them again."""
    return {
        **os.environ,
        "DOSSIER_HTMLPROOFER": "false",
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(PROJECT),
        **({} if pagefind else {"DOSSIER_SKIP_PAGEFIND": "1"}),
        **({} if regenerate else {"DOSSIER_SKIP_BUILD": "1"}),
    }


def _run_mkdocs(project: Path) -> tuple[float, int, float]:
    """MkDocs alone on the pages already generated: seconds, peak resident memory in bytes, and
    the seconds spent in our hooks (see :func:`_timed_mkdocs_build`)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "from build_dossier.bench import _timed_mkdocs_build; _timed_mkdocs_build()"],
        cwd=project,
        env=_mkdocs_environment(regenerate=False),
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {project}: {done.stderr.strip()[-3000:]}")
    figures = json.loads(done.stderr.strip().splitlines()[-1])
    return seconds, figures["peak"], figures["hooks"]


def _timed_mkdocs_build() -> None:
    """Run in a child process: ``mkdocs build``, each event function of the hooks in mkdocs.yml
    (all of them this project's) timed; peak memory and the hooks' seconds as JSON on stderr.

    The functions are wrapped as MkDocs loads each hook module (``Hooks._load_hook``, a private
    method of the pinned MkDocs), before it registers them."""
    from mkdocs.config import config_options

    spent = [0.0]
    load_hook = config_options.Hooks._load_hook

    def timed(function: Any) -> Any:
        @functools.wraps(function)  # keeps ``mkdocs_priority``, which MkDocs reads
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - started

        return wrapper

    def load_timed(self: Any, name: str, path: str) -> Any:
        module = load_hook(self, name, path)
        for attribute in dir(module):
            if attribute.startswith("on_") and callable(getattr(module, attribute)):
                setattr(module, attribute, timed(getattr(module, attribute)))
        return module

    config_options.Hooks._load_hook = load_timed  # type: ignore[method-assign]
    sys.argv = ["mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", "site"]
    try:
        runpy.run_module("mkdocs", run_name="__main__")
    finally:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(json.dumps({"peak": peak, "hooks": spent[0]}), file=sys.stderr)


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target)
    elif source.exists():
        shutil.copy(source, target)


def prepare_project(project: Path) -> None:
    """A fresh MkDocs project: our config, theme overrides and the hand-written pages of docs/."""
    if project.exists():
        shutil.rmtree(project)
    (project / "docs").mkdir(parents=True)
    for name in SITE_FILES:
        _copy(PROJECT / name, project / name)
    generated = set(GENERATED_DIRS) | set(GENERATED_PAGES) | {MANIFEST_NAME}
    for source in sorted((PROJECT / "docs").iterdir()):
        if source.name not in generated:
            _copy(source, project / "docs" / source.name)
    # The copied mkdocs.yml names hooks and watched folders by relative path: point them at ours.
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("build_dossier/", f"{PROJECT}/build_dossier/")
    )


def _site_figures(site: Path) -> tuple[int, int, int, str, int]:
    """Page count, site bytes, largest page bytes and name, median page bytes."""
    pages = sorted(site.rglob("*.html"))
    sizes = [page.stat().st_size for page in pages]
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    if not pages:
        return 0, total, 0, "", 0
    largest = max(range(len(pages)), key=lambda i: sizes[i])
    return (
        len(pages),
        total,
        sizes[largest],
        str(pages[largest].relative_to(site)),
        int(statistics.median(sizes)),
    )


def _folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _edit_one_article(seeds: Path) -> None:
    """Change one figure in the middle article, as a correction would."""
    articles = sorted(seeds.glob("*.txt"))
    article = articles[len(articles) // 2]
    text = article.read_text(encoding="utf-8")
    edited = re.sub(r"\b(\d+) wounded", lambda m: f"{int(m.group(1)) + 7} wounded", text, count=1)
    if edited == text:
        edited = text + "\nA police spokesman said 7 people were missing.\n"
    article.write_text(edited, encoding="utf-8")


QUERY_KINDS = ("a town", "the commonest word", "the commonest name")
"""What the benchmark searches for: each a likely first query, the last two the costliest kind
(a word on nearly every page has the largest share of the index)."""


def query_words(seeds: Path) -> tuple[str, str, str]:
    """One query of each of :data:`QUERY_KINDS`, taken from the corpus: the town of the first
    article, the most frequent word of four letters or more, and the most frequent capitalised
    word of that length after a lower-case word (a name inside a sentence: an outlet, a group)."""
    articles = sorted(seeds.glob("*.txt"))
    words: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for article in articles:
        text = article.read_text(encoding="utf-8")
        words.update(re.findall(r"\b[a-z]{4,}\b", text))
        names.update(re.findall(r"\b[a-z]+ ([A-Z][a-z]{3,})\b", text))
    common = min(words, key=lambda word: (-words[word], word))
    name = min(names, key=lambda word: (-names[word], word))
    return articles[0].stem.split("_", 1)[1].capitalize(), common, name


def first_query_cost(site: Path, query: str) -> QueryCost:
    """Serve ``site`` as GitHub Pages does, open ``search/`` in Chromium, search once, and count the
    bytes the server sent: all of them, the script of Pagefind's web worker included, which the
    browser's own per-request figures leave out (40 KB)."""
    from playwright.sync_api import sync_playwright

    sent: list[int] = []
    handler = functools.partial(_PagesHandler, sent=sent, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_port}/search/", wait_until="networkidle")
            page_bytes = sum(sent)
            page.fill(".pagefind-ui__search-input", query)
            page.wait_for_selector(".pagefind-ui__result", timeout=60_000)
            page.wait_for_load_state("networkidle")
            results = page.locator(".pagefind-ui__result").count()
            browser.close()
    finally:
        server.shutdown()
    return QueryCost(query, page_bytes, sum(sent) - page_bytes, results)


class _PagesHandler(SimpleHTTPRequestHandler):
    """Serves files as GitHub Pages, the dossier's host, does: text (HTML, CSS, JavaScript, JSON)
    gzip-compressed for a browser that accepts it; Pagefind's index files and WebAssembly are
    compressed already and go as they are. Appends each response body's length to ``sent``."""

    COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")

    def __init__(self, *args: Any, sent: list[int], **kwargs: Any) -> None:
        self.sent = sent
        super().__init__(*args, **kwargs)

    def send_head(self) -> BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        compressible = content_type.startswith(self.COMPRESSED_TYPES)
        if not (path.is_file() and compressible and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:
        body = source.read()
        self.sent.append(len(body))
        outputfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """No access log on the benchmark's output."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[str, str] | None:
    """The page at ``url`` and the address it ended at after redirects, or None if not served."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace"), response.geturl()
    except (OSError, ValueError):
        return None


def serve_latency(
    project: Path, *, regenerate: bool = True, edits: int = SERVE_EDITS, timeout: float = 900.0
) -> tuple[float, ...]:
    """Seconds from saving an edit to ``mkdocs serve --dirty`` serving the page that shows it, for
    ``edits`` edits of different articles :data:`SERVE_EDIT_INTERVAL` seconds apart.

    Runs the real ``mkdocs serve`` on the generated project as an editor would, Pagefind's index
    included, and waits for its first build and index. With ``regenerate`` (our hook on) each edit
    appends a sentence with a unique word to an article; without, the hook is off and the word
    goes straight into that article's generated page, which times MkDocs's own share. Then it
    polls the article's page until the word is there.
    """
    seeds = project / "seeds"
    articles = sorted(seeds.glob("*.txt"))
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-q", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command,
        cwd=project,
        env=_mkdocs_environment(regenerate=regenerate, pagefind=True),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + timeout

        def served(url: str, failure: str) -> tuple[str, str]:
            while (found := fetch(url)) is None:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"{failure} {project}")
                time.sleep(0.5)
            return found

        home = served(f"http://127.0.0.1:{port}/", "mkdocs serve did not start in")
        if fetch(f"{home[1]}search/") is not None:  # Pagefind's search page: let it index first
            served(f"{home[1]}pagefind/pagefind-entry.json", "Pagefind never indexed the preview of")
        seconds = []
        for number in range(edits):
            article = articles[(number + 1) * len(articles) // (edits + 1)]
            marker = f"Benchmarkmarker{port}x{number}"
            page = f"{home[1]}sources/{slugify(article.stem)}/"  # serve redirects to site_url's path
            edited = article if regenerate else project / "docs" / "sources" / f"{slugify(article.stem)}.md"
            time.sleep(SERVE_EDIT_INTERVAL)  # the reloads of the last edit settle
            started = time.perf_counter()
            with edited.open("a", encoding="utf-8") as handle:
                handle.write(f"\nA spokesman for {marker} said nothing more.\n")
            while marker not in (fetch(page) or ("", ""))[0]:
                if time.perf_counter() - started > timeout:
                    raise RuntimeError(f"mkdocs serve never showed the edit of {edited.name}")
                time.sleep(0.05)
            seconds.append(time.perf_counter() - started)
        return tuple(seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _can_use_browser() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return CHROMIUM.exists()


def file_create_cost(folder: Path, files: int = DISK_PROBE_FILES) -> float:
    """Microseconds to create and write one small file in a new ``folder``, which is left as it is.

    On the 2-core test machine the same 6,300 files took 0.2 s to create on one run and 4.5 s on
    another, after many files had been deleted, and deleting old ones made it fast again. That
    moves our write stage and MkDocs's build by seconds, so the bench prints it beside them."""
    folder.mkdir(parents=True)
    content = b"x" * 8192
    started = time.perf_counter()
    for number in range(files):
        handle = os.open(folder / f"{number}.md", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            os.write(handle, content)
        finally:
            os.close(handle)
    return (time.perf_counter() - started) / files * 1e6


def bench_size(count: int, *, workdir: Path, jobs: int, seed: int, edits: int = SERVE_EDITS) -> BenchRow:
    project = workdir / str(count)
    prepare_project(project)
    seeds, docs, site = project / "seeds", project / "docs", project / "site"
    write_corpus(generate(count, seed), seeds)
    file_create_microseconds = file_create_cost(project / "disk-check")
    first = _run_build(seeds, docs, jobs)
    mkdocs_seconds, mkdocs_peak, hook_seconds = _run_mkdocs(project)
    pages, site_bytes, largest, largest_name, median = _site_figures(site)

    material_index = site / "search" / "search_index.json"
    pagefind_seconds, queries = None, ()
    if material_index.exists():
        search, index_bytes = "material", material_index.stat().st_size
    else:
        search, pagefind_seconds = "pagefind", build_index(site)
        index_bytes = _folder_bytes(site / "pagefind")
        if _can_use_browser():
            queries = tuple(first_query_cost(site, word) for word in query_words(seeds))

    _edit_one_article(seeds)
    started = time.perf_counter()
    second = _run_build(seeds, docs, jobs)
    rebuild_seconds = time.perf_counter() - started
    serve_seconds: tuple[float, ...] = ()
    serve_mkdocs_seconds: tuple[float, ...] = ()
    if count <= SERVE_MAX_ARTICLES:
        serve_seconds = serve_latency(project, edits=edits)
        serve_mkdocs_seconds = serve_latency(project, regenerate=False, edits=edits)  # last: it edits a page

    return BenchRow(
        articles=first["articles"],
        incidents=first["incidents"],
        actors=first["actors"],
        places=first["places"],
        stage_seconds={stage: first["timings"].get(stage, 0.0) for stage in STAGES},
        mkdocs_seconds=mkdocs_seconds,
        hook_seconds=hook_seconds,
        our_peak_bytes=first["peak"],
        mkdocs_peak_bytes=mkdocs_peak,
        pages_written=first["written"],
        pages=pages,
        site_bytes=site_bytes,
        largest_page_bytes=largest,
        largest_page=largest_name,
        median_page_bytes=median,
        search=search,
        search_index_bytes=index_bytes,
        pagefind_seconds=pagefind_seconds,
        first_queries=queries,
        rebuild_seconds=rebuild_seconds,
        rebuild_pages=second["written"],
        serve_seconds=serve_seconds,
        serve_mkdocs_seconds=serve_mkdocs_seconds,
        file_create_microseconds=file_create_microseconds,
    )


def run_bench(
    sizes: Sequence[int] = (100, 1000, 10000),
    *,
    workdir: Path,
    jobs: int = 1,
    seed: int = 1,
    edits: int = SERVE_EDITS,
    out: TextIO = sys.stdout,
) -> list[BenchRow]:
    """Benchmark each size in turn, smallest first, printing a line per size as it finishes."""
    rows = []
    for count in sorted(sizes):
        print(f"{count} articles: generating and building ...", file=out, flush=True)
        row = bench_size(count, workdir=Path(workdir), jobs=jobs, seed=seed, edits=edits)
        print(f"{count} articles: done, {row.total_seconds:.1f} s", file=out, flush=True)
        rows.append(row)
    return rows


def _mb(value: int) -> str:
    return f"{value / 1024**2:.1f} MB"


def _spread(seconds: Sequence[float]) -> str:
    """Median and slowest of several timings, or "-" for none."""
    if not seconds:
        return "-"
    return f"{statistics.median(seconds):.2f} s median, {max(seconds):.2f} s max"


def _kb(value: int) -> str:
    return f"{value / 1024:.1f} KB"


def _figures(row: BenchRow) -> dict[str, str]:
    """One column of the table: every figure of one size, formatted."""
    queries = row.first_queries
    return {
        "articles": str(row.articles),
        "incidents / actors / places": f"{row.incidents} / {row.actors} / {row.places}",
        "extraction (articles/s)": f"{row.extract_per_second:.0f}",
        **{f"  {stage} (s)": f"{row.stage_seconds[stage]:.2f}" for stage in STAGES},
        "our stages (s)": f"{row.generation_seconds:.2f}",
        "MkDocs build (s)": f"{row.mkdocs_seconds:.2f}",
        "  of which our hooks (s)": f"{row.hook_seconds:.2f}",
        "total (s)": f"{row.total_seconds:.2f}",
        "seconds per page (ms)": f"{row.seconds_per_page * 1000:.1f}",
        "our peak memory": _mb(row.our_peak_bytes),
        "MkDocs peak memory": _mb(row.mkdocs_peak_bytes),
        "pages written (ours)": str(row.pages_written),
        "HTML pages": str(row.pages),
        "site size": _mb(row.site_bytes),
        "largest page": _kb(row.largest_page_bytes),
        "median page": _kb(row.median_page_bytes),
        "search": row.search,
        "search index": _mb(row.search_index_bytes),
        "Pagefind index (s)": "-" if row.pagefind_seconds is None else f"{row.pagefind_seconds:.1f}",
        "search page load": _kb(queries[0].page_bytes) if queries else "-",
        **{
            f"first query, {kind}": f"{_kb(query.query_bytes)} ({query.query})" if query else "-"
            for kind, query in zip_longest(QUERY_KINDS, queries)
        },
        "rebuild, one article edited (s)": f"{row.rebuild_seconds:.2f}",
        "rebuild pages rewritten": str(row.rebuild_pages),
        "serve --dirty, edit shown": _spread(row.serve_seconds),
        "  MkDocs alone, page edited": _spread(row.serve_mkdocs_seconds),
        "disk: creating a file (µs)": f"{row.file_create_microseconds:.0f}",
    }


def _goals(rows: Sequence[BenchRow]) -> list[str]:
    lines = []

    def goal(ok: bool, text: str) -> None:
        lines.append(f"  {'PASS' if ok else 'FAIL'}  {text}")

    for row in rows:
        n = row.articles
        goal(
            row.largest_page_bytes < PAGE_LIMIT_BYTES,
            f"{n}: largest page {_kb(row.largest_page_bytes)} < 25 KB ({row.largest_page})",
        )
        own = max(row.mkdocs_own_seconds, 1e-9)
        goal(
            row.generation_seconds <= 0.1 * own,
            f"{n}: our stages {row.generation_seconds:.2f} s <= 10% of MkDocs's own {own:.2f} s "
            f"({100 * row.generation_seconds / own:.1f}%; our hooks inside its build add "
            f"{row.hook_seconds:.2f} s, {100 * row.hook_seconds / own:.0f}%)",
        )
        goal(
            max(row.our_peak_bytes, row.mkdocs_peak_bytes) < MEMORY_LIMIT_BYTES,
            f"{n}: peak memory ours {_mb(row.our_peak_bytes)}, MkDocs {_mb(row.mkdocs_peak_bytes)} < 2 GB",
        )
        goal(
            0 < row.rebuild_pages < row.pages_written,
            f"{n}: rebuild after one edit rewrote {row.rebuild_pages} of {row.pages_written} pages",
        )
        if row.serve_seconds:
            goal(
                max(row.serve_seconds) <= SERVE_LIMIT_SECONDS,
                f"{n}: mkdocs serve showed each of {len(row.serve_seconds)} edited articles at most "
                f"{max(row.serve_seconds):.2f} s after the save (<= {SERVE_LIMIT_SECONDS:.0f} s; "
                f"MkDocs alone, an edited page: {_spread(row.serve_mkdocs_seconds)})",
            )
        if row.first_queries:
            worst = max(row.first_queries, key=lambda query: query.query_bytes)
            goal(
                worst.query_bytes <= FIRST_QUERY_LIMIT_BYTES,
                f"{n}: first search query downloaded at most {_kb(worst.query_bytes)} <= 300 KB "
                f"({', '.join(f'{q.query} {_kb(q.query_bytes)}' for q in row.first_queries)})",
            )
    by_size = {row.articles: row for row in rows}
    for large in rows:
        small = by_size.get(large.articles // 10)
        if small is not None:
            ratio = large.seconds_per_page / max(small.seconds_per_page, 1e-9)
            goal(
                ratio <= 1.2,
                f"seconds per page at {large.articles} is {ratio:.2f}x that at {small.articles} (<= 1.2x)",
            )
    return lines


def format_rows(rows: Sequence[BenchRow]) -> str:
    """A table (a column per size), then each goal of issue 6 with PASS or FAIL and its figures."""
    columns = [_figures(row) for row in rows]
    labels = list(columns[0]) if columns else []
    label_width = max((len(label) for label in labels), default=0)
    widths = [max(len(value) for value in column.values()) for column in columns]
    lines = [
        "  ".join(
            [
                label.ljust(label_width),
                *(column[label].rjust(width) for column, width in zip(columns, widths, strict=True)),
            ]
        )
        for label in labels
    ]
    lines += ["", "goals:", *_goals(rows)]
    return "\n".join(lines)


if __name__ == "__main__":
    _child_build(*sys.argv[1:4])
