"""PDF disclosures read as exactly as Word ones.

Expected values were read from the PDFs with ``pdftotext -layout`` and from the rendered
pages, not from this parser: the two Shanghai PDFs as published (元, codes split into
类/款/项 columns, 三公 and 机关运行经费 in one table in 万元) and seed.pdf, which is
seed.docx printed to PDF and must give the same model.
"""

from __future__ import annotations

import hashlib
import io
import json
from decimal import Decimal

import pytest

from budget.model import MoneyUnit, TableKind
from budget.export.contract import disclosure_to_dict
from loaders import LoadError, load, pdf
from loaders.blocks import Grid, Paragraph
from tests.conftest import fixture_bytes, pdf_blocks

D = Decimal
FULIYUAN = "real/putuo_fuliyuan_2024_unit.pdf"
WANLI = "real/putuo_wanli_2024_dept.pdf"


@pytest.fixture(scope="module")
def fuliyuan_blocks():
    return pdf_blocks(FULIYUAN)


@pytest.fixture(scope="module")
def wanli_blocks():
    return pdf_blocks(WANLI)


def grids_on(blocks, page):
    return [b for b in blocks if isinstance(b, Grid) and b.page == page]


def texts(row):
    return tuple(cell.text for cell in row)


def width(grid):
    return {sum(cell.span for cell in row) for row in grid.rows}


# ---------------------------------------------------------------- blocks


def test_split_codes_stay_separate_cells_with_amounts_as_printed(fuliyuan_blocks):
    (grid,) = grids_on(fuliyuan_blocks, 9)  # 2024年预算单位支出预算总表
    rows = [texts(r) for r in grid.rows]
    assert ("208", "05", "02", "事业单位离退休", "538,440", "538,440", "") in rows
    assert ("208", "10", "05", "社会福利事业单位", "9,584,796", "6,964,796", "2,620,000") in rows
    assert ("7", "11", "02", "事业单位医疗", "503,724", "503,724", "") in rows  # printed so
    # merged header cells: 项目 over four columns, 支出预算 over three; 合计 over the codes and name
    assert [(c.text, c.span) for c in grid.rows[0]] == [("项目", 4), ("支出预算", 3)]
    assert [(c.text, c.span) for c in grid.rows[1]][:2] == [("功能分类科目编码", 3), ("功能分类科目名称", 1)]
    assert [(c.text, c.span) for c in grid.rows[-1]] == [
        ("合计", 4),
        ("12,121,164", 1),
        ("9,501,164", 1),
        ("2,620,000", 1),
    ]
    assert width(grid) == {7}


def test_title_and_unit_line_are_paragraphs_before_the_table(fuliyuan_blocks):
    i = next(n for n, b in enumerate(fuliyuan_blocks) if isinstance(b, Grid) and b.page == 8)
    title, unit_line = fuliyuan_blocks[i - 2], fuliyuan_blocks[i - 1]
    assert (title.text, title.page, title.heading) == ("2024年预算单位收入预算总表", 8, True)
    assert (unit_line.text, unit_line.page) == ("编制单位：上海市普陀区社会福利院 单位：元", 8)


def test_wrapped_header_text_is_rejoined(fuliyuan_blocks):
    (grid,) = grids_on(fuliyuan_blocks, 8)
    assert texts(grid.rows[1])[-2:] == ("事业单位经营收入", "其他收入")


def test_invisible_cell_backgrounds_are_not_rulings(fuliyuan_blocks):
    # Page 10 paints white rectangles behind its title; the table starts at its header.
    (grid,) = grids_on(fuliyuan_blocks, 10)
    assert texts(grid.rows[0]) == ("财政拨款收入", "财政拨款支出")
    assert texts(grid.rows[-1]) == ("收入总计", "9,501,164", "支出总计", "9,501,164", "9,501,164", "", "")


def test_table_continued_over_pages_keeps_its_columns(wanli_blocks):
    # 2024年部门收入预算总表 runs over pages 11-15; page 15 holds only the 合计 row, whose
    # merged cell has no inner rulings: it still spans the code and name columns.
    parts = [g for g in wanli_blocks if isinstance(g, Grid) and 11 <= g.page <= 15]
    assert [g.page for g in parts] == [11, 12, 13, 14, 15]
    assert all(width(g) == {9} for g in parts)
    assert texts(parts[1].rows[0]) == ("201", "38", "02", "一般行政管理事务", "135,200", "135,200", "0", "0", "0")
    assert [(c.text, c.span) for c in parts[-1].rows[0]] == [
        ("合计", 4),
        ("156,211,123", 1),
        ("156,211,123", 1),
        ("0", 1),
        ("0", 1),
        ("0", 1),
    ]


