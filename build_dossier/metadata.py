"""The editorial sidecar: metadata the text cannot give, kept by an editor in ``seeds/metadata.yml``.

Every problem is reported at once, each naming the file, the line and the field, and a broken
sidecar stops the build before anything is written. The file is read as a YAML node tree (not
loaded into Python values) so that each value keeps its line and is checked as text: YAML's own
guesses (``2015-02-30`` as a string, ``no`` as false) never reach the dossier.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from build_dossier.errors import ConfigError

FIELDS = ("title", "outlet", "relayed_from", "published", "url")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# libyaml's parser when PyYAML was built with it: 10,000 entries compose in a fraction of the time.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class ArticleMetadata:
    """What an editor states about one article file."""

    title: str | None = None
    outlet: str | None = None
    relayed_from: str | None = None
    """The wire service whose copy the outlet republishes."""
    published: dt.date | None = None
    url: str | None = None


def _field_value(field: str, text: str, where: str, problems: list[str]) -> object:
    """The checked value of one field, or None after adding a problem."""
    if field == "published":
        try:
            if not ISO_DATE.fullmatch(text):
                raise ValueError(text)
            return dt.date.fromisoformat(text)
        except ValueError:
            problems.append(f"{where}: {text!r} is not a date written YYYY-MM-DD")
            return None
    if field == "url":
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in text):
            problems.append(f"{where}: {text!r} is not an http(s) address")
            return None
    return " ".join(text.split())


def _check_entry(path: Path, name: str, node: yaml.Node, problems: list[str]) -> ArticleMetadata:
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return ArticleMetadata()  # "a.txt:" with nothing under it
    if not isinstance(node, yaml.MappingNode):
        problems.append(
            f"{path}:{node.start_mark.line + 1}: {name}: expected fields such as outlet, published"
        )
        return ArticleMetadata()
    values: dict[str, object] = {}
    for key_node, value_node in node.value:
        field = str(key_node.value)
        where = f"{path}:{key_node.start_mark.line + 1}: {name}: {' '.join(field.split())}"
        if field not in FIELDS:
            problems.append(f"{where}: unknown field (known: {', '.join(FIELDS)})")
        elif field in values:
            problems.append(f"{where}: given twice")
        elif not isinstance(value_node, yaml.ScalarNode) or not str(value_node.value).strip():
            problems.append(f"{where}: expected a single text value")
        else:
            value = _field_value(field, str(value_node.value).strip(), where, problems)
            if value is not None:
                values[field] = value
    return ArticleMetadata(**values)  # type: ignore[arg-type]


def read_metadata(path: Path, article_names: set[str]) -> dict[str, ArticleMetadata]:
    """Read ``path`` (absent means no metadata); keys must name files in ``article_names``."""
    if not path.is_file():
        return {}
    try:
        root = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ConfigError(f"{where}: not valid YAML ({reason})") from error
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null")):
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(
            f"{path}:{root.start_mark.line + 1}: expected a mapping from article file names to their fields"
        )
    problems: list[str] = []
    entries: dict[str, ArticleMetadata] = {}
    for key_node, value_node in root.value:
        name = str(key_node.value)
        where = f"{path}:{key_node.start_mark.line + 1}: {' '.join(name.split())}"
        if name not in article_names:
            problems.append(f"{where}: no such article file in {path.parent}")
        elif name in entries:
            problems.append(f"{where}: listed twice")
        else:
            entries[name] = _check_entry(path, name, value_node, problems)
    if problems:
        raise ConfigError("; ".join(problems))
    return entries
