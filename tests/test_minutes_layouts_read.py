"""Minutes laid out as councils lay them out: names with initials, a recorded vote's
totals, raw HTML tables left in Markdown, an outcome in the right-hand column, item numbers
set apart from their titles, and the order of business, each read as a clerk reads it."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes
from ledger.readers.minutes_layout import sentences


def test_a_name_with_an_initial_does_not_end_a_sentence():
    said = sentences("Mr M. Lake proposed the motion. Councillor S. Martin seconded it.")
    assert said == ["Mr M. Lake proposed the motion.", "Councillor S. Martin seconded it."]


def test_clerk_sees_the_owner_of_an_action_named_with_an_initial_whole():
    draft = parse_minutes(
        "Minutes of the Parish Council held on 4 June 2019\n\n"
        "5. Fencing\nCouncillor R. Hale to obtain three quotes for the fencing.\n"
    )
    assert [a.owners for a in draft.actions] == [["Councillor R. Hale"]]


ELECTION = """\
Minutes of the Annual Meeting held on 2 July 2007

1. Election of Chair
Councillor Ann Kerr was proposed by Councillor Lee and seconded by Councillor Dunne
The matter was put to a vote with the following result:
For Councillor Ann Kerr
Councillors P. Boyd, O. Byrne, S. Casey, J. Dunne, B. Flood, D. Hayes, T. Kelly: Total: 7
Abstained
Councillor M. Grant, J. Reid: Total: 2
The outgoing Chair declared Councillor Ann Kerr elected Chair as she attained the most votes.
"""


def test_a_recorded_votes_total_ends_its_sentence_so_the_decision_stands_alone():
    draft = parse_minutes(ELECTION)
    assert [d.text for d in draft.decisions] == [
        "The outgoing Chair declared Councillor Ann Kerr elected Chair as she attained the most "
        "votes."
    ]


def test_raw_html_table_in_markdown_minutes_gives_each_row_its_action_and_owner():
    draft = parse_minutes(
        "Minutes of the Parish Council held on 4 June 2019\n\n"
        "<table><tr><td>5.</td><td>Grass cutting</td><td>Action</td></tr>"
        "<tr><td></td><td>The Clerk to obtain three quotes for the grass cutting contract."
        "</td><td>Clerk</td></tr></table>\n"
    )
    assert [(i.number, i.title) for i in draft.items] == [("5", "Grass cutting")]
    assert [(a.owners, a.text) for a in draft.actions] == [
        (["Clerk"], "The Clerk to obtain three quotes for the grass cutting contract.")
    ]


def test_an_outcome_in_the_right_hand_column_is_the_lines_decision_not_an_owner():
    draft = parse_minutes(
        "Minutes of the Parish Council held on 4 June 2019\n\n"
        "6.   Precept\n"
        "     The Council discussed the budget for the coming year and the reserves it holds.\n"
        "     The precept for 2020/21 was set at £12,000.                                  "
        "All in favour.\n"
        "     The Clerk to inform the Borough Council of the precept by 31 January.           "
        "Clerk\n"
    )
    (decision,) = draft.decisions
    assert decision.text == "The precept for 2020/21 was set at £12,000. All in favour."
    assert decision.vote is not None and decision.vote.result == "unanimous"


def test_an_emphasised_item_number_and_a_number_set_above_its_title_open_items():
    draft = parse_minutes(
        "Minutes of the Parish Council held on 4 June 2019\n\n"
        "**6_._          To Consider the Precept:**\n\n"
        "The precept for 2020/21 was approved.\n\n"
        "78.\n\n"
        "Accounts for Payment\n\n"
        "The accounts for payment were approved.\n"
    )
    assert [(i.number, i.title) for i in draft.items] == [
        ("6", "To Consider the Precept:"),
        ("78", "Accounts for Payment"),
    ]
    assert [len(i.decisions) for i in draft.items] == [1, 1]


def test_taking_an_item_next_on_the_agenda_is_the_order_of_business_not_a_report_back():
    draft = parse_minutes(
        "Minutes of the Parish Council held on 4 June 2019\n\n"
        "8. Depot\nIt was agreed to take the depot item next on the agenda.\n"
    )
    assert draft.report_backs == []
    assert [d.follow_up for d in draft.decisions] == [None]


def test_a_standing_item_agreed_in_the_right_hand_action_column_comes_back():
    draft = parse_minutes(
        "Minutes of the Governing Body held on 23 May 2022\n\n"
        "FGB 110/22 Partnership working\n"
        "The working group paper was circulated with the papers. The paper         c.  To be on\n"
        "suggests we should approach the new headteacher on where we go            agendas as a\n"
        "and speak to the other schools about any plans they may have.             standing item.\n"
    )
    (agreed,) = draft.decisions  # the action column says what the meeting agreed
    assert agreed.text == "c. To be on agendas as a standing item."
    assert agreed.follow_up is not None and agreed.follow_up.said == "a standing item"
