"""The exception hierarchy: user errors carry one line that names the file and the problem."""

from __future__ import annotations


class DossierError(Exception):
    """Base of every error a user can cause; the CLI prints it as one line, exit code 2."""


class ConfigError(DossierError):
    """Settings or the sidecar metadata file are invalid."""


class InputError(DossierError):
    """An input file cannot be used at all (the build stops)."""


class WriteError(DossierError):
    """Writing the pages would overwrite something that is not ours, or failed."""
