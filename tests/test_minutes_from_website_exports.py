"""A parish clerk exports minutes from the council's website: Markdown with front matter,
the minutes themselves in an HTML table (item, text, action), each resolution numbered
("Resolved 14/06/9.01") above its words."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes, read_minutes

EXPORT = """\
---
title: "Minutes of Northwold Parish Council meeting"
categories:
  - "parish-councils"
---

**Councillors present**: Cllr. R. Crisp (Chair), Cllr. A. Jenkinson, Cllr. A. Muir.

<table><tbody><tr><td><strong>Item</strong></td><td>&nbsp;</td><td><strong>Action</strong></td>\
</tr><tr><td>14/06/1</td><td><strong>Public Forum:</strong><div></div>A resident asked if the \
Council would consider a defibrillator for the village. The Council asked the Clerk to look \
into the costs and report at the next meeting.</td><td>Clerk</td></tr><tr><td>14/06/5</td><td>\
<strong>Minutes of the last meeting:</strong><div></div>Resolved 14/06/5.01<div></div>The \
minutes of the last meeting were adopted as a true statement and signed by the Chairman.</td>\
<td>&nbsp;</td></tr></tbody></table>
"""


def test_minutes_kept_in_an_html_table_inside_markdown_are_read_as_minutes(tmp_path):
    path = tmp_path / "2014-06-northwold.md"
    path.write_text(EXPORT, encoding="utf-8")
    draft = read_minutes(str(path))
    actions = [a for item in draft.items for a in item.actions]
    assert any(a.owners == ["Clerk"] and "look into the costs" in a.text for a in actions), actions
    texts = [d.text for item in draft.items for d in item.decisions]
    assert not any("<" in t or "&nbsp;" in t for t in texts)


def test_a_numbered_resolved_label_takes_the_words_below_it():
    draft = parse_minutes(
        "Minutes of the Parish Council held on 3 June 2014\n\n"
        "5. Minutes of the last meeting\n\n"
        "Resolved 14/06/5.01\n\n"
        "The minutes of the last meeting were adopted as a true statement.\n\n"
        "9. Finance\n\n"
        "RESOLVED:\n\n"
        "That the bank reconciliation be received and adopted.\n"
    )
    texts = [d.text for item in draft.items for d in item.decisions]
    assert texts == [
        "The minutes of the last meeting were adopted as a true statement.",
        "That the bank reconciliation be received and adopted.",
    ]


PLENUM = """\
## Plenum 2019-01-16 Agenda/Minutes

### Credentials
- Present: Valentine, Dyana, Bob, Fazli
- Apologies:

### Finances
- (Fazli) Update on finances, accounts, and cashflow.
- Dyana to provide a 30 day cashflow projection this evening to Fazli
- We anticipate being able to pay all bills this month

### Rack rates
- Valentine: print a $4/hour poster and stick it up
- Bob: is maintaining individual PINs feasible?
- KIV: sort out when to resume
"""


def test_a_markdown_plenums_headings_are_items_and_its_bullets_give_owned_actions():
    draft = parse_minutes(PLENUM)
    assert draft.meeting_date is not None and draft.meeting_date.isoformat() == "2019-01-16"
    assert [item.title for item in draft.items if item.title][-3:] == [
        "Credentials",
        "Finances",
        "Rack rates",
    ]
    actions = {a.text: a.owners for item in draft.items for a in item.actions}
    assert actions == {
        "Dyana to provide a 30 day cashflow projection this evening to Fazli": ["Dyana"],
        "Valentine: print a $4/hour poster and stick it up": ["Valentine"],
    }


DECISION_PAGE = """\
Decision details

RESOLUTIONS OF THE OVERVIEW AND SCRUTINY COMMITTEE

Decision Maker: Overview and Scrutiny Committee

Decision status: Recommendations Approved

Decision:

RESOLVED: That the report entitled Resolutions of the Committee be noted.

Carried
  • View Recorded Vote for this item

Publication date: 24/12/2019

Decided at meeting: 17/09/2019 - Overview and Scrutiny Committee
"""


def test_a_decision_pages_details_are_not_decisions_and_carried_is_the_resolutions_result():
    draft = parse_minutes(DECISION_PAGE)
    decisions = [d for item in draft.items for d in item.decisions]
    assert [d.text for d in decisions] == [
        "That the report entitled Resolutions of the Committee be noted."
    ]
    assert decisions[0].vote is not None and decisions[0].vote.result == "carried"


NESTED = """\
**Present:** Vicky Bright – Clerk

<table><tbody><tr><td>14/06/9</td><td><strong>Finance:</strong><div></div>Resolved 14/06/9.02\
<div></div><table><tr><td>Payee</td><td>Gross</td></tr><tr><td>Anglian Water</td><td>15.54</td>\
</tr></table></td><td>&nbsp;</td></tr><tr><td>14/06/10</td><td><strong>Chaffer bugs:</strong>\
<div></div>Resolved 14/06/10.01<div></div>It was agreed to accept the quote from Collier Turf. \
The Clerk is to instruct Collier Turf to proceed.</td><td>Clerk</td></tr></tbody></table>
"""


def test_a_table_nested_in_a_cell_does_not_cut_the_minutes_table_short(tmp_path):
    path = tmp_path / "2014-06-northwold.md"
    path.write_text(NESTED, encoding="utf-8")
    draft = read_minutes(str(path))
    texts = [d.text for item in draft.items for d in item.decisions]
    assert "It was agreed to accept the quote from Collier Turf." in " ".join(texts)
    assert not any("</table>" in t or "</td>" in t for t in texts)
    actions = [(a.owners, a.text) for item in draft.items for a in item.actions]
    assert (["Clerk"], "The Clerk is to instruct Collier Turf to proceed.") in actions
