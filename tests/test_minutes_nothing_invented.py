"""Sentences that read like decisions but record none, so a clerk's draft holds only what
the meeting decided: a remark on how to work, an errand to bring something back, a
signature on the minutes, a decision another meeting took."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

STEERING_GROUP = """\
Notes of the Harbour Steering Group, 3 October 2024

4. Volunteer rota
The Group noted that it was essential to keep the volunteers informed. Newsletters had
helped in the past.
The Group noted that it was important that the rota stays with the harbour office.

5. Mooring fees
Skippers have asked for a discount on winter moorings. It was agreed that Priya would
bring the figures to the next meeting.
"""


def test_a_remark_on_working_well_is_not_a_decision_but_a_view_on_the_rota_is():
    draft = parse_minutes(STEERING_GROUP)
    texts = [d.text for d in draft.decisions]
    assert not any("essential to keep the volunteers" in t for t in texts), texts
    assert any("rota stays with the harbour office" in t for t in texts), texts


def test_someone_bringing_figures_to_the_next_meeting_is_a_report_back_not_a_decision():
    draft = parse_minutes(STEERING_GROUP)
    assert not any("Priya" in d.text for d in draft.decisions), draft.decisions
    backs = [r for r in draft.report_backs if "bring the figures" in r.what]
    assert backs and backs[0].when.relative == "next", draft.report_backs


LICENSING = """\
Licensing Panel
6.30pm14 March 2024
Town Hall

2 Exclusion of press and public
2.1 The Panel considered whether the press and public should be excluded while it heard
the applicant's medical evidence.
2.2 RESOLVED: That the press and public be excluded for item 5.
"""


def test_the_panel_weighing_whether_to_exclude_the_public_is_not_its_decision():
    draft = parse_minutes(LICENSING)
    texts = [d.text for d in draft.decisions]
    assert not any("considered whether" in t for t in texts), texts
    assert any("be excluded for item 5" in t for t in texts), texts


def test_a_time_run_into_the_date_by_the_pdf_still_dates_the_meeting():
    assert str(parse_minutes(LICENSING).meeting_date) == "2024-03-14"


VILLAGE = """\
Minutes of Ashby Parva Village Meeting held on 2 September 2024

7 Accounts
a) Members received and approved the bank reconciliation for the quarter to
b) It was resolved that the invoices listed be paid:
Mower repair 140.00
c) The Treasurer to send the VAT claim. d) The Chair confirmed that the bench had been
installed as agreed earlier in the year.
"""


def test_each_lettered_point_of_an_item_is_read_on_its_own():
    draft = parse_minutes(VILLAGE)
    texts = [d.text for d in draft.decisions]
    assert any("received and approved the bank reconciliation" in t for t in texts), texts
    assert any(t.startswith("It was resolved that the invoices") for t in texts), texts
    assert not any("reconciliation" in t and "invoices" in t for t in texts), texts
    actions = [a.text for a in draft.actions]
    assert "c) The Treasurer to send the VAT claim." in actions or any(
        a.startswith("The Treasurer to send the VAT claim") and "bench" not in a for a in actions
    ), actions


HALL_TRUST = """\
Minutes of the Millbrook Hall Trust held on 12 June 2024

6. Annual return
The Treasurer read out each of the governance statements and the trustees agreed by each
answering yes. The Treasurer entered the answers on the return and it was duly signed by the
Treasurer and the Chair.

7. Publishing minutes
Because the newsletter comes out so rarely, it was decided to publish the draft minutes on
the noticeboard within a week after the next three Trust meetings. It was agreed to order a
lockable noticeboard for the porch.
"""


def test_a_signature_that_carries_out_the_decision_just_told_is_no_second_decision():
    texts = [d.text for d in parse_minutes(HALL_TRUST).decisions]
    assert any("agreed by each" in t for t in texts), texts
    assert not any(t.startswith("The Treasurer entered the answers") for t in texts), texts


def test_how_the_trust_will_publish_its_minutes_is_a_practice_not_an_errand():
    draft = parse_minutes(HALL_TRUST)
    texts = [d.text for d in draft.decisions]
    assert any("publish the draft minutes" in t for t in texts), texts
    actions = [a.text for a in draft.actions]
    assert not any("publish the draft minutes" in a for a in actions), actions
    assert any("order a lockable noticeboard" in a for a in actions), actions


ADVISORY = """\
Minutes of the Coastal Data Board, 5 March 2024

