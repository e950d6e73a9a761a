"""The site's configuration and the built site: self-contained, scalable navigation, strict checks.

Issue "The dossier, end to end" asks that the built site load nothing from third-party hosts and
that the sidebar not list generated pages one by one; issue "Published on GitHub Pages" that it
work under a project page's subpath.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.utils.yaml import yaml_load
from sitekit import PROJECT, build_site, make_project

from build_dossier.settings import GENERATED_DIRS, GENERATED_PAGES

SITE_URL = "https://example.github.io/incident-dossier/"

THEME_ASSET_HOSTS = {
    # Material's JavaScript bundle. It loads a ResizeObserver polyfill from unpkg only in browsers
    # without ResizeObserver (none that Material supports) and Mermaid only for diagrams (the
    # dossier has none); it asks api.github.com about a repository only when repo_url is set (it
    # is not). The Content-Security-Policy would block all three, and the browser tests check
    # that no page requests another host.
    "unpkg.com",
    "api.github.com",
    "clipboardjs.com",
    # Licence headers and documentation links in comments of Material's and lunr's files.
    "www.w3.org",
    "fontawesome.com",
    "github.com",
    "lunrjs.com",
    "tartarus.org",
    "bit.ly",
    "snowball.tartarus.org",
    "code.google.com",
    "www.mozilla.org",
    "people.mozilla.org",
    "developer.mozilla.org",
    "docs.python.org",
    "en.wikipedia.org",
    "msdn.microsoft.com",
    "narwhaljs.org",
    "underscorejs.org",
    "wiki.commonjs.org",
    "wiki.ecmascript.org",
    "chasen.org",
}
"""Hosts named in the theme's own files (``assets/``), each for a reason given above."""

FETCHED = {
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("form", "action"),
    ("image", "href"),
    ("use", "href"),
}
"""Attributes whose URL the browser loads by itself, without the reader clicking anything."""


def load_mkdocs_yml(monkeypatch: pytest.MonkeyPatch) -> dict:
    monkeypatch.delenv("DOSSIER_SITE_URL", raising=False)
    return yaml_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))


def test_site_url_defaults_to_a_project_page_and_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert load_mkdocs_yml(monkeypatch)["site_url"] == SITE_URL
    monkeypatch.setenv("DOSSIER_SITE_URL", "https://org.github.io/repo/")
    assert yaml_load((PROJECT / "mkdocs.yml").read_text())["site_url"] == "https://org.github.io/repo/"


