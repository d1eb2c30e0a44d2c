"""A council's "Agenda and minutes" web page, as a clerk exports it: each item's number on
a line of its own, its title, the agenda's wording, then "Minutes:" and what the meeting
did. The draft holds what the meeting did, not what the agenda said it would do."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

PAGE = """\
Agenda and minutes

Venue: Assembly Rooms, Market Street

Items
No. Item

12.

FIRE EXITS

The Chair will explain the fire exits as set out in Note 2.

Minutes:

The Chair asked the Committee Officer to read out the fire procedure.

13.

MINUTES - 4TH MARCH 2025 pdf icon PDF 210 KB

To be confirmed as a correct record and signed by the Chair

Minutes:

The Mayor proposed and Councillor Ann Bell seconded a motion, which was agreed by the
Committee as set out below:

that the minutes of the meeting held on 4 March 2025 be confirmed as a correct record.

14.

Waste contract review pdf icon PDF 1 MB

Minutes:

The Committee received a report of the Head of Waste regarding the contract.

RESOLVED, that the report be noted.

15.

Call-in of Cabinet decisions

Minutes:

Members received the Decision Notice of the Cabinet meeting of 10 March 2025.

no action be taken to call in any of the decisions in the Decision Notice.

16.

APPOINTMENT OF VICE-CHAIR

Minutes:

UNANIMOUSLY RESOLVED that

16.1  Councillor Dev Patel be appointed Vice-Chair for the year.

204/25

Questions from the public about the market

Minutes:

There were no questions.
"""


def texts() -> list[str]:
    return [d.text for d in parse_minutes(PAGE).decisions]


def test_the_agendas_wording_above_minutes_is_not_what_the_meeting_did():
    draft = parse_minutes(PAGE)
    assert not any(t.startswith("To be confirmed") for t in texts()), texts()
    assert not draft.actions, draft.actions  # the fire procedure was read out there and then


def test_a_motion_announced_as_set_out_below_is_one_decision_in_its_own_words():
    minutes = [d for d in parse_minutes(PAGE).decisions if "4 March 2025" in d.text]
    assert len(minutes) == 1, minutes
    assert minutes[0].text.startswith("that the minutes of the meeting held on 4 March 2025")
    assert minutes[0].seconder == "Councillor Ann Bell"


def test_a_report_received_then_resolved_on_is_one_decision():
    assert "that the report be noted." in [t.lower() for t in texts()]
    assert not any(t.startswith("The Committee received a report") for t in texts()), texts()


def test_a_resolution_whose_resolved_was_lost_in_the_export_is_still_drafted():
    assert any(t.startswith("no action be taken to call in") for t in texts()), texts()
    assert not any(t.startswith("Members received the Decision Notice") for t in texts())


def test_resolved_that_over_its_numbered_parts_is_no_decision_of_its_own():
    assert not any(t.endswith("RESOLVED that") for t in texts()), texts()
    assert any("Dev Patel be appointed Vice-Chair" in t for t in texts()), texts()


def test_a_minutes_number_alone_opens_an_item_with_a_sentence_case_title():
    numbers = [item.number for item in parse_minutes(PAGE).items]
    assert "204/25" in numbers, numbers


PANEL_PAGE = """\
Agenda item

Panel Work Programme 2025/26 - Report of the Head of Scrutiny


The Panel considered a report which sought agreement to its Work Programme for 2025/26.


Councillor Okoro suggested that a visit to the control room be arranged for the Panel in
the spring. The Scrutiny Officer agreed to arrange the visit.


i)                 That the Work Programme for 2025/26 be approved.

ii)               That a visit to the control room be arranged for the spring

iii)              That a future Panel meeting be held in Hexham.


Urgent Business

The Chair will consider the admission of any late items of urgent business.

No items of urgent business were raised.
"""


def test_each_numbered_resolution_of_a_page_that_lost_its_resolved_is_drafted():
    texts = [d.text for d in parse_minutes(PANEL_PAGE).decisions]
    assert any(t.endswith("be arranged for the spring") for t in texts), texts
    assert any(t.endswith("be held in Hexham.") for t in texts), texts


def test_a_members_suggestion_is_not_an_action_but_the_officers_agreement_is():
    actions = [(a.owners, a.text) for a in parse_minutes(PANEL_PAGE).actions]
    assert not any("Okoro suggested" in text for _, text in actions), actions
    assert any("agreed to arrange the visit" in text for _, text in actions), actions
    assert not any("late items" in text for _, text in actions), actions  # the agenda's words
