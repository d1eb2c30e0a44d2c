"""What a parish council's assent settles: a corrected minute is the earlier minutes' words,
"All agreed." after an action's follow-on sentence is the vote on the decision above it,
after "... for this." it settles the sentence "this" points to, and after a listed payment
schedule it settles the proposal that opened the list."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

PARISH = """\
Minutes of the Parish Council meeting held on 8 July 2014

3. Minutes of the last meeting
Minute 64/17c should read: Burial fees - the fee increases were shown to members. These were
unanimously agreed. Councillors agreed that the amendment should be made.

The councillors agreed that the minutes should be signed as a true record subject to the amendment.

10.5 A booking form has been received for use of the Playing Field on Monday evenings. The
booking was agreed and a charge of £10 a week was proposed and agreed. Clerk to send a letter
of agreement. Also to let the Parish Council know of any dog waste found on the field. Prop JB,
2nd GK, All agreed.

11.2 The archive boxes are to be sorted by the Clerk before the next meeting and the documents
taken to the Records Office. Additional hours will be funded for this. Prop JB, 2nd GK All
agreed.

13.1 Accept accounts to 8 July 2014 and agree cheques be signed and payments approved:

CHEQUES: £20.00 INTERNAL AUDITOR £566.88 GROUND MAINTENANCE

Balance as per cash book at 08/07/14 Business Saver £12,456.03

Prop JB 2nd GK All agreed.
"""


def decisions() -> list[str]:
    return [d.text for d in parse_minutes(PARISH).decisions]


def test_a_corrected_minutes_words_and_its_amendment_are_not_this_meetings_decisions():
    found = decisions()
    assert not any("amendment should be made" in d or "fee increases" in d for d in found)
    assert any("signed as a true record" in d for d in found)


def test_assent_after_an_actions_follow_on_is_the_vote_on_the_decision_above():
    found = decisions()
    assert not any(d.startswith("Also to let") for d in found)
    (booking,) = [d for d in parse_minutes(PARISH).decisions if "booking" in d.text]
    assert (booking.proposer, booking.seconder) == ("JB", "GK")


def test_assent_after_a_sentence_ending_for_this_settles_what_this_points_to():
    (boxes,) = [d for d in decisions() if "Additional hours" in d]
    assert boxes.startswith("The archive boxes are to be sorted by the Clerk")


def test_assent_after_a_payment_schedule_settles_the_proposal_that_opened_it():
    found = decisions()
    assert any(d.startswith("Accept accounts to 8 July 2014") for d in found)
    assert not any(d.startswith("Balance as per cash book") for d in found)


def test_who_is_now_a_signatory_and_what_was_decided_years_ago_are_no_decisions():
    draft = parse_minutes(
        "Minutes of the Parish Council meeting held on 2 May 2014\n\n"
        "7. Bank signatories\n"
        "Councillor D. Cole accepted as third authorised signatory.\n\n"
        "F. Reid. M. Pine. D. Cole now Council authorised bank transaction signatories.\n\n"
        "8. Area Committee\n"
        "Our Secretary reported that she last attended the Area Committee ten years ago. Then "
        "very significant grants were agreed.\n"
    )
    assert [d.text for d in draft.decisions] == [
        "Councillor D. Cole accepted as third authorised signatory."
    ]


def test_a_resolution_over_a_payments_table_is_the_sentence_after_the_table():
    draft = parse_minutes(
        "Minutes of the Parish Council meeting held on 3 June 2014\n\n"
        "9. Finance\n"
        "Resolved 14/06/9.02\n\n"
        "Payee\tNet\tVAT\tCheque No\tGross\n"
        "Clerk - Salary\t292.03\t0.00\t1876\t292.03\n"
        "Anglian Water\t15.54\t0.00\t1878\t15.54\n"
        "Income from June\n"
        "Cemetery\t£240.00\n\n"
        "Invoices were checked, payments were approved and cheques signed by the Chairman, all "
        "Councillors agreed.\n"
    )
    assert [d.text for d in draft.decisions] == [
        "Invoices were checked, payments were approved and cheques signed by the Chairman, all "
        "Councillors agreed."
    ]
