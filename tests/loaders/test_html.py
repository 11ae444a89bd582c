"""Web pages (Word's "save as web page": HTML, or MHT with the page in a MIME message),
which sites publish under a .doc name: read into the model of the same document.

The pages are real HTML written by LibreOffice from the .docx fixtures
(tests/fixtures/html/README.md); the MHT is built here around one of them, as Word
writes it (quoted-printable, GB2312).
"""

from __future__ import annotations

import quopri
from pathlib import Path

import pytest

from budget.model import Format
from loaders import LoadError, html, load
from loaders.blocks import Grid, Paragraph
from loaders.detect import sniff
from tests import writers
from tests.conftest import FIXTURES

HERE = Path(__file__).resolve().parents[1] / "fixtures"
PAIRS = {
    "seed": (HERE / "html" / "seed.html", FIXTURES / "seed.docx"),
    "fuliyuan": (HERE / "html" / "fuliyuan.html", HERE / "doc" / "fuliyuan.docx"),
}


@pytest.mark.parametrize("name", list(PAIRS))
def test_a_web_page_loads_to_the_same_model_as_docx(name):
    page, openxml = PAIRS[name]
    expected = writers.comparable(load(openxml.read_bytes(), openxml.name))
    actual = writers.comparable(load(page.read_bytes(), "page.doc"))
    for key in expected:
        assert actual[key] == expected[key], key


def mht(page: bytes, charset: str = "gb2312") -> bytes:
    text = page.decode("utf-8").replace("charset=utf-8", f"charset={charset}")
    body = quopri.encodestring(text.encode("gb18030"))
    return (
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; boundary="----=_NextPart_01D9"\r\n\r\n'
        b"------=_NextPart_01D9\r\n"
        b"Content-Location: file:///C:/seed.htm\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        + f'Content-Type: text/html; charset="{charset}"\r\n\r\n'.encode()
        + body
        + b"\r\n------=_NextPart_01D9--\r\n"
    )


def test_an_mht_in_gb2312_loads_to_the_same_model():
    page, openxml = PAIRS["seed"]
    data = mht(page.read_bytes())
    assert "收支".encode() not in data  # the page really is encoded (GB2312, quoted-printable)
    assert writers.comparable(load(data, "seed.doc")) == writers.comparable(load(openxml.read_bytes(), "seed.docx"))


def test_features_of_a_web_page():
    blocks = html.read((HERE / "html" / "features.html").read_bytes())
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    headings = [b.text for b in blocks if isinstance(b, Paragraph) and b.heading]
    assert headings == ["一、部门职责", "二、收支预算表"]  # <h1>, <h2>: heading hints, as Word's 标题 styles
    assert "一、部门职责" in texts and "正文第一段，接着一个换行之后的文字。" in texts  # a <br> in body text: nothing
    assert "制表 符之后" in texts  # a tab is white space on a web page (docx.py drops a w:tab)
    table, inner = [b for b in blocks if isinstance(b, Grid)]
    # the merged cell keeps the empty paragraph of the cell merged into it, as docx.py reads it
    assert [(c.text, c.span) for c in table.rows[0]] == [("科目编码", 1), ("科目名称", 1), ("支出\n", 2)]
    assert [c.text for c in table.rows[1]] == ["", "", "基本支出", "项目支出"]  # under a rowspan: empty, as vMerge
    assert table.rows[3][1].text == "人大事务\n（续）"  # a <br> in a cell is a new line
    assert texts[texts.index("注：表格之后的说明。") + 1] == "框内说明"  # a layout frame's cells as the document
    assert [[c.text for c in row] for row in inner.rows] == [["项目", "金额"], ["公务接待费", "3.50"]]


def test_web_pages_are_recognised_by_their_content():
    assert sniff(b"  <!DOCTYPE html><html><body></body></html>") == Format.DOCX
    assert sniff(b'<html xmlns:w="urn:schemas-microsoft-com:office:word"><body>') == Format.DOCX
    assert sniff(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n") == Format.DOCX
    assert sniff("单位：万元 <html> 不是网页\n".encode()) == Format.TXT  # text that merely holds a tag
    assert sniff(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n") == Format.TXT


def test_a_page_without_a_table_or_with_no_html_part_is_refused():
    with pytest.raises(LoadError):
        load(b"<html><body><p>hello</p></body></html>", "x.doc")
    with pytest.raises(LoadError, match="MHT"):
        load(
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\n"
            b"Content-Type: image/png\r\n\r\nxx\r\n--b--\r\n",
            "x.doc",
        )


# A table of contents and a link as Word writes them into a web page: each field a
# field-begin mark, its code, a field-separator, its result, a field-end; the page numbers
# of the contents hidden (display:none). Browsers built on these conditional comments
# show the code; Word's own reading, and a .doc's, keep only the result.
WORD_FIELDS = """<html xmlns:w="urn:schemas-microsoft-com:office:word"><head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8"></head><body lang=ZH-CN>
<p class=MsoToc1><![if supportFields]><span lang=EN-US><span style='mso-element:field-begin'></span>
TOC \\o &quot;1-3&quot; \\h \\z \\u <span style='mso-element:field-separator'></span></span><![endif]><span
class=MsoHyperlink><a href="#_Toc25831">第一部分 单位概况<span style='color:windowtext;display:none;
mso-hide:screen'>. </span><span style='display:none;mso-hide:screen'><![if supportFields]><span
style='mso-element:field-begin'></span></span><span style='display:none;mso-hide:screen'> PAGEREF
_Toc25831 \\h </span><span style='display:none;mso-hide:screen'><span
style='mso-element:field-separator'></span></span><![endif]><span
style='display:none;mso-hide:screen'>3</span><span
style='display:none;mso-hide:screen'><![if supportFields]><span
style='mso-element:field-end'></span><![endif]></span></a></span></p>
<p class=MsoToc1><span class=MsoHyperlink><a
href="#_Toc2776">第二部分 2023年度单位决算情况说明</a></span><![if supportFields]><span
style='mso-element:field-end'></span><![endif]></p>
<p class=MsoNormal>详见<![if supportFields]><span style='mso-element:field-begin'></span> HYPERLINK
&quot;http://czj.example.gov.cn/&quot; <span style='mso-element:field-separator'></span><![endif]><span
class=MsoHyperlink>财政局网站</span><![if supportFields]><span
style='mso-element:field-end'></span><![endif]>公开栏目。</p>
<table><tr><td>项目</td><td>金额</td></tr><tr><td>公务接待费</td><td>3.50</td></tr></table>
</body></html>"""


def test_a_web_page_reads_fields_as_their_results_and_not_what_it_hides():
    blocks = html.read(WORD_FIELDS.encode())
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts == ["第一部分 单位概况", "第二部分 2023年度单位决算情况说明", "详见财政局网站公开栏目。"]
    assert [[c.text for c in row] for row in next(b for b in blocks if isinstance(b, Grid)).rows] == [
        ["项目", "金额"],
        ["公务接待费", "3.50"],
    ]
