"""bytes -> budget.model.Disclosure, whatever the format."""

from __future__ import annotations

from loaders.blocks import LoadError
from loaders.detect import load
from loaders.join import join

__all__ = ["LoadError", "join", "load", "load_many"]


def load_many(files: list[tuple[bytes, str]]):
    """One disclosure from the files (data, name) it is published in (see loaders.join)."""
    return join([load(data, name) for data, name in files])
