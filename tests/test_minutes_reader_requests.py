"""Actions minutes give by asking: "asked that the Clerk check ...", "It was suggested that
the Clerk contact ...", "suggested Ray speak to ...", "Cllr. Hobbs was asked to ...", "the
Head of Finance reported that she would ...", "..., which Ada Moss would circulate"; and an
owner named with a title and a dot or two titles ("Cllr. Hobbs", "Clerk Ada Moss")."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

PARISH = """\
Minutes of Elmbridge Parish Council held on 3 March 2022

Present: Cllr. Hobbs, Cllr Mrs Lane, Ray Dunmore

4. Street lights
The Council asked that the Clerk check the budget to see if a broken lamp could be replaced.
It was suggested that the Clerk contact the district council about the verge on Mill Road.
Cllr. Hobbs was asked to tell the bowls club of the decision on the lease.
Cllr. Hobbs would meet the contractor to discuss the missed grass cuts.

5. Treasurer
Members suggested Ray speak to the bank and invite a representative to the next meeting.
Clerk Ada Moss will post the revised meeting dates on the noticeboard.

6. Budget
Following discussion the Head of Finance reported that she would check which approvals were
still needed. The draft precept table was tabled, which Ada Moss would circulate next week.

7. Payments
The Clerk asked the Councillors present if they were content with the payments.
Simon suggested that governors should be involved in the new plan.
"""


def actions() -> list:
    draft = parse_minutes(PARISH)
    return [a for item in draft.items for a in item.actions]


def owner_of(words: str) -> list[str]:
    found = [a for a in actions() if words in a.text]
    assert len(found) == 1, [(a.owners, a.text) for a in actions()]
    return found[0].owners


def test_clerk_sees_what_the_council_asked_or_suggested_the_clerk_should_do():
    assert owner_of("check the budget") == ["Clerk"]
    assert owner_of("contact the district council") == ["Clerk"]


def test_clerk_sees_the_councillor_who_was_asked_and_who_would_meet_the_contractor():
    assert owner_of("tell the bowls club") == ["Cllr. Hobbs"]
    assert owner_of("meet the contractor") == ["Cllr. Hobbs"]


def test_clerk_sees_the_member_whom_the_board_suggested_speak_to_the_bank():
    assert owner_of("speak to the bank") == ["Ray"]


def test_clerk_sees_an_officer_named_with_a_role_before_the_name():
    assert owner_of("post the revised meeting dates") == ["Clerk Ada Moss"]


def test_clerk_sees_an_officer_who_reported_she_would_check_and_one_who_would_circulate():
    assert owner_of("check which approvals") == ["Head of Finance"]
    assert owner_of("would circulate next week") == ["Ada Moss"]


def test_a_question_to_members_present_or_an_opinion_of_what_should_be_owes_nothing():
    texts = [a.text for a in actions()]
    assert not any("content with the payments" in t for t in texts), texts
    assert not any("governors should be involved" in t for t in texts), texts
