"""Turn news articles about violent incidents into a cross-linked, searchable MkDocs dossier."""

from build_dossier.pipeline import build

__all__ = ["build"]
