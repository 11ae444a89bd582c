"""语料库: many published disclosures at once — the table of units, rankings and
distributions, search across the narratives, a unit's time line, 预算 against 决算, and
this session's drafts against the corpus (never written into it)."""

import streamlit as st

from budget.application import corpus as ingest
from budget.application import corpus_queries as q
from budget.views import corpus as view
from components import corpus, session
from components.text import md

TABS = ["单位一览", "排名与分布", "全文检索", "单位时间线", "预算与决算", "我的文档"]
LIMIT = 1000  # rows of the table of units on screen
EXPORT_LIMIT = 100_000

session.use_navigation()
st.title("语料库")
con = corpus.open_corpus()
corpus.open_requested(con)
info = q.overview(con)
years = info["years"]
span = f"{years[0]}–{years[-1]} 年" if len(years) > 1 else (f"{years[0]} 年" if years else "年度不详")
st.caption(
    f"服务器上的已公开预算文档 {info['documents']:,} 份、{info['units']:,} 个单位（{span}）。"
    f"金额一律精确换算为{view.DISPLAY_UNIT}（元 × 0.0001，不四舍五入）。点击任一行行首的方框，即可打开该文档的各页。"
)
filters = corpus.filters(info)
tabs = dict(zip(TABS, st.tabs(TABS, key=corpus.TAB, on_change="rerun", bind="query-params"), strict=True))

with tabs["单位一览"]:
    if tabs["单位一览"].open:
        left, right = st.columns([3, 1])
        sort = left.selectbox(
            "排序",
            list(view.SORT_LABELS),
            index=5,
            format_func=view.SORT_LABELS.__getitem__,
            key="corpus_sort",
            persist_state="session",
        )
        descending = right.toggle("从大到小", value=True, key="corpus_descending", persist_state="session")
        rows = q.unit_table(con, filters, sort, descending, LIMIT)
        matching = int(rows["matching"].iloc[0]) if len(rows) else 0
        shown = f"，显示前 {len(rows):,} 份" if matching > len(rows) else ""
        st.caption(f"共 {matching:,} 份文档{shown}；表头可再排序，空白 = 文档未列示。")
        corpus.clickable_table(view.units_frame(rows), list(rows["sha256"]), "corpus_units")
        corpus.downloads(
            lambda: view.units_frame(q.unit_table(con, filters, sort, descending, EXPORT_LIMIT)),
            "语料库单位一览",
            "corpus_units_download",
        )

with tabs["排名与分布"]:
    if tabs["排名与分布"].open:
        left, middle, right = st.columns([2, 3, 1])
        measure = left.selectbox(
            "指标",
            list(view.MEASURE_LABELS),
            index=6,
            format_func=view.MEASURE_LABELS.__getitem__,
            key="corpus_measure",
            persist_state="session",
        )
        basis = middle.segmented_control(
            "口径",
            list(view.BASIS_CHOICES),
            format_func=view.BASIS_CHOICES.__getitem__,
            default="amount",
            required=True,
            key="corpus_basis",
            persist_state="session",
            wrap=True,
        )
        top = right.number_input(
            "显示前", min_value=5, max_value=100, value=20, step=5, key="corpus_top", persist_state="session"
        )
        lowest = st.toggle("从低到高", value=False, key="corpus_lowest", persist_state="session")
        ranked = q.ranking(con, measure, basis, filters, int(top), descending=not lowest)
        if ranked.empty:
            st.info("没有可排名的单位（所选口径需要该指标，增减需要同一单位上一年度的文档）。")
        else:
            st.caption(f"{int(ranked['matching'].iloc[0]):,} 个可比单位；增减按同一单位、同一阶段的上一年度计算。")
            corpus.ranking_chart(view.ranking_bars(ranked, basis), basis, "corpus_ranking_chart")
            corpus.clickable_table(view.ranking_frame(ranked, basis), list(ranked["sha256"]), "corpus_ranking")
            st.subheader("分布")
            marks = []
            for name, d in session.draft_disclosures():
                draft = view.draft_of(name, d, ingest.stage_of(d), ingest.running_costs(d))
                previous = None
                if basis in ("change", "rate") and d.unit.year:
                    key = ingest.unit_key(d, ingest.region_of(d))
                    previous = q.previous_figure(con, key, draft.stage, d.unit.year, measure)
                value = view.draft_metric(draft, measure, basis, previous)
                standing = q.standing(con, measure, basis, filters, float(value)) if value is not None else {}
                st.text(view.standing_text(draft, basis, value, standing))
                if value is not None:
                    marks.append((f"本文档：{name}", float(value)))
            corpus.histogram(
                view.histogram_frame(q.distribution(con, measure, basis, filters), basis),
                basis,
                marks,
                "corpus_histogram",
            )

