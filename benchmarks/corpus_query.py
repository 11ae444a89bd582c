"""The 语料库 page's queries on a simulated corpus of 100,000 documents × ~100 lines.

DuckDB generates the rows of every document in one run (documents, ~100 amount lines,
the headline figures, findings, ~10 narrative sentences each), in the schema
``python -m budget ingest`` writes; ``corpus.refresh`` then builds the page's tables and
indexes exactly as after a real ingest. Each page query (budget.application.corpus_queries)
is timed on a read-only connection: the median of several runs, and the slowest. The
budget is 200 ms per query.

Run: .venv/bin/python benchmarks/corpus_query.py [--documents N] [--runs N] [--keep PATH]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.timing import median_seconds  # noqa: E402
from budget.application import corpus, corpus_queries as q  # noqa: E402

BUDGET_SECONDS = 0.200
PER_UNIT = 5  # documents per unit: 预算 2022–2025 and the 决算 of 2024
REGIONS = 300
LINES = 100
SENTENCES = 10

# Narrative phrases the sentences are made of (a realistic spread of common and rare bigrams).
PHRASES = (
    "公务接待费",
    "因公出国（境）费",
    "公务用车运行维护费",
    "较上年减少",
    "较上年增加",
    "主要原因是",
    "严格执行中央八项规定精神",
    "压减一般性支出",
    "机关运行经费",
    "政府采购预算",
    "办公设备购置",
    "人员经费",
    "公用经费",
    "项目支出",
    "基本支出",
    "绩效目标",
    "专项资金",
    "信息化建设",
    "安全生产",
    "城市管理",
    "社会保障和就业支出",
    "卫生健康支出",
    "教育支出",
    "农林水支出",
    "住房保障支出",
    "退休人员增加",
    "在职人员减少",
    "会议费",
    "培训费",
    "差旅费",
    "物业管理费",
    "维修（护）费",
    "租赁费",
    "其他交通费用",
    "中小企业",
    "固定资产",
    "车辆",
    "单价",
    "万元",
    "元",
)


def build(path: Path, documents: int) -> dict[str, float]:
    """Generate the rows in DuckDB and refresh the page's tables; seconds per step."""
    con = corpus.connect(path)
    steps: dict[str, float] = {}
    units = documents // PER_UNIT
    phrases = "[" + ", ".join(f"'{p}'" for p in PHRASES) + "]"

    def step(name: str, sql: str) -> None:
        start = time.perf_counter()
        con.execute(sql)
        steps[name] = time.perf_counter() - start

    step(
        "documents",
        f"""
        INSERT INTO documents BY NAME
        SELECT sha256(i::VARCHAR) AS sha256, 'doc' || i || '.pdf' AS name, 'sim/doc' || i || '.pdf' AS path,
               'pdf' AS format, NULL AS unit_code, '模拟单位' || (i // {PER_UNIT}) AS unit_name,
               CASE WHEN i % {PER_UNIT} = 4 THEN 2024 ELSE 2022 + i % {PER_UNIT} END AS year,
               CASE WHEN (i // {PER_UNIT}) % 7 = 0 THEN '部门' ELSE '单位' END AS kind,
               CASE WHEN (i // {PER_UNIT}) % {REGIONS} % 2 = 0 THEN '元' ELSE '万元' END AS money_unit,
               now()::TIMESTAMP AS ingested_at,
               CASE WHEN i % {PER_UNIT} = 4 THEN '决算' ELSE '预算' END AS stage,
               '模拟市' || ((i // {PER_UNIT}) % {REGIONS}) || '区' AS region,
               '模拟市' || ((i // {PER_UNIT}) % {REGIONS}) || '区/模拟单位' || (i // {PER_UNIT}) AS unit_key
        FROM range({units * PER_UNIT}) t(i)
        """,
    )
    # ~100 amount lines per document: 10 类 of the expenditure table (total, basic,
    # project) and the rest 款/项 rows; amounts exact, in the document's unit.
    step(
        "lines",
        f"""
        INSERT INTO lines BY NAME
        SELECT d.sha256, 2 AS table_index, 'expenditure' AS table_kind,
               CASE WHEN j < 30 THEN (201 + j // 3)::VARCHAR
                    ELSE (201 + j % 10)::VARCHAR || lpad((j % 7)::VARCHAR, 2, '0') END AS code,
               '科目' || j AS name, CASE WHEN j < 30 THEN 1 ELSE 2 END AS level,
               ['total', 'basic', 'project'][j % 3 + 1] AS column_key,
               CAST(((hash(d.sha256, j) % 100000000) / 100.0) * CASE WHEN d.money_unit = '元' THEN 10000 ELSE 1 END
                    AS DECIMAL(24,10)) AS amount,
               d.money_unit, j AS "row", FALSE AS is_total, NULL AS side, 1 + j // 20 AS page
        FROM documents d, range({LINES}) r(j)
        """,
    )
    figures = ", ".join(f"'{m}'" for m in corpus.MEASURES)
    step(
        "figures",
        f"""
        INSERT INTO figures BY NAME
        SELECT d.sha256, m.measure,
               CAST((hash(d.sha256, m.measure) % (CASE WHEN m.measure = 'expenditure_total' THEN 1000000000
                                                      ELSE 50000000 END)) / 100.0
                    * CASE WHEN d.money_unit = '元' THEN 10000 ELSE 1 END AS DECIMAL(24,10)) AS amount,
               d.money_unit
        FROM documents d, (SELECT unnest([{figures}]) AS measure) m
        WHERE hash(d.sha256, m.measure) % 13 <> 0
        """,
    )
    step(
        "findings",
        """
        INSERT INTO findings BY NAME
        SELECT d.sha256, 'ARITH-ROW' AS rule, ['error', 'warning', 'info'][k % 3 + 1] AS severity,
               '模拟发现' AS message, '{}'::JSON AS location, NULL AS expected, NULL AS actual, NULL AS difference,
               d.money_unit AS unit, d.sha256 || k AS "key"
        FROM documents d, range(CAST(hash(d.sha256) % 4 AS BIGINT)) r(k)
        """,
    )
    step(
        "sentences",
        f"""
        INSERT INTO sentences BY NAME
        SELECT d.sha256, k AS "position",
               '五、编制说明' AS section, 3 AS page,
               list_aggregate(
                   list_transform(range(6),
                                  lambda x: {phrases}[CAST(1 + hash(d.sha256, k, x) % {len(PHRASES)} AS BIGINT)]),
                   'string_agg', '，') || '。' AS sentence
        FROM documents d, range({SENTENCES}) r(k)
        """,
    )
    start = time.perf_counter()
    corpus.refresh(con)
    steps["refresh (units, classes, grams, indexes)"] = time.perf_counter() - start
    counts = {
        table: con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
        for table in ("documents", "lines", "figures", "sentences", "units", "classes", "grams")
    }
    con.close()
    print("模拟语料库：" + "，".join(f"{table} {n:,} 行" for table, n in counts.items()))
    return steps