def test_narrative_paragraphs_are_whole_sentences(fuliyuan_blocks):
    paragraphs = [b for b in fuliyuan_blocks if isinstance(b, Paragraph)]
    item = next(p for p in paragraphs if p.text.startswith("5. “医疗卫生与计划生育支出（类）"))
    assert item.page == 6
    assert item.text.endswith(
        "2023年当年预算执行数为44.17万元，2024年预算安排50.37万元，比2023年预算执行数增加14.04%。主要原因是：根据实际支出。"
    )
    # a full stop pushed alone onto the next line belongs to its sentence
    duty = next(p for p in paragraphs if p.text.startswith("1.负责区社会福利院"))
    assert duty.text.endswith("文化娱乐等综合服务工作。")
    headings = [p.text for p in paragraphs if p.heading and p.page == 16]
    assert headings[:3] == ["其他相关情况说明", "一、2024年“三公”经费预算情况说明", "二、机关运行经费预算"]


def test_every_block_has_a_page(wanli_blocks):
    assert all(b.page is not None for b in wanli_blocks)
    assert max(b.page for b in wanli_blocks) == 33


def test_row_broken_over_a_page_is_one_row():
    # seed.pdf page 10/11: the 满意度 row of 海防工作经费 is split by the page break.
    blocks = pdf_blocks("seed.pdf")
    rows = [texts(r) for b in blocks if isinstance(b, Grid) for r in b.rows]
    assert (
        "满意度指标",
        "服务对象满意度指标",
        "沿海地区群众满意度",
        "沿海地区群众对海防安全工作的满意程度",
        "≥90%",
        "实际调查",
    ) in rows
    assert not any(r[:4] == ("", "", "", "作的满意程度") for r in rows)


def test_row_broken_over_a_page_with_its_number_under_the_table_is_one_row():
    """西安市生态环境局 机构设置 (xian_22 p8-9): the page break cuts a row's third cell
    (西安市生态环境保护综合执法支队新 | 城大队), and p8's page number is printed under the
    table, above the foot margin. The number ends no table: the row is one row."""
    from tests.loaders.test_aligned import pages
    from tests.conftest import CORPUS

    data = pages((CORPUS / "xian_22.pdf").read_bytes(), [8, 9])
    rows = [texts(r) for b in pdf.read(data) if isinstance(b, Grid) for r in b.rows]
    assert ("16", "西安市环境保护局新城分局环境监理站", "西安市生态环境保护综合执法支队新城大队") in rows
    assert not any(r == ("", "", "城大队") for r in rows)


# ---------------------------------------------------------------- the model

FULIYUAN_FUNCTIONAL = """
208 社会保障和就业支出 11281624 8661624 2620000
208 05 行政事业单位养老支出 1696828 1696828 -
208 05 02 事业单位离退休 538440 538440 -
208 05 05 机关事业单位基本养老保险缴费支出 767579 767579 -
208 05 06 机关事业单位职业年金缴费支出 383789 383789 -
208 05 99 其他行政事业单位养老支出 7020 7020 -
208 10 社会福利 9584796 6964796 2620000
208 10 05 社会福利事业单位 9584796 6964796 2620000
210 卫生健康支出 503724 503724 -
210 11 行政事业单位医疗 503724 503724 -
210 11 02 事业单位医疗 503724 503724 -  # printed "7 11 02": the 类 is a misprint; rows above say 210
221 住房保障支出 335816 335816 -
221 02 住房改革支出 335816 335816 -
221 02 01 住房公积金 335816 335816 -
"""

