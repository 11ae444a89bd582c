"""budget.views.basic_project: the frames of its page."""

from __future__ import annotations


from budget.views import basic_project
from tests.budget.views.builders import m, make_disclosure, values_by_id


def test_economic_hierarchy():
    h = basic_project.economic_hierarchy(make_disclosure())
    v = values_by_id(h)
    assert v["root"] == m("387.13") and v["personnel"] == m("355.31") and v["public"] == m("31.82")
    assert v["public/302"] == m("31.82") and v["personnel/30101"] == m("80.29")
    parents = dict(zip(h.frame["id"], h.frame["parent"], strict=False))
    assert parents["public/30201"] == "public/302" and parents["personnel/301"] == "personnel"
