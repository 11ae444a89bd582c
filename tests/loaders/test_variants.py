"""Realistic variations of real documents load to the same model, but for the change.

Each test changes one thing the way another finance office would lay the document out
(table order, 部门 for 单位, no year in titles, an extra table, a table split over a
page break, thousands separators, codes whole or split into 类/款/项), writes it with
tests.writers and loads it. The expected model is the changed disclosure itself
(tests.writers.comparable), adjusted only where the change must show.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from decimal import Decimal

import pytest
from lxml import etree

from budget.model import Disclosure, Table, TableKind
from loaders import load
from loaders.recognize import is_code_label, squash
from tests import writers
from tests.conftest import parsed

FIXTURES = {
    "seed": "seed.docx",
    "fuliyuan": "real/putuo_fuliyuan_2024_unit.pdf",
    "wanli": "real/putuo_wanli_2024_dept.pdf",
}
FORMATS = {
    "docx": (writers.to_docx, "v.docx"),
    "txt": (writers.to_txt, "v.txt"),
    "xlsx": (lambda d: writers.to_xlsx(d, numbers=False), "v.xlsx"),
}


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _edit_document_xml(data: bytes, edit) -> bytes:
    """The .docx with ``edit(root)`` applied to its word/document.xml."""
    source = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(source.read("word/document.xml"))
    edit(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, xml if item.filename == "word/document.xml" else source.read(item))
    return out.getvalue()


@pytest.fixture(scope="module")
def doc():
    def get(key: str) -> Disclosure:
        return parsed(FIXTURES[key])  # read once per test process, shared with other modules

    return get


def reload(d: Disclosure, fmt: str = "docx", **options) -> dict:
    write, name = FORMATS[fmt]
    return writers.comparable(load(write(d, **options), name))


def assert_same(actual: dict, expected: dict) -> None:
    for key in expected:  # one part at a time, so a failure names it
        assert actual[key] == expected[key], key


def with_tables(d: Disclosure, tables) -> Disclosure:
    """The disclosure with other tables; its notes name the tables by their new titles."""
    notes = list(d.notes)
    for old, new in zip(d.tables, tables, strict=False):
        if old.kind == new.kind and old.title and old.title != new.title:
            notes = [n.replace(f"{old.title}：", f"{new.title}：") for n in notes]
    return replace(d, tables=tuple(tables), notes=tuple(notes))


# ---------------------------------------------------------------- table order


@pytest.mark.parametrize("fmt", ["docx", "txt"])
@pytest.mark.parametrize("key", ["seed", "wanli"])
def test_standard_tables_in_another_order(doc, key, fmt):
    d = doc(key)
    standard = [i for i, t in enumerate(d.tables) if t.kind not in (TableKind.PERFORMANCE, TableKind.ORGANISATION)][:9]
    order = list(range(len(d.tables)))
    order[standard[0] : standard[-1] + 1] = reversed(standard)
    changed = with_tables(d, [d.tables[i] for i in order])
    actual = reload(changed, fmt)
    assert actual["tables"][0]["kind"] == "three_public" and actual["tables"][8]["kind"] == "summary"
    assert_same(actual, writers.comparable(changed))


# ---------------------------------------------------------------- titles


@pytest.mark.parametrize("fmt", ["docx", "txt", "xlsx"])
@pytest.mark.parametrize("key", ["seed", "fuliyuan"])
def test_department_instead_of_unit_in_titles(doc, key, fmt):
    d = doc(key)
    assert d.unit.kind == "单位"
    changed = with_tables(d, [replace(t, title=t.title.replace("单位", "部门")) for t in d.tables])
    actual = reload(changed, fmt)
    expected = writers.comparable(changed)
    assert actual["unit"][4] == "部门"  # the titles now name a department budget
    expected["unit"][4] = "部门"
    assert [t["title"] for t in actual["tables"]] == [t.title for t in changed.tables]
    assert_same(actual, expected)


@pytest.mark.parametrize("fmt", ["docx", "txt", "xlsx"])
@pytest.mark.parametrize("key", ["fuliyuan", "wanli"])
def test_year_removed_from_titles(doc, key, fmt):
    d = doc(key)
    changed = with_tables(d, [replace(t, title=re.sub(r"^(?:19|20)\d{2}年", "", t.title)) for t in d.tables])
    assert sum(t.title != c.title for t, c in zip(d.tables, changed.tables, strict=False)) >= 8
    actual = reload(changed, fmt)
    assert actual["unit"][2] == 2024
    assert_same(actual, writers.comparable(changed))


# ---------------------------------------------------------------- an extra table


def _staff_table(d: Disclosure) -> Table:
    return Table(
        kind=TableKind.UNKNOWN,
        title="人员编制及实有人数情况表",
        header=(("项目", "编制数", "实有人数"),),
        rows=(("行政编制", "12", "11"), ("事业编制", "5", "5"), ("合计", "17", "16")),
        columns=("项目", "编制数", "实有人数"),
        column_keys=(None, None, None),
        money_unit=d.unit.money_unit,
    )


@pytest.mark.parametrize("fmt", ["docx", "txt", "xlsx"])
@pytest.mark.parametrize("key", ["seed", "wanli"])
def test_unknown_table_in_the_middle(doc, key, fmt):
    d = doc(key)
    at = 3  # after the expenditure table
    changed = with_tables(d, [*d.tables[:at], _staff_table(d), *d.tables[at:]])
    actual = reload(changed, fmt)
    expected = writers.comparable(changed)
    for project in expected["performance"]:
        project["table"] += 1  # the projects' tables moved one down
    assert actual["tables"][at]["kind"] == "unknown" and actual["tables"][at]["title"] == "人员编制及实有人数情况表"
    assert actual["tables"][at + 1]["kind"] == "fiscal_summary"
    assert_same(actual, expected)


# ---------------------------------------------------------------- split over pages


@pytest.mark.parametrize("continued", [None, "续表"])
@pytest.mark.parametrize(
    ("key", "kind", "first"), [("seed", TableKind.BASIC_ECONOMIC, 12), ("wanli", TableKind.INCOME, 30)]
)
def test_long_table_split_over_a_page_break(doc, key, kind, first, continued):
    d = doc(key)

    import docx

    index = next(i for i, t in enumerate(d.tables) if t.kind == kind)
    data = writers.to_docx(d, split={index: first}, continued=continued)
    word = docx.Document(io.BytesIO(data))
    assert len(word.tables) == len(d.tables) + 1  # really two Word tables
    assert word.tables[index + 1].rows[0].cells[0].text == d.tables[index].header[0][0]  # header repeated
    actual = writers.comparable(load(data, "v.docx"))
    assert len(actual["tables"]) == len(d.tables)
    assert len(actual["tables"][index]["lines"]) == len(d.tables[index].lines)
    assert_same(actual, writers.comparable(d))


# ---------------------------------------------------------------- thousands separators


def _body_columns(row: tuple[str, ...], width: int) -> list[int]:
    """The grid column of each printed cell (a short row's first cell spans the gap)."""
    gap = width - len(row)
    return [0] + [i + gap for i in range(1, len(row))] if row else []


def _separators(table: Table, add: bool) -> Table:
    skip = {i for i, label in enumerate(table.columns) if is_code_label(label) or squash(label) == "序号"}

    def change(text: str) -> str:
        if add and (m := re.fullmatch(r"(-?)(\d{4,})(\.\d+)?", text)):
            return f"{m.group(1)}{int(m.group(2)):,}{m.group(3) or ''}"
        if not add and re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", text):
            return text.replace(",", "")
        return text

    width = len(table.columns)
    rows = tuple(
        tuple(text if col in skip else change(text) for text, col in zip(row, _body_columns(row, width), strict=False))
        for row in table.rows
    )
    return replace(table, rows=rows)


@pytest.mark.parametrize("fmt", ["docx", "txt", "xlsx"])
@pytest.mark.parametrize(("key", "add"), [("seed", True), ("fuliyuan", False)], ids=["seed-added", "fuliyuan-removed"])
def test_amounts_with_or_without_thousands_separators(doc, key, add, fmt):
    d = doc(key)
    changed = with_tables(d, [_separators(t, add) for t in d.tables])
    cells = [c for t in changed.tables for r in t.rows for c in r]
    assert ("1,452.21" in cells) if add else ("9501164" in cells and "9,501,164" not in cells)
    assert_same(reload(changed, fmt), writers.comparable(d))


# ---------------------------------------------------------------- codes whole or split


def _codes_whole(table: Table) -> Table:
    """类/款/项 columns -> one 科目编码 column holding the whole code."""
    code_cols = [i for i, label in enumerate(table.columns) if is_code_label(label)]
    if len(code_cols) < 2:
        return table
    first, drop = code_cols[0], set(code_cols[1:])
    width = len(table.columns)
    codes = {line.row - len(table.header): line.code for line in table.lines if line.code}
    rows = []
    for r, row in enumerate(table.rows):
        if len(row) < width:  # 合计 merged over the code columns: it just spans fewer
            rows.append(row)
            continue
        whole = codes.get(r) or "".join(row[i] for i in code_cols)
        rows.append(tuple(whole if i == first else c for i, c in enumerate(row) if i not in drop))
    header = [row for row in table.header if not set(filter(None, row)) <= {"类", "款", "项"}]
    columns = [
        label.rsplit("/", 1)[0] if i == first else label for i, label in enumerate(table.columns) if i not in drop
    ]
    keys = [k for i, k in enumerate(table.column_keys) if i not in drop]
    return replace(table, header=tuple(header), rows=tuple(rows), columns=tuple(columns), column_keys=tuple(keys))


def _codes_split(table: Table) -> Table:
    """One 科目编码 column -> 类/款(/项) columns under it, the 类 printed on every row."""
    code_cols = [i for i, label in enumerate(table.columns) if is_code_label(label)]
    if len(code_cols) != 1:
        return table
    at = code_cols[0]
    names = ("类", "款") if table.kind == TableKind.BASIC_ECONOMIC else ("类", "款", "项")
    width = len(table.columns)
    columns = (*table.columns[:at], *(f"{table.columns[at]}/{n}" for n in names), *table.columns[at + 1 :])
    keys = (*table.column_keys[:at], *([None] * len(names)), *table.column_keys[at + 1 :])
    widened = replace(table, columns=columns, column_keys=keys)
    # A new bottom header row: 类/款/项 under the code cell, the other cells merged down.
    last, spans, new_row, c = table.header[-1], writers.header_spans(widened)[-1], [], 0
    for _text, span in zip(last, spans, strict=False):
        new_row += list(names) if c == at else [""]
        c += span
    rows = []
    for row in table.rows:
        if len(row) < width:
            rows.append(row)
            continue
        code = squash(row[at])
        parts = [code[:3], code[3:5], code[5:7]][: len(names)] if code else [""] * len(names)
        rows.append((*row[:at], *parts, *row[at + 1 :]))
    return replace(widened, header=(*table.header, tuple(new_row)), rows=tuple(rows))


@pytest.mark.parametrize("fmt", ["docx", "txt", "xlsx"])
@pytest.mark.parametrize(
    ("key", "change"), [("seed", _codes_split), ("fuliyuan", _codes_whole), ("wanli", _codes_whole)]
)
def test_codes_whole_or_split(doc, key, change, fmt):
    d = doc(key)
    changed = with_tables(d, [change(t) for t in d.tables])
    touched = [t for t, c in zip(d.tables, changed.tables, strict=False) if t.columns != c.columns]
    assert len(touched) >= 5
    actual = reload(changed, fmt)
    expected = writers.comparable(changed)
    expected["notes"] = [] if change is _codes_whole else expected["notes"]  # whole codes are printed right
    assert_same(actual, expected)
    # The lines, with their exact amounts, are those of the document as printed.
    assert actual["functional"] == writers.comparable(d)["functional"]
    assert actual["economic"] == writers.comparable(d)["economic"]


def test_split_codes_read_back_whole(doc):
    changed = with_tables(doc("seed"), [_codes_split(t) for t in doc("seed").tables])
    again = load(writers.to_docx(changed), "v.docx")
    expenditure = again.table(TableKind.EXPENDITURE)
    assert expenditure.columns[1:4] == (
        "功能分类科目/科目编码/类",
        "功能分类科目/科目编码/款",
        "功能分类科目/科目编码/项",
    )
    line = next(ln for ln in again.functional if ln.code == "2013602")
    assert (line.level, line.total.amount, line.basic) == (3, Decimal("1065.08"), None)


# ---------------------------------------------------------------- how cells are typed


@pytest.mark.parametrize("key", ["seed", "fuliyuan"])
def test_cell_lines_typed_as_line_breaks(doc, key):
    """Lines in a cell typed with Shift+Enter (<w:br/>) are lines, as paragraphs are:
    the seed's goals stay separate goals."""
    d = doc(key)
    data = writers.to_docx(d, line_breaks=True)
    actual = writers.comparable(load(data, "v.docx"))
    assert_same(actual, writers.comparable(d))
    if key == "seed":
        assert b"<w:br/>" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
        assert actual["performance"][1]["goals"] == ["1.目标内容1", "2.目标内容2"]


def _dashes(table: Table) -> Table:
    """Blank amount cells printed as "—" (many offices never leave an amount blank)."""
    keys, width = table.column_keys, len(table.columns)
    rows = tuple(
        tuple("—" if not text and len(row) == width and keys[col] else text for col, text in enumerate(row))
        for row in table.rows
    )
    return replace(table, rows=rows)


@pytest.mark.parametrize("fmt", ["docx", "txt", "xlsx"])
@pytest.mark.parametrize("key", ["seed", "wanli"])
def test_blank_amounts_printed_as_dashes(doc, key, fmt):
    d = doc(key)
    changed = with_tables(d, [_dashes(t) for t in d.tables])
    assert sum(c == "—" for t in changed.tables for r in t.rows for c in r) > 50
    actual = reload(changed, fmt)
    assert_same(actual, writers.comparable(d))  # a dash is a blank: None, never 0
    empty = [t for t in actual["tables"] if t["kind"] == "gov_fund"][0]
    assert empty["empty"] and all(not ln["name"].strip("—") or ln["is_total"] for ln in empty["lines"])


@pytest.mark.parametrize("fmt", ["docx", "txt"])
@pytest.mark.parametrize("key", ["seed", "fuliyuan", "wanli"])
def test_title_printed_as_the_first_table_row(doc, key, fmt):
    """A table pasted from a workbook carries its title as a first row merged across it
    and no paragraph between tables: each table keeps its title and kind, none is joined
    to the one before (same width, nothing in between)."""
    d = doc(key)
    options = {"title_in_table": True} | ({"bold_headings": True} if fmt == "docx" else {})
    actual = reload(d, fmt, **options)
    assert_same(actual, writers.comparable(d))


def test_title_row_repeated_on_a_continued_table(doc):
    d = doc("wanli")
    index = next(i for i, t in enumerate(d.tables) if t.kind == TableKind.INCOME)
    actual = reload(d, title_in_table=True, split={index: 30})
    assert_same(actual, writers.comparable(d))


def _run_tables_together(data: bytes) -> bytes:
    """What Word does when the paragraph between two tables is deleted: one table."""

    def edit(root: etree._Element) -> None:
        body = root.find(W + "body")
        previous = None
        for child in list(body):
            if child.tag == W + "tbl" and previous is not None and previous.tag == W + "tbl":
                for tr in child.findall(W + "tr"):
                    previous.append(tr)
                body.remove(child)
                continue
            previous = child

    return _edit_document_xml(data, edit)


@pytest.mark.parametrize("key", ["seed", "fuliyuan"])
def test_adjacent_word_tables_run_together(doc, key):

    import docx

    d = doc(key)
    data = _run_tables_together(writers.to_docx(d, title_in_table=True))
    # Only the notes ("注：…") under the empty tables still stand between tables.
    assert len(docx.Document(io.BytesIO(data)).tables) <= 4 < len(d.tables)
    assert_same(writers.comparable(load(data, "v.docx")), writers.comparable(d))


@pytest.mark.parametrize("numbers", [True, False], ids=["numbers", "text"])
@pytest.mark.parametrize("key", ["seed", "fuliyuan", "wanli"])
def test_whole_document_on_one_sheet(doc, key, numbers):
    """A workbook with everything on one sheet: the narrative, then each table under
    its title with a blank row between them (tables of different widths)."""
    from io import BytesIO

    from openpyxl import load_workbook

    d = doc(key)
    data = writers.to_xlsx(d, one_sheet=True, numbers=numbers, unit_in_table=numbers)
    assert len(load_workbook(BytesIO(data)).worksheets) == 1
    assert_same(writers.comparable(load(data, "v.xlsx")), writers.comparable(d))


@pytest.mark.parametrize("fmt", ["docx", "txt"])
@pytest.mark.parametrize("key", ["fuliyuan", "wanli"])
def test_title_and_unit_line_on_one_line(doc, key, fmt):
    """ "2024年部门收支总表    编制部门：…  单位：元" is a title followed by a unit line."""
    d = doc(key)
    changed = with_tables(
        d, [replace(t, title=f"{t.title}    {t.unit_line}", unit_line=None) if t.unit_line else t for t in d.tables]
    )
    data, name = (
        (writers.to_docx(changed, unit_in_table=False), "v.docx")
        if fmt == "docx"
        else (writers.to_txt(changed), "v.txt")
    )
    assert_same(writers.comparable(load(data, name)), writers.comparable(d))


@pytest.mark.parametrize("fmt", ["docx", "txt", "xlsx"])
@pytest.mark.parametrize("key", ["seed", "fuliyuan", "wanli"])
def test_header_rows_repeated_inside_one_table(doc, key, fmt):
    """A table printed over two pages repeats its header where the second page starts;
    extracted as one table (text form, one sheet, Word tables run together) those rows
    are no lines."""
    d = doc(key)
    index = next(i for i, t in enumerate(d.tables) if t.kind == TableKind.EXPENDITURE)
    table = d.tables[index]
    repeated = replace(table, rows=table.rows[:8] + table.header + table.rows[8:])
    changed = with_tables(d, [*d.tables[:index], repeated, *d.tables[index + 1 :]])
    actual = reload(changed, fmt)
    assert len(actual["tables"][index]["lines"]) == len(table.lines)
    assert_same(actual, writers.comparable(d))


def _project_forms(d: Disclosure, title: str) -> Disclosure:
    """Each project's table as a form under one generic title: "项目名称 | …" on top,
    then "绩效目标 | …", then the indicators."""
    tables = []
    for t in d.tables:
        project = next((p for p in d.performance if d.tables[p.table] is t), None)
        if project is None:
            tables.append(t)
            continue
        width = max(len(r) for r in t.rows)
        pad = ("",) * (width - 2)
        tables.append(
            replace(
                t,
                title=title,
                header=(("项目名称", project.name, *pad),),
                rows=(("绩效目标", "\n".join(project.goals), *pad), *t.rows),
                columns=("项目名称",) * width,
            )
        )
    return with_tables(d, tables)


@pytest.mark.parametrize(
    ("title", "fmt"),
    [
        ("项目支出绩效目标表", "docx"),
        ("项目支出绩效目标表", "txt"),
        ("项目支出绩效目标表", "xlsx"),
        ("", "docx"),
        ("", "xlsx"),
    ],
)
def test_performance_forms_under_one_title(doc, title, fmt):
    """Thirteen forms one after another with the same title (or none) are thirteen
    projects, not one table continued."""
    changed = _project_forms(doc("seed"), title)
    actual = reload(changed, fmt)
    assert [p["name"] for p in actual["performance"]] == [p.name for p in doc("seed").performance]
    assert_same(actual, writers.comparable(changed))


@pytest.mark.parametrize("unit_in_table", [True, False], ids=["unit-row", "unit-paragraph"])
@pytest.mark.parametrize("wording", ["单位：人民币{}", "单位({})", "（单位：{}）", "金额单位：{}", "~单位：{}"])
@pytest.mark.parametrize("key", ["seed", "wanli"])
def test_money_unit_wordings(doc, key, wording, unit_in_table):
    """The money unit however the line words it; a missed unit would label 元 as 万元."""
    d = doc(key)

    def reword(line: str | None) -> str | None:
        # "~": no space before the unit, so the whole line is one cell ("编制单位：XX单位：元")
        pattern = r"\s*单位\s*[:：]\s*(万元|元)" if wording.startswith("~") else r"单位\s*[:：]\s*(万元|元)"
        return line and re.sub(pattern, lambda m: wording.lstrip("~").format(m.group(1)), line)

    changed = with_tables(d, [replace(t, unit_line=reword(t.unit_line)) for t in d.tables])
    actual = reload(changed, unit_in_table=unit_in_table)
    assert actual["unit"][1:4] == [d.unit.name, d.unit.year, str(d.unit.money_unit)]
    assert_same(actual, writers.comparable(changed))


@pytest.mark.parametrize("fmt", ["docx", "txt"])
@pytest.mark.parametrize("key", ["seed", "fuliyuan"])
def test_table_number_above_each_title(doc, key, fmt):
    """ "表1" / "附表2" on the line above a title numbers the table: the title stays the
    title and the number does not end up in the narrative."""
    d = doc(key)
    label = "表{}" if key == "seed" else "附表{}"
    changed = with_tables(
        d, [replace(t, title=f"{label.format(i + 1)}\n{t.title}") if t.title else t for i, t in enumerate(d.tables)]
    )
    assert_same(reload(changed, fmt), writers.comparable(d))


def _in_layout_frames(data: bytes) -> bytes:
    """Each table put inside a one-cell outer table (a frame for borders or centring)."""

    def edit(root: etree._Element) -> None:
        for table in list(root.find(W + "body").iterchildren(W + "tbl")):
            frame = etree.Element(W + "tbl")
            cell = etree.SubElement(etree.SubElement(frame, W + "tr"), W + "tc")
            table.addprevious(frame)
            cell.append(table)
            etree.SubElement(cell, W + "p")  # a cell ends with a paragraph

    return _edit_document_xml(data, edit)


@pytest.mark.parametrize("key", ["seed", "wanli"])
def test_tables_inside_layout_frames(doc, key):
    d = doc(key)
    assert_same(writers.comparable(load(_in_layout_frames(writers.to_docx(d)), "v.docx")), writers.comparable(d))


def _with_hidden_helpers(data: bytes) -> bytes:
    """Each table sheet gets a hidden column of helper figures after its last column
    and a hidden helper row above its last row, as finance workbooks keep them."""

    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    book = load_workbook(io.BytesIO(data))
    for ws in book.worksheets:
        if ws.max_column < 3:
            continue  # a text sheet
        helper = ws.max_column + 1
        for r in range(3, ws.max_row + 1):
            ws.cell(r, helper).value = 12345.67
        ws.column_dimensions[get_column_letter(helper)].hidden = True
        last = ws.max_row
        ws.insert_rows(last)
        ws.cell(last, 1).value, ws.cell(last, 3).value, ws.cell(last, 4).value = "上年数", 99, 98
        ws.row_dimensions[last].hidden = True
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("key", ["seed", "fuliyuan", "wanli"])
def test_hidden_helper_rows_and_columns_in_a_workbook(doc, key):
    """Hidden rows and columns are not printed, so they are not read."""
    d = doc(key)
    data = _with_hidden_helpers(writers.to_xlsx(d))
    assert_same(writers.comparable(load(data, "v.xlsx")), writers.comparable(d))


def _grid_before(data: bytes) -> bytes:
    """Rows whose first cell is blank start one grid column in (<w:gridBefore>), as
    converters write them, instead of holding an empty cell."""

    def edit(root: etree._Element) -> None:
        for tr in root.iter(W + "tr"):
            cells = tr.findall(W + "tc")
            first = cells[0] if len(cells) >= 3 else None
            if (
                first is None
                or first.find(f"{W}tcPr/{W}gridSpan") is not None
                or first.find(f"{W}tcPr/{W}vMerge") is not None
            ):
                continue
            if "".join(t.text or "" for t in first.iter(W + "t")).strip():
                continue
            tr.remove(first)
            properties = tr.find(W + "trPr")
            if properties is None:
                properties = etree.Element(W + "trPr")
                tr.insert(0, properties)
            etree.SubElement(properties, W + "gridBefore").set(W + "val", "1")

    return _edit_document_xml(data, edit)


@pytest.mark.parametrize("key", ["seed", "wanli"])
def test_rows_starting_a_column_in(doc, key):
    d = doc(key)
    data = _grid_before(writers.to_docx(d))
    assert zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").count(b"gridBefore") > 30
    actual = writers.comparable(load(data, "v.docx"))
    assert_same(actual, writers.comparable(d))
    if key == "seed":  # indicators under a 一级 cell left blank stay in their columns
        assert actual["performance"][0]["indicators"][1][:2] == ["产出指标", "质量指标"]


WRITES = {
    "docx-title-rows-line-breaks": (lambda d: writers.to_docx(d, title_in_table=True, line_breaks=True), "v.docx"),
    "txt": (writers.to_txt, "v.txt"),
    "xlsx-one-sheet-text": (lambda d: writers.to_xlsx(d, one_sheet=True, numbers=False), "v.xlsx"),
}


@pytest.mark.parametrize("written", list(WRITES))
@pytest.mark.parametrize("key", ["seed", "fuliyuan"])
def test_several_changes_at_once(doc, key, written):
    """Another office's document differs in many ways at once: codes split or whole,
    separators added or dropped, blanks as dashes, 部门 titles, another layout."""
    d = doc(key)
    if key == "seed":
        change = lambda t: _dashes(_separators(_codes_split(t), add=True))  # noqa: E731
    else:
        change = lambda t: _dashes(_separators(_codes_whole(t), add=False))  # noqa: E731
    changed = with_tables(d, [replace(change(t), title=t.title.replace("单位", "部门")) for t in d.tables])
    write, name = WRITES[written]
    actual = writers.comparable(load(write(changed), name))
    expected = writers.comparable(changed)
    expected["unit"][4] = "部门"
    expected["notes"] = [] if key != "seed" else expected["notes"]  # codes printed whole are printed right
    assert_same(actual, expected)
    assert actual["functional"] == writers.comparable(d)["functional"]  # same figures, exactly
