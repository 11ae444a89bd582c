"""budget.views.performance: the frames of its page."""

from __future__ import annotations

from decimal import Decimal


from budget.model import Indicator
from budget.views import performance
from tests.budget.views.builders import m, make_disclosure


def test_parse_target():
    def parts(text):
        t = performance.parse_target(text)
        return None if t is None else (t.operator, t.number, t.unit)

    assert parts("≥90%") == ("≥", Decimal(90), "%")
    assert parts("≤5万元") == ("≤", Decimal(5), "万元")
    assert parts("4次") == (None, Decimal(4), "次")
    assert parts("效果明显") is None


def test_indicator_flags():
    d = make_disclosure()
    inds = d.performance[0].indicators
    codes = [{f.code for f in performance.indicator_flags(i)} for i in inds]
    assert codes[0] == set()
    assert codes[1] == set()
    assert codes[2] == {"qualitative"}
    assert codes[3] == {"satisfaction_low", "basis_missing", "description_copy"}
    assert codes[4] == {"unit_missing", "cost_form"}
    no_target = Indicator("产出指标", "数量指标", "x", "y", None, "z")
    assert performance.indicator_flags(no_target)[0].code == "target_missing"


def test_project_view_caps_and_procurement():
    d = make_disclosure()
    view = performance.project_view(d, 0)
    assert [cap for _, cap in view.caps] == [m("5")]
    assert [p.item for p in view.procurement] == ["其他印刷服务"]
    assert performance.project_budget(d, view) == m("100.00")
    assert [l1 for l1, _ in view.groups] == ["产出指标", "效益指标", "满意度指标"]
    assert [l2 for l2, _ in view.groups[0][1]] == ["数量指标", "成本指标"]
    assert any("占位" in n for n in view.notes)
    # a cap above the project's budget is noted
    small = performance.project_view(d, 0)
    assert not any("高于项目预算" in n for n in small.notes)


def test_checklist_frame():
    d = make_disclosure()
    frame = performance.checklist_frame(d, {(0, 1)})
    assert len(frame) == 6
    assert list(frame["已核对"]) == ["否", "是", "否", "否", "否", "否"]
