"""The narrative of a disclosure (编制说明, 情况说明) as structured claims, read once.

``read_claims(doc)`` turns every section into claims: what one passage says about one
subject (a 科目, a total, “三公”经费 and its items, 机关运行经费, 政府采购 and its parts,
资产, a project), with this year's amount, last year's, the change, the share, the
stated reason, and every figure's place. The text rules of the check read these claims;
the pages read them too.
"""

from budget.narrative.claims import Claim, Figure, Role, read_claims
from budget.narrative.subjects import Kind, Subject

__all__ = ["Claim", "Figure", "Kind", "Role", "Subject", "read_claims"]
