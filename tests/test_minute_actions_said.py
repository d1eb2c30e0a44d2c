"""Minute actions as governors' and boards' minutes give them: a table of actions whose
header names no ACTION column, the same action in the text and again in the table, a person
asked by another to do something, and a promise reported in the third person."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

GOVERNORS = """\
Minutes of the Full Governing Body held on Monday 23 May 2022

Present: Heather Poustie (Chair), Simon Barnes, Andrew McKenzie, Olivia Grant, Nigel Hart

ACTIONS TO BE TAKEN

  ITEM                                                                BY WHOM       BY WHEN
  98/22          Notify the county of the appointments and amend           Clerk         asap
                 the register accordingly
  103/22         Agree the increase in pay for the caretaker when          Heather
                 detailed information is available.                        Poustie/Simon
                                                                           Barnes
  110/22         Circulate the meeting dates for the next year             Clerk         30/06/2022

98/22 Attendance
The Chair welcomed the new governors. Clerk to notify the county of the appointments and
amend the register accordingly.

104/22 Safeguarding
Nigel asked Olivia to take back the governors' concerns about the new referral form.

105/22 Premises
The Site Manager stated that he would like to get a second quote for the roof repairs.
"""


def actions() -> list:
    draft = parse_minutes(GOVERNORS)
    return [action for item in draft.items for action in item.actions]


def test_clerk_sees_each_row_of_an_action_table_without_an_action_header_once():
    table = [a for a in actions() if a.line < 15]
    assert [a.text for a in table] == [
        "Notify the county of the appointments and amend the register accordingly",
        "Agree the increase in pay for the caretaker when detailed information is available.",
        "Circulate the meeting dates for the next year",
    ]
    assert table[1].owners == ["Heather Poustie", "Simon Barnes"]
    assert table[2].due is not None and str(table[2].due.day) == "2022-06-30"


def test_an_action_given_in_the_text_and_again_in_the_table_is_recorded_once():
    notified = [a for a in actions() if "notify the county" in a.text.lower()]
    assert len(notified) == 1


def test_like_actions_about_different_figures_are_each_kept():
    draft = parse_minutes(
        "Minutes of the Parish Council held on 1 May 2020\n\n"
        "4. Lighting\nThe Clerk to check lamp post 17 and report.\n"
        "The Clerk to check lamp post 18 and report.\n"
    )
    assert len([a for item in draft.items for a in item.actions]) == 2


def test_a_person_asked_by_another_owns_the_action():
    asked = [a for a in actions() if "take back" in a.text]
    assert [a.owners for a in asked] == [["Olivia"]]


def test_an_officer_who_said_he_would_do_something_owns_it():
    promised = [a for a in actions() if "second quote" in a.text]
    assert [a.owners for a in promised] == [["Site Manager"]]


PARISH = r"""Minutes of Wretton Parish Council held on 14 July 2009

3\. Matters Arising

It was agreed to purchase two replacement signs for the Green stating 'No Vehicles'.

Resolved to pay M Joyce for website fees of £45.00

4\. Cemetery

The Chairman asked the Clerk to investigate the cost of a new gate and report back.

Could the parish have a brown bin as well? The Clerk to investigate

Strimming in the playing fields is still poor - the Chairman and Clerk will again inspect.
"""


def parish_items() -> list:
    return parse_minutes(PARISH).items


def test_markdown_escaped_item_numbers_open_items():
    assert [item.number for item in parish_items() if item.number] == ["3", "4"]


def test_it_was_agreed_to_buy_is_a_decision_and_an_action_in_full_words():
    matters = parish_items()[0] if parish_items()[0].number == "3" else parish_items()[1]
    assert any(d.text.startswith("It was agreed to purchase two") for d in matters.decisions)
    assert any(a.text.startswith("It was agreed to purchase two") for a in matters.actions)
    assert not any("Resolved" in a.owners for a in matters.actions)


def test_two_investigations_by_the_clerk_are_two_actions_and_a_pair_owns_an_inspection():
    cemetery = next(item for item in parish_items() if item.number == "4")
    clerk = [a for a in cemetery.actions if a.owners == ["Clerk"]]
    assert len(clerk) == 2
    inspect = [a for a in cemetery.actions if "inspect" in a.text]
    assert [a.owners for a in inspect] == [["Chairman", "Clerk"]]


SHORTHAND = """\
Minutes of Wereham Parish Council held on 8 July 2014

