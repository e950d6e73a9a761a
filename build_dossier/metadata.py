"""The editorial sidecar: metadata the text cannot give, kept by an editor in ``seeds/metadata.yml``.

Every problem is reported at once, each naming the file, the line and the field, and a broken
sidecar stops the build before anything is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from build_dossier.errors import ConfigError

FIELDS = ("title", "outlet", "relayed_from", "published", "url")


@dataclass(frozen=True)
class ArticleMetadata:
    """What an editor states about one article file."""

    title: str | None = None
    outlet: str | None = None
    relayed_from: str | None = None
    """The wire service whose copy the outlet republishes."""
    published: dt.date | None = None
    url: str | None = None


def _check_entry(path: Path, name: str, node: yaml.Node, problems: list[str]) -> ArticleMetadata:
    if not isinstance(node, yaml.MappingNode):
        problems.append(f"{path}:{node.start_mark.line + 1}: {name}: expected fields such as outlet, published")
        return ArticleMetadata()
    values: dict[str, object] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        field = key_node.value
        value = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
        where = f"{path}:{line}: {name}: {field}"
        if field not in FIELDS:
            problems.append(f"{where}: unknown field (known: {', '.join(FIELDS)})")
        elif not isinstance(value, str) or not value.strip():
            problems.append(f"{where}: expected a single text value")
        elif field == "published":
            try:
                values[field] = dt.date.fromisoformat(value.strip())
            except ValueError:
                problems.append(f"{where}: {value!r} is not a date written YYYY-MM-DD")
        elif field == "url" and urlsplit(value.strip()).scheme not in ("http", "https"):
            problems.append(f"{where}: {value!r} is not an http(s) address")
        else:
            values[field] = value.strip()
    return ArticleMetadata(**values)  # type: ignore[arg-type]


def read_metadata(path: Path, article_names: set[str]) -> dict[str, ArticleMetadata]:
    """Read ``path`` (absent means no metadata); keys must name article files in its folder."""
    if not path.exists():
        return {}
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ConfigError(f"{where}: not valid YAML ({reason})") from error
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(f"{path}:1: expected a mapping from article file names to their fields")
    problems: list[str] = []
    entries: dict[str, ArticleMetadata] = {}
    for key_node, value_node in root.value:
        name = str(key_node.value)
        if name not in article_names:
            problems.append(f"{path}:{key_node.start_mark.line + 1}: {name}: no such article file in {path.parent}")
            continue
        entries[name] = _check_entry(path, name, value_node, problems)
    if problems:
        raise ConfigError("; ".join(problems))
    return entries
