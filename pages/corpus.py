"""语料库: many published disclosures at once — the table of units, rankings and
distributions, search across the narratives, a unit's time line, 预算 against 决算, and
this session's drafts against the corpus (never written into it)."""

import streamlit as st

from budget.application import corpus as ingest
from budget.application import corpus_queries as q
from budget.views import corpus as view
from components import corpus, page, session
from components.i18n import t, words
from components.text import md

TABS = ["单位一览", "排名与分布", "全文检索", "单位时间线", "预算与决算", "我的文档"]
LIMIT = 1000  # rows of the table of units on screen
EXPORT_LIMIT = 100_000

session.use_navigation()
st.title(t("语料库"))
con = corpus.open_corpus()
corpus.open_requested(con)
info = q.overview(con)
years = info["years"]
if len(years) > 1:
    span = t("{first}–{last} 年", first=years[0], last=years[-1])
else:
    span = t("{year} 年", year=years[0]) if years else t("年度不详")
left, right = st.columns([3, 1], vertical_alignment="bottom")
with right:
    unit = page.unit_switch()
with left:
    st.caption(
        t(
            "服务器上的已公开预算文档 {documents} 份、{units} 个单位（{span}）。金额精确换算为{unit}，"
            "屏幕上保留两位小数，下载的表格保留全部小数。点击任一行行首的方框，即可打开该文档的各页。",
            documents=f"{info['documents']:,}",
            units=f"{info['units']:,}",
            span=span,
            unit=t(str(unit)),
        )
    )
filters = corpus.filters(info)
labels = [t(tab) for tab in TABS]
tabs = dict(zip(TABS, st.tabs(labels, key=corpus.TAB, on_change="rerun", bind="query-params"), strict=True))
word = words()

with tabs["单位一览"]:
    if tabs["单位一览"].open:
        left, right = st.columns([3, 1])
        sort = left.selectbox(
            t("排序"),
            list(view.SORT_LABELS),
            index=5,
            format_func=lambda column: word(view.SORT_LABELS[column]),
            key="corpus_sort",
            persist_state="session",
        )
        descending = right.toggle(t("从大到小"), value=True, key="corpus_descending", persist_state="session")
        rows = q.unit_table(con, filters, sort, descending, LIMIT)
        matching = int(rows["matching"].iloc[0]) if len(rows) else 0
        shown = t("，显示前 {count} 份", count=f"{len(rows):,}") if matching > len(rows) else ""
        st.caption(t("共 {count} 份文档{shown}；表头可再排序，— = 文档未列示。", count=f"{matching:,}", shown=shown))
        corpus.clickable_table(view.units_frame(rows, unit), list(rows["sha256"]), "corpus_units")
        corpus.downloads(
            lambda: view.units_frame(q.unit_table(con, filters, sort, descending, EXPORT_LIMIT), unit),
            "语料库单位一览",
            "corpus_units_download",
        )

with tabs["排名与分布"]:
    if tabs["排名与分布"].open:
        left, middle, right = st.columns([2, 3, 1])
        measure = left.selectbox(
            t("指标"),
            list(view.MEASURE_LABELS),
            index=6,
            format_func=lambda m: word(view.MEASURE_LABELS[m]),
            key="corpus_measure",
            persist_state="session",
        )
        basis = middle.segmented_control(
            t("口径"),
            list(view.BASIS_CHOICES),
            format_func=lambda b: word(view.BASIS_CHOICES[b]),
            default="amount",
            required=True,
            key="corpus_basis",
            persist_state="session",
            wrap=True,
        )
        top = right.number_input(
            t("显示前"), min_value=5, max_value=100, value=20, step=5, key="corpus_top", persist_state="session"
        )
        lowest = st.toggle(t("从低到高"), value=False, key="corpus_lowest", persist_state="session")
        ranked = q.ranking(con, measure, basis, filters, int(top), descending=not lowest)
        if ranked.empty:
            st.info(t("没有可排名的单位（所选口径需要该指标，增减需要同一单位上一年度的文档）。"))
        else:
            st.caption(
                t(
                    "{count} 个可比单位；增减按同一单位、同一阶段的上一年度计算。",
                    count=f"{int(ranked['matching'].iloc[0]):,}",
                )
            )
            corpus.ranking_chart(view.ranking_bars(ranked, basis, unit), basis, "corpus_ranking_chart", unit)
            corpus.clickable_table(view.ranking_frame(ranked, basis, unit), list(ranked["sha256"]), "corpus_ranking")
            st.subheader(t("分布"))
            marks = []
            for name, d in session.draft_disclosures():
                draft = view.draft_of(name, d, ingest.stage_of(d), ingest.running_costs(d))
                previous = None
                if basis in ("change", "rate") and d.unit.year:
                    key = ingest.unit_key(d, ingest.region_of(d))
                    previous = q.previous_figure(con, key, draft.stage, d.unit.year, measure)
                value = view.draft_metric(draft, measure, basis, previous)
                standing = q.standing(con, measure, basis, filters, float(value)) if value is not None else {}
                place = view.standing_of(draft, basis, value, standing, unit)
                if not place.value:
                    st.text(t("《{name}》没有这一数字（或缺上年数据），无法比较。", name=name))
                elif not place.total:
                    st.text(t("语料库中没有可比较的单位。"))
                else:
                    st.text(
                        t(
                            "《{name}》为 {value}：在语料库 {total} 个可比单位中排第 {place} 位"
                            "（高于 {below} 个，低于 {above} 个）；语料库中位数 {median}。",
                            **vars(place),
                        )
                    )
                if value is not None:
                    figure = float(view.shown(value, unit)) if basis in ("amount", "change") else float(value)
                    marks.append((t("本文档：{name}", name=name), figure))
            corpus.histogram(
                view.histogram_frame(q.distribution(con, measure, basis, filters), basis, unit),
                basis,
                marks,
                "corpus_histogram",
                unit,
            )