Present: Cllrs J Bell (JB), R Long (RL), N Cole (NC), D Dean (DD)

11.1 RL to check the number of lamp posts the council owns and NC to check with AON whether
we are correctly covered.

11.2 Bike racks are bent and unusable. DD to look into this.

14.3 The culvert outside Row Cottage needs to be dredged. Clerk to report to The Rangers.

15.1 Cllr Storey reported on county funding for public houses to offer other services (Clerk
to highlight this to the George and Dragon) and on the museums service.
"""


def shorthand_actions() -> list:
    return [a for item in parse_minutes(SHORTHAND).items for a in item.actions]


def test_two_people_given_work_in_one_sentence_are_two_actions():
    found = {tuple(a.owners): a.text for a in shorthand_actions()}
    assert found[("RL",)].startswith("RL to check the number of lamp posts")
    assert not found[("RL",)].endswith("and")
    assert found[("NC",)] == "NC to check with AON whether we are correctly covered."


def test_an_action_that_points_back_carries_the_sentence_it_points_at():
    found = {tuple(a.owners): a.text for a in shorthand_actions()}
    assert found[("DD",)] == "Bike racks are bent and unusable. DD to look into this."


def test_reporting_to_an_outside_body_is_an_action_and_an_aside_in_brackets_is_one_too():
    texts = [a.text for a in shorthand_actions() if a.owners == ["Clerk"]]
    assert "Clerk to report to The Rangers." in texts
    assert "Clerk to highlight this to the George and Dragon" in texts


def test_an_officer_given_authority_to_act_owns_the_action():
    draft = parse_minutes(
        "Minutes of the Council held on 10 July 2012\n\n"
        "12. Constitution\n"
        "RESOLVED: To give delegated authority to the Monitoring Officer to make any "
        "consequential changes to the Constitution.\n\n"
        "13. In Bloom\n"
        "Committee resolved to approve the proposals and to authorise the Assistant Town Clerk "
        "to progress them within the approved budget.\n"
    )
    owners = [a.owners for item in draft.items for a in item.actions]
    assert ["Monitoring Officer"] in owners and ["Assistant Town Clerk"] in owners


def test_work_the_minutes_say_will_be_done_is_an_action_owned_by_whoever_they_name():
    draft = parse_minutes(
        "Minutes of Wretton Parish Council held on 13 May 2015\n\n"
        "7. Vacancies\nThe vacancies will be advertised.\n\n"
        "8. Allotments\nA leaflet will be produced by the Parish Council to promote allotments.\n\n"
        "9. Next meeting\nThe next meeting will be held on 8 July 2015.\n"
    )
    found = {a.text: a.owners for item in draft.items for a in item.actions}
    assert found == {
        "The vacancies will be advertised.": [],
        "A leaflet will be produced by the Parish Council to promote allotments.": [
            "Parish Council"
        ],
    }


def test_he_would_is_owned_by_the_person_the_paragraph_spoke_of():
    draft = parse_minutes(
        "Minutes of Govan Community Council held on 4 December 2023\n\n"
        "Present: JF, RK, AM\n\n"
        "5. Housing and rents\n"
        "JF had again contacted Living Rent and sought a representative. No one appeared "
        "for the December meeting. He would again seek to do so for the February meeting.\n"
    )
    found = [(a.owners, a.text) for item in draft.items for a in item.actions]
    assert (["JF"], "He would again seek to do so for the February meeting.") in found