FULIYUAN_ECONOMIC = """
301 工资福利支出 6958414 6958414 -
301 01 基本工资 758448 758448 -
301 02 津贴补贴 225600 225600 -
301 07 绩效工资 3580522 3580522 -
301 08 机关事业单位基本养老保险费 767579 767579 -
301 09 职业年金缴费 383789 383789 -
301 10 职工基本医疗保险缴费 503724 503724 -
301 12 其他社会保障缴费 47972 47972 -
301 13 住房公积金 335816 335816 -
301 99 其他工资福利支出 354964 354964 -
302 商品和服务支出 2120950 - 2120950
302 01 办公费 69000 - 69000
302 02 咨询费 20000 - 20000
302 03 水费 60000 - 60000
302 04 电费 320000 - 320000
302 05 邮电费 15000 - 15000
302 06 办公设备购置费 8000 - 8000
302 07 工会经费 88890 - 88890
302 08 福利费 86400 - 86400
302 09 物业管理费 1206000 - 1206000
302 10 车辆运行费 64000 - 64000
302 11 事业单位离退休人员福利费 116640 - 116640
302 12 机关事业单位退休人员活动费 7020 - 7020
302 13 其他商品和服务支出 60000 - 60000
303 离退休人员经费 421800 421800 -
303 01 退休费 421800 421800 -
"""

WANLI_FUNCTIONAL = """
201 一般公共服务支出 2932700 0 2932700
201 05 统计信息事务 257700 0 257700
201 05 07 专项普查活动 257700 0 257700
201 29 群众团体事务 426000 0 426000
201 29 02 一般行政管理事务 426000 0 426000
201 32 组织事务 888700 0 888700
201 32 02 一般行政管理事务 888700 0 888700
201 33 宣传事务 1106000 0 1106000
201 33 02 一般行政管理事务 1106000 0 1106000
201 34 统战事务 119100 0 119100
201 34 02 一般行政管理事务 119100 0 119100
201 38 市场监督管理事务 135200 0 135200
201 38 02 一般行政管理事务 135200 0 135200
204 公共安全支出 1633000 0 1633000
204 06 司法 300000 0 300000
204 06 07 公共法律服务 300000 0 300000
204 99 其他公共安全支出 1333000 0 1333000
204 99 99 其他公共安全支出 1333000 0 1333000
205 教育支出 250000 0 250000
205 99 其他教育支出 250000 0 250000
205 99 99 其他教育支出 250000 0 250000
206 科学技术支出 100000 0 100000
206 07 科学技术普及 100000 0 100000
206 07 02 科普活动 100000 0 100000
207 文化旅游体育与传媒支出 200000 0 200000
207 03 体育 200000 0 200000
207 03 08 群众体育 200000 0 200000
208 社会保障和就业支出 19604064 13368164 6235900
208 05 行政事业单位养老支出 7234970 7234970 0
208 05 01 行政单位离退休 243120 243120 0
208 05 02 事业单位离退休 76620 76620 0
208 05 05 机关事业单位基本养老保险缴费支出 4608515 4608515 0
208 05 06 机关事业单位职业年金缴费支出 2302815 2302815 0
208 05 99 其他行政事业单位养老支出 3900 3900 0
208 07 就业补助 4212300 0 4212300
208 07 05 公益性岗位补贴 4212300 0 4212300
208 16 红十字事业 44400 0 44400
208 16 02 一般行政管理事务 44400 0 44400
208 25 其他生活救助 300000 0 300000
208 25 01 其他城市生活救助 300000 0 300000
208 99 其他社会保障和就业支出 7812394 6133194 1679200
208 99 99 其他社会保障和就业支出 7812394 6133194 1679200
210 卫生健康支出 3223657 3023657 200000
210 07 计划生育事务 200000 0 200000
210 07 17 计划生育服务 200000 0 200000
210 11 行政事业单位医疗 3023657 3023657 0
210 11 01 行政单位医疗 1422233 1422233 0
210 11 02 事业单位医疗 1601424 1601424 0
212 城乡社区支出 119385303 76609000 42776303
212 01 城乡社区管理事务 94450003 76609000 17841003
212 01 01 行政运行 16603248 16353248 250000
212 01 02 一般行政管理事务 17591003 0 17591003
212 01 04 城管执法 6043390 6043390 0
212 01 99 其他城乡社区管理事务支出 54212362 54212362 0
212 03 城乡社区公共设施 9721800 0 9721800
212 03 99 其他城乡社区公共设施支出 9721800 0 9721800
212 05 城乡社区环境卫生 5993300 0 5993300
212 05 01 城乡社区环境卫生 5993300 0 5993300
212 99 其他城乡社区支出 9220200 0 9220200
212 99 99 其他城乡社区支出 9220200 0 9220200
221 住房保障支出 8882399 6705199 2177200
221 02 住房改革支出 6705199 6705199 0
221 02 01 住房公积金 3503499 3503499 0
221 02 03 购房补贴 3201700 3201700 0
221 03 城乡社区住宅 2177200 0 2177200
221 03 99 其他城乡社区住宅支出 2177200 0 2177200
"""

