"""The shorthand of small councils' minutes, typed in a word processor and put on a
website: a numbered point that is itself the agreement ("11.1 Agreed – to take no further
action on ..."), "IT WAS resolved:" over a blank line, the owner tagged at the end of the
line ("... January meeting.  Action Clerk"), and who proposed and seconded given after
the resolution or by office ("On a proposal by the Chairman, seconded by Cllr. Lynden").
Every fixture is invented, in the layouts parish clerks use."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

POINTS = """\
Minutes of the Parish Council Meeting held on Monday 3rd March 2025 in the Village Hall

10) Planning
 10.1 Agreed – to take no further action on Orchard View
 10.2 Agreed – to raise no objection to the extension at 4 Mill Lane.
11) Correspondence
 11.1 Resolved: that the Council joins the county association
"""


def test_a_numbered_point_that_is_itself_the_agreement_is_a_decision_not_a_heading():
    draft = parse_minutes(POINTS)

    texts = [d.text for d in draft.decisions]
    assert "Agreed – to take no further action on Orchard View" in texts
    assert "Agreed – to raise no objection to the extension at 4 Mill Lane." in texts
    assert any("joins the county association" in t for t in texts)
    assert "Agreed – to take no further action on Orchard View" not in [
        item.title for item in draft.items
    ]


def test_a_heading_that_only_names_deferred_business_is_still_a_heading():
    draft = parse_minutes(
        "Minutes of the meeting held on 3rd March 2025\n\n"
        "12) Deferred Applications\nNone this month.\n"
    )

    assert [item.title for item in draft.items] == ["Deferred Applications"]
    assert draft.decisions == []


RESOLVED_OVER_A_GAP = """\
Minutes of Elmstead Parish Council Meeting held on 14th October 2025 at the Parish Hall.

101-1. To receive apologies from Members:

Apologies received from Cllr Parr due to a family commitment.

IT WAS resolved:

To accept the apologies from Cllr Parr.

101-2. To receive declarations of interest:

There were no declarations of interest.
"""


def test_it_was_resolved_with_the_resolution_below_a_blank_line_is_one_decision():
    draft = parse_minutes(RESOLVED_OVER_A_GAP)

    assert [(d.outcome, d.text) for d in draft.decisions] == [
        ("resolved", "To accept the apologies from Cllr Parr.")
    ]


TAGGED = (
    "Minutes of the Extraordinary Parish Council Meeting held on the 9th December 2025.\n\n"
    "3.    Consider the draft budget\n"
    "The council discussed the donations asked for.  It was agreed to put this item on the "
    "agenda for the January meeting.  Action Clerk\n"
    "The neighbourhood plan will require some funding.\n"
    "4.    Footpaths\n"
    "It was agreed to write to the landowner about the stile.  Action: Clerk\n"
    "5.    Reports\n"
    "The group looked at the playground report.\n"
    "The hedge by the play area is overgrown. ACTION: JB/Cllr Hart\n"
    "6.    Grants\n"
    "The council reviewed the grants policy.  Action Plan\n"
)


def test_an_owner_tagged_at_the_end_of_the_line_owes_that_lines_action():
    draft = parse_minutes(TAGGED)

    owed = {a.text: a.owners for a in draft.actions}
    assert owed["It was agreed to put this item on the agenda for the January meeting."] == [
        "Clerk"
    ]
    assert owed["It was agreed to write to the landowner about the stile."] == ["Clerk"]
    assert owed["The hedge by the play area is overgrown."] == ["JB", "Cllr Hart"]
    assert len(draft.actions) == 3  # the stile is owed once, by the Clerk, not also by no one


def test_a_tag_that_names_no_one_is_no_action():
    draft = parse_minutes(TAGGED)

    assert not any("grants policy" in a.text for a in draft.actions)


MOVERS = (
    "Minutes of a remote meeting of the Parish Council on Thursday 21st January 2025.\n\n"
    "4 | PRECEPT & BUDGET The Chairman introduced the item. On a proposal by the Chairman, "
    "seconded by Cllr. Lynden, it was RESOLVED that the budget be set at the minimum level of "
    "activity. |\n"
    "5 | DONATIONS The Council resolved to approve the draft list of donations.        "
    "Cllr P Morgan proposed & Cllr J Penn seconded. |\n"
)


def test_who_proposed_and_seconded_is_kept_when_named_by_office_or_after_the_resolution():
    draft = parse_minutes(MOVERS)

    movers = {d.text[-30:]: (d.proposer, d.seconder) for d in draft.decisions}
    assert ("the Chairman", "Cllr. Lynden") in movers.values()
    assert ("Cllr P Morgan", "Cllr J Penn") in movers.values()


FURTHER = """\
Minutes of the Budget Meeting of the Parish Council held on 20th January 2025

4. Precept and Budget
On a proposal by the Chairman, seconded by Cllr Lynden, it was RESOLVED that the budget be
set at the minimum level of activity. It was further agreed that the budget would be reviewed
each quarter.
5. Playing Field
The Council further resolved to renew the mowing contract for a year.
"""


def test_what_was_further_agreed_or_further_resolved_is_a_decision_of_its_own():
    texts = [d.text for d in parse_minutes(FURTHER).decisions]

    assert "It was further agreed that the budget would be reviewed each quarter." in texts
    assert "The Council further resolved to renew the mowing contract for a year." in texts


COMMAS = """\
Minutes of the Planning Committee of the Parish Council held at 7.00pm on 18th August 2025

1, To elect a Chairman

Cllr T Bridge was elected as Chairman Resolved

6, To receive the notes of the last meeting held and agree for them to be signed as a true record

No minutes were available to be signed.

7, Clerk's report
  • Trees survey ‒ Pending. Action: RM, KL.
"""


def test_items_numbered_with_a_comma_keep_their_agenda_wording_out_of_the_decisions():
    draft = parse_minutes(COMMAS)

    assert [i.number for i in draft.items] == ["1", "6", "7"]
    assert [d.text for d in draft.decisions] == ["Cllr T Bridge was elected as Chairman Resolved"]


def test_an_action_tag_with_initials_and_a_full_stop_names_the_owners():
    draft = parse_minutes(COMMAS)

    assert [(a.owners, a.text) for a in draft.actions] == [
        (["RM", "KL"], "• Trees survey ‒ Pending.")
    ]


OWED_AT_THE_END = """\
Minutes of the Parish Council Meeting held on Monday 1st December 2025 in the Old School
8) Parish Councillors Reports
 8.1 The copse by the school is in a poor state – TD & AV to inspect
 8.2 Parking is an issue. Resolved – to write to the school about a joint letter – AV to action
9) Finance
 9.1 Finance – Clerk to report
"""


def test_a_numbered_point_ending_with_who_is_to_act_owes_that_action_whole():
    draft = parse_minutes(OWED_AT_THE_END)

    owed = {a.text: a.owners for a in draft.actions}
    assert owed["The copse by the school is in a poor state – TD & AV to inspect"] == ["TD", "AV"]
    assert any(owners == ["AV"] and "joint letter" in text for text, owners in owed.items())
    assert "Finance – Clerk to report" in [item.title for item in draft.items]
