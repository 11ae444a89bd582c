"""The catalogue: the one list of rules the engine runs, the check page groups, the
exports cite and the "how we check" page is generated from — in the order reports list
them (a rule made with ``@rule`` runs only once it is listed here)."""

from __future__ import annotations

from budget.checks import arithmetic, completeness, form, items, performance, reading, reconcile, text
from budget.checks.core import Rule

CATALOGUE: tuple[Rule, ...] = (
    arithmetic.row_totals,  # ARITH-ROW
    arithmetic.hierarchy,  # ARITH-HIER
    arithmetic.summary_totals,  # ARITH-TOTALS
    arithmetic.three_public_sums,  # ARITH-3PUB
    arithmetic.procurement_sums,  # ARITH-PROC
    arithmetic.asset_sums,  # ARITH-ASSETS
    reconcile.summary_against_tables,  # XREF-SUMMARY
    reconcile.income_equals_expenditure,  # XREF-INCOME
    reconcile.fiscal_summary_against_tables,  # XREF-FISCAL
    reconcile.appropriation_within_all_funds,  # XREF-PART
    reconcile.running_costs_within_public,  # XREF-RUNNING
    reconcile.economic_within_three_public,  # XREF-3PUB-ECON
    reconcile.insurance_mirrors,  # XREF-INSURANCE
    reconcile.names_consistent,  # XREF-NAMES
    reconcile.unit_lines,  # XREF-UNIT
    text.text_totals,  # TEXT-TOTALS
    text.text_running,  # TEXT-RUNNING
    text.text_three_public,  # TEXT-3PUB
    text.text_procurement,  # TEXT-PROC
    text.text_assets,  # TEXT-ASSETS
    text.text_units,  # TEXT-UNIT
    text.self_reference,  # TEXT-KIND
    text.budget_level,  # TEXT-LEVEL
    text.comparison_year,  # TEXT-YEAR
    text.counted_parts,  # TEXT-COUNTS
    items.item_amounts,  # TEXT-ITEMS
    items.item_names,  # TEXT-NAMES
    items.item_percentages,  # TEXT-PERCENT
    items.item_shares,  # TEXT-SHARE
    items.item_directions,  # TEXT-DIRECTION
    items.stated_changes,  # TEXT-CHANGE
    items.item_reasons,  # TEXT-REASON
    items.copied_reasons,  # TEXT-REASON-COPY
    completeness.standard_tables,  # COMPLETE-TABLES
    completeness.empty_tables,  # COMPLETE-EMPTY
    completeness.required_sections,  # COMPLETE-SECTIONS
    completeness.overview_figures,  # COMPLETE-OVERVIEW
    completeness.three_public_reasons,  # COMPLETE-3PUB-REASON
    form.heading_numbering,  # FORM-NUMBERING
    form.duplicates,  # FORM-DUPLICATE
    form.brackets,  # FORM-BRACKETS
    form.truncated,  # FORM-TRUNCATED
    form.placeholders,  # FORM-PLACEHOLDER
    form.code_shapes,  # FORM-CODE
    form.code_names,  # FORM-CODE-NAME
    form.garbled,  # FORM-GARBLED
    form.leftovers,  # FORM-LEFTOVER
    form.stray_dots,  # FORM-DOT
    form.unpunctuated,  # FORM-UNPUNCTUATED
    form.printed_codes,  # FORM-CODE-PRINTED
    performance.empty_targets,  # PERF-EMPTY
    performance.quantified_targets,  # PERF-QUANT
    performance.cost_targets,  # PERF-COST
    performance.cost_caps,  # PERF-COST-CAP
    performance.indicator_levels,  # PERF-LEVELS
    performance.satisfaction,  # PERF-SATISFACTION
    performance.name_equals_description,  # PERF-NAME-DESC
    performance.copied_text,  # PERF-COPY
    performance.goals_present,  # PERF-GOALS
    performance.project_periods,  # PERF-PERIOD
    performance.project_funds,  # PERF-FUNDS
    reading.read_tables,  # READ-TABLE
    reading.converted_units,  # READ-UNIT
)

if len({r.id for r in CATALOGUE}) != len(CATALOGUE):  # pragma: no cover - a programming error
    raise ValueError("duplicate rule id in the catalogue")
