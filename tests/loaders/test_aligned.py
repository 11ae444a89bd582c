"""Tables printed without rulings (loaders/aligned.py).

Each document is built here: a PDF in a CJK font PDFium knows without embedding
(STSong-Light, UCS-2 codes: full-width Chinese, half-width digits), its text placed as
people print tables without borders (amounts right-aligned in their columns, names
left-aligned, labels centred over their columns), with no rule, with horizontal
rules only (三线表) or with rulings on the header only. The real file is a corpus
file with every path object removed (as /tmp/lead19/strip.py does), read against the
same file read with its rulings.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from loaders import pdf
from loaders.blocks import Grid, Paragraph
from tests.conftest import CORPUS
from tests.loaders.test_pdf import minimal_pdf

SIZE = 10.0
HEIGHT = 842.0


def cjk_pdf(pages: list[bytes]) -> bytes:
    """A PDF of one page per content stream; /F1 is STSong-Light in UniGB-UCS2-H."""
    n = len(pages)
    kids = b" ".join(b"%d 0 R" % (3 + 2 * k) for k in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n]
    font = 3 + 2 * n
    for k, content in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * k, font)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [%d 0 R] >>" % (font + 1)
    )
    objects.append(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 /W [1 95 500] >>"
    )
    return minimal_pdf(objects)


def width(text: str) -> float:
    return sum(SIZE / 2 if ch.isascii() else SIZE for ch in text)


def left(x: float, top: float, text: str) -> bytes:
    """``text`` from ``x``, its baseline ``top`` points down the page."""
    return b"BT /F1 %.1f Tf %.2f %.2f Td <%s> Tj ET\n" % (
        SIZE,
        x,
        HEIGHT - top,
        text.encode("utf-16-be").hex().encode(),
    )


def right(x1: float, top: float, text: str) -> bytes:
    return left(x1 - width(text), top, text)


def centre(middle: float, top: float, text: str) -> bytes:
    return left(middle - width(text) / 2, top, text)


def rule(x0: float, x1: float, top: float) -> bytes:
    return b"0.5 w %.2f %.2f m %.2f %.2f l S\n" % (x0, HEIGHT - top, x1, HEIGHT - top)


def upright(x: float, top: float, bottom: float) -> bytes:
    return b"0.5 w %.2f %.2f m %.2f %.2f l S\n" % (x, HEIGHT - top, x, HEIGHT - bottom)


def grids(blocks) -> list[Grid]:
    return [b for b in blocks if isinstance(b, Grid)]


def rows(grid: Grid) -> list[tuple]:
    """Each row as printed: (text, span) per cell, span shown only when over one."""
    return [tuple(c.text if c.span == 1 else (c.text, c.span) for c in row) for row in grid.rows]


def paragraphs(blocks) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Paragraph)]


# Columns of a functional expenditure table: code (left at 60), name (left at 120),
# 合计 / 基本支出 / 项目支出 right-aligned at 360 / 440 / 520.
CODE, NAME, AMOUNTS = 60.0, 120.0, (360.0, 440.0, 520.0)
LABELS = ("合计", "基本支出", "项目支出")


def expenditure_page(body: list[tuple[str, str, tuple[str, ...]]], top: float = 160.0, title: bool = True) -> bytes:
    """Title, unit line, a one-line header and ``body`` rows (code, name, amounts)."""
    out = b""
    if title:
        out += centre(297, 100, "支出预算总表") + right(520, 130, "单位：万元")
    out += left(CODE, top, "科目编码") + left(NAME, top, "科目名称")
    for x1, label in zip(AMOUNTS, LABELS, strict=True):
        out += centre(x1 - 25, top, label)
    y = top + 20
    for code, name, amounts in body:
        out += left(CODE, y, code) + left(NAME, y, name)
        for x1, amount in zip(AMOUNTS, amounts, strict=True):
            if amount:
                out += right(x1, y, amount)
        y += 20
    return out


BODY = [
    ("201", "一般公共服务支出", ("100.00", "60.00", "40.00")),
    ("20101", "人大事务", ("100.00", "60.00", "40.00")),
    ("2010101", "行政运行", ("60.00", "60.00", "")),
    ("2010102", "一般行政管理事务", ("40.00", "", "40.00")),
    ("", "合计", ("100.00", "60.00", "40.00")),
]
EXPECTED = [
    ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
    ("201", "一般公共服务支出", "100.00", "60.00", "40.00"),
    ("20101", "人大事务", "100.00", "60.00", "40.00"),
    ("2010101", "行政运行", "60.00", "60.00", ""),
    ("2010102", "一般行政管理事务", "40.00", "", "40.00"),
    ("", "合计", "100.00", "60.00", "40.00"),
]


def test_a_table_without_rulings_is_read_from_its_columns():
    blocks = pdf.read(cjk_pdf([expenditure_page(BODY)]))
    (grid,) = grids(blocks)
    assert rows(grid) == EXPECTED
    # the title and the unit line stay text above the table
    assert paragraphs(blocks)[:2] == ["支出预算总表", "单位：万元"]


def test_a_table_with_horizontal_rules_only_reads_the_same():
    """三线表: a rule above and below the header and one at the bottom."""
    rules = rule(55, 525, 148) + rule(55, 525, 166) + rule(55, 525, 266)
    (grid,) = grids(pdf.read(cjk_pdf([rules + expenditure_page(BODY)])))
    assert rows(grid) == EXPECTED


def test_a_header_ruled_over_an_unruled_body_keeps_every_column():
    """Rulings on the header only: the header is a ruled grid; the body below it is
    read by alignment, in the same columns."""
    xs = (55, 115, 300, 380, 460, 525)
    header = rule(55, 525, 148) + rule(55, 525, 166) + b"".join(upright(x, 148, 166) for x in xs)
    blocks = pdf.read(cjk_pdf([header + expenditure_page(BODY)]))
    found = [rows(g) for g in grids(blocks)]
    assert [row for table in found for row in table] == EXPECTED


def test_an_empty_table_is_its_header():
    """A title, a unit line, a two-line header of column names and no row, then the
    note that says why: the header alone is a table (recognition calls it empty)."""
    page = (
        centre(297, 100, "政府性基金预算支出表")
        + right(520, 130, "单位：万元")
        + centre(180, 160, "项目")
        + centre(415, 160, "本年政府性基金预算支出")
        + left(CODE, 180, "科目编码")
        + left(NAME + 40, 180, "科目名称")
        + centre(335, 180, "合计")
        + centre(415, 180, "基本支出")
        + centre(495, 180, "项目支出")
        + left(60, 230, "本单位2026年无政府性基金预算收入，也没有使用政府性基金预算安排的支出，故本表无数据。")
    )
    blocks = pdf.read(cjk_pdf([page]))
    (grid,) = grids(blocks)
    assert rows(grid) == [
        (("项目", 2), ("本年政府性基金预算支出", 3)),
        ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
    ]
    assert paragraphs(blocks)[-1].startswith("本单位2026年无政府性基金预算收入")


def test_a_name_wrapped_below_its_row_goes_on_in_its_cell():
    body = [
        ("2010101", "行政运行", ("60.00", "60.00", "")),
        ("2010102", "一般行政管理事务与其他", ("40.00", "", "40.00")),
        ("", "", ("", "", "")),  # the wrap's line (drawn below)
        ("", "合计", ("100.00", "60.00", "40.00")),
    ]
    page = expenditure_page(body) + left(NAME, 220, "人大事务支出")
    (grid,) = grids(pdf.read(cjk_pdf([page])))
    assert rows(grid)[1:] == [
        ("2010101", "行政运行", "60.00", "60.00", ""),
        ("2010102", "一般行政管理事务与其他人大事务支出", "40.00", "", "40.00"),
        ("", "合计", "100.00", "60.00", "40.00"),
    ]


def test_a_short_name_with_blank_amounts_is_a_row_of_its_own():
    """A line under a name that does not fill its column (another row shows how wide
    the column is): not a wrap, a row of its own with its amounts blank."""
    body = [
        ("2010101", "行政运行与其他一般事务支出", ("60.00", "60.00", "")),
        ("2010102", "一般行政管理事务", ("40.00", "", "40.00")),
        ("", "", ("", "", "")),
        ("", "合计", ("100.00", "60.00", "40.00")),
    ]
    page = expenditure_page(body) + left(NAME, 220, "机关服务")
    (grid,) = grids(pdf.read(cjk_pdf([page])))
    assert rows(grid)[1:] == [
        ("2010101", "行政运行与其他一般事务支出", "60.00", "60.00", ""),
        ("2010102", "一般行政管理事务", "40.00", "", "40.00"),
        ("", "机关服务", "", "", ""),
        ("", "合计", "100.00", "60.00", "40.00"),
    ]


def test_a_name_centred_about_its_amounts_is_one_cell():
    """A two-line name printed centred on its row: one line above the amounts, one below."""
    body = [
        ("2010101", "行政运行", ("60.00", "60.00", "")),
        ("2010102", "", ("40.00", "", "40.00")),
        ("", "合计", ("100.00", "60.00", "40.00")),
    ]
    page = expenditure_page(body) + left(NAME, 194, "一般行政管理事务") + left(NAME, 206, "（会议）")
    (grid,) = grids(pdf.read(cjk_pdf([page])))
    assert rows(grid)[1:] == [
        ("2010101", "行政运行", "60.00", "60.00", ""),
        ("2010102", "一般行政管理事务（会议）", "40.00", "", "40.00"),
        ("", "合计", "100.00", "60.00", "40.00"),
    ]


def test_split_codes_stay_in_their_columns():
    """类 / 款 / 项 printed as three codes ("208 05 02") under a merged 科目编码 label."""
    out = centre(90, 150, "科目编码") + left(NAME, 160, "科目名称")
    for x1, label in zip(AMOUNTS, LABELS, strict=True):
        out += centre(x1 - 25, 160, label)
    out += centre(65, 170, "类") + centre(90, 170, "款") + centre(115, 170, "项")
    body = [("208", "", "", "社会保障和就业支出", "50.00"), ("208", "05", "", "行政事业单位养老支出", "50.00")]
    body += [("208", "05", "02", "事业单位离退休", "50.00")]
    y = 190.0
    for a, b, c, name, amount in body:
        out += left(58, y, a) + left(84, y, b) + left(109, y, c) + left(NAME + 20, y, name)
        out += right(AMOUNTS[0], y, amount) + right(AMOUNTS[1], y, amount)
        y += 20
    (grid,) = grids(pdf.read(cjk_pdf([out])))
    assert rows(grid) == [
        (("科目编码", 3), "科目名称", "合计", "基本支出", "项目支出"),
        ("类", "款", "项", "", "", "", ""),
        ("208", "", "", "社会保障和就业支出", "50.00", "50.00", ""),
        ("208", "05", "", "行政事业单位养老支出", "50.00", "50.00", ""),
        ("208", "05", "02", "事业单位离退休", "50.00", "50.00", ""),
    ]


def test_a_table_continued_on_the_next_page_keeps_its_columns():
    first = expenditure_page(BODY[:3])
    second = b""
    y = 80.0
    for code, name, amounts in BODY[3:]:
        second += left(CODE, y, code) + left(NAME, y, name)
        for x1, amount in zip(AMOUNTS, amounts, strict=True):
            if amount:
                second += right(x1, y, amount)
        y += 20
    one, two = grids(pdf.read(cjk_pdf([first, second])))
    assert (one.page, two.page) == (1, 2)
    assert rows(one) == EXPECTED[:4]
    assert rows(two) == EXPECTED[4:]


def test_a_paragraph_after_the_table_ends_it():
    page = expenditure_page(BODY) + left(60, 300, "说明：本表反映单位2026年一般公共预算支出情况，按功能分类科目列示。")
    blocks = pdf.read(cjk_pdf([page]))
    (grid,) = grids(blocks)
    assert rows(grid) == EXPECTED
    assert paragraphs(blocks)[-1].startswith("说明：本表反映")


# ---------------------------------------------------------------- a real table, its rulings removed


def without_paths(data: bytes) -> bytes:
    """The document with every path object on its pages removed (no ruling left)."""
    document = pdfium.PdfDocument(data)
    for page in document:
        for obj in [o for o in page.get_objects(max_depth=1) if o.type == pdfium_c.FPDF_PAGEOBJ_PATH]:
            page.remove_obj(obj)
        page.gen_content()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def shanghai_01():
    data = (CORPUS / "shanghai_01.pdf").read_bytes()
    return pdf.read(data), pdf.read(without_paths(data))


def test_a_stripped_summary_table_reads_as_its_ruled_self(shanghai_01):
    """上海交通职业技术学院 2026 财务收支预算总表 (page 7): a four-row header of merged
    cells and two tables side by side, every ruling removed."""
    ruled, stripped = shanghai_01
    (before,) = [g for g in grids(ruled) if g.page == 7]
    (after,) = [g for g in grids(stripped) if g.page == 7]
    assert rows(after)[:4] == rows(before)[:4]  # the header, merged cells and all
    printed = [r for r in rows(before) if any(r)]
    assert rows(after)[4:] == printed[4:]  # the body, without the ruled blank rows
    assert rows(after)[4] == (
        "一、财政拨款收入",
        "304,413,900",
        "一、教育支出",
        "326,658,710",
        "150,119,030",
        "104,154,210",
        "72,385,470",
    )


def test_a_stripped_empty_table_is_still_a_table(shanghai_01):
    """Page 15: 政府性基金预算支出功能分类预算表 with no row, only its header and 合计."""
    _, stripped = shanghai_01
    (grid,) = [g for g in grids(stripped) if g.page == 15]
    assert rows(grid)[:3] == [
        (("项目", 4), ("政府性基金预算支出", 3)),
        (("功能分类科目编码", 3), "功能分类科目名称", "合计", "基本支出", "项目支出"),
        ("类", "款", "项", "", "", "", ""),
    ]


def test_a_stripped_three_public_table_reads_as_its_ruled_self(shanghai_01):
    """Page 20: 三公 table of one row, its amounts right-aligned far right of their
    centred labels (合计 left of 67.59), 购置费 blank beside 运行费 over one amount."""
    ruled, stripped = shanghai_01
    (before,) = [g for g in grids(ruled) if g.page == 20]
    (after,) = [g for g in grids(stripped) if g.page == 20]
    assert rows(after) == rows(before)
    assert rows(after)[2:] == [
        ("", "", "", "小计", "购置费", "运行费", ""),
        ("67.59", "35.00", "12.49", "20.10", "", "20.10", ""),
    ]


# ---------------------------------------------------------------- what is not a table


def test_numbers_beside_labels_are_a_chart_not_a_table():
    """A bar chart's axis, a value label and the legend stand in columns with numbers
    in them, but no line holds two amounts beside a third cell (xian_17 p7)."""
    page = b"".join(right(100, 100 + 20 * n, str(180 - 20 * n)) for n in range(6))
    page += left(140, 100, "172") + left(300, 180, "行政单位") + left(300, 200, "事业单位")
    assert grids(pdf.read(cjk_pdf([page]))) == []
    # the same labels with a line of two values beside a name: a table
    page += left(140, 220, "合计") + right(240, 220, "77") + right(300, 220, "76")
    assert len(grids(pdf.read(cjk_pdf([page])))) == 1


def test_two_columns_under_column_names_are_a_table():
    """项目 | 金额: two columns are a table when their header names them."""
    page = left(60, 100, "部门预算支出经济科目") + centre(400, 100, "预算数")
    body = [("合计", "103,700.53"), ("[301]工资福利支出", "83,774.35"), ("[30101]基本工资", "11,297.86")]
    for n, (name, amount) in enumerate(body):
        page += left(60, 120 + 20 * n, name) + right(420, 120 + 20 * n, amount)
    (grid,) = grids(pdf.read(cjk_pdf([page])))
    assert rows(grid) == [("部门预算支出经济科目", "预算数"), *body]


def test_two_columns_without_column_names_are_a_list():
    """A contents page: names and page numbers, no header of column names."""
    body = [("一、收支总表", "3"), ("二、收入总表", "4"), ("三、支出总表", "5")]
    page = b"".join(left(60, 120 + 20 * n, name) + right(420, 120 + 20 * n, p) for n, (name, p) in enumerate(body))
    assert grids(pdf.read(cjk_pdf([page]))) == []


# ---------------------------------------------------------------- header labels and columns


def test_a_column_blank_in_every_row_keeps_its_label():
    """基本支出 printed for no row: its label, beside the labels of the columns either
    side, is a column of its own, blank."""
    body = [("2010102", "一般行政管理事务", ("40.00", "", "40.00")), ("", "合计", ("40.00", "", "40.00"))]
    (grid,) = grids(pdf.read(cjk_pdf([expenditure_page(body)])))
    assert rows(grid) == [
        EXPECTED[0],
        ("2010102", "一般行政管理事务", "40.00", "", "40.00"),
        ("", "合计", "40.00", "", "40.00"),
    ]


def test_a_label_centred_over_wide_right_aligned_amounts_labels_them():
    """收入 / 支出 over 项目 | 预算: each 预算 stands centred in its column, far left of
    its amounts (right-aligned), in the white the amounts leave on their left."""
    page = centre(180, 100, "收入") + centre(450, 100, "支出")
    page += left(60, 120, "项目") + centre(230, 120, "预算") + left(330, 120, "项目") + centre(500, 120, "预算")
    body = [
        ("一、预算拨款", "121,385.74", "一、一般公共服务支出", "38,167.63"),
        ("二、事业收入", "7.78", "二、教育支出", "0.00"),
    ]
    for n, (a, b, c, d) in enumerate(body):
        y = 140 + 20 * n
        page += left(60, y, a) + right(300, y, b) + left(330, y, c) + right(570, y, d)
    (grid,) = grids(pdf.read(cjk_pdf([page])))
    assert rows(grid) == [(("收入", 2), ("支出", 2)), ("项目", "预算", "项目", "预算"), *body]


def three_public_page(blank: str) -> bytes:
    """A 三公 table as Shanghai prints it (shanghai_01 p20): labels centred in cells
    80-90 points wide, the one row's amounts right-aligned at the cells' right edges,
    the column ``blank`` (购置费 or 运行费) printed with no amount."""
    page = centre(297, 100, "“三公”经费预算表") + right(560, 120, "单位：万元")
    page += centre(250, 133, "“三公”经费预算数") + centre(365, 145, "公务用车购置及运行费")
    for middle, label in ((50, "合计"), (145, "因公出国(境)费"), (225, "公务接待费")):
        page += centre(middle, 157, label)
    page += centre(515, 151, "机关运行经费预") + centre(515, 163, "算数")
    for middle, label in ((295, "小计"), (365, "购置费"), (435, "运行费")):
        page += centre(middle, 169, label)
    amounts = {100: "67.59", 190: "35.00", 260: "12.49", 330: "20.10", 400: "20.10", 470: "20.10"}
    del amounts[{"购置费": 400, "运行费": 470}[blank]]
    for x1, amount in amounts.items():
        page += right(x1, 195, amount)
    return page


@pytest.mark.parametrize("blank", ["购置费", "运行费"])
def test_a_label_left_of_the_first_amounts_labels_their_column(blank):
    """合计 centred in the first cell, clear of its amount printed right-aligned: the
    first column of amounts owns the white on its left up to the header's edge, so 合计
    labels it (no blank column of its own); a blank column's label beside the next
    one's keeps its own column, on either side."""
    (grid,) = grids(pdf.read(cjk_pdf([three_public_page(blank)])))
    amounts = ("20.10", "", "20.10") if blank == "购置费" else ("20.10", "20.10", "")
    assert rows(grid) == [
        (("“三公”经费预算数", 6), "机关运行经费预算数"),
        ("合计", "因公出国(境)费", "公务接待费", ("公务用车购置及运行费", 3), ""),
        ("", "", "", "小计", "购置费", "运行费", ""),
        ("67.59", "35.00", "12.49", *amounts, ""),
    ]


