"""What a clerk's minutes say, read without inventing: a numbered "Resolved" label whose
decision is the sentence below it (never the discussion above), and other layouts the
reader met in minutes it had never seen."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes


def decisions(text: str) -> list:
    draft = parse_minutes(text)
    return [d for item in draft.items for d in item.decisions]


def actions(text: str) -> list:
    draft = parse_minutes(text)
    return [a for item in draft.items for a in item.actions]


LABELLED = """\
Minutes of Ashby Parva Parish Council held on 4 March 2022

Present: Cllr A. Moss (Chair), Cllr B. Hale, Cllr C. Finch

Bench by the pond

The Clerk presented two quotes for a new bench from Oakwood and Timbercraft; a third
quote had not arrived.

Resolved 22/03/7.01

It was agreed by the Council to accept the quote from Oakwood for £640.
"""


def test_clerk_sees_the_decision_under_a_numbered_resolved_label_not_the_talk_above():
    found = [d.text for d in decisions(LABELLED)]
    assert len(found) == 1, found
    assert "accept the quote from Oakwood for £640" in found[0]
    assert not any("presented two quotes" in text for text in found)


CABINET = """\
Cabinet - Thursday 9 June 2022

41.

Library opening hours

Minutes:

The Cabinet Member presented the review of opening hours.

RESOLVED:

That Cabinet:

A:        Approves the new opening hours from 1 September 2022.

B:        Asks officers to review them after six months.
"""


def test_clerk_sees_a_resolution_with_parts_lettered_a_colon_b_colon_as_one_decision():
    found = decisions(CABINET)
    assert len(found) == 1, [d.text for d in found]
    assert any("Approves the new opening hours" in part for part in found[0].parts)
    assert any("review them after six months" in part for part in found[0].parts)


PLANNING = """\
Minutes of Lowfield Parish Council meeting held on 3 May 2023

7. Planning

Applications received: 23/00412/F Garden room at 4 Mill Lane. Response provided to
Planning Authority with no objections.

23/00450/F Extension at Church Farm, Low Road

Parish Council supports application

8. Correspondence

The Clerk read out a letter from the Borough about planning training.
"""


def test_clerk_sees_the_councils_answer_to_a_planning_consultation_as_a_decision():
    found = [d.text for d in decisions(PLANNING)]
    assert any("with no objections" in text for text in found), found
    assert any(text.startswith("Parish Council supports application") for text in found), found
    assert len(found) == 2, found


PLENUM = """\
## Plenum 2023-03-08 Minutes

### Credentials
- Present: Priya, Tomas, Wen, Olu
- Apologies: Jonah

### Space rental
- Tomas talk to the landlord about the lease renewal
- Priya+Wen to draft the new price list
- Perhaps Jonah would consider running the workshop.
- Electricity bill was higher than last month
"""


def test_treasurer_sees_note_style_actions_of_members_listed_as_present():
    found = {tuple(a.owners): a.text for a in actions(PLENUM)}
    assert ("Tomas",) in found, found
    assert found[("Tomas",)].startswith("Tomas talk to the landlord")
    assert ("Priya", "Wen") in found, found


def test_a_guess_about_someone_is_no_action_and_a_capitalised_word_is_no_owner():
    found = actions(PLENUM)
    assert not any("Perhaps" in " ".join(a.owners) for a in found), [a.owners for a in found]
    assert not any("Electricity" in " ".join(a.owners) for a in found)
    assert len(found) == 2, [(a.owners, a.text) for a in found]


COUNCIL_WILL = """\
Minutes of Brindle Parish Council held on 12 July 2022

5. Car parking near the church

Highways will be asked about parking bays and the Parish Council will explore any other
ideas for parking near the church.

6. Newsletter

The Parish Council will produce a leaflet about the allotments.

7. Vacancy

If no election is called the Parish Council will co-opt at the September meeting.
"""


def test_clerk_sees_what_the_council_says_it_will_do_itself_as_its_own_action():
    found = [(a.owners, a.text) for a in actions(COUNCIL_WILL)]
    assert (
        ["Parish Council"],
        "the Parish Council will explore any other ideas for parking near the church.",
    ) in found, found
    assert any(text.startswith("The Parish Council will produce a leaflet") for _, text in found)


def test_what_the_council_would_do_only_if_something_happens_is_no_action():
    found = [text for _, text in [(a.owners, a.text) for a in actions(COUNCIL_WILL)]]
    assert not any("co-opt" in text for text in found), found


BROKEN = """\
Issue - meetings

Meeting: 10/05/2022 - Wellbeing Board (Item 12)

12 Minutes of the last meeting

Resolved – That the minutes of the meeting held on 8 March 2022 be

agreed as a correct record.
"""


def test_a_resolution_broken_by_a_blank_line_mid_sentence_is_one_decision():
    found = [d.text for d in decisions(BROKEN)]
    assert len(found) == 1, found
    assert found[0].endswith("be agreed as a correct record."), found


GOES_ON = """\
Minutes of Fenby Parish Council held on 14 June 2023

6.4 Boundary of the playing field. The owners have not replied. Clerk to contact the
county association for advice. To send copies of the letters and the 1998 agreement.
"""


def test_an_owners_next_sentence_with_no_owner_goes_on_with_the_same_action():
    found = actions(GOES_ON)
    assert len(found) == 1, [(a.owners, a.text) for a in found]
    assert found[0].owners == ["Clerk"]
    assert found[0].text.endswith("To send copies of the letters and the 1998 agreement.")


RESTATED = """\
Data Standards Board - minutes of the meeting of 4 April 2023

Open data

The Board agreed that the address register would be published as open data from July and
that the team would report progress at each meeting.

Governors

She was appointed as a Parent Governor into an existing vacancy.
He was welcomed. She was appointed as a Parent Governor into an existing vacancy.

Decisions

- The Board agreed that the address register would be published as open data from July
and that the team would report progress at each meeting.
"""


def test_a_closing_list_that_restates_a_decision_word_for_word_adds_no_second_decision():
    found = [d.text for d in decisions(RESTATED)]
    assert sum("address register" in text for text in found) == 1, found


def test_two_short_decisions_in_the_same_words_are_both_kept():
    found = [d.text for d in decisions(RESTATED)]
    assert sum("Parent Governor" in text for text in found) == 2, found