WANLI_ECONOMIC = """
301 工资福利支出 88282511 88282511 0
301 01 基本工资 5873551 5873551 0
301 02 津贴补贴 16623810 16623810 0  # printed "301 2"
301 07 绩效工资 11447100 11447100 0  # printed "301 7"
301 08 机关事业单位基本养老保险缴费 4608515 4608515 0
301 09 职业年金缴费 2302815 2302815 0
301 10 职工基本医疗保险缴费 3023657 3023657 0
301 12 其他社会保障缴费 216087 216087 0
301 13 住房公积金 3503499 3503499 0
301 99 其他工资福利支出 40683477 40683477 0
302 商品和服务支出 11168569 0 11168569
302 01 办公费 4755518 0 4755518
302 04 手续费 30000 0 30000
302 05 水费 277500 0 277500
302 06 电费 280000 0 280000
302 07 邮电费 390000 0 390000
302 09 物业管理费 1090020 0 1090020
302 11 差旅费 80000 0 80000
302 13 维修(护)费 430000 0 430000
302 14 租赁费 581200 0 581200
302 15 会议费 30000 0 30000
302 16 培训费 83000 0 83000
302 17 公务接待费 13500 0 13500
302 27 委托业务费 226500 0 226500
302 28 工会经费 607849 0 607849
302 29 福利费 695520 0 695520
302 31 公务用车运行维护费 215600 0 215600
302 39 其他交通费用 691680 0 691680
302 99 其他商品和服务支出 690682 0 690682
303 对个人和家庭的补助 254940 254940 0
303 02 退休费 254940 254940 0
"""


def expected_rows(text):
    """'208 05 02 名称 538440 538440 -' -> ("2080502", "名称", 3, amounts); '-' is blank."""
    rows = []
    for line in text.strip().splitlines():
        words = line.split("#")[0].split()
        parts = [w for w in words[:-4] if w.isdigit()]
        name = words[len(parts)]
        amounts = tuple(None if w == "-" else D(w) for w in words[-3:])
        rows.append(("".join(parts), name, len(parts), amounts))
    return rows


def actual_rows(lines, keys):
    return [
        (ln.code, ln.name, ln.level, tuple(None if ln.get(k) is None else ln.get(k).amount for k in keys))
        for ln in lines
    ]


STANDARD = [
    TableKind.SUMMARY,
    TableKind.INCOME,
    TableKind.EXPENDITURE,
    TableKind.FISCAL_SUMMARY,
    TableKind.GENERAL_PUBLIC,
    TableKind.GOV_FUND,
    TableKind.STATE_CAPITAL,
    TableKind.BASIC_ECONOMIC,
    TableKind.THREE_PUBLIC,
]


def test_fuliyuan_unit(fuliyuan):
    u = fuliyuan.unit
    assert (u.name, u.year, u.money_unit, u.kind) == ("上海市普陀区社会福利院", 2024, MoneyUnit.YUAN, "单位")


def test_wanli_unit(wanli):
    u = wanli.unit
    assert (u.name, u.year, u.money_unit, u.kind) == (
        "上海市普陀区人民政府万里街道办事处",
        2024,
        MoneyUnit.YUAN,
        "部门",
    )


@pytest.mark.parametrize("name", ["fuliyuan", "wanli"])
def test_standard_tables_recognised(name, request):
    d = request.getfixturevalue(name)
    assert [t.kind for t in d.tables] == STANDARD
    for kind in (TableKind.GOV_FUND, TableKind.STATE_CAPITAL):
        table = d.table(kind)
        assert table.empty and table.note.startswith("注:") and "空表" in table.note


