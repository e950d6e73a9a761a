"""MkDocs hook: the second wall between untrusted article text and the reader's browser.

The render stage escapes everything it takes from an article, so no markup should reach a page.
This hook does not rely on that alone:

- ``on_page_content`` passes each page's rendered HTML through nh3 (the ammonia sanitizer) with an
  allow-list that fits what the generated pages use: tables, admonitions, ``details``, anchors
  with ``id``/``class`` (cross-links and claim anchors), and the inline SVG of the map and the
  network with their ``<a href>`` links. Scripts, event handlers, ``style`` (beyond table
  alignment) and ``javascript:`` URLs are removed.
- ``on_post_page`` adds a Content-Security-Policy ``<meta>`` (GitHub Pages cannot send headers):
  only scripts from the site itself and Material's own inline bootstrap scripts may run, and
  nothing may be loaded from another host. An inline script is allowed by its SHA-256 hash, and
  only if it has the shape of one of the theme's inline scripts (the theme's partials with the
  template values left open), so a script that slipped into a page is not allowed along with them.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import nh3
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

SVG_TAGS = frozenset(
    {
        "svg",
        "g",
        "path",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "rect",
        "text",
        "tspan",
        "title",
        "desc",
    }
)
ALLOWED_TAGS = frozenset(nh3.ALLOWED_TAGS | SVG_TAGS | {"details", "summary", "mark", "figure", "figcaption"})

_SHAPE = {
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-linecap",
    "stroke-linejoin",
    "opacity",
    "transform",
}
_COMMON = {
    "id",
    "class",
    "title",
    "lang",
    "dir",
    "role",
    "aria-label",
    "aria-labelledby",
    "aria-describedby",
    "aria-hidden",
}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": _COMMON,
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"align", "colspan", "rowspan", "scope", "style"},
    "td": {"align", "colspan", "rowspan", "style"},
    "ol": {"start"},
    "details": {"open"},
    "svg": {"viewBox", "width", "height", "xmlns", "preserveAspectRatio", "focusable"} | _SHAPE,
    "g": _SHAPE | {"font-size", "text-anchor"},
    "path": _SHAPE | {"d"},
    "circle": _SHAPE | {"cx", "cy", "r"},
    "ellipse": _SHAPE | {"cx", "cy", "rx", "ry"},
    "line": _SHAPE | {"x1", "y1", "x2", "y2"},
    "polyline": _SHAPE | {"points"},
    "polygon": _SHAPE | {"points"},
    "rect": _SHAPE | {"x", "y", "width", "height", "rx", "ry"},
    "text": _SHAPE | {"x", "y", "dx", "dy", "font-size", "font-weight", "text-anchor", "dominant-baseline"},
    "tspan": _SHAPE | {"x", "y", "dx", "dy", "font-size", "font-weight"},
}
TABLE_STYLE = {"text-align"}
"""Python-Markdown writes column alignment as ``style="text-align: …"``; nothing else is kept."""

URL_SCHEMES = {"http", "https", "mailto"}


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    filter_style_properties=TABLE_STYLE,
    link_rel=None,
)
"""Made once: ``nh3.clean`` converts the allow-lists on every call, about a quarter of its time."""


def sanitize(html: str) -> str:
    """Keep only the markup the dossier's pages are made of; drop everything else."""
    return _CLEANER.clean(html)


_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}", re.S)


def theme_script_shapes(theme_dirs: list[str]) -> list[re.Pattern[str]]:
    """Patterns of the theme's inline scripts: its partials' text, template values left open."""
    shapes = {}
    for theme_dir in theme_dirs:
        for partial in sorted(Path(theme_dir).glob("partials/javascripts/*.html")):
            for body in _INLINE_SCRIPT.findall(partial.read_text(encoding="utf-8")):
                parts = _TEMPLATE_VALUE.split(body)
                shapes[body] = re.compile(r'[^"<>]*'.join(re.escape(part) for part in parts))
    return [shapes[body] for body in sorted(shapes)]


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(page_html: str, shapes: list[re.Pattern[str]]) -> str:
    """The policy for one page: its own theme scripts by hash, every resource from the site only."""
    hashes = sorted(
        {
            script_hash(body)
            for body in _INLINE_SCRIPT.findall(page_html)
            if any(shape.fullmatch(body) for shape in shapes)
        }
    )
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["script-src 'self'", *hashes]),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


_shapes: list[re.Pattern[str]] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _shapes[:] = theme_script_shapes(list(config.theme.dirs))
    return config


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return sanitize(html)


def with_policy(output: str) -> str:
    """The page with its Content-Security-Policy as the first element of ``<head>``."""
    policy = content_security_policy(output, _shapes)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_policy(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is a theme template, not a page: it gets the same policy."""
    return with_policy(output_content) if template_name.endswith(".html") else output_content