def test_category_labels_under_a_charts_axis_are_no_empty_table():
    """A bar chart's value axis (100 … 0, right-aligned) and under its last tick the
    categories, economic names that read like a header's column names (xian_17 p12):
    no table. The same line under a title and a unit line is an empty table's header."""
    labels = left(120, 230, "工资福利支出") + left(250, 230, "商品和服务支出") + left(400, 230, "资本性支出")
    axis = b"".join(right(100, 100 + 25 * n, str(100 - 20 * n)) for n in range(6))
    assert grids(pdf.read(cjk_pdf([axis + labels]))) == []
    heading = centre(297, 180, "基本支出经济分类表") + right(520, 205, "单位：万元")
    (grid,) = grids(pdf.read(cjk_pdf([heading + labels])))
    assert rows(grid) == [("工资福利支出", "商品和服务支出", "资本性支出")]


# ---------------------------------------------------------------- cells centred on their row's line

# (a goal wraps where its line fills the column: 18 characters)
GOALS = (
    (
        "贯彻落实国家和省关于信用体系的部署，",
        "进一步建立完善信用建设的长效机制，推",
        "动信用服务实体经济发展，增强城市品牌",
        "影响力。",
    ),
    ("完成因公出国考察和培训任务，保证纪检", "工作正常开展。"),
    ("通过购置更新到期的办公设备。",),
)
PROJECTS = [
    (("社会信用建设工作专项", "经费"), "85.00", GOALS[0]),
    (("工作经费",), "66.00", GOALS[1]),
    (("2026年购置经费",), "52.00", GOALS[2]),
]