JT shared a draft of the letter to the harbour authorities and asked for comments.

The Board discussed and agreed a few small changes to the wording of the letter. KP
suggested that the Board ask Helen Marsh to sign the letter for the Board. LO said that this
would carry weight with the authorities. The Board agreed this as an approach.

SM suggested that each meeting open with the actions from the last. The Board agreed.

Decisions
* The Board agreed that the letter to the harbour authorities should be signed by Helen Marsh.
"""


def test_edits_to_a_draft_in_hand_are_not_a_decision():
    texts = [d.text for d in parse_minutes(ADVISORY).decisions]
    assert not any("small changes to the wording" in t for t in texts), texts


def test_an_assent_agrees_the_suggestion_not_the_remark_after_it_and_the_list_tells_it_once():
    texts = [d.text for d in parse_minutes(ADVISORY).decisions]
    assert not any(t.startswith("LO said") for t in texts), texts
    listed = "The Board agreed that the letter to the harbour authorities should be signed by"
    assert [t for t in texts if "Helen Marsh" in t] == [f"{listed} Helen Marsh."], texts
    assert any(t.startswith("SM suggested that each meeting open") for t in texts), texts


MAKERSPACE = """\
## Makers' Meeting 2024-04-03

### Present
- Present: Nadia, Tom, Wen

### Laser cutter
- Quote from the supplier is due next week.
- Kofi: come back with a price for the extraction fan
- Status: check again in May
"""


def test_a_notes_name_and_a_bidding_verb_name_who_owes_it_though_they_were_away():
    actions = [(a.owners, a.text) for a in parse_minutes(MAKERSPACE).actions]
    assert (["Kofi"], "Kofi: come back with a price for the extraction fan") in actions, actions
    assert not any(owners == ["Status"] for owners, _ in actions), actions


STEERING_NOTES = """\
# Library Friends Steering Group 2024-05-08

## Present
* Ruth Okafor
* Sam Berry

## Minutes

### Book sale
* Ruth still to post the dates on the noticeboard
* Thanks to everyone who sorted the donations.

### Website
Discussion about moving the site to the council's host. Gareth to put the costs in the shared
folder. Need to get a quote before June.
"""


def test_someone_still_to_do_it_or_bidden_though_away_owes_an_action():
    actions = [(a.owners, a.text) for a in parse_minutes(STEERING_NOTES).actions]
    assert (["Ruth"], "Ruth still to post the dates on the noticeboard") in actions, actions
    assert (["Gareth"], "Gareth to put the costs in the shared folder.") in actions, actions
    assert not any(owners in (["Thanks"], ["Need"]) for owners, _ in actions), actions


ANNUAL = """\
Minutes of the Annual Meeting of Elmstead Parish Council held on Wednesday 7 May 2025

Item No Item under discussion
  PART ONE – OPEN TO THE PUBLIC
25.01 ELECTION OF CHAIR

It was RESOLVED that Cllr Moss be elected Chair of the Council.

Proposed by: Cllr Hart                   Seconded by: Cllr Lin

25.02 HEDGES
The hedge on Mill Lane is overgrown. CLERK TO INFORM HIGHWAYS
"""


def test_a_heading_in_capitals_is_no_action_but_a_clerks_capitals_are():
    draft = parse_minutes(ANNUAL)
    actions = [(a.owners, a.text) for a in draft.actions]
    assert actions == [(["Clerk"], "CLERK TO INFORM HIGHWAYS")], actions
    decision = draft.decisions[0]
    assert (decision.proposer, decision.seconder) == ("Cllr Hart", "Cllr Lin")