def test_table_pages(wanli):
    pages = {t.kind: t.pages for t in wanli.tables}
    assert pages[TableKind.INCOME] == (11, 12, 13, 14, 15)
    assert pages[TableKind.GENERAL_PUBLIC] == (22, 23, 24, 25, 26)
    assert pages[TableKind.BASIC_ECONOMIC] == (29, 30)
    assert pages[TableKind.THREE_PUBLIC] == (31,)
    # each row of a continued table keeps the page it is printed on
    row_pages = {ln.code: ln.page for ln in wanli.functional}
    assert (row_pages["201"], row_pages["2013802"], row_pages["2080502"], row_pages["2129999"]) == (16, 17, 18, 19)
    total = wanli.table(TableKind.EXPENDITURE).total_line()
    assert total.page == 20


def test_fuliyuan_functional(fuliyuan):
    assert actual_rows(fuliyuan.functional, ("total", "basic", "project")) == expected_rows(FULIYUAN_FUNCTIONAL)
    assert {ln.total.unit for ln in fuliyuan.functional} == {MoneyUnit.YUAN}


def test_fuliyuan_economic(fuliyuan):
    assert actual_rows(fuliyuan.economic, ("total", "personnel", "public")) == expected_rows(FULIYUAN_ECONOMIC)


def test_wanli_functional(wanli):
    assert actual_rows(wanli.functional, ("total", "basic", "project")) == expected_rows(WANLI_FUNCTIONAL)


def test_wanli_economic(wanli):
    assert actual_rows(wanli.economic, ("total", "personnel", "public")) == expected_rows(WANLI_ECONOMIC)


def test_codes_read_otherwise_than_printed_are_noted(fuliyuan, wanli):
    assert len(fuliyuan.notes) == 2  # 支出总表 and 一般公共预算支出表 both print "7 11 02"
    assert all("7 11 02" in n and "2101102" in n for n in fuliyuan.notes)
    assert [("301 2" in n and "30102" in n, "301 7" in n and "30107" in n) for n in wanli.notes] == [
        (True, False),
        (False, True),
    ]


def test_totals(fuliyuan, wanli):
    total = fuliyuan.table(TableKind.EXPENDITURE).total_line()
    assert (total.total.amount, total.basic.amount, total.project.amount) == (D(12121164), D(9501164), D(2620000))
    total = wanli.table(TableKind.BASIC_ECONOMIC).total_line()
    assert (total.total.amount, total.personnel.amount, total.public.amount) == (D(99706020), D(88537451), D(11168569))
    summary = {(ln.side, ln.name): ln.total for ln in wanli.table(TableKind.SUMMARY).lines}
    assert summary[("income", "收入总计")].amount == D(156211123)
    assert summary[("expenditure", "城乡社区支出")].amount == D(119385303)


def w(amount):
    return None if amount is None else (D(amount), MoneyUnit.WAN_YUAN)


def three_public(d):
    tp = d.three_public
    return tuple(
        None if m is None else (m.amount, m.unit)
        for m in (
            tp.total,
            tp.overseas,
            tp.vehicles,
            tp.vehicle_purchase,
            tp.vehicle_operation,
            tp.reception,
            tp.running_costs,
        )
    )


def test_three_public_in_wan_yuan_inside_a_yuan_document(fuliyuan, wanli):
    assert fuliyuan.table(TableKind.THREE_PUBLIC).money_unit == MoneyUnit.WAN_YUAN
    assert wanli.table(TableKind.THREE_PUBLIC).money_unit == MoneyUnit.WAN_YUAN
    # 购置费 is printed blank in the unit's table: not reported, not zero
    assert three_public(fuliyuan) == (w("6.4"), w("0"), w("6.4"), None, w("6.4"), w("0"), w("0"))
    assert three_public(wanli) == (w("47.91"), w("0"), w("46.56"), w("25"), w("21.56"), w("1.35"), w("443.18"))


def test_narrative_sections(fuliyuan, wanli):
    headings = [s.heading for s in fuliyuan.sections]
    for heading in (
        "上海市普陀区社会福利院主要职能",
        "上海市普陀区社会福利院机构设置",
        "名词解释",
        "2024年单位预算编制说明",
        "一、2024年“三公”经费预算情况说明",
        "二、机关运行经费预算",
        "三、政府采购预算情况",
        "四、绩效目标设置情况",
    ):
        assert heading in headings
    text = {s.heading: s for s in wanli.sections}
    assert "项目经费情况说明" in text and "七、绩效目标" in text
    assert (
        "2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。其中："
        in text["一、2024年“三公”经费预算情况说明"].text
    )
    assert text["二、机关运行经费预算"].page == 32
    explained = text["2024年部门预算编制说明"].text.split("\n")
    assert explained[0].startswith("2024年，上海市普陀区人民政府万里街道办事处收入预算15621.11万元")
    assert sum(1 for p in explained if p.startswith(tuple(f"{n}. “" for n in range(1, 34)))) == 33


