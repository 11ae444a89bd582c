"""Pieces of the interface that are plain Python: card layout, the translator script."""

from __future__ import annotations

import json
import re

from budget.views.display import DisplayUnit, figure
from budget.views.overview import overview
from components import localise
from components.headline import balanced, cards_per_row


def test_a_yuan_document_in_yuan_gets_three_cards_a_row_so_figures_stay_whole(wanli):
    heads = overview(wanli).headlines
    in_wan = [figure(h.amount, DisplayUnit.WAN_YUAN, with_unit=False) for h in heads]
    in_yuan = [figure(h.amount, DisplayUnit.YUAN, with_unit=False) for h in heads]
    assert max(len(t) for t in in_wan) <= 10 and cards_per_row(in_wan) == 4
    assert "156,211,123.00" in in_yuan and cards_per_row(in_yuan) == 3
    assert cards_per_row(["1,234,567,890,123.00"]) == 2
    assert cards_per_row(["9" * 30]) == 1


def test_every_row_of_cards_holds_as_many():
    # the 总览's 8 cards: figures that fit three a row go two a row (3 + 3 + 2 left a blank card)
    assert balanced(8, 3) == 2 and balanced(8, 4) == 4 and balanced(8, 2) == 2 and balanced(8, 1) == 1
    assert balanced(9, 4) == 3 and balanced(6, 4) == 3
    assert balanced(7, 3) == 3  # no divisor fits: as many as fit, the last row shorter


def _config(script: str) -> dict:
    return json.loads(re.search(r"const config = (\{.*?\});\n", script, re.S).group(1))


def test_the_translator_carries_only_our_own_strings_and_the_language():
    zh, en = _config(localise.script("zh")), _config(localise.script("en"))
    assert (zh["lang"], en["lang"]) == ("zh", "en")
    assert zh["exact"]["Upload"] == "上传" and zh["exact"]["Page not found"] == "页面不存在"
    patterns = [(re.compile(p), out) for p, out in zh["patterns"]]
    per_file = next(out for p, out in patterns if p.match("50MB per file"))
    assert re.compile(zh["patterns"][0][0]).sub(per_file.replace("$", "\\"), "50MB per file") == "单个文件不超过 50 MB"
    too_large = next((p, out) for p, out in patterns if p.match("File must be 2.0MB or smaller."))
    assert (
        too_large[0].sub(too_large[1].replace("$", "\\"), "File must be 2.0MB or smaller.")
        == "文件不能超过 2.0 MB，未上传。"
    )
    assert "[data-testid='stFileUploader']" in zh["scopes"]
    assert "</script>" not in json.dumps(zh, ensure_ascii=False)
