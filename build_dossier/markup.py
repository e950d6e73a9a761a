"""Writing untrusted article text into Markdown and HTML so it always shows as the literal text.

Article text can hold ``<script>``, ``[x](javascript:...)``, ``{{ jinja }}``, table pipes or front
matter fences. Every piece of it goes through one of these functions exactly once, after the
templates are compiled, so nothing from an article is ever parsed as markup or template code.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import quote, urlsplit

_MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!|"
"""Characters Python-Markdown (with the tables extension) removes a backslash from. ``~``, ``:``
and ``=`` are not among them: a backslash before them would show on the page."""

_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", **{char: "\\" + char for char in _MARKDOWN_SPECIALS}}
)
"""One pass: ``&<>`` become entities (no HTML, no autolink, no blockquote), specials get a backslash."""

_WHITESPACE = re.compile(r"\s+")
_UNSAFE_IN_PLAIN = re.compile(r"[<>&\"'`{}\[\]\\|#*_]")
_ANCHOR_UNSAFE = re.compile(r"[^a-z0-9-]+")
_URL_SAFE = ":/?#@!$&'*+,;=%~"


def one_line(text: str) -> str:
    """Collapse runs of whitespace (newlines too), so text cannot start a Markdown block."""
    return " ".join(text.split())


TEXT_MEMO_SIZE = 1 << 16
"""Strings remembered by the text helpers that pages call again and again for the same sentence and
name (a quote is shown on its article's, its incident's and each named actor's page); bounded so
memory does not grow with the dossier."""


@lru_cache(maxsize=TEXT_MEMO_SIZE)
def md_text(text: str) -> str:
    """Untrusted text -> Markdown that renders as exactly that text, on one line.

    ``&``, ``<`` and ``>`` become entities (no HTML, no autolink, no blockquote); the Markdown
    specials get a backslash (no emphasis, link, code, heading, list, table cell or attribute list).
    """
    return one_line(text).translate(_ESCAPES)


def md_fragment(text: str) -> str:
    """Like :func:`md_text` for a piece of a sentence: the spaces at either end are kept."""
    return _WHITESPACE.sub(" ", text).translate(_ESCAPES)


def html_text(text: str) -> str:
    """Untrusted text for inside raw HTML or SVG, where Markdown is not processed.

    Backticks become ``&#96;`` too: Python-Markdown's raw-HTML parser treats a backtick as the
    start of a code span and would cut the HTML block there.
    """
    return html.escape(one_line(text), quote=True).replace("`", "&#96;")


def plain(text: str) -> str:
    """Text safe in any context without escaping: for front matter titles and tags.

    Themes print ``page.meta.title`` and tag names without escaping, so characters that could
    open markup are dropped rather than escaped.
    """
    return one_line(_UNSAFE_IN_PLAIN.sub(" ", text))


def quoted(text: str) -> str:
    """A sentence shown as a quotation, escaped."""
    return f"“{md_text(text)}”"


def anchor_id(text: str) -> str:
    """An HTML id from a trusted id (a slug): lower case letters, digits and hyphens only."""
    return _ANCHOR_UNSAFE.sub("-", text.lower()).strip("-") or "x"


def md_link(label_markdown: str, target: str) -> str:
    """An internal link; the label must already be Markdown (escaped), the target a relative path."""
    return f"[{label_markdown}]({target})"


def external_link(label: str, url: str) -> str:
    """A link to an article's URL, only for http and https; anything else is shown as text."""
    url = one_line(url)
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return md_text(url or label)
    return f"[{md_text(label)}]({quote(url, safe=_URL_SAFE)})"


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar for front matter; :func:`plain` leaves no quote or backslash."""
    return f'"{plain(text)}"'


def built_href(from_page: str, to_page: str) -> str:
    """A link for raw HTML (SVG), which MkDocs does not rewrite: the URL of the built page.

    Assumes MkDocs' default ``use_directory_urls: true`` (``actors/x.md`` is served at ``actors/x/``).
    """

    def directory(page: str) -> str:
        stem = page[: -len(".md")] if page.endswith(".md") else page
        if stem == "index" or stem.endswith("/index"):
            stem = stem[: -len("index")]
        return stem.rstrip("/") + "/" if stem else ""

    source, target = directory(from_page), directory(to_page)
    depth = source.count("/")
    return html.escape("../" * depth + target, quote=True) or "./"