# ---------------------------------------------------------------- seed.pdf = seed.docx


def comparable(disclosure):
    data = disclosure_to_dict(disclosure)
    data.pop("source")
    for table in data["tables"]:
        table.pop("page", None), table.pop("pages", None)
    for section in data["sections"]:
        section.pop("page", None)
    return data


def test_seed_pdf_gives_the_model_of_seed_docx(seed_docx, seed_pdf):
    a, b = comparable(seed_docx), comparable(seed_pdf)
    for key in ("unit", "functional", "economic", "three_public", "performance", "procurement", "assets"):
        assert a[key] == b[key], key
    assert [t["kind"] for t in a["tables"]] == [t["kind"] for t in b["tables"]]
    assert [s["heading"] for s in a["sections"]] == [s["heading"] for s in b["sections"]]
    assert json.dumps(a, ensure_ascii=False, sort_keys=True) == json.dumps(b, ensure_ascii=False, sort_keys=True)
    assert seed_pdf.table(TableKind.EXPENDITURE).pages == (3, 4)


# ---------------------------------------------------------------- bad PDFs

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s, j = list(range(256)), 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(user: bytes = b"secret", owner: bytes = b"owner") -> bytes:
    """A one-page PDF protected by an open password (standard security handler, R2)."""
    file_id = hashlib.md5(b"budgetlens").digest()
    o = _rc4(hashlib.md5((owner + _PAD)[:32]).digest()[:5], (user + _PAD)[:32])
    p = (-4).to_bytes(4, "little", signed=True)
    key = hashlib.md5((user + _PAD)[:32] + o + p + file_id).digest()[:5]
    u = _rc4(key, _PAD)
    stream = _rc4(
        hashlib.md5(key + (4).to_bytes(3, "little") + b"\0\0").digest()[:10], b"BT /F1 12 Tf 72 720 Td (2024) Tj ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + o.hex().encode() + b"> /U <" + u.hex().encode() + b"> /P -4 >>",
    ]
    return minimal_pdf(objects, b"/Encrypt 5 0 R /ID [<%s> <%s>] " % (file_id.hex().encode(), file_id.hex().encode()))


def minimal_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer + b">>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def undecodable_pdf() -> bytes:
    """Text in an embedded-subset CJK font without a ToUnicode map: glyph ids only."""
    text = b"BT /F1 12 Tf 72 720 Td <0001000200030004000500060007> Tj ET"
    return minimal_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H "
            b"/DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) "
            b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>",
            b"<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 "
            b"/Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>",
        ]
    )


def image_only_pdf() -> bytes:
    """seed.pdf's first page as a picture: what a scanner produces."""
    import pypdfium2

    document = pypdfium2.PdfDocument(fixture_bytes("seed.pdf"))
    image = document[0].render(scale=1).to_pil().convert("RGB")
    document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PDF")
    return buffer.getvalue()


def test_encrypted_pdf_is_refused():
    with pytest.raises(LoadError) as error:
        load(encrypted_pdf(), "locked.pdf")
    assert error.value.english == "encrypted PDF"


def test_scanned_pdf_is_refused():
    data = image_only_pdf()
    assert data.startswith(b"%PDF")
    with pytest.raises(LoadError) as error:
        load(data, "scan.pdf")
    assert error.value.english.startswith("scanned PDF")


def test_text_without_a_unicode_map_is_refused():
    with pytest.raises(LoadError) as error:
        load(undecodable_pdf(), "glyphs.pdf")
    assert error.value.english.startswith("PDF fonts without a Unicode map")


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_truncated_pdf_is_refused(cut):
    data = fixture_bytes(FULIYUAN)
    with pytest.raises(LoadError):
        load(data[: int(len(data) * cut)], "cut.pdf")