def test_theme_loads_no_fonts_and_has_the_reading_features(monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_mkdocs_yml(monkeypatch)
    theme = config["theme"]
    assert theme["name"] == "material" and theme["font"] is False
    assert {
        "navigation.indexes",
        "navigation.top",
        "search.suggest",
        "search.highlight",
        "content.tooltips",
    } <= set(theme["features"])
    schemes = [entry["scheme"] for entry in theme["palette"]]
    assert schemes == ["default", "slate"] and all("toggle" in e for e in theme["palette"])
    plugins = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert plugins == ["search", "htmlproofer"]
    assert "privacy" not in plugins and "offline" not in plugins  # both need the network


def test_strict_build_fails_on_broken_links_and_anchors(monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_mkdocs_yml(monkeypatch)
    assert config["validation"] == {
        "omitted_files": "warn",
        "absolute_links": "warn",
        "unrecognized_links": "warn",
        "anchors": "warn",
    }
    assert config["watch"] == ["seeds", "build_dossier/templates"]
    # Pagefind's hook edits the policy html_guard writes, so it must come after it; the policy hashes
    # inline scripts, so minifying comes before it.
    assert config["hooks"] == [
        "build_dossier/mkdocs_hook.py",
        "build_dossier/html_minify.py",
        "build_dossier/html_guard.py",
        "build_dossier/pagefind_search.py",
    ]


def test_sidebar_is_small_and_generated_pages_are_not_in_it(monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_mkdocs_yml(monkeypatch)
    targets = [next(iter(entry.values())) for entry in config["nav"]]
    assert len(targets) == 11
    for target in targets:
        assert (
            target in GENERATED_PAGES
            or target.endswith("index.md")
            or not any(target.startswith(folder + "/") for folder in GENERATED_DIRS)
        ), target
    assert all(target.count("/") == 0 or target.endswith("/index.md") for target in targets)
    patterns = config["not_in_nav"].split()
    for folder in GENERATED_DIRS:
        if folder != "data":  # downloads, not pages
            assert f"/{folder}/*.md" in patterns


class _References(HTMLParser):
    """Every URL a page makes the browser load, and every link to somewhere else."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.linked: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if not value:
                continue
            urls = [part.split()[0] for part in value.split(",")] if name == "srcset" else [value]
            if (tag, name) in FETCHED:
                self.fetched += urls
            elif tag == "a" and name == "href":
                self.linked += urls
            elif name == "style":
                self.fetched += re.findall(r"url\(\s*['\"]?([^'\")]+)", value)


def third_party(url: str, own_host: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) and parts.hostname != own_host or url.strip().startswith("//")


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("built")
    project = make_project(root / "project", PROJECT / "seeds")
    build_site(root / "site", SITE_URL, project=project)
    return root / "site"


def test_pages_load_nothing_from_other_hosts(built_site: Path) -> None:
    own = urlsplit(SITE_URL).hostname
    offending = []
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        parser = _References()
        parser.feed(page.read_text(encoding="utf-8"))
        offending += [
            f"{page.relative_to(built_site)}: {url}" for url in parser.fetched if third_party(url, own)
        ]
    assert offending == []


def test_only_the_theme_names_other_hosts_in_scripts_and_styles(built_site: Path) -> None:
    unexpected = []
    for path in sorted(built_site.rglob("*")):
        if path.suffix not in {".js", ".css", ".html"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            # Only what runs or styles the page: inline scripts and style blocks.
            text = " ".join(re.findall(r"<(?:script|style)\b[^>]*>(.*?)</(?:script|style)>", text, re.S))
        hosts = set(re.findall(r"(?:https?:|[\"'(])//([a-z0-9.-]+\.[a-z]{2,})", text, re.I))
        own_file = not path.relative_to(built_site).as_posix().startswith("assets/")
        allowed = set() if own_file else THEME_ASSET_HOSTS
        unexpected += [f"{path.relative_to(built_site)}: {host}" for host in sorted(hosts - allowed)]
    assert unexpected == []


SAFE_SOURCES = re.compile(r"'self'|'none'|data:|'sha256-[A-Za-z0-9+/]+={0,2}'")


def test_every_page_has_a_content_security_policy_naming_no_other_host(built_site: Path) -> None:
    """GitHub Pages sends no security headers, so each page carries its policy in a <meta>: only
    the site itself, data: URIs and the theme's inline scripts by hash; inline styles only."""
    wrong = []
    for page in sorted(built_site.rglob("*.html")):
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', head)
        if not policy:
            wrong.append(f"{page.relative_to(built_site)}: no policy")
            continue
        directives = dict(d.strip().split(" ", 1) for d in policy.group(1).split(";"))
        for name, sources in sorted(directives.items()):
            for source in sources.split():
                if not SAFE_SOURCES.fullmatch(source) and (name, source) != ("style-src", "'unsafe-inline'"):
                    wrong.append(f"{page.relative_to(built_site)}: {name} {source}")
        if directives.get("default-src") != "'self'" or "'sha256-" not in directives["script-src"]:
            wrong.append(f"{page.relative_to(built_site)}: {policy.group(1)}")
    assert wrong == []


def test_home_page_shows_build_date_counts_and_downloads(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    # The HTML is minified: attribute values need no quotes.
    assert re.search(r'class="?dossier-build-date"?[^<]*<time datetime="?\d{4}-\d{2}-\d{2}"?>', home)
    assert re.search(r'href="?data/dossier\.json"?[ >]', home)
    assert re.search(r'href="?sources/"?[ >]', home)
    assert (built_site / "404.html").is_file()
    assert "Page not found" in (built_site / "404.html").read_text(encoding="utf-8")
