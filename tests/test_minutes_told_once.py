"""A clerk reviewing a draft sees each thing the minutes record once, and nothing the
minutes do not record: an action the narrative tells and its ACTION line states again, the
meeting's usual business listed for the next agenda, a motion whose action is in the words
that moved it."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

PANEL = """\
Minutes of the Data Panel held on 17 January 2012

Present: Janet Hughes (Chair), Tim Davies, Roger Long

3. Open data paper
Janet agreed to pull together a paper on the panel's principles, adding the points raised today.
Action: Janet to circulate the paper on the panel's principles.

4. Finance
The accounts were noted.

5. Safeguarding
No concerns were raised.

6. Matters for the next agenda
The following matters were agreed for the next agenda:
a. Finance
b. Safeguarding.
c. Review of the pay policy
"""


def test_clerk_sees_an_action_the_action_line_states_again_once():
    draft = parse_minutes(PANEL)
    paper = [a for a in draft.items[0].actions]
    assert [(a.owners, a.text) for a in paper] == [
        (["Janet"], "Janet to circulate the paper on the panel's principles.")
    ]


def test_the_usual_business_listed_for_the_next_agenda_is_not_asked_back():
    draft = parse_minutes(PANEL)
    backs = [r.what for r in draft.report_backs]
    assert backs == ["c. Review of the pay policy"]
    listing = draft.items[-1].decisions
    assert [d.follow_up for d in listing] == [None]  # the matters come back one by one


def test_a_resolution_offered_to_give_someone_a_task_gives_them_the_action():
    draft = parse_minutes(
        "Minutes of the Town Board held on 9 March 2020\n\n"
        "4. Voting machines\n"
        "Member Hale offered a resolution, supported by Member Ross to give the Treasurer the "
        "right to apply for the county grant for new voting machines.  Upon a roll call vote "
        "Ross yea, Hale yea, the resolution was passed.\n"
    )
    (item,) = draft.items
    assert len(item.decisions) == 1
    assert [(a.owners, a.text) for a in item.actions] == [
        (
            ["Treasurer"],
            "give the Treasurer the right to apply for the county grant for new voting machines.",
        )
    ]


def test_an_action_told_again_in_the_closing_list_is_kept_in_its_fuller_telling():
    draft = parse_minutes(
        "Minutes of the Standards Board held on 28 March 2019\n\n"
        "4. Communications\n"
        "MW agreed to write a blog post on the positive impact of standards.\n\n"
        "Actions\n\n"
        "1. MW to produce blog post on the positive impact of standards for the board webpage.\n"
    )
    assert [a.text for a in draft.actions] == [
        "MW to produce blog post on the positive impact of standards for the board webpage."
    ]


def test_an_action_line_under_a_minutes_last_point_states_its_earlier_points_actions():
    draft = parse_minutes(
        "Minutes of the Trustees held on 4 August 2015\n\n"
        "Present: Sheila Fenn, Mike Stone, Ann Bell\n\n"
        "10      Events Group\n"
        "10.1    Sheila asked for funds for a chair trolley. Sheila and Mike agreed to look at "
        "the options.\n"
        "10.2    The book launch was well attended.\n"
        "ACTION:TRUSTEES/SF/MS\n"
    )
    assert [a.owners for a in draft.actions] == [["TRUSTEES", "SF", "MS"]]


POINTED = """\
Minutes of the Parish Council meeting held on 8 July 2014

9.3 The Council agreed that the Clerk would investigate if the hall's heating bill could be
paid by the Council and the VAT claimed back. This would provide a £650 contribution. Clerk to
investigate.

10.4 DD to look into youth volunteering schemes. Bike racks are bent and unusable. DD to look
into this.
"""


def test_an_action_told_then_pointed_at_is_one_action():
    draft = parse_minutes(POINTED)
    (heating,) = draft.items[0].actions
    assert heating.text.startswith("The Council agreed that the Clerk would investigate")
    assert heating.text.endswith("Clerk to investigate.")


def test_a_pointer_after_a_new_matter_is_an_action_of_its_own():
    draft = parse_minutes(POINTED)
    assert len(draft.items[1].actions) == 2


GOVERNORS = """\
Minutes of the Full Governing Body held on Monday 23 May 2022

ACTIONS TO BE TAKEN

  ITEM                                                                BY WHOM       BY WHEN
  113/22         Forward the governance documents to the new              Clerk         asap
                 governors for their information
  114/22         Book the governors' training session                      Clerk         asap

FGB 113/22 Information provided by the Clerk
New governors were told of the documents they will be given. Clerk to forward as appropriate.

FGB 114/22 Training
The Chair asked for a training session on safeguarding.
"""


def test_an_action_the_table_of_actions_states_for_the_same_minute_is_the_tables():
    draft = parse_minutes(GOVERNORS)
    assert [a.text for a in draft.actions] == [
        "Forward the governance documents to the new governors for their information",
        "Book the governors' training session",
    ]


def test_a_presentation_asked_for_within_the_usual_business_comes_back():
    draft = parse_minutes(
        PANEL.replace(
            "c. Review of the pay policy\n",
            "c. Safeguarding\n"
            "   ● Review the safeguarding policy\n"
            "   ● Presentation from Lex Hart on the impact of the pandemic on children.\n",
        )
    )
    assert [r.what for r in draft.report_backs] == [
        "Presentation from Lex Hart on the impact of the pandemic on children."
    ]