with tabs["全文检索"]:
    if tabs["全文检索"].open:
        text = st.text_input(
            t("在编制说明等文字部分中检索"),
            key="corpus_search",
            persist_state="session",
            placeholder=t("例如：公务接待"),
        )
        if len("".join(text.split())) < q.MIN_SEARCH:
            st.caption(t("输入至少两个字。检索忽略空格，按年度从新到旧列出包含该词的句子。"))
        else:
            hits = q.search(con, text, filters)
            if hits.empty:
                st.info(t("没有找到包含该词的句子。"))
            else:
                total = int(hits["matching"].iloc[0])
                more = t("，显示前 {count} 句", count=len(hits)) if total > len(hits) else ""
                st.caption(
                    t(
                        "共 {total} 句{more}，来自 {documents} 份文档。",
                        total=f"{total:,}",
                        more=more,
                        documents=hits["sha256"].nunique(),
                    )
                )
                corpus.search_table(view.search_frame(hits, text), list(hits["sha256"]), "corpus_hits")

with tabs["单位时间线"]:
    if tabs["单位时间线"].open:
        name = st.text_input(
            t("单位名称包含"),
            key="corpus_unit_name",
            persist_state="session",
            placeholder=t("全部单位（年度最多的在前）"),
        )
        units = q.units_matching(con, filters, name.strip())
        if units.empty:
            st.info(t("没有名称包含该词的单位。"))
        else:
            choices = {
                row["unit_key"]: t(
                    "{unit}（{region}，{count} 个年度）",
                    unit=row["unit_name"],
                    region=row["region"] or t("地区不详"),
                    count=len(row["year_list"]),
                )
                for row in units.to_dict("records")
            }
            chosen = st.selectbox(
                t("单位"), list(choices), format_func=choices.__getitem__, key="corpus_unit", persist_state="session"
            )
            rows = q.timeline(con, chosen)
            stages = sorted(set(rows["stage"]), reverse=True)
            stage = (
                st.radio(
                    t("阶段"),
                    stages,
                    format_func=word,
                    horizontal=True,
                    key="corpus_timeline_stage",
                    persist_state="session",
                )
                if len(stages) > 1
                else None
            )
            line = view.timeline(rows, stage or (stages[0] if stages else "预算"), unit)
            if line.empty:
                st.info(t("这个单位在语料库中没有功能分类或“三公”经费数字。"))
            else:
                if len(line.years) < 2:
                    only = t("{year} 年度", year=line.years[0]) if line.years else t("一个年度")
                    st.caption(t("语料库中这个单位只有 {only}的文档；有更多年度时这里画出变化。", only=only))
                else:
                    st.subheader(t("功能分类（类）"))
                    corpus.timeline_chart(line.classes, "corpus_timeline_classes", unit=unit)
                    st.subheader(t("“三公”经费"))
                    corpus.timeline_chart(line.three_public, "corpus_timeline_three", height=300, unit=unit)
                corpus.table(view.timeline_table(line, unit))

with tabs["预算与决算"]:
    if tabs["预算与决算"].open:
        pairs = q.stage_pairs(con, filters)
        if pairs.empty:
            st.info(
                t("语料库中还没有同一单位、同一年度的预算和决算都在的情况。导入决算文档后，这里逐项对比预算与决算。")
            )
        else:
            options = {
                (row["unit_key"], int(row["year"])): t("{unit} {year} 年", unit=row["unit_name"], year=int(row["year"]))
                for row in pairs.to_dict("records")
            }
            chosen_pair = st.selectbox(
                t("单位与年度"),
                list(options),
                format_func=options.__getitem__,
                key="corpus_pair",
                persist_state="session",
            )
            both = q.stages_of(con, *chosen_pair)
            table = view.stages_frame(both, unit)
            if table is not None:
                corpus.table(table)
            st.caption(t("打开其中一份："))
            corpus.clickable_table(
                both[["stage", "name"]].rename(columns={"stage": "预算/决算", "name": "文件"}),
                list(both["sha256"]),
                "corpus_pair_documents",
            )

with tabs["我的文档"]:
    if tabs["我的文档"].open:
        drafts = session.draft_disclosures()
        st.caption(t("在左侧上传的草稿与语料库按同一口径比较。草稿只在本次会话的内存中，从不写入语料库。"))
        if not drafts:
            st.info(t("在左侧边栏上传一份或多份预算公开草稿，这里显示每个数字在语料库中的位置。"))
        for name, d in drafts:
            draft = view.draft_of(name, d, ingest.stage_of(d), ingest.running_costs(d))
            st.subheader(md(name))
            amounts = {m: draft.amount(m) for m in view.MEASURE_LABELS if draft.amount(m) is not None}
            corpus.table(view.draft_frame(draft, q.standings(con, filters, amounts), unit))