def project_page(centred: bool) -> bytes:
    """项目名称 | 合计 | 财政拨款 | 绩效目标: a spreadsheet's export centres each cell on
    its row (a goal of four lines has its amounts between its second and third, the
    first name's two lines straddle them); printed from the row's line down, the
    same cells start on it."""
    out = (
        left(60, 150, "项目名称") + centre(235, 150, "合计") + centre(315, 150, "财政拨款") + left(360, 150, "绩效目标")
    )
    y = 176.0  # the first line of the row's tallest cell
    for names, amount, goals in PROJECTS:
        middle = y + 16 * (len(goals) - 1) / 2
        line = middle if centred else y
        out += right(260, line, amount) + right(340, line, amount)
        for cell, x in ((names, 60), (goals, 360)):
            start = middle - 16 * (len(cell) - 1) / 2 if centred else y
            out += b"".join(left(x, start + 16 * n, text) for n, text in enumerate(cell))
        y += 16 * len(goals) + 16
    return out


@pytest.mark.parametrize("centred", [True, False], ids=["centred", "from-the-row-line-down"])
def test_cells_centred_on_their_rows_line_stay_in_their_row(centred):
    """Centred, the first goal's lines above the first amounts (beside the first
    name's first line) are that row's, not the header's, and each line goes to the
    row it is centred on, the nearest or not."""
    (grid,) = grids(pdf.read(cjk_pdf([project_page(centred)])))
    assert rows(grid) == [
        ("项目名称", "合计", "财政拨款", "绩效目标"),
        *[("".join(names), amount, amount, "".join(goals)) for names, amount, goals in PROJECTS],
    ]


