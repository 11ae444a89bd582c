"""The 语料库 page's queries on a corpus ingested from real fixtures, plus variants built
by changing one thing in a real fixture (another year, a 决算)."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import datetime
from decimal import Decimal

import duckdb
import pytest

from budget.application import corpus, corpus_queries as q
from budget.model import Money, MoneyUnit, Source
from tests.conftest import FIXTURES

FULIYUAN = "上海市普陀区社会福利院"
SEED = "中共秦皇岛市海港区委政法委员会本级"
WANLI = "上海市普陀区人民政府万里街道办事处"
NOW = datetime(2026, 12, 1)


def _variant(d, sha: str, **unit):
    """The same document as another file: another sha256, one unit field changed."""
    return dataclasses.replace(
        d, source=Source(f"{sha}.pdf", d.source.format, sha), unit=dataclasses.replace(d.unit, **unit)
    )


def _final(d, sha: str):
    """The same document as a 决算 of the same year, its 三公 total 0.40 万元 lower."""
    tp = d.three_public
    three = dataclasses.replace(tp, total=tp.total - Money(Decimal("0.40"), tp.total.unit))
    return dataclasses.replace(_variant(d, sha, stage="决算"), three_public=three)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    shutil.copy(FIXTURES / "seed.docx", folder / "seed.docx")
    shutil.copy(FIXTURES / "real" / "putuo_fuliyuan_2024_unit.pdf", folder / "fuliyuan.pdf")
    shutil.copy(FIXTURES / "real" / "putuo_wanli_2024_dept.pdf", folder / "wanli.pdf")
    path = tmp_path_factory.mktemp("db") / "corpus.duckdb"
    parquet = tmp_path_factory.mktemp("parquet")
    report = corpus.ingest(folder, path, jobs=1, parquet=parquet)
    assert report.ingested == 3
    return path, parquet


@pytest.fixture(scope="module")
def with_variants(tmp_path_factory, seed_docx):
    """seed.docx (2023) plus its 2022 (三公 0.56 万元 higher) and its 2023 决算."""
    from tests.conftest import read  # once per run, shared

    path = tmp_path_factory.mktemp("variants") / "corpus.duckdb"
    con = corpus.connect(path)
    seed = read(FIXTURES / "seed.docx")
    tp = seed.three_public
    earlier = dataclasses.replace(
        _variant(seed, "a" * 64, year=2022), three_public=dataclasses.replace(tp, total=tp.total + seed.money("0.56"))
    )
    for d in (seed, earlier, _final(seed, "b" * 64)):
        corpus.store(con, corpus.rows_of(d, d.source.name, NOW))
    corpus.refresh(con)
    con.close()
    return path


@pytest.fixture()
def con(db):
    connection = q.connect(db[0])
    yield connection
    connection.close()


def test_units_carry_region_stage_and_exact_wan_yuan(con):
    rows = q.unit_table(con, q.Filters(), "expenditure_total")
    assert list(rows["unit_name"]) == [WANLI, SEED, FULIYUAN]
    assert list(rows["region"]) == ["上海市普陀区", "秦皇岛市海港区", "上海市普陀区"]
    assert set(rows["stage"]) == {"预算"}
    # 12,121,164 元 = 1,212.1164 万元 exactly; the 万元 document as printed
    by_name = rows.set_index("unit_name")
    assert by_name.loc[FULIYUAN, "expenditure_total"] == Decimal("1212.1164")
    assert by_name.loc[SEED, "expenditure_total"] == Decimal("1452.21")
    assert by_name.loc[SEED, "money_unit"] == "万元" and by_name.loc[FULIYUAN, "money_unit"] == "元"
    assert by_name.loc[FULIYUAN, "vehicle_purchase"] is None  # not reported: NULL, never 0
    assert by_name.loc[FULIYUAN, "procurement"] == Decimal("120.60")  # stated in its text (no table)
    ((kind,),) = con.execute("SELECT DISTINCT typeof(expenditure_total) FROM units").fetchall()
    assert kind == "DECIMAL(38,14)"
    assert int(rows["matching"].iloc[0]) == 3


def test_the_conversion_is_decimal_not_float():
    # DuckDB divides DECIMALs as DOUBLE: 元 is converted by multiplying by DECIMAL 0.0001.
    with duckdb.connect() as c:
        c.execute("CREATE TABLE t AS SELECT CAST('12121164.01' AS DECIMAL(24,10)) AS amount, '元' AS unit")
        ((value, kind),) = c.execute(
            f"SELECT {corpus.to_wan('amount', 'unit')}, typeof({corpus.to_wan('amount', 'unit')}) FROM t"
        ).fetchall()
        assert value == Decimal("1212.116401") and kind == "DECIMAL(38,14)"


def test_filters_and_sort(con):
    rows = q.unit_table(con, q.Filters(years=(2024,)), "three_public", descending=False)
    assert list(rows["unit_name"]) == [FULIYUAN, WANLI]  # 6.40 < 47.91 万元
    assert list(q.unit_table(con, q.Filters(kinds=("部门",)))["unit_name"]) == [WANLI]
    assert q.unit_table(con, q.Filters(regions=("秦皇岛市海港区",)))["unit_name"].tolist() == [SEED]
    with pytest.raises(ValueError):
        q.unit_table(con, q.Filters(), "amount; DROP TABLE units")


def test_ranking_by_amount_and_share(con):
    ranked = q.ranking(con, "three_public", "amount", q.Filters())
    assert list(ranked["unit_name"]) == [WANLI, FULIYUAN, SEED]
    assert list(ranked["amount"]) == [Decimal("47.91"), Decimal("6.40"), Decimal("2.56")]
    shares = q.ranking(con, "personnel", "share", q.Filters())
    # 人员经费 / 支出总计: the order of the exact ratios
    exact = {r["unit_name"]: r["amount"] / r["whole"] for r in shares.to_dict("records")}
    assert list(shares["unit_name"]) == sorted(exact, key=exact.get, reverse=True)
    # no previous year in this corpus: nothing to rank on a change
    assert q.ranking(con, "three_public", "change", q.Filters()).empty


def test_change_on_last_year_and_stage_pairs(with_variants):
    con = q.connect(with_variants)
    try:
        change = q.ranking(con, "three_public", "change", q.Filters())
        assert len(change) == 1 and change.iloc[0]["year"] == 2023 and change.iloc[0]["stage"] == "预算"
        assert change.iloc[0]["metric"] == Decimal("-0.56")
        assert change.iloc[0]["previous"] == Decimal("3.12")
        rate = q.ranking(con, "three_public", "rate", q.Filters())
        assert round(rate.iloc[0]["metric"], 4) == round(-56 / 3.12, 4)
        pairs = q.stage_pairs(con, q.Filters())
        assert pairs[["unit_name", "year"]].values.tolist() == [[SEED, 2023]]
        both = q.stages_of(con, pairs.iloc[0]["unit_key"], 2023)
        assert list(both["stage"]) == ["预算", "决算"]
        assert list(both["three_public"]) == [Decimal("2.56"), Decimal("2.16")]
        line = q.timeline(con, pairs.iloc[0]["unit_key"])
        three = line[(line["family"] == "three_public") & (line["series"] == "three_public")]
        assert three[["year", "stage", "amount"]].values.tolist() == [
            [2022, "预算", Decimal("3.12")],
            [2023, "决算", Decimal("2.16")],
            [2023, "预算", Decimal("2.56")],
        ]
        classes = line[(line["family"] == "class") & (line["year"] == 2023) & (line["stage"] == "预算")]
        assert sum(classes["amount"]) == Decimal("1452.21")  # the 类 add up to 支出总计
        assert q.previous_figure(con, pairs.iloc[0]["unit_key"], "预算", 2023, "three_public") == Decimal("3.12")
    finally:
        con.close()


def test_distribution_and_standing(con):
    bins = q.distribution(con, "three_public", "amount", q.Filters(), bins=4)
    assert int(bins["units"].sum()) == 3 and int(bins["total"].iloc[0]) == 3
    assert float(bins["minimum"].iloc[0]) == 2.56 and float(bins["maximum"].iloc[0]) == 47.91
    standing = q.standing(con, "three_public", "amount", q.Filters(), 10.0)
    assert (standing["total"], standing["above"], standing["below"]) == (3, 1, 2)
    table = q.standings(con, q.Filters(), {"three_public": Decimal("10"), "expenditure_total": Decimal("1300")})
    by = table.set_index("measure")
    assert (by.loc["three_public", "total"], by.loc["three_public", "above"]) == (3, 1)
    assert by.loc["expenditure_total", "above"] == 2  # 万里 15,621.1123 and the seed 1,452.21


def _oracle(con, text: str) -> list[str]:
    """The hits a plain scan of every sentence finds (the test's reference only)."""
    squashed = "".join(text.split())
    rows = con.execute("SELECT sentence FROM passages ORDER BY sentence_id").fetchall()
    return [s for (s,) in rows if squashed in "".join(s.split())]


@pytest.mark.parametrize("text", ["公务接待", "机关运行经费", "三公", "较上年", "严格 执行", "经费经费", "运行公务"])
def test_search_finds_exactly_the_sentences_that_contain_the_phrase(con, text):
    hits = q.search(con, text, q.Filters(), limit=10_000)
    assert list(hits["sentence"]) == _oracle(con, text)
    if len(hits):
        assert int(hits["matching"].iloc[0]) == len(hits)


def test_search_orders_newest_first_and_filters(con):
    hits = q.search(con, "公务接待", q.Filters())
    assert len(hits) > 3 and set(hits["unit_name"]) == {SEED, FULIYUAN, WANLI}
    assert list(hits["year"]) == sorted(hits["year"], reverse=True)
    only = q.search(con, "公务接待", q.Filters(years=(2023,)))
    assert set(only["unit_name"]) == {SEED}
    assert q.search(con, "一个语料库里没有的词组", q.Filters()).empty
    with pytest.raises(ValueError):
        q.search(con, "经", q.Filters())


def test_bigrams_cover_the_phrase():
    assert q.bigrams("公务接待费") == [(0, "公务"), (2, "接待"), (3, "待费")]
    assert q.bigrams("公 务") == [(0, "公务")]
    assert q.bigrams("经") == []


def test_document_file_stays_in_its_folder(con, db, tmp_path):
    sha = q.unit_table(con, q.Filters(regions=("秦皇岛市海港区",))).iloc[0]["sha256"]
    found = q.document_file(con, sha)
    assert found is not None and found.path.name == "seed.docx" and found.path.is_file()
    assert q.document_file(con, sha, tmp_path).path == (tmp_path / "seed.docx").resolve()
    assert q.document_file(con, "0" * 64) is None


def test_parquet_partitioned_by_year_and_region(db, con):
    _, parquet = db
    years = sorted(p.name for p in (parquet / "units").iterdir())
    assert years == ["year=2023", "year=2024"]
    with duckdb.connect() as c:
        rows = c.execute(
            f"SELECT region, year, expenditure_total, typeof(expenditure_total) FROM "
            f"read_parquet('{parquet}/units/*/*/*.parquet', hive_partitioning = true) ORDER BY expenditure_total"
        ).fetchall()
        assert [r[:3] for r in rows] == [
            ("上海市普陀区", 2024, Decimal("1212.1164")),
            ("秦皇岛市海港区", 2023, Decimal("1452.21")),
            ("上海市普陀区", 2024, Decimal("15621.1123")),
        ]
        assert rows[0][3].startswith("DECIMAL")
        (count,) = c.execute(f"SELECT count(*) FROM read_parquet('{parquet}/lines/*/*/*.parquet')").fetchall()[0]
        (expected,) = con.execute("SELECT count(*) FROM lines").fetchall()[0]
        assert count == expected


def test_region_from_the_name_or_the_cover(seed_docx):
    from tests.conftest import read  # once per run, shared

    assert corpus.region_of(seed_docx) == "秦皇岛市海港区"
    shanghai = read(FIXTURES.parent / "corpus" / "shanghai_14.pdf")
    assert corpus.region_of(shanghai) == "上海市"
    # a document whose unit name names no city: the cover does ("上海市2026年市级单位预算")
    nameless = dataclasses.replace(shanghai, unit=dataclasses.replace(shanghai.unit, name="执法总队"))
    assert corpus.region_of(nameless) == "上海市"
    assert corpus.unit_key(seed_docx, "秦皇岛市海港区") == "秦皇岛市海港区/216001"
    party = dataclasses.replace(shanghai, unit=dataclasses.replace(shanghai.unit, name="中共上海市委员会办公厅"))
    assert corpus.region_of(party) == "上海市"  # the party prefix is not part of the region
    # a document whose loader found no unit name is a unit of its own, never merged
    for name in ("", "第二部分", "五、"):
        nameless = dataclasses.replace(shanghai, unit=dataclasses.replace(shanghai.unit, name=name, code=None))
        assert corpus.unit_key(nameless, "上海市") == f"上海市/#{shanghai.source.sha256}"
    named = dataclasses.replace(shanghai, unit=dataclasses.replace(shanghai.unit, name="上海市 审计局", code=None))
    assert corpus.unit_key(named, "上海市") == "上海市/上海市审计局"


def test_stage_as_the_loaders_read_it(seed_docx):
    assert corpus.stage_of(seed_docx) == "预算"
    assert corpus.stage_of(_final(seed_docx, "c" * 64)) == "决算"


def test_an_old_corpus_is_explained(tmp_path):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as c:
        c.execute("CREATE TABLE documents (sha256 VARCHAR)")
    with pytest.raises(q.CorpusError, match="重新导入"):
        q.connect(path)
    with pytest.raises(q.CorpusError, match="不存在"):
        q.connect(tmp_path / "missing.duckdb")


def test_money_unit_of_figures_is_kept(con):
    rows = con.execute(
        "SELECT d.name, f.measure, f.amount, f.money_unit FROM figures f JOIN documents d USING (sha256) "
        "WHERE f.measure IN ('expenditure_total', 'three_public') ORDER BY d.name, f.measure"
    ).fetchall()
    by = {(name, measure): (amount, unit) for name, measure, amount, unit in rows}
    assert by[("fuliyuan.pdf", "expenditure_total")] == (Decimal("12121164"), MoneyUnit.YUAN.value)
    assert by[("seed.docx", "three_public")] == (Decimal("2.56"), MoneyUnit.WAN_YUAN.value)


def test_seven_decimals_as_a_final_accounts_table_prints_them(tmp_path):
    # 决算 tables print 万元 to 7 decimals (西安 2022: 其他对个人和家庭的补助 174.7130240 万元)
    money = Money(Decimal("174.7130240"), MoneyUnit.WAN_YUAN)
    assert corpus.exact(money.amount, 14, 10) == "174.7130240"
    with duckdb.connect() as c:
        c.execute(f"CREATE TABLE t AS SELECT CAST('174.7130240' AS {corpus.AMOUNT}) AS amount, '万元' AS unit")
        ((value,),) = c.execute(f"SELECT {corpus.to_wan('amount', 'unit')} FROM t").fetchall()
    assert value == money.amount