def queries(con) -> dict:
    everything = q.Filters()
    one_year = q.Filters(years=(2025,))
    region = q.Filters(regions=("模拟市7区",), kinds=("单位",))
    first = q.unit_table(con, everything, limit=1).iloc[0]
    draft = {m: Decimal("120.5") for m in corpus.MEASURES}
    return {
        "overview (filters' values)": lambda: q.overview(con),
        "unit_table (all, by 支出总计, 1000 rows)": lambda: q.unit_table(con, everything),
        "unit_table (2025, by 三公, ascending)": lambda: q.unit_table(con, one_year, "three_public", False),
        "unit_table (one region, kind)": lambda: q.unit_table(con, region, "errors"),
        "ranking (三公, amount)": lambda: q.ranking(con, "three_public", "amount", everything),
        "ranking (机关运行经费, share)": lambda: q.ranking(con, "running_costs", "share", one_year),
        "ranking (三公, change on last year)": lambda: q.ranking(con, "three_public", "change", one_year),
        "ranking (公务接待费, rate)": lambda: q.ranking(con, "reception", "rate", everything),
        "distribution (三公, amount)": lambda: q.distribution(con, "three_public", "amount", everything),
        "distribution (项目支出, rate)": lambda: q.distribution(con, "project", "rate", everything),
        "standing (a draft's 三公)": lambda: q.standing(con, "three_public", "amount", one_year, 120.0),
        "standings (a draft, every figure)": lambda: q.standings(con, one_year, draft),
        "units_matching (name contains)": lambda: q.units_matching(con, everything, "单位123"),
        "timeline (one unit)": lambda: q.timeline(con, first["unit_key"]),
        "stage_pairs (预算 and 决算)": lambda: q.stage_pairs(con, one_year.__class__(years=(2024,))),
        "stages_of (one unit, 2024)": lambda: q.stages_of(con, first["unit_key"], 2024),
        "search 公务接待": lambda: q.search(con, "公务接待", everything),
        "search 严格执行中央八项规定": lambda: q.search(con, "严格执行中央八项规定", everything),
        "search 经费 (common bigram, 2025)": lambda: q.search(con, "经费", one_year),
        "document_file": lambda: q.document_file(con, first["sha256"]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the simulated corpus here instead of a temporary file")
    parser.add_argument("--reuse", action="store_true", help="time the queries on the --keep corpus as it is")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "simulated.duckdb"
        if not (args.reuse and path.exists()):
            if path.exists():
                path.unlink()
            start = time.perf_counter()
            steps = build(path, args.documents)
            took = "，".join(f"{k} {v:.1f} s" for k, v in steps.items())
            print(f"生成与索引：{time.perf_counter() - start:.1f} s（{took}）")
        con = q.connect(path)
        slow = []
        print(f"{'查询':<44} {'中位数':>8} {'最慢':>8}")
        for name, action in queries(con).items():
            samples: list[float] = []

            def timed(action=action, samples=samples) -> None:
                begin = time.perf_counter()
                action()
                samples.append(time.perf_counter() - begin)

            median = median_seconds(timed, args.runs)
            worst = max(samples[1:])  # the first sample is the warm-up
            flag = "" if median <= BUDGET_SECONDS else "  超出 200 ms"
            if median > BUDGET_SECONDS:
                slow.append(name)
            print(f"{name:<44} {median * 1000:>6.1f}ms {worst * 1000:>6.1f}ms{flag}")
        con.close()
    if slow:
        print(f"{len(slow)} 个查询超出 200 ms：{'、'.join(slow)}")
        return 1
    print("每个查询的中位数都在 200 ms 以内。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
