"""bytes -> budget.model.Disclosure, whatever the format."""

from __future__ import annotations

from loaders.blocks import LoadError
from loaders.detect import load

__all__ = ["LoadError", "load"]