with tabs["全文检索"]:
    if tabs["全文检索"].open:
        text = st.text_input(
            "在编制说明等文字部分中检索", key="corpus_search", persist_state="session", placeholder="例如：公务接待"
        )
        if len("".join(text.split())) < q.MIN_SEARCH:
            st.caption("输入至少两个字。检索忽略空格，按年度从新到旧列出包含该词的句子。")
        else:
            hits = q.search(con, text, filters)
            if hits.empty:
                st.info("没有找到包含该词的句子。")
            else:
                total = int(hits["matching"].iloc[0])
                more = f"，显示前 {len(hits)} 句" if total > len(hits) else ""
                st.caption(f"共 {total:,} 句{more}，来自 {hits['sha256'].nunique()} 份文档。")
                corpus.search_table(view.search_frame(hits, text), list(hits["sha256"]), "corpus_hits")

with tabs["单位时间线"]:
    if tabs["单位时间线"].open:
        name = st.text_input(
            "单位名称包含", key="corpus_unit_name", persist_state="session", placeholder="全部单位（年度最多的在前）"
        )
        units = q.units_matching(con, filters, name.strip())
        if units.empty:
            st.info("没有名称包含该词的单位。")
        else:
            labels = {
                row["unit_key"]: f"{row['unit_name']}（{row['region'] or '地区不详'}，{len(row['year_list'])} 个年度）"
                for row in units.to_dict("records")
            }
            unit = st.selectbox(
                "单位", list(labels), format_func=labels.__getitem__, key="corpus_unit", persist_state="session"
            )
            rows = q.timeline(con, unit)
            stages = sorted(set(rows["stage"]), reverse=True)
            stage = (
                st.radio("阶段", stages, horizontal=True, key="corpus_timeline_stage", persist_state="session")
                if len(stages) > 1
                else None
            )
            line = view.timeline(rows, stage or (stages[0] if stages else "预算"))
            if line.empty:
                st.info("这个单位在语料库中没有功能分类或“三公”经费数字。")
            else:
                if len(line.years) < 2:
                    only = line.years[0] if line.years else "一个"
                    st.caption(f"语料库中这个单位只有 {only} 年度的文档；有更多年度时这里画出变化。")
                else:
                    st.subheader("功能分类（类）")
                    corpus.timeline_chart(line.classes, "corpus_timeline_classes")
                    st.subheader("“三公”经费")
                    corpus.timeline_chart(line.three_public, "corpus_timeline_three", height=300)
                st.dataframe(
                    view.timeline_table(line),
                    hide_index=True,
                    width="stretch",
                    column_config=corpus.column_config(view.timeline_table(line)),
                )

with tabs["预算与决算"]:
    if tabs["预算与决算"].open:
        pairs = q.stage_pairs(con, filters)
        if pairs.empty:
            st.info("语料库中还没有同一单位、同一年度的预算和决算都在的情况。导入决算文档后，这里逐项对比预算与决算。")
        else:
            options = {
                (row["unit_key"], int(row["year"])): f"{row['unit_name']} {int(row['year'])} 年"
                for row in pairs.to_dict("records")
            }
            chosen = st.selectbox(
                "单位与年度", list(options), format_func=options.__getitem__, key="corpus_pair", persist_state="session"
            )
            both = q.stages_of(con, *chosen)
            table = view.stages_frame(both)
            if table is not None:
                st.dataframe(table, hide_index=True, width="stretch", column_config=corpus.column_config(table))
            st.caption("打开其中一份：")
            corpus.clickable_table(
                both[["stage", "name"]].rename(columns={"stage": "预算/决算", "name": "文件"}),
                list(both["sha256"]),
                "corpus_pair_documents",
            )

with tabs["我的文档"]:
    if tabs["我的文档"].open:
        drafts = session.draft_disclosures()
        st.caption("在左侧上传的草稿与语料库按同一口径比较。草稿只在本次会话的内存中，从不写入语料库。")
        if not drafts:
            st.info("在左侧边栏上传一份或多份预算公开草稿，这里显示每个数字在语料库中的位置。")
        for name, d in drafts:
            draft = view.draft_of(name, d, ingest.stage_of(d), ingest.running_costs(d))
            st.subheader(md(name))
            amounts = {m: draft.amount(m) for m in view.MEASURE_LABELS if draft.amount(m) is not None}
            table = view.draft_frame(draft, q.standings(con, filters, amounts))
            st.dataframe(table, hide_index=True, width="stretch", column_config=corpus.column_config(table))
