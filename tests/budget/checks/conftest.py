"""The parsed seed, shared by the rule tests."""

from __future__ import annotations

import pytest

from budget.model import Disclosure


@pytest.fixture(scope="session")
def seed(seed_docx) -> Disclosure:
    return seed_docx