def test_garbage_after_the_pdf_signature_is_refused():
    with pytest.raises(LoadError):
        load(b"%PDF-1.7\n" + bytes(range(256)) * 20, "junk.pdf")


# ---------------------------------------------------------------- tables without rulings


@pytest.mark.parametrize("name", [FULIYUAN, WANLI])
def test_tables_found_by_text_alignment_alone(name):
    """With every ruling ignored, the columns come from where the text stands: the
    classified rows must come out exactly as when the rulings are read."""
    from budget.model import Format, Source
    from loaders.recognize import build

    data = fixture_bytes(name)
    source = Source(name, Format.PDF, "")
    unruled = build(pdf.read(data, rulings=False), source)
    ruled = build(pdf.read(data), source)

    def rows(lines):
        return [
            (ln.code, ln.name, ln.level, {k: v and v.amount for k, v in ln.values.items()}, ln.page) for ln in lines
        ]

    assert [t.kind for t in unruled.tables][:5] == STANDARD[:5]
    assert rows(unruled.functional) == rows(ruled.functional)
    assert rows(unruled.economic) == rows(ruled.economic)
    assert unruled.unit == ruled.unit


def test_unruled_grid_keeps_blank_cells_and_split_codes():
    blocks = pdf.read(fixture_bytes(FULIYUAN), rulings=False)
    (grid,) = grids_on(blocks, 9)
    rows = [texts(r) for r in grid.rows]
    assert ("208", "05", "02", "事业单位离退休", "538,440", "538,440", "") in rows
    assert ("", "", "", "合计", "12,121,164", "9,501,164", "2,620,000") in rows


# ---------------------------------------------------------------- page furniture


def _page_with(number, body_lines, height=842.0, width=595.0):
    from loaders.pdf import _Line, _Page

    items = [_Line("上海市某单位2024年单位预算", 200, 400, 20, 30, 29, 10.5, False, number)]  # running header
    top = 100.0
    for text, x0, x1 in body_lines:
        items.append(_Line(text, x0, x1, top, top + 12, top + 11, 12.0, False, number))
        top += 15
    items.append(_Line(f"- {number} -", 290, 310, 800, 810, 809, 9.0, False, number))  # page number
    return _Page(number, width, height, items)


def test_running_heads_dropped_and_a_paragraph_joined_over_the_page_break():
    from loaders.pdf import _blocks, _drop_running_heads

    pages = [
        _page_with(
            1,
            [
                ("一、部门主要职能", 60, 160),
                ("本部门负责辖区内的公共服务，统筹推进社区治理和", 84, 540),
                ("党建工作，具体包括下列事项：组织实施与居民生活密切相关", 60, 540),
            ],
        ),
        _page_with(2, [("的社区公共服务。", 60, 160), ("二、机构设置", 60, 140), ("本部门设5个内设机构。", 84, 220)]),
        _page_with(3, [("三、名词解释", 60, 140), ("基本支出：保障机构正常运转的支出。", 84, 300)]),
    ]
    _drop_running_heads(pages)
    texts = [(b.text, b.page) for b in _blocks(pages)]
    assert texts == [
        ("一、部门主要职能", 1),
        (
            "本部门负责辖区内的公共服务，统筹推进社区治理和党建工作，具体包括下列事项：组织实施与居民生活密切相关的社区公共服务。",
            1,
        ),
        ("二、机构设置", 2),
        ("本部门设5个内设机构。", 2),
        ("三、名词解释", 3),
        ("基本支出：保障机构正常运转的支出。", 3),
    ]


def test_a_scanned_page_among_text_pages_is_named(seed_pdf):
    """seed.pdf with its first page replaced by a picture of it: the other pages are read
    and the notes say which page could not be."""
    import pypdfium2

    document = pypdfium2.PdfDocument(fixture_bytes("seed.pdf"))
    scan = pypdfium2.PdfDocument(image_only_pdf())
    document.del_page(0)
    document.import_pages(scan, [0], index=0)
    buffer = io.BytesIO()
    document.save(buffer)
    d = load(buffer.getvalue(), "partly-scanned.pdf")
    assert "第1页只有图片，没有可提取的文字（扫描件或图表），其内容未能读取。" in d.notes
    assert len(d.functional) == 17  # the tables on the pages with text are all read
    assert not any("只有图片" in note for note in seed_pdf.notes)
