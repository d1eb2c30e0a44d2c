"""Minute actions asked for in the passive or told twice, and sentences that only look like
actions: a role taken or kept, a request answered at the meeting, minutes to be amended."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes


def actions(text: str) -> list[tuple[list[str], str]]:
    return [(a.owners, a.text) for item in parse_minutes(text).items for a in item.actions]


PARISH = """\
Minutes of Ashby Parish Council held on 13 May 2015

7. Common land
It was requested that evidence be obtained that the land has been registered by the County.
CC requested a Parish Council notice to be added to the website and the village magazine.
A note will be added to the questions document for the October meeting.

8. Speed sign
CC expressed concern that the data may be lost and that the Parish Clerk should ensure that
the data is retrieved on a regular basis.

9. Minutes of the last meeting
Action point to be amended accordingly.
Agreed to be circulated and added to the website.
"""


def test_work_asked_for_in_the_passive_is_an_action_with_no_owner_yet():
    found = actions(PARISH)
    unowned = [text for owners, text in found if not owners]
    assert any(t.startswith("It was requested that evidence be obtained") for t in unowned)
    assert any(t.startswith("CC requested a Parish Council notice") for t in unowned), found
    assert any(t.startswith("A note will be added") for t in unowned), found


def test_the_clerk_named_after_and_that_owns_the_action():
    found = actions(PARISH)
    assert any(
        owners == ["Parish Clerk"] and "data is retrieved" in text for owners, text in found
    ), found


def test_minutes_to_be_amended_and_an_agreement_to_circulate_are_no_new_passive_actions():
    texts = [text for _, text in actions(PARISH)]
    assert not any("amended accordingly" in t or t.startswith("Agreed to be") for t in texts)


PLENUM = """\
## Plenum 2019-01-16 Minutes

### Credentials
- Present: Valentine, Dyana, Bob, Fazli

### Finances
- Also: Dyana to take over as treasurer this month; Fazli will remain involved as consultant.
- ~$500 garage sale funds to be deposited in the bank
- Money Matters would by asked to validate.
"""


def test_a_role_taken_or_kept_is_no_action_and_a_notes_passive_is_one():
    found = actions(PLENUM)
    assert [text for _, text in found] == ["~$500 garage sale funds to be deposited in the bank"]


def test_an_action_told_again_with_a_word_more_is_one_action():
    found = actions(
        "Minutes of the Schools Forum held on 3 December 2020\n\n"
        "4. Early years budget\n"
        "The matter would be discussed at Westminster. Councillor Boeck would share the "
        "outcome of the debate with the Schools Forum.\n\n"
        "RESOLVED that Councillor Boeck would share the outcome of the debate at Westminster "
        "with the Schools Forum.\n"
    )
    assert len([o for o, _ in found if o == ["Councillor Boeck"]]) == 1, found


def test_a_request_answered_at_the_meeting_and_an_announcement_to_attend():
    found = actions(
        "Minutes of the Governing Board held on 23 May 2022\n\n"
        "5. Headteacher's report\n"
        "Heather was asked to comment on areas where the school may be struggling and she said "
        "that reading was one.\n"
        "Cllr. Crisp announced she would attend the meeting with the police.\n"
    )
    assert not any(o == ["Heather"] for o, _ in found), found
    assert any(o == ["Cllr. Crisp"] for o, _ in found), found


AGENDA_PAGE = """\
Agenda Items
Apologies for Absence
To receive any apologies for absence.
To confirm the minutes of the meeting held on 8 October 2015.
RESOLVED that the minutes of the meeting held on 8 October 2015 be confirmed.

1.1 | Call to Order | | Mayor D. Iveson |

Structural Repairs and Associated Works to Council-Owned Blocks of Flats PDF 344 KB
"""


def test_an_agenda_page_and_a_table_of_titles_give_no_one_an_action():
    assert actions(AGENDA_PAGE) == []


def test_a_short_quotation_a_note_asks_to_add_stays_in_the_action():
    found = actions(
        "## Plenum 2019-01-16 Minutes\n\n- Present: Valentine, Dyana\n\n### Calendar\n"
        '- Valentine: include in agenda template "Upcoming events we might like"\n'
    )
    assert found == [
        (["Valentine"], 'Valentine: include in agenda template "Upcoming events we might like"')
    ]


def test_work_that_will_have_to_be_done_a_notice_to_be_put_up_and_a_resolution_to_write():
    found = actions(
        "Minutes of Ashby Parish Council held on 24 July 2014\n\n"
        "9. Footpaths\n"
        "No one is sure whose responsibility the fence is. This will have to be investigated.\n"
        "Warning notices are to be put up advising that the tree is dangerous.\n\n"
        "10. Way forward\n"
        "AGREED - That the Chairperson writes to the Cabinet Member on behalf of the Council.\n"
    )
    texts = {text: owners for owners, text in found}
    assert texts.get("This will have to be investigated.") == [], found
    assert any(t.startswith("Warning notices are to be put up") for t in texts), found
    assert any(o == ["Chairperson"] for o in texts.values()), found


def test_residents_an_officer_named_before_who_a_right_given_and_an_authority_each_own_one():
    found = actions(
        "Minutes of Ashby Parish Council held on 6 May 2014\n\n"
        "4. Parking\n"
        "It was agreed that the residents would forward all the information to the Clerk, who "
        "would then draft a letter to the Borough Council.\n\n"
        "5. Election equipment\n"
        "Gary Mantay proposed a resolution to give Clerk Linda Britton the right to apply for "
        "the grant.\n\n"
        "6. Repairs\n"
        "Approved the issue of tenders and authorise the Strategic Director (following "
        "consultation with the Chair and Vice Chair) to award a contract for the repairs.\n"
    )
    owners = [o for o, _ in found]
    assert ["residents"] in owners and ["Clerk"] in owners, found
    assert any(t.startswith("who would then draft") for _, t in found), found
    assert ["Clerk Linda Britton"] in owners and ["Strategic Director"] in owners, found


def test_an_action_the_narrative_told_before_its_action_line_is_recorded_once():
    from ledger.readers.minutes_actions import told_again
    from ledger.readers.minutes_layout import lines_of

    text = (
        "Title: Open Data Panel - 17 January 2012\n\n"
        "Present: Janet Hughes, Tim Davies\n\n"
        "Item 8: Benefits of open data\n\n"
        "Janet agreed to pull together a paper, adding evidence of benefits.\n\n"
        "Tim agreed to check the costs with the Treasury.\n\n"
        "Action: Janet to develop the paper on the Benefits of Open Data.\n"
    )
    draft = parse_minutes(text)
    told_again(draft.items, lines_of(text))
    assert [(a.owners, a.text[:20]) for a in draft.actions] == [
        (["Tim"], "Tim agreed to check "),
        (["Janet"], "Janet to develop the"),
    ]


def test_the_chairman_named_after_and_owns_what_he_will_do():
    found = actions(
        "Minutes of Ashby Parish Council held on 13 May 2015\n\n"
        "9. Internal audit\n"
        "The Internal Auditor suggested more stringent control should be implemented and the "
        "Chairman will in future initial bank statements against the reconciliation.\n"
    )
    assert [o for o, _ in found] == [["Chairman"]], found
