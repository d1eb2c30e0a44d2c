"""Decisions as parish clerks minute an annual meeting: a nomination, its votes and, a
paragraph later, "duly elected" as one decision; the yearly review of standing documents a
line each ("Financial Regulations      No change"); a member "accepted as" a signatory; and a
heading that opens on a verb ("Authorised Bank Signatories") is no decision. Every fixture
is invented, in the layouts parish councils use."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

AGM = """\
Draft minutes of the Annual Meeting of Elmbridge Parish Council, 6 May 2024

Election of Officers.

 Chairman.   J.Ward, proposed by K.Lowe, seconded by T.Hart.   All in favour.

 J.Ward duly elected.  Acceptance form signed.

 Vice Chairman.        K.Lowe, proposed by J.Ward. Seconded by T.Hart.

 All in favour.   K.Lowe duly elected.

 Tree warden.   M.Dean, nominated by J.Ward.

 M.Dean duly appointed.

Review of Documents.

    Play area risk assessment.      No change

  Standing Orders.       Amended to allow agendas to be sent by e-mail.

  Financial Regulations                        No change.

  Grants Policy – reviewed and adopted

  Village hall bookings            Two new bookings in June.

 Authorised Bank Signatories For The Coming Year

 Councillor T.Hart accepted as third bank signatory.
"""


def decisions() -> list:
    return [d for item in parse_minutes(AGM).items for d in item.decisions]


def test_a_nomination_and_its_duly_elected_a_paragraph_later_are_one_decision():
    found = [d for d in decisions() if "duly" in d.text]
    assert [d.text for d in found] == [
        "J.Ward, proposed by K.Lowe, seconded by T.Hart. All in favour. J.Ward duly elected.",
        "K.Lowe, proposed by J.Ward. Seconded by T.Hart. All in favour. K.Lowe duly elected.",
        "M.Dean, nominated by J.Ward. M.Dean duly appointed.",
    ]
    assert [(d.outcome, d.proposer, d.seconder) for d in found] == [
        ("appointed", "K.Lowe", "T.Hart"),
        ("appointed", "J.Ward", "T.Hart"),
        ("appointed", "", ""),
    ]
    assert found[0].vote is not None and found[0].vote.result == "unanimous"


def test_each_line_of_a_document_review_is_a_decision_on_that_document():
    texts = [d.text for d in decisions()]
    assert "Play area risk assessment. No change" in texts
    assert "Standing Orders. Amended to allow agendas to be sent by e-mail." in texts
    assert "Financial Regulations No change." in texts
    assert "Grants Policy reviewed and adopted" in texts
    assert not any("bookings" in t for t in texts)


def test_a_member_accepted_as_signatory_is_a_decision_and_a_verb_led_heading_is_not():
    texts = [d.text for d in decisions()]
    assert "Councillor T.Hart accepted as third bank signatory." in texts
    assert not any(t.startswith("Bank Signatories") for t in texts)


GRANTS = """\
Minutes of the Amenities Committee of Brookfield Town Council, 12 March 2024

56 Community grants

The Committee resolves in accordance with its powers under section 137 of the LGA 1972, to incur
the expenditure set out above. In the opinion of the Committee, this expenditure is in the
interests of the area and will benefit its inhabitants.

57 Plans and priorities
         It was agreed at the Closed Board meeting that the priorities within the
         plan need to be graded.
"""


def test_a_section_137_resolution_keeps_its_finding_and_another_meetings_decision_is_none():
    texts = [d.text for item in parse_minutes(GRANTS).items for d in item.decisions]
    assert texts == [
        "The Committee resolves in accordance with its powers under section 137 of the LGA 1972, "
        "to incur the expenditure set out above. In the opinion of the Committee, this "
        "expenditure is in the interests of the area and will benefit its inhabitants."
    ]


ELECTIONS = """\
Minutes of the Annual Meeting of Ashford Green Parish Council, 13 May 2024

1. Election of officers
Cllr Webb nominated Cllr Lowe as Chairman and this was seconded by Cllr Dale, and this was
carried with all in favour.
Cllr Dale nominated Cllr Hart as Vice Chairman, this was seconded by Cllr Stone and this was
carried on a majority of 6 for and 1 against.

2. To agree the minutes of 8 April 2024
It was proposed that the minutes of the meeting of 8 April 2024 should be approved as a correct
record of the meeting
Proposer Cllr Lowe
Seconded by Cllr Webb
An amendment to item 7 was proposed by Cllr Stone and discussed.
It was RESOLVED to accept the original proposal to approve the minutes of 8 April 2024.

3. Planning
24/0557/HOU Mill House, Church Lane - first floor extension.

Resolved: No Objection.

4. Village hall
Proposal: Cllr Hart proposed and Cllr Dale seconded the new hire charges. The meeting
unanimously agreed.
"""


def test_each_nomination_carried_is_a_decision_with_its_own_votes():
    found = [d for item in parse_minutes(ELECTIONS).items[:1] for d in item.decisions]
    assert [d.outcome for d in found] == ["carried", "carried"], [d.text for d in found]
    assert (found[1].vote.votes_for, found[1].vote.against) == (6, 1)


def test_a_proposal_then_resolved_to_accept_the_original_proposal_is_one_decision():
    item = parse_minutes(ELECTIONS).items[1]
    assert [d.text for d in item.decisions] == [
        "to accept the original proposal to approve the minutes of 8 April 2024."
    ]


def test_resolved_no_objection_under_an_application_keeps_the_application():
    item = parse_minutes(ELECTIONS).items[2]
    assert [d.text for d in item.decisions] == [
        "24/0557/HOU Mill House, Church Lane - first floor extension. No Objection."
    ]


def test_the_meeting_unanimously_agreed_takes_the_motion_before_it():
    item = parse_minutes(ELECTIONS).items[3]
    assert [d.text for d in item.decisions] == [
        "Proposal: Cllr Hart proposed and Cllr Dale seconded the new hire charges. The meeting "
        "unanimously agreed."
    ]
