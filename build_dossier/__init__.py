"""Turn news articles about violent incidents into a cross-linked, searchable MkDocs dossier."""
