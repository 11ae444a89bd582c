"""语料库: the page on the demo corpus (the public documents in samples/) and on a corpus
ingested from ../shared/corpus; opening a row's document; drafts compared, never stored."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from budget.application import corpus as ingest
from components import corpus as component
from tests.conftest import demo_corpus
from tests.pages.conftest import ROOT, array, fixture_bytes, new_app, upload

SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared" / "corpus"
# A few documents of the shared corpus: five cities, 元 and 万元, 2022 to 2026.
SHARED_FILES = ("shanghai_01.pdf", "guangzhou_13.pdf", "chongqing_04.pdf", "xian_08.pdf", "wuxi_06.pdf")

AUDIT = "上海市审计局"
SEED = "中共秦皇岛市海港区委政法委员会本级"


@pytest.fixture(scope="session")
def demo_db() -> Path:
    """The demo corpus exactly as `make run` builds it: every file in samples/ (ingested once
    per run, shared with the browser test's server: tests.conftest.demo_corpus)."""
    return demo_corpus()


@pytest.fixture(scope="session")
def shared_db(tmp_path_factory) -> tuple[Path, float]:
    if not SHARED.is_dir():
        pytest.skip("../shared/corpus not available")
    folder = tmp_path_factory.mktemp("shared")
    for name in SHARED_FILES:
        shutil.copy(SHARED / name, folder / name)
    path = tmp_path_factory.mktemp("shared_db") / "corpus.duckdb"
    start = time.perf_counter()
    report = ingest.ingest(folder, path, jobs=2)
    assert report.ingested == len(SHARED_FILES), [f.line() for f in report.files]
    return path, time.perf_counter() - start


def _use(monkeypatch, db: Path, documents: Path | None = None) -> None:
    monkeypatch.setenv(component.ENV_PATH, str(db))
    if documents is not None:
        monkeypatch.setenv(component.ENV_DOCUMENTS, str(documents))
    else:
        monkeypatch.delenv(component.ENV_DOCUMENTS, raising=False)


def corpus_page(tab: str | None = None, **state):
    at = new_app()
    if tab:
        at.session_state[component.TAB] = tab
    for key, value in state.items():
        at.session_state[key] = value
    at.switch_page("pages/corpus.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def table(at, index: int = 0):
    return at.dataframe[index].value


def test_the_table_of_units_on_the_demo_corpus(monkeypatch, demo_db):
    _use(monkeypatch, demo_db, SAMPLES)
    at = corpus_page()
    assert at.title[0].value == "语料库"
    assert "7 份、7 个单位（2023–2026 年）" in at.caption[0].value
    units = table(at)
    assert list(units["单位"])[:3] == ["上海市数据局", "上海市信访办公室", AUDIT]  # by 支出总计, largest first
    by = units.set_index("单位")
    # a 元 document and a 万元 document in one column, converted exactly
    assert by.loc["上海市普陀区社会福利院", "支出总计（万元）"] == Decimal("1212.1164")
    assert by.loc[SEED, "支出总计（万元）"] == Decimal("1452.21")
    assert by.loc[SEED, "原文金额单位"] == "万元" and by.loc[AUDIT, "原文金额单位"] == "元"
    assert by.loc[AUDIT, "“三公”经费（万元）"] == Decimal("237.92")
    assert by.loc[AUDIT, "预算/决算"] == "预算" and by.loc[AUDIT, "地区"] == "上海市"
    assert by.loc[SEED, "地区"] == "秦皇岛市海港区"
    assert by.loc[SEED, "错误"] >= 1
    # sorted in SQL by another column, smallest first
    at.selectbox(key="corpus_sort").set_value("three_public").run()
    at.toggle(key="corpus_descending").set_value(False).run()
    assert list(table(at)["单位"])[:2] == [SEED, "上海市普陀区社会福利院"]  # 2.56 < 6.40 万元
    # filters
    at.multiselect(key="corpus_years").set_value([2024]).run()
    assert set(table(at)["年度"]) == {2024} and len(table(at)) == 2
    assert [b.label for b in at.get("download_button")] == ["下载 CSV", "下载 XLSX"]


def test_the_export_is_exact(demo_db):
    from budget.application import corpus_queries as q
    from budget.export import tables as export
    from budget.views import corpus as view

    con = q.connect(demo_db)
    try:
        frame = view.units_frame(q.unit_table(con, q.Filters()))
    finally:
        con.close()
    text = export.frame_csv(frame).decode("utf-8-sig")
    assert "上海市普陀区社会福利院,2024,预算,单位,上海市普陀区,1212.1164," in text


def test_rankings_and_distribution(monkeypatch, demo_db):
    _use(monkeypatch, demo_db, SAMPLES)
    at = corpus_page("排名与分布")
    ranked = table(at)
    assert list(ranked["单位"])[:3] == [AUDIT, "上海市数据局", "上海市信访办公室"]  # 三公, largest first
    assert list(ranked["金额（万元）"])[:3] == [Decimal("237.92"), Decimal("143.14"), Decimal("84.00")]
    specs = [chart.proto.spec for chart in at.get("plotly_chart")]
    assert len(specs) == 2  # the ranking and the distribution
    at.segmented_control(key="corpus_basis").set_value("share").run()
    shares = table(at)
    assert "占本单位支出总计" in shares.columns
    # the share is computed exactly from the amounts: 三公 / 支出总计
    audit = shares.set_index("单位").loc[AUDIT]
    assert audit["占本单位支出总计"] == Decimal("1.2")  # 237.92 / 19,577.43 = 1.215…%
    at.segmented_control(key="corpus_basis").set_value("change").run()
    assert "没有可排名的单位" in at.info[0].value  # one year per unit in the demo


def test_search_highlights_without_markup(monkeypatch, demo_db):
    _use(monkeypatch, demo_db, SAMPLES)
    at = corpus_page("全文检索", corpus_search="公务接待")
    hits = table(at)
    assert set(hits["命中"]) == {"公务接待"}
    assert AUDIT in set(hits["单位"]) and SEED in set(hits["单位"])
    row = hits[(hits["单位"] == AUDIT) & hits["后文"].str.startswith("费8.12万元")]
    assert len(row) == 1  # "（三）公务接待费8.12万元，与2025年预算持平。"
    assert not [m.value for m in at.markdown if "公务接待" in m.value]  # document text never as Markdown
    at.text_input(key="corpus_search").set_value("经").run()
    assert "至少两个字" in at.caption[1].value


def test_a_row_opens_the_published_document_in_this_session(monkeypatch, demo_db):
    from budget.application import corpus_queries as q

    _use(monkeypatch, demo_db, SAMPLES)
    con = q.connect(demo_db)
    try:
        rows = q.unit_table(con, q.Filters(regions=("上海市",)), "three_public")
    finally:
        con.close()
    sha = rows.iloc[0]["sha256"]
    assert rows.iloc[0]["unit_name"] == AUDIT
    at = corpus_page(**{component.OPEN: sha})
    # the page switched to 总览 of that document
    assert at.title[0].value == "总览"
    assert any(AUDIT in m.value for m in at.markdown)
    assert at.session_state["session_selected"] == sha
    assert at.session_state["session_published"][sha].published


def test_a_changed_file_is_not_opened(monkeypatch, demo_db, tmp_path):
    from budget.application import corpus_queries as q

    folder = tmp_path / "samples"
    shutil.copytree(SAMPLES, folder)
    (folder / "seed.docx").write_bytes(b"changed since it was ingested")
    _use(monkeypatch, demo_db, folder)
    con = q.connect(demo_db)
    try:
        sha = q.unit_table(con, q.Filters(regions=("秦皇岛市海港区",))).iloc[0]["sha256"]
    finally:
        con.close()
    at = corpus_page(**{component.OPEN: sha})
    assert at.title[0].value == "语料库"
    assert "已被修改" in at.error[0].value


def _with_draft(tab: str):
    at = new_app()
    upload(at, ("草稿.docx", fixture_bytes("seed.docx")))
    at.session_state[component.TAB] = tab
    at.switch_page("pages/corpus.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_drafts_are_compared_and_never_written(monkeypatch, demo_db):
    _use(monkeypatch, demo_db, SAMPLES)
    before = demo_db.stat().st_mtime_ns, demo_db.stat().st_size
    draft = table(_with_draft("我的文档")).set_index("项目")
    assert draft.loc["支出总计", "本文档（万元）"] == Decimal("1452.21")
    # 7 units report 支出总计; 5 are above 1,452.21 万元 (the seed itself ties, not above)
    assert draft.loc["支出总计", "可比单位数"] == 7
    assert draft.loc["支出总计", "名次（从高到低）"] == "6 / 8"
    assert draft.loc["“三公”经费", "本文档（万元）"] == Decimal("2.56")
    # the distribution places and marks the draft
    at = _with_draft("排名与分布")
    assert [t.value for t in at.text if "草稿" in t.value] == [
        "《草稿.docx》为 2.56：在语料库 7 个可比单位中排第 7 位（高于 0 个，低于 6 个）；语料库中位数 47.91。"
    ]
    histogram = json.loads([chart.proto.spec for chart in at.get("plotly_chart")][-1])
    assert [a["text"] for a in histogram["layout"]["annotations"]] == ["本文档：草稿.docx"]
    assert histogram["layout"]["shapes"][0]["x0"] == 2.56
    assert (demo_db.stat().st_mtime_ns, demo_db.stat().st_size) == before
    with duckdb.connect(str(demo_db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents WHERE name = '草稿.docx'").fetchall() == [(0,)]


def test_a_unit_timeline_and_stages_tabs(monkeypatch, demo_db):
    _use(monkeypatch, demo_db, SAMPLES)
    at = corpus_page("单位时间线", corpus_unit_name="审计")
    assert len(at.selectbox(key="corpus_unit").options) == 1
    line = table(at).set_index("项目")
    assert line.loc["“三公”经费", "2026年（万元）"] == Decimal("237.92")
    assert "只有 2026 年度" in " ".join(c.value for c in at.caption)
    at = corpus_page("预算与决算")
    assert "预算和决算都在" in at.info[0].value


def test_without_a_corpus_the_page_says_how_to_build_one(monkeypatch, tmp_path):
    monkeypatch.delenv(component.ENV_PATH, raising=False)
    monkeypatch.setattr(component, "DEMO_CORPUS", tmp_path / "none.duckdb")
    at = corpus_page()
    assert "make run" in at.info[0].value
    monkeypatch.setenv(component.ENV_PATH, str(tmp_path / "missing.duckdb"))
    at = corpus_page()
    assert "找不到语料库文件" in at.error[0].value


def test_a_corpus_ingested_from_the_shared_documents(monkeypatch, shared_db):
    path, seconds = shared_db
    _use(monkeypatch, path)
    at = corpus_page()
    units = table(at)
    assert len(units) == len(SHARED_FILES)
    assert {"上海市", "广州市", "重庆市", "西安市", "无锡市"} <= set(units["地区"])
    assert set(units["原文金额单位"]) == {"元", "万元"}
    assert units["支出总计（万元）"].notna().all()
    # from the folder it was ingested from (no documents folder configured)
    at = corpus_page("全文检索", corpus_search="三公")
    assert len(table(at)) > 0 and set(table(at)["命中"]) == {"三公"}
    print(f"ingest of {len(SHARED_FILES)} shared documents: {seconds:.1f} s")


def test_secrets_name_the_corpus(monkeypatch, tmp_path, demo_db):
    monkeypatch.delenv(component.ENV_PATH, raising=False)
    monkeypatch.setattr(component, "_secret", lambda name: {"path": str(demo_db)}.get(name))
    path, documents, demo = component.configured()
    assert (path, documents, demo) == (demo_db, None, False)
    monkeypatch.setenv(component.ENV_PATH, str(tmp_path / "env.duckdb"))
    assert component.configured()[0] == tmp_path / "env.duckdb"
    assert os.environ[component.ENV_PATH].endswith("env.duckdb")


@pytest.fixture(scope="module")
def years_db(tmp_path_factory) -> Path:
    """The seed (2023), the same document as 2022 with 三公 0.56 万元 higher, and as the
    2023 决算 with 三公 0.40 万元 lower (one thing changed in a real fixture each)."""
    import dataclasses
    from datetime import datetime

    from tests.conftest import read  # once per run, shared
    from tests.budget.application.test_corpus_queries import _final, _variant
    from tests.conftest import FIXTURES

    seed = read(FIXTURES / "seed.docx")
    tp = seed.three_public
    earlier = dataclasses.replace(
        _variant(seed, "a" * 64, year=2022), three_public=dataclasses.replace(tp, total=tp.total + seed.money("0.56"))
    )
    path = tmp_path_factory.mktemp("years") / "corpus.duckdb"
    con = ingest.connect(path)
    for d in (seed, earlier, _final(seed, "b" * 64)):
        ingest.store(con, ingest.rows_of(d, d.source.name, datetime(2026, 12, 1)))
    ingest.refresh(con)
    con.close()
    return path


def test_a_unit_over_two_years_and_its_final_accounts(monkeypatch, years_db):
    _use(monkeypatch, years_db)
    at = corpus_page("单位时间线")
    assert at.radio(key="corpus_timeline_stage").options == ["预算", "决算"]
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert len(specs) == 2  # 类 lines and 三公 lines
    three = {trace["name"]: trace for trace in specs[1]["data"]}
    assert array(three["“三公”经费"]["x"]) == [2022, 2023]
    assert list(three["“三公”经费"]["text"]) == ["3.12", "2.56"]
    line = table(at).set_index("项目")
    assert line.loc["“三公”经费", "2022年（万元）"] == Decimal("3.12")
    assert line.loc["“三公”经费", "2023年（万元）"] == Decimal("2.56")
    assert line.loc["204 公共安全支出", "2023年（万元）"] is not None
    # the change on last year ranks the 2023 budget: 2.56 − 3.12
    at = corpus_page("排名与分布", corpus_basis="change")
    assert list(table(at)["较上年增减额（万元）"]) == [Decimal("-0.56")]
    at = corpus_page("预算与决算")
    stages = table(at).set_index("项目")
    assert stages.loc["“三公”经费", "预算（万元）"] == Decimal("2.56")
    assert stages.loc["“三公”经费", "决算（万元）"] == Decimal("2.16")
    assert stages.loc["“三公”经费", "决算−预算（万元）"] == Decimal("-0.40")
    assert stages.loc["“三公”经费", "决算/预算"] == Decimal("84.4")


def test_a_draft_name_is_never_markup(monkeypatch, demo_db):
    _use(monkeypatch, demo_db, SAMPLES)
    at = new_app()
    upload(at, ("[点我](http://example.com)**粗**.docx", fixture_bytes("seed.docx")))
    at.session_state[component.TAB] = "我的文档"
    at.switch_page("pages/corpus.py").run()
    assert not at.exception
    (heading,) = [h.value for h in at.subheader if "点我" in h.value]
    from components.text import md

    assert heading == md("[点我](http://example.com)**粗**.docx") and heading.startswith(r"\[点我\]\(")


def test_the_page_in_english_and_in_each_display_unit(monkeypatch, demo_db):
    """Our words in English (headers, tabs, our cell words 预算/单位), the documents' own
    words as printed; amounts follow the page's 元 / 万元 / 亿元 switch, exactly."""
    from tests.pages.conftest import cjk

    _use(monkeypatch, demo_db, SAMPLES)
    at = new_app("en")
    at.switch_page("pages/corpus.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Corpus"
    assert "7 published budget documents of 7 units on this server (2023–2026)" in at.caption[0].value
    assert "10k yuan" in at.caption[0].value
    units = table(at)
    assert [c for c in units.columns if cjk(c)] == []
    by = units.set_index("Unit")  # the units' names stay as printed
    assert by.loc["上海市普陀区社会福利院", "Total expenditure (10k yuan)"] == Decimal("1212.1164")
    assert by.loc[AUDIT, "Budget / final"] == "Budget" and by.loc[AUDIT, "Kind"] == "Unit"
    assert by.loc[AUDIT, "Region"] == "上海市" and by.loc[AUDIT, "Printed unit"] == "yuan"
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download XLSX"]
    # 元: the same exact figures, multiplied out; 亿元: divided, every decimal kept
    at.segmented_control(key="unit").set_value("元").run()
    by = table(at).set_index("Unit")
    assert by.loc["上海市普陀区社会福利院", "Total expenditure (yuan)"] == Decimal("12121164.00")
    assert by.loc[SEED, "Total expenditure (yuan)"] == Decimal("14522100.00")
    at.segmented_control(key="unit").set_value("亿元").run()
    assert table(at).set_index("Unit").loc[SEED, "Total expenditure (100m yuan)"] == Decimal("0.145221")
    # the ranking, its chart and the distribution follow the unit too
    at.tabs[0]  # noqa: B018 - the tabs are drawn
    at.session_state[component.TAB] = "Rankings"
    at.run()
    ranked = table(at)
    assert list(ranked["Amount (100m yuan)"])[:2] == [Decimal("0.023792"), Decimal("0.014314")]
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert specs[0]["layout"]["xaxis"]["title"]["text"] == "Amount (100m yuan)"
    assert specs[1]["layout"]["yaxis"]["title"]["text"] == "Units"
    assert list(specs[0]["data"][0]["text"])[:2] == ["0.02", "0.01"]
    labels = [w.label for kind in ("selectbox", "toggle", "segmented_control") for w in at.get(kind) if w.key != "lang"]
    assert labels and [label for label in labels if cjk(label)] == []


def test_the_stages_in_english(monkeypatch, years_db):
    _use(monkeypatch, years_db)
    at = new_app("en")
    at.session_state[component.TAB] = "Budget vs final accounts"
    at.switch_page("pages/corpus.py").run()
    stages = table(at).set_index("Item")
    assert stages.loc["'Three public' expenses", "Final − budget (10k yuan)"] == Decimal("-0.40")
    assert stages.loc["'Three public' expenses", "Final / budget"] == Decimal("84.4")
    documents = table(at, 1)
    assert set(documents["Budget / final"]) == {"Budget", "Final accounts"}


def _linked(prefix: str):
    """A fresh session opened on a shared link to 总览 naming a document by its prefix."""
    from streamlit.testing.v1 import AppTest

    from tests.pages.conftest import APP

    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["doc"] = prefix
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_shared_link_to_a_published_document_opens_it_from_the_corpus(monkeypatch, demo_db, tmp_path):
    from budget.application import corpus_queries as q
    from tests.pages.conftest import banner

    _use(monkeypatch, demo_db, SAMPLES)
    con = q.connect(demo_db)
    try:
        sha = q.unit_table(con, q.Filters(regions=("上海市",)), "three_public").iloc[0]["sha256"]
        assert q.document_named(con, sha[:12]) == sha
        assert q.document_named(con, "0" * 12) is None and q.document_named(con, "not hex") is None
    finally:
        con.close()
    at = _linked(sha[:12])
    assert at.title[0].value == "总览"
    assert AUDIT in banner(at) and "语料库" in banner(at) and "已上传" not in banner(at)
    assert at.session_state["session_selected"] == sha
    # a prefix the corpus does not hold (someone's upload): the notice, no figures
    at = _linked("0123456789ab")
    assert at.title[0].value == "此链接指向的文档尚未加载"
    assert not at.metric
    # the file changed since it was ingested: said, and not opened
    folder = tmp_path / "samples"
    shutil.copytree(SAMPLES, folder)
    for path in folder.rglob("*.pdf"):
        if hashlib.sha256(path.read_bytes()).hexdigest() == sha:
            path.write_bytes(path.read_bytes() + b"\n")
    _use(monkeypatch, demo_db, folder)
    at = _linked(sha[:12])
    assert "已被修改" in at.error[0].value
    assert at.title[0].value == "此链接指向的文档尚未加载"
