"""Shared fixtures: the real documents in ../shared/fixtures, parsed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import load

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures"
SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "seed.docx"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture(scope="session")
def seed_docx():
    return load(fixture_bytes("seed.docx"), "seed.docx")


@pytest.fixture(scope="session")
def seed_txt():
    return load(fixture_bytes("seed.txt"), "seed.txt")


@pytest.fixture(scope="session")
def seed(seed_docx):
    """The seed as the rule and view tests call it: the parsed seed.docx."""
    return seed_docx
