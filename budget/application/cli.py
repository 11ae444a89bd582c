"""Command line: python -m budget parse|check FILE [FILE ...] [--json], ingest DIR --db PATH, survey DIR
(docs/contract.md). Several FILEs are the parts of one disclosure (情况说明 and 报表 published apart)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from budget.application import files
from budget.application.files import LoadError
from budget.model import STANDARD_TABLES, TABLE_LABELS, Disclosure


def summary(d: Disclosure) -> str:
    """A readable overview of what was parsed."""
    u = d.unit
    lines = [
        f"{u.name}（{u.code or '无编码'}）{u.year or '年度不详'}年{u.kind}预算  金额单位：{u.money_unit}",
        f"来源：{d.source.name}（{d.source.format}）",
    ]
    expenditure = d.table(STANDARD_TABLES[2])
    total = expenditure.total_line() if expenditure else None
    if total is not None:
        parts = [
            f"{label} {amount.format()}"
            for key, label in (("total", "支出合计"), ("basic", "基本支出"), ("project", "项目支出"))
            if (amount := total.get(key)) is not None
        ]
        lines.append("；".join(parts))
    lines.append(
        f"功能分类 {len(d.functional)} 行，经济分类 {len(d.economic)} 行，"
        f"绩效项目 {len(d.performance)} 个（指标 {sum(len(p.indicators) for p in d.performance)} 条）"
    )
    if d.three_public is not None and d.three_public.total is not None:
        lines.append(f"“三公”经费 {d.three_public.total.format()}")
    lines.append("表格：")
    for t in d.tables:
        flag = "（空表）" if t.empty else ""
        lines.append(f"  - {TABLE_LABELS[t.kind]}：{t.title or '（无标题）'}{flag}")
    missing = [TABLE_LABELS[k] for k in STANDARD_TABLES if d.table(k) is None]
    if missing:
        lines.append("缺少的标准表格：" + "、".join(missing))
    lines.append("章节：" + "、".join(s.heading for s in d.sections if s.heading and s.level == 1))
    return "\n".join(lines)


def _ingest(directory: str, database: str, jobs: int | None, region: str | None, parquet: str | None) -> int:
    """One line per file and a total on stdout; 0 when at least one file was ingested."""
    from budget.application.corpus import ingest

    if not Path(directory).is_dir():
        print(f"无法读取：{directory} 不是目录 (not a directory)", file=sys.stderr)
        return 2
    try:
        report = ingest(
            directory,
            database,
            progress=lambda result: print(result.line(), flush=True),
            jobs=jobs,
            region=region,
            parquet=parquet,
        )
    except Exception as error:  # noqa: BLE001 - the database itself could not be opened or written
        reason = (str(error).splitlines() or [type(error).__name__])[0]
        print(f"无法写入数据库：{database} (cannot write database: {reason})", file=sys.stderr)
        return 2
    print(report.total_line())
    if parquet:
        print(f"Parquet：{parquet}/<表>/year=…/region=…/（按年度和地区分区）")
    if report.ingested == 0:
        print(
            f"无法读取：{directory} 中没有可导入的预算公开文件 (no readable disclosure in {directory})", file=sys.stderr
        )
        return 2
    return 0


def _survey(directory: str, as_json: bool, jobs: int | None) -> int:
    """The corpus report; 0 when at least one document was read."""
    from budget.application.survey import survey

    if not Path(directory).is_dir():
        print(f"无法读取：{directory} 不是目录 (not a directory)", file=sys.stderr)
        return 2
    report = survey(directory, jobs=jobs, progress=None if as_json else lambda d: print(d.line(), flush=True))
    print(report.to_json() if as_json else report.total_line())
    return 0 if any(not d.refused for d in report.documents) else 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m budget", description="预算透视 BudgetLens")
    commands = parser.add_subparsers(dest="command", required=True)
    parse_cmd = commands.add_parser("parse", help="解析预算公开文件（分几个文件公开的，依次列出各个文件）")
    parse_cmd.add_argument("file", nargs="+")
    parse_cmd.add_argument("--json", action="store_true", help="输出 JSON")
    check_cmd = commands.add_parser("check", help="发布前检查：找出不一致和不规范之处（可列出同一公开的几个文件）")
    check_cmd.add_argument("file", nargs="+")
    check_cmd.add_argument("--json", action="store_true", help="输出 JSON")
    ingest_cmd = commands.add_parser("ingest", help="把一个目录下的全部预算公开文件导入 DuckDB 数据库")
    ingest_cmd.add_argument("dir")
    ingest_cmd.add_argument("--db", required=True, help="DuckDB 数据库文件（不存在则新建）")
    ingest_cmd.add_argument("--region", help="这个目录下全部文件所属的地区（默认：从单位名称和封面识别）")
    ingest_cmd.add_argument("--parquet", metavar="DIR", help="同时把每张表写成 Parquet，按年度和地区分区")
    survey_cmd = commands.add_parser("survey", help="语料报告：一个目录下每个文件读到了什么、哪些恒等式成立")
    survey_cmd.add_argument("dir")
    survey_cmd.add_argument("--json", action="store_true", help="输出 JSON")
    for command in (ingest_cmd, survey_cmd):
        command.add_argument("--jobs", type=int, default=None, help="并行进程数（默认：全部 CPU 核）")
    args = parser.parse_args(argv)

    if args.command == "ingest":
        return _ingest(args.dir, args.db, args.jobs, args.region, args.parquet)
    if args.command == "survey":
        return _survey(args.dir, args.json, args.jobs)

    try:
        disclosure = files.read_parts(args.file)
    except LoadError as error:
        print(f"无法读取：{error.one_line()}", file=sys.stderr)
        return 2

    if args.command == "parse":
        from budget.export.contract import to_json

        sys.stdout.write((to_json(disclosure) if args.json else summary(disclosure)) + "\n")
        return 0
    if args.command == "check":
        from budget.export import reports
        from budget.checks import run

        report = run(disclosure)
        sys.stdout.write((reports.to_json(report) if args.json else reports.to_text(report)) + "\n")
        return 1 if report.has_errors else 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