@pytest.fixture(scope="module")
def guangzhou_04():
    return pdf.read(without_paths((CORPUS / "guangzhou_04.pdf").read_bytes()))


def test_a_stripped_project_table_reads_its_centred_cells(guangzhou_04):
    """广州市发展和改革委员会 部门预算项目支出及其他支出预算表, page 27 (a continued page,
    its header repeated), every ruling removed: each project's name (two lines about
    its amounts) and its goal (up to five lines) in its own row, the header in two
    rows as the ruled page reads (总计, 财政专户拨款, 其他资金 and 绩效目标 centred across
    both tiers beside 财政拨款 over its four columns)."""
    (grid,) = [g for g in grids(guangzhou_04) if g.page == 27]
    table = rows(grid)
    assert table[:2] == [
        ("支出项目类别（资金使用单位）", "总计", ("财政拨款", 4), "财政专户拨款", "其他资金", "绩效目标"),
        ("", "", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算", "", "", ""),
    ]
    table = [table[0], *table[2:]]
    assert [row[:2] for row in table[1:4]] == [
        ("社会信用建设工作专项经费", "85.00"),
        ("工作经费", "66.00"),
        ("购置经费", "52.00"),
    ]
    assert table[1][-1].startswith("贯彻落实国家和省关于社会信用体系高质量发展工作部署，")
    assert table[1][-1].endswith("品牌影响力。")
    assert table[2][-1] == "1.完成因公出国（境）考察和培训任务。2.保证纪检派驻机构工作人员正常开展纪检工作。"
    assert [row[:2] for row in table[-2:]] == [
        ("广州市发展和改革委员会2025-2026年信息化运维项目", "292.00"),
        ("价格体制与投融资政策推进协调经费", "160.00"),
    ]


# ---------------------------------------------------------------- column numbers, codes, one row


def economic_page(numbered: bool) -> bytes:
    """科目编码 centred over codes printed left-aligned and indented by level (301,
    30101), and under the labels, when ``numbered``, the columns' numbers (** ** 1 2 3)."""
    out = centre(118, 150, "科目编码") + centre(200, 150, "科目名称")  # (clear of the codes, 60-91)
    for x1, label in zip(AMOUNTS, ("合计", "人员经费", "公用经费"), strict=True):
        out += centre(x1 - 25, 150, label)
    if numbered:
        out += centre(118, 170, "**") + centre(200, 170, "**")
        out += b"".join(centre(x1 - 25, 170, str(n)) for n, x1 in enumerate(AMOUNTS, 1))
    body = [("301", "工资福利支出", "90.00", "90.00", ""), ("30101", "基本工资", "60.00", "60.00", "")]
    body += [("30102", "津贴补贴", "30.00", "30.00", ""), ("302", "商品和服务支出", "10.00", "", "10.00")]
    y = 190.0
    for code, name, *amounts in body:
        out += left(60 if len(code) == 3 else 66, y, code) + left(150 if len(code) == 3 else 160, y, name)
        out += b"".join(right(x1, y, a) for x1, a in zip(AMOUNTS, amounts, strict=True) if a)
        y += 20
    return out


@pytest.mark.parametrize("numbered", [True, False], ids=["numbered", "without-numbers"])
def test_the_columns_numbers_are_a_header_row_over_left_aligned_codes(numbered):
    """湖州's 基本支出表 without rulings: 1 | 2 | 3 under 合计 | 人员经费 | 公用经费 are the
    header's last row, not the first row of amounts (which would put 合计 and its
    number in a column of their own), and 科目编码 labels the codes under it."""
    (grid,) = grids(pdf.read(cjk_pdf([economic_page(numbered)])))
    header = [("科目编码", "科目名称", "合计", "人员经费", "公用经费")]
    header += [("**", "**", "1", "2", "3")] if numbered else []
    assert rows(grid) == [
        *header,
        ("301", "工资福利支出", "90.00", "90.00", ""),
        ("30101", "基本工资", "60.00", "60.00", ""),
        ("30102", "津贴补贴", "30.00", "30.00", ""),
        ("302", "商品和服务支出", "10.00", "", "10.00"),
    ]


def test_one_row_under_column_names_is_a_table():
    """A unit's 收入总表 printed with its total only: one row of amounts under a header
    of column names is a table; the same amounts under no header are not."""
    amounts = b"".join(
        right(x1, 190, a) for x1, a in zip((160, *AMOUNTS), ("130.00", "100.00", "20.00", "10.00"), strict=True)
    )
    header = centre(135, 170, "合计") + b"".join(
        centre(x1 - 30, 170, label) for x1, label in zip(AMOUNTS, ("一般公共预算", "事业收入", "其他收入"), strict=True)
    )
    (grid,) = grids(pdf.read(cjk_pdf([header + amounts])))
    assert rows(grid) == [("合计", "一般公共预算", "事业收入", "其他收入"), ("130.00", "100.00", "20.00", "10.00")]
    assert grids(pdf.read(cjk_pdf([left(60, 170, "本单位本年收入情况如下：") + amounts]))) == []


# ---------------------------------------------------------------- horizontal rules as evidence


def ruled_rows_page(rows_ruled: bool, header_ruled: bool = True) -> bytes:
    """A rule under every row (or, if not ``rows_ruled``, the three of a 三线表): each
    row's amounts centred between its rules, its code printed half a line below
    them and its name in two lines about them (as 西安's tables print)."""
    out = rule(55, 525, 138) if header_ruled else b""
    out += left(CODE, 150, "科目编码") + left(NAME, 150, "科目名称")
    out += b"".join(centre(x1 - 25, 150, label) for x1, label in zip(AMOUNTS, LABELS, strict=True))
    out += rule(55, 525, 158) if header_ruled else b""
    body = [
        ("2080505", ("机关事业单位", "基本养老保险缴费"), ("60.00", "60.00", "")),
        ("2080506", ("职业年金",), ("40.00", "", "40.00")),
    ]
    top = 158.0
    for code, names, amounts in body:
        middle = top + 17
        out += b"".join(right(x1, middle, a) for x1, a in zip(AMOUNTS, amounts, strict=True) if a)
        out += left(CODE, middle + 6, code)
        out += b"".join(left(NAME, middle - 6 * (len(names) - 1) + 12 * n, name) for n, name in enumerate(names))
        top += 30
        if rows_ruled or code == body[-1][0]:
            out += rule(55, 525, top)
    return out


def test_rules_under_every_row_give_each_line_its_row():
    """Between two rules: one row, its code printed lower than its amounts, its name
    wrapped above them (under the header's rule: the row's, not the header's)."""
    (grid,) = grids(pdf.read(cjk_pdf([ruled_rows_page(rows_ruled=True)])))
    assert rows(grid) == [
        ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
        ("2080505", "机关事业单位基本养老保险缴费", "60.00", "60.00", ""),
        ("2080506", "职业年金", "40.00", "", "40.00"),
    ]


def test_a_three_line_tables_rules_end_its_header_and_its_body():
    """A 三线表 (a rule above and under the header, one at the end): the line under the
    header's rule is the first row's (the header is the labels alone) and the line
    above the last rule, under the last amounts, is the table's; with no rule at all
    the first is taken for a header label and the last for text under the table."""
    header = ("科目编码", "科目名称", "合计", "基本支出", "项目支出")
    (ruled,) = grids(pdf.read(cjk_pdf([ruled_rows_page(rows_ruled=False)])))
    assert rows(ruled)[0] == header
    # (each code printed half a line below its amounts is its row's: every row whole)
    assert rows(ruled)[1] == ("2080505", "机关事业单位基本养老保险缴费", "60.00", "60.00", "")
    assert rows(ruled)[-1][0] == "2080506"
    (bare,) = grids(pdf.read(cjk_pdf([without_rules(ruled_rows_page(rows_ruled=False))])))
    assert rows(bare)[0] == ("科目编码", "科目名称机关事业单位", "合计", "基本支出", "项目支出")
    assert "2080506" not in [cell for row in rows(bare) for cell in row]


def without_rules(content: bytes) -> bytes:
    return b"".join(line + b"\n" for line in content.split(b"\n") if line and not line.endswith(b" l S"))


# ------------------------------------------------- a header of several tiers, no rule

# 项目 | 合计 | 本年收入 (小计 | 财政拨款收入 | 事业收入) | 上年结转 (小计 | 财政拨款):
# names left at 60, amounts right-aligned at these ends.
TIERED = (200.0, 270.0, 340.0, 410.0, 480.0, 550.0)


def tiered_page(wrapped: int) -> bytes:
    """本年收入 and 上年结转 on the header's first line, each centred over its columns'
    labels a tier lower; 财政拨款收入 wrapped over ``wrapped`` lines and the other labels
    of that tier centred on them; 项目 and 合计 centred across the whole header's
    height (the line of neither tier)."""
    top, step = 150.0, 12.0
    pieces = {1: ["财政拨款收入"], 2: ["财政拨款", "收入"], 3: ["财政", "拨款", "收入"]}[wrapped]
    first = top + 16  # a tier lower: more than a line and a half under its parent
    last = first + step * (wrapped - 1)
    lower = (first + last) / 2  # the tier's other labels, centred on it
    whole = (top + last) / 2  # the header's middle, between its first and last baselines
    middles = [x1 - 15 for x1 in TIERED]
    out = centre(90, whole, "项目") + centre(middles[0], whole, "合计")
    out += centre(middles[2], top, "本年收入") + centre((middles[4] + middles[5]) / 2, top, "上年结转")
    out += centre(middles[1], lower, "小计") + centre(middles[3], lower, "事业收入")
    out += b"".join(centre(middles[2], first + step * k, text) for k, text in enumerate(pieces))
    out += centre(middles[4], lower, "小计") + centre(middles[5], lower, "财政拨款")
    y = last + 24
    for name, amounts in (
        ("一般公共服务支出", ("150.00", "120.00", "100.00", "20.00", "30.00", "30.00")),
        ("教育支出", ("60.00", "50.00", "50.00", "", "10.00", "10.00")),
        ("合计", ("210.00", "170.00", "150.00", "20.00", "40.00", "40.00")),
    ):
        out += left(60, y, name) + b"".join(right(x1, y, a) for x1, a in zip(TIERED, amounts, strict=True) if a)
        y += 20
    return out


@pytest.mark.parametrize("wrapped", [1, 2, 3], ids=["on-one-line", "wrapped-twice", "wrapped-three-times"])
def test_labels_as_tall_as_the_header_are_no_merged_labels_children(wrapped):
    """合计 centred across every tier beside 本年收入 is a column of its own, not a
    label under 本年收入 (whose cell, as wide on both sides of its middle, reaches over
    it and over 上年结转's 小计: the two together are as centred about its middle as its
    own three columns); the labels of the lower tier stay under their parent, one-line
    labels centred beside a label wrapped over two lines or three alike. (On one line,
    财政拨款收入 centred under 本年收入 is a label under it, not 本年收入's next line.)"""
    (grid,) = grids(pdf.read(cjk_pdf([tiered_page(wrapped)])))
    assert rows(grid) == [
        ("项目", "合计", ("本年收入", 3), ("上年结转", 2)),
        ("", "", "小计", "财政拨款收入", "事业收入", "小计", "财政拨款"),
        ("一般公共服务支出", "150.00", "120.00", "100.00", "20.00", "30.00", "30.00"),
        ("教育支出", "60.00", "50.00", "50.00", "", "10.00", "10.00"),
        ("合计", "210.00", "170.00", "150.00", "20.00", "40.00", "40.00"),
    ]


def test_stripped_tiered_headers_read_as_their_ruled_selves():
    """深圳市人民政府办公厅 基本支出表 (shenzhen_19 p21: 财政专户管理资金 and 上年结余、结转
    wrapped over two lines, 支出项目类别 and 总计 on one, each centred across both tiers
    beside 财政拨款 and 单位资金) and 北京市气象局 收入预算表 (beijing_meteo_part2 p3: 合计
    centred across the tiers beside 本年收入, whose cell reaches over 上年结转结余's 小计),
    every ruling removed: each label in its own column or under its parent, as ruled."""
    shenzhen = pdf.read(without_paths((CORPUS / "shenzhen_19.pdf").read_bytes()))
    (grid,) = [g for g in grids(shenzhen) if g.page == 21]
    assert rows(grid)[:3] == [
        ("支出项目类别", "总计", ("财政拨款", 4), "财政专户管理资金", ("单位资金", 5), "上年结余、结转"),
        ("", "", "小计", "一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款", "")
        + ("事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", ""),
        ("深圳市人民政府办公厅", "9,464.34", "9,464.34", "9,464.34") + ("0.00",) * 9,
    ]
    meteo = pdf.read(without_paths((CORPUS / "beijing_meteo_part2.pdf").read_bytes()))
    grid = [g for g in grids(meteo) if g.page == 3][0]
    funds = ("一般公共预算资金", "政府性基金预算资金", "国有资本经营预算资金", "财政专户管理资金")
    assert rows(grid)[:3] == [
        ("合计", ("本年收入", 10), ("上年结转结余", 6)),
        ("", "小计", *funds, "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入")
        + ("小计", *funds, "单位资金"),
        ("30,775.648545", "17,929.443777", "17,921.443777", "", "", "", "5.000000", "", "", "", "3.000000")
        + ("12,846.204768", "2,706.670189", "10,139.534579", "", "", ""),
    ]


# ---------------------------------------------------------------- performance forms without rulings


def pages(data: bytes, numbers: list[int]) -> bytes:
    """The document's pages ``numbers`` (from 1) alone."""
    source = pdfium.PdfDocument(data)
    out_document = pdfium.PdfDocument.new()
    out_document.import_pages(source, [n - 1 for n in numbers])
    out = io.BytesIO()
    out_document.save(out)
    return out.getvalue()


def indicators(data: bytes) -> list[tuple]:
    from loaders import load

    return [
        (p.name, str(p.amount), i.level1, i.level2, i.level3, i.target)
        for p in load(data, "form.pdf").performance
        for i in p.indicators
    ]


def test_a_stripped_form_with_worded_targets_reads_as_its_ruled_self():
    """西安市工业和信息化局 校园安保及卫生维护 绩效目标表 (xian_17 p48), every ruling
    removed: targets are words and counts (33297.31平米, 3人, ≥99%, 有所提升), not
    amounts; 年度绩效指标 and 产出指标 are printed a character a line, 数量指标 and
    质量指标 centred over their rows (数量指标 on its third row's line), 资金金额（万元）
    over the amounts' rows. Each indicator is its ruled self: name, amount, levels,
    target."""
    page = pages((CORPUS / "xian_17.pdf").read_bytes(), [48])
    ruled, stripped = indicators(page), indicators(without_paths(page))
    assert len(ruled) == 15  # (the form goes on over the next page)
    assert ruled[0] == ("校园安保及卫生维护", "10.00 万元", "产出指标", "数量指标", "指标1：覆盖面积", "33297.31平米")
    assert ruled[-1][3:] == ("经济效益指标", "指标1：提高人员技能水平及经济发展服务能力", "有所提升")
    assert stripped == ruled


def test_a_stripped_form_with_amounts_keeps_its_rows_by_their_amounts():
    """长沙市信访局 项目支出绩效目标表 (changsha_01 p26), every ruling removed: each
    indicator's cells are centred on its row's line, the 指标值 an amount; the names
    wrapped about that line (接待群众5人以上 / 集体访次数) join in its row, not rows of
    their own, beside the row's target."""
    page = without_paths(pages((CORPUS / "changsha_01.pdf").read_bytes(), [26]))
    (grid,) = grids(pdf.read(page))
    table = rows(grid)
    named = [row for row in table if "接待群众5人以上集体访次数" in row]
    assert len(named) == 1 and "100" in named[0]
    assert not any("接待群众5人以上" in row or "集体访次数" in row for row in table)
    names = [i[4] for i in indicators(page)]
    assert names[:3] == ["接待群众5人以上集体访次数", "接待来市走访群众数量", "聘请专业律师和心理咨询师人数"]
    assert "集体访次数" not in names and "接待群众5人以上" not in names


def test_a_stripped_forms_next_page_goes_on_without_its_header():
    """西安市商务局 委托咨询业务 绩效目标表 (xian_14 p63-64), every ruling removed: page
    64 prints no header, only its indicators (成本指标, 经济效益指标… centred over their
    rows) going on from page 63. Every indicator is read with its target, in order;
    page 63's with their levels (the cells merged over rows: 时效指标 over four; the
    page's last row is 成本指标's, its label printed on the next page)."""
    data = pages((CORPUS / "xian_14.pdf").read_bytes(), [63, 64])
    ruled, stripped = indicators(data), indicators(without_paths(data))
    assert len(ruled) == 40
    assert [i[4:] for i in stripped] == [i[4:] for i in ruled]
    assert stripped[:14] == ruled[:14]
    assert ruled[13][3:] == ("时效指标", "指标4：根据专项资金申报时间和相关工作安排确定", "当年完成")


def test_a_stripped_forms_header_wrapped_about_its_line_keeps_its_labels():
    """国家信访局 信访研究宣传立法专项 绩效自评表 (wuhan_02 p32), every ruling removed:
    年度指标值 is printed 年度指标 above the header's line and 值 below it, on the line of
    the first indicator's cells (绩效指标 | 成本指标 | 经济成本指标, centred on their
    rows): 值 joins its label, the level names stay the first row's, and every
    indicator has its target, as ruled."""
    page = pages((CORPUS / "wuhan_02.pdf").read_bytes(), [32])
    stripped = without_paths(page)
    (grid,) = [g for g in grids(pdf.read(stripped)) if any("一级指标" in r for r in rows(g))]
    (header,) = [r for r in rows(grid) if "一级指标" in r]
    assert "年度指标值" in header and "偏差原因分析及改进措施" in header
    ruled, read = indicators(page), indicators(stripped)
    assert ruled[0][2:] == ("成本指标", "经济成本指标", "每本刊物印刷成本", "≤1.4元")
    assert [i[4:] for i in read[:6]] == [i[4:] for i in ruled[:6]]
    assert read[0][2:] == ruled[0][2:]  # (the amount above, in tiers of its own, is not read)


def test_a_stripped_forms_next_page_with_wrapped_level_names_goes_on_as_a_form():
    """国家信访局 信访干部培训专项 绩效自评表 (wuhan_02 p30-31), every ruling removed:
    page 31 prints no header, and its level names wrapped in their cells (满意度 / 指标,
    服务对象 / 满意度指标) are the form's level names going on: each indicator has its
    levels, name and target as ruled, and the 总分 line under
    the scores (a cell merged over the columns left of its amounts) is no indicator;
    nor are the lines of 实际完成值 and 偏差原因 wrapped side by side above their row's
    line (texts only right of the targets' column)."""
    data = pages((CORPUS / "wuhan_02.pdf").read_bytes(), [30, 31])
    ruled, stripped = indicators(data), indicators(without_paths(data))
    assert len(ruled) == 10
    assert ruled[-2:] == [
        ("信访干部培训专项", "None", "效益指标", "社会效益指标", "信访系统干部整体素质", "有所提高"),
        ("信访干部培训专项", "None", "满意度指标", "服务对象满意度指标", "受训学员满意率", "≥95%"),
    ]
    assert [i[2:] for i in stripped] == [i[2:] for i in ruled]


def test_a_stripped_forms_columns_printed_close_keep_their_levels_and_targets():
    """北京市园林绿化局 项目支出绩效目标表 (beijing_greening_part2 p12), every ruling
    removed: the 绩效目标 text wraps up to the 一级指标 column (…国庆花坛花卉产出指标, less
    than a column gap between them), and the targets' signs and units stand alone in
    columns of their own (＝ | 800 | 个), one a row. The goal is cut where the column's
    edge runs through it, and each sign and unit stays in its row: every indicator's
    levels and target are its ruled self's. (A name wrapped onto a second line of its
    own, 至少50盆, is still read as an indicator of its own, without a target.)"""
    data = pages((CORPUS / "beijing_greening_part2.pdf").read_bytes(), [12])
    ruled, stripped = indicators(data), indicators(without_paths(data))
    assert len(ruled) == 21
    assert ruled[2][2:4] + ruled[2][5:] == ("产出指标", "数量指标", "=800个")
    assert [i[2:4] + i[5:] for i in stripped if i[5] is not None] == [i[2:4] + i[5:] for i in ruled]


def test_a_stripped_tables_last_row_alone_on_the_next_page_goes_on_in_its_columns():
    """无锡市应急管理局 一般公共预算支出表 (wuxi_10 p19-20), every ruling removed: the page
    break pushed the last row (2240199 其他应急管理支出 2,080.58 | 2,080.58 in 合计 and
    项目支出, the three 基本支出 columns blank between them) alone onto the next page, under
    the running header only. It is the table's last row, each amount in its column, as
    ruled (a lone line of a code, a name and amounts is no paragraph)."""
    from loaders import load

    # (the pages around them too: a running header is page furniture when it repeats)
    data = pages((CORPUS / "wuxi_10.pdf").read_bytes(), [18, 19, 20, 21])

    def table(document: bytes) -> list[tuple]:
        (read,) = [t for t in load(document, "x.pdf").tables if t.title == "一般公共预算支出表"]
        return [tuple(r) for r in read.rows]

    ruled, stripped = table(data), table(without_paths(data))
    assert ruled[-1] == ("2240199", "其他应急管理支出", "2,080.58", "", "", "", "2,080.58")
    assert stripped[-1] == ruled[-1]
    assert stripped[-5:] == ruled[-5:]


def test_a_stripped_tables_next_page_keeps_its_cells_under_their_columns_text():
    """上海市刑事科学技术研究院 收入预算总表 (shanghai_05 p8-9), every ruling removed: on
    the next page 事业收入 and 事业单位经营收入 are blank, so its 财政拨款收入 column's
    boundary lies halfway to 其他收入, past 事业收入's on p8; each cell goes to the
    column of p8 whose text its column's text overlaps: 171,800 under 财政拨款收入, as
    ruled. (The table's first page, every column's text over the other's, is read as
    before.)"""
    page = pages((CORPUS / "shanghai_05.pdf").read_bytes(), [8, 9])
    ruled, stripped = pdf.read(page), pdf.read(without_paths(page))
    (before,) = [g for g in grids(ruled) if g.page == 2]
    (after,) = [g for g in grids(stripped) if g.page == 2]
    assert rows(after)[:2] == rows(before)[:2]
    assert rows(after)[1] == ("221", "02", "01", "住房公积金", "171,800", "171,800", "", "", "")
    assert rows(after)[2][-5:] == rows(before)[2][-5:] == ("70,716,064", "66,716,064", "", "", "4,000,000")
    assert [rows(g) for g in grids(stripped) if g.page == 1][0][3:] == [rows(g) for g in grids(ruled) if g.page == 1][
        0
    ][3:]


def test_a_stripped_tables_codes_printed_half_a_line_below_their_rows_stay_in_them():
    """西安市委宣传部 一般公共预算支出明细表 (xian_16 p24), every ruling removed: each 项's
    code (2013301, 2050803…) is printed half a line below its row's amounts, its line
    overlapping theirs (2013302 beside 事务, the rest of 一般行政管理事务 wrapped about the
    amounts). A code so printed is its row's code, no row of its own: every row reads
    as ruled."""
    page = pages((CORPUS / "xian_16.pdf").read_bytes(), [24])
    (before,) = grids(pdf.read(page))
    (after,) = grids(pdf.read(without_paths(page)))
    assert rows(before)[4] == ("2013301", "行政运行", "17,651,794.92", "16,411,840.61", "1,239,954.31", "0.00", "")
    assert rows(before)[5][:2] == ("2013302", "一般行政管理事务")
    assert rows(after) == rows(before)


def test_a_stripped_tables_page_number_under_it_does_not_end_it():
    """武汉市信访局 部门支出总表 (wuhan_01 p7-8), every ruling removed: p7's page number is
    printed under the table, above the foot margin, and the table goes on at the top of p8
    under its running header. The page number ends no table: p8's rows are the table's
    rows, as ruled, down to its 合计."""
    from loaders import load

    data = pages((CORPUS / "wuhan_01.pdf").read_bytes(), [7, 8])

    def table(document: bytes) -> list[tuple]:
        (read,) = [t for t in load(document, "x.pdf").tables if t.title == "部门支出总表"]
        return [tuple(r) for r in read.rows]

    ruled, stripped = table(data), table(without_paths(data))
    assert ruled[-2] == ("2210203", "购房补贴", "341.00", "341.00", "", "", "", "")
    assert stripped[:-1] == ruled[:-1]
    # (the ruled 合计 spans the code and name columns; without rulings it is the name's)
    total = ["合计", "50,616.94", "11,056.07", "39,560.87"]
    assert [c for c in stripped[-1] if c] == [c for c in ruled[-1] if c] == total


def test_a_stripped_three_public_tables_amount_labelled_by_its_centred_header_stays_in_its_column():
    """湖州市退役军人事务局 "三公"经费支出表 (huzhou_04 p28), every ruling removed: 公务接待费
    (and its column number 6) is centred in a wide cell, well left of its amounts, which
    are right-aligned at the table's edge; 1.10 in the 合计 row is its amount, as ruled
    (公务接待费 was read as a blank column of its own and the amounts as unlabelled)."""
    from loaders import load

    data = pages((CORPUS / "huzhou_04.pdf").read_bytes(), [28])
    ruled, stripped = load(data, "x.pdf").three_public, load(without_paths(data), "x.pdf").three_public
    assert str(ruled.reception.amount) == "1.10"
    assert stripped == ruled
