"""A clerk imports minutes whose decisions sit in a table laid out in columns (grant and
planning applications), as text taken from a PDF: one decision per row, named for whose
application it was, and the prose after the table read as prose."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

GRANTS = """\
Minutes of the meeting of Ashby Parish Council held on Tuesday 9 April 2024

12       Grant Applications
         The Council considered the following applications for community grants this year:

                        Amount        Decision
 Applicant       Purpose                         Requested
                 New kit for the under-11s
 Ashby            team, replacing shirts          £750          Approved.
 Juniors FC       worn since 2019.                              Meets the criteria.

                 Bulbs for the village green
 Ashby in         and the church verge, and     £1,200        £500 approved
 Bloom            compost for the planters.                     from the environment
                                                                budget.

 Riverside        Floodlights for the private   £22,720       Rejected.
 Tennis Club      courts used by members only.                  A private club does not
                                                                meet the criteria.

 Ashby           Hall hire for a summer         £300          Deferred to the June
 Players          production.                                   meeting for quotes.

         RESOLVED that the Council incur the expenditure set out above under section 137          of
         the Local Government Act 1972, being in the interests of the parish and its people.

13       Correspondence
         The Clerk reported a letter from the County Council about road closures.
"""


def decisions_of(text: str) -> list:
    draft = parse_minutes(text)
    return [d for item in draft.items for d in item.decisions]


def test_clerk_gets_one_decision_per_grant_row_named_for_the_applicant():
    found = decisions_of(GRANTS)
    table = [d for d in found if d.outcome != "resolved"]
    assert [d.text.split(":")[0] for d in table] == [
        "Ashby Juniors FC",
        "Ashby in Bloom",
        "Riverside Tennis Club",
        "Ashby Players",
    ]
    assert [d.outcome for d in table] == ["approved", "approved", "rejected", "deferred"]


def test_a_rows_verdict_keeps_the_words_below_it_in_its_column():
    by_name = {d.text.split(":")[0]: d.text for d in decisions_of(GRANTS)}
    assert by_name["Ashby in Bloom"].endswith("£500 approved from the environment budget.")
    assert "does not meet the criteria" in by_name["Riverside Tennis Club"]
    assert "replacing shirts" not in by_name["Ashby Juniors FC"]  # the summary is not the verdict


def test_the_resolution_after_the_table_is_still_read_as_prose():
    """Its first line, justified in the PDF, ends after a wide gap: still its own words."""
    resolved = [d for d in decisions_of(GRANTS) if d.outcome == "resolved"]
    assert len(resolved) == 1
    assert "section 137 of the Local Government Act 1972" in resolved[0].text


def test_a_single_approved_at_a_lines_end_is_not_a_table():
    text = """\
4        Minutes of the last meeting
         The minutes of the meeting held on 12 March were read and signed.      Approved.

5        Clerk's report
         The Clerk to order two new benches for the green.
"""
    found = decisions_of(text)
    assert all(":" not in d.text.split(" ")[0] for d in found)
    assert not any(d.text.startswith(("The Clerk", "5")) for d in found)
