"""Minutes' paragraphs read sentence by sentence: decisions ("the Committee noted the
report", a bare "AGREED." after a request, a quoted "That ..." motion), actions ("the
Clerk to write"), requests to hear back, votes and owners in a right-hand column."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ledger.readers import minutes_actions as acts
from ledger.readers import minutes_assent as assent
from ledger.readers import minutes_decisions as decide
from ledger.readers import minutes_motions as motions
from ledger.readers import minutes_unnamed_actions as unnamed
from ledger.readers import minutes_votes as votes
from ledger.readers.minutes_dates import when
from ledger.readers.minutes_deciding import Deciding
from ledger.readers.minutes_draft import (
    DraftAction,
    DraftDecision,
    DraftItem,
    MinutesDraft,
    ReportBack,
    When,
)
from ledger.readers.minutes_earlier_actions import PREVIOUS_ACTIONS, RESTATED, STATUS, settled
from ledger.readers.minutes_layout import Line, joined, quotation_open, sentences, unquoted
from ledger.readers.minutes_lookalikes import CORRECTION, REPORTED, another_time, carried_out
from ledger.readers.minutes_not_actions import not_new, presenting
from ledger.readers.minutes_report_backs import asked_back, listed
from ledger.readers.minutes_tables import STANDING, standing_request

TRACKER_ACTION = re.compile(r"\baction\s+(?P<no>\d{1,4}[a-z]?)\b", re.IGNORECASE)
RATING = re.compile(r"\b(red|amber|green|blue)\b", re.IGNORECASE)
OPINION = re.compile(  # a resolution's statutory finding, in the sentence after it
    r"^in\s+the\s+opinion\s+of\s+(?:the|this)\s+[A-Z]",
    re.I,  # "of the Co mmittee" in a PDF
)
PROPOSAL_LIST = re.compile(  # a proposal whose matters are listed below it
    r"^(?:to\s+)?(?:accept|agree|approve|adopt|authori[sz]e|ratify)\b", re.IGNORECASE
)
REFERS_BACK = re.compile(r"\b(?:for|to|with|on)\s+(?:this|it|these|them)\W*$", re.IGNORECASE)
POINT_MARK = re.compile(r"^(?:[-*•●]|\(?(?:[a-z]|[ivx]{1,4})\)|[a-z]\.)\s+")  # "• ", "c) ", "(iv) "
MOVED = re.compile(r"(?<=:)\s+(?=[\"']\s*That\b)")  # '... And Resolved: "That, ..."'


@dataclass
class Prose(Deciding):
    """The paragraph being read, sentence by sentence, into the current item."""

    draft: MinutesDraft
    known: set[str]
    year: int | None
    prose_at: int = 0  # where the minutes' prose lines start (tables start elsewhere)
    paragraph: list[Line] = field(default_factory=list)
    last_text: str = ""
    listing: When | None = None
    told: tuple[int, int] = (0, 0)  # (item, first action) the last paragraph's prose gave
    before: str = ""  # the sentence before the one being read, in its paragraph
    moved: str = ""  # a motion moved, whose outcome the next sentence gives
    subject: str = ""  # the person the paragraph last opened a sentence on ("he" is them)
    movers: str = ""  # "Moved A, seconded B and resolved": who moved the motion below
    block: int = 0  # the item's decisions before its last "Decision:"/"Minutes:" label
    restated: tuple[DraftItem, int, int] | None = None  # an "Action 3: ..." paragraph's start
    motions: list[tuple[str, int]] = field(default_factory=list)  # moved, result not yet given
    polled: list[str] = field(default_factory=list)  # said of the vote on them since
    listed_from: int = -1  # the first decision of a closing list of decisions, if any
    announced: DraftDecision | None = None  # a decision ending "the following:", its parts below
    reported: bool = False  # in the bullets of someone's update to the meeting
    table_refs: dict[int, str] = field(default_factory=dict)  # action table rows' minutes
    listed_proposal: tuple[int, int, str] = (0, 0, "")  # (item, its decisions, "Accept ...:")
    labelled: DraftItem | None = None  # the last item a "Minutes:"/"Decision:" label was under

    def flush(self, *, keep: bool = False) -> None:
        lines, self.paragraph = self.paragraph, []
        text = joined(lines)
        if not text:
            return
        start = lines[0].number
        bare = re.sub(r"^[-*•●]\s+", "", text)
        self.reported = presenting(bare) or (self.reported and bare != text)  # its bullets
        if settled(bare):
            return  # "- 17/06. Ask the owners ... COMPLETED": an earlier action's state
        if STATUS.match(bare) and self.restated is not None:
            item, actions, backs = self.restated  # "Action 3: X to ...", then "• Complete.":
            if item is self.item:  # an earlier meeting's action and its progress, nothing new
                del self.item.actions[actions:], self.item.report_backs[backs:]
            self.restated = None
            return
        told = self.item, len(self.item.actions), len(self.item.report_backs)
        self.restated = told if RESTATED.match(bare) else None
        self.told = (id(self.item), len(self.item.actions))
        if self.listing is not None and (decide.is_part(text) or text[:1] in "-•●*"):
            for matter in listed(text):
                self.item.report_backs.append(ReportBack(matter, self.listing, start))
        else:
            said = [POINT_MARK.sub("", s) for s in sentences(text)]  # "c) Clerk to write"
            self.sentences([point for s in said for point in self.points(s)], start)
        for line in lines:
            if (owed := acts.aside_action(line, text)) is not None:
                self.item.actions.append(owed)
        if standing := standing_request(lines):  # "To be on agendas as a standing item.":
            self.decide("agreed", standing, [], start, When(STANDING), context=standing)
        self.last_text = text if keep or lines else self.last_text
        if text.endswith(":") and PROPOSAL_LIST.match(text):
            self.listed_proposal = (id(self.item), len(self.item.decisions), text)

    def sentences(self, found: list[str], start: int) -> None:
        """Each sentence in turn; a bare "AGREED." takes the sentence before it as its
        text, and words inside a quotation are another body's, not this one's."""
        quoted = False
        before = tally = ""
        decided = len(self.item.decisions)  # decisions before this paragraph's
        moved_at = -1  # where the motion a later "Motion carried." settles was moved
        found = [piece for sentence in found for piece in MOVED.split(sentence) if piece]
        if found and CORRECTION.search(found[0]):
            return  # "Minute 64/17c should read: ...": the earlier minutes' words, corrected
        for at, sentence in enumerate(found):
            if decide.tally(sentence) and assent.bare_marker(found[min(at + 1, len(found) - 1)]):
                tally = sentence  # "4 votes for, 2 against. Carried": the motion above's votes
                continue
            if (
                assent.bare_marker(sentence)
                and (acts.points_back(before) or GOES_ON.match(before))
                and (len(self.item.decisions) > decided)
            ):  # "It was agreed that X. Clerk to action. Prop JB, 2nd DD, All agreed.", or
                # "... Clerk to send a letter. Also to let us know if ... All agreed."
                self.attach_vote(sentence)
            elif (
                assent.bare_marker(sentence)
                and not before
                and self.settle(
                    sentence, decide.outcome(sentence) or "agreed", start, tally=tally, only=True
                )
            ):  # "Cllr A moved ...", "For: 12", "Against: 19", then "LOST."
                pass
            elif (
                assent.bare_marker(sentence)
                and not (before or self.last_text)
                and self.item.decisions
                and len(self.item.decisions) == decided
            ):  # "RESOLVED that ...", then "4 votes for, 5 against. The motion was lost."
                self.attach_vote(f"{tally} {sentence}".strip())
            elif assent.bare_marker(sentence) and (before or self.last_text):
                outcome = decide.outcome(sentence) or "agreed"
                text = f"{before or self.proposal() or self.last_text} {sentence}"
                if at >= 2 and REFERS_BACK.search(before):  # "The boxes are to be sorted by
                    text = f"{found[at - 2]} {text}"  # the Clerk. Hours will be paid for this."
                elif at >= 2 and (put := assent.suggestion(found[max(0, at - 3) : at])):
                    text = f"{put} {sentence}"  # "MC suggested ... RJ said ... The Board agreed."
                if 0 <= moved_at < at - 1 <= moved_at + 2:  # the motion, then what it set out
                    text = " ".join(found[moved_at : at + 1])
                moved_at = -1
                context = f"{text} {tally}"
                self.decide(outcome, text, [], start, self.asks_back(text), context=context)
            elif (
                motions.MOTION_TEXT.match(motion := votes.motion_of(sentence))
                or (at == 0 and motions.UNMARKED.match(motion))
            ) and not REPORTED.search(before):
                context = f"{before} {sentence}"
                self.decide("resolved", motion, [], start, self.asks_back(motion), context)
            elif OPINION.match(sentence) and len(self.item.decisions) > decided:
                last = self.item.decisions[-1]  # "... to incur the expenditure set out above.
                self.item.decisions[-1] = replace(last, text=f"{last.text} {sentence}")
                # In the opinion of the Committee, this expenditure is in the interests of ..."
            elif decide.proposes(sentence, found[at + 1 : at + 2]):
                self.moved = sentence  # "It was proposed and seconded that X remain Chair."
            elif another_time(sentence, before):
                pass  # "... ten years ago. Then very significant grants were agreed."
            elif not (quoted or sentence.startswith('"')):
                self.before = before
                self.sentence(unquoted(sentence), start)
                self.subject = acts.subject(sentence, self.known) or self.subject
            quoted = quotation_open(sentence, quoted)
            before = sentence
            if votes.opens_motion(sentence) and not decide.outcome(sentence):
                moved_at = at
        self.before = self.moved = self.subject = ""

    def proposal(self) -> str:
        """ "Accept accounts to 8 July and agree cheques be signed and payments approved:",
        the payments listed, then "Prop JB 2nd GK All agreed.": what the assent settles
        is the proposal that opened the list, not the list's last line."""
        item, decided, text = self.listed_proposal
        return text if item == id(self.item) and decided == len(self.item.decisions) else ""

    def points(self, sentence: str) -> list[str]:
        """A sentence cut where the item's own sub-numbers run on inside it ("11.1 15/00707/F
        ... No objection 11.2 15/00371/F ..." under item 11): each point is read alone."""
        number = self.item.number.rstrip(".")
        if not number.isdigit() or f"{number}." not in sentence:
            return [sentence]
        cut = re.split(rf"\s(?={re.escape(number)}\.\d{{1,2}}\s+\S)", sentence)
        return [piece.strip() for piece in cut if piece.strip()]

    def sentence(self, sentence: str, line: int) -> None:
        for mention in TRACKER_ACTION.finditer(sentence):
            if rating := RATING.search(sentence):
                self.item.ratings.append((mention["no"], rating.group(1).lower(), sentence))
        moved, self.moved = self.moved, ""
        if motions.leads_on(sentence) and motions.about_the_vote(sentence):
            self.movers = sentence  # the motion they moved is on the lines below
            return
        outcome = decide.outcome(sentence)
        if self.withdrawn(sentence):
            return  # "After discussion the proposal was withdrawn."
        if self.motions and outcome is None and motions.polls(sentence):
            self.polled.append(sentence)  # "The proposal was put to the vote:", "For: 12"
            return
        settled = None if moved else motions.settles(sentence)
        if self.motions and settled and self.settle(sentence, settled, line):
            return  # "The proposal was not agreed ...": the motion moved above was lost
        if outcome is None and motions.NOMINATION.match(sentence):
            self.motions.append((sentence, line))  # "K.Lowe, proposed by J.Ward.": another
            self.polled = []  # nomination, not the movers of the decision above
            return
        if self.item.decisions and motions.about_the_vote(sentence):
            self.attach_vote(f"{moved} {sentence}".strip())
            return
        if settled and self.settle(sentence, settled, line):
            return  # "It was proposed that X be approved." then "Put to the vote, LOST."
        asked = self.asks_back(sentence)
        if outcome is None and motions.moves(sentence):
            self.motions.append((sentence, line))  # its result comes later
            self.polled = []
        if outcome is not None and carried_out(sentence, self.before, self.item.decisions):
            return  # "... agreed by each saying Yes. ... and it was duly signed by the Chair."
        if outcome is not None:
            text = f"{moved} {sentence}".strip()
            if outcome == "deferred" and assent.title_only(text) and self.item.title:
                text = f"{self.item.heading}: {text}"  # "- KIV" under "### Code of Conduct"
            self.decide(outcome, text, [], line, asked, context=text)
            if moved:
                self.owed(moved, line, decided=True)
            self.owed(sentence, line, decided=True)
            return
        backs = len(self.item.report_backs)
        self.owed(sentence, line)
        if asked is not None and len(self.item.report_backs) == backs:
            self.item.report_backs.append(ReportBack(sentence, asked, line))

    def owed(self, sentence: str, line: int, *, decided: bool = False) -> bool:
        """The action a sentence gives someone, if it gives one ("the Clerk to write"); a
        decision "to write to the Minister" is an action of the body's too."""
        for names, deed in acts.capital_actions(sentence, self.known):
            self.item.actions.append(
                DraftAction(names, deed, when(deed, year_hint=self.year), line)
            )
            if (back := self.asks_back(deed)) is not None:
                self.item.report_backs.append(ReportBack(deed, back, line))
        if RESTATED.match(sentence) and PREVIOUS_ACTIONS.search(self.item.title):
            return False  # "Action 2: X to ..." under "update on actions from the last meeting"
        if self.goes_on(sentence, line):
            return True
        owned = acts.owned_clauses(sentence, self.known)
        if not owned and decided and (deed := unnamed.agreed_deed(sentence)):
            owned = [([], deed)]
        if not owned and self.subject and acts.pronoun_deed(sentence):
            owned = [([self.subject], sentence)]  # "JF had contacted them. He would again ..."
        if not owned and (passive := unnamed.passive_deed(sentence, self.known)):
            owned = [passive]
        if (council := unnamed.council_deed(sentence)) and not any(
            council[1] in deed or deed in council[1] for _, deed in owned if deed != sentence
        ):
            owned.append(council)
        told = "" if decided else self.item.title  # a decision's deed is new under any title
        owned = [(n, d) for n, d in owned if not not_new(n, d, title=told, reported=self.reported)]
        for names, deed in owned:
            if acts.points_back(deed) and acts.told_above(
                self.item, (names, deed, line), self.before
            ):
                last = self.item.actions[-1]  # "... agreed that the Clerk would investigate
                self.item.actions[-1] = replace(last, text=f"{last.text} {deed}")  # X. Clerk
                continue  # to investigate.": one action, told and pointed at
            text = f"{self.before} {deed}" if acts.points_back(deed) and self.before else deed
            self.item.actions.append(
                DraftAction(names, text, when(deed, year_hint=self.year), line)
            )
        return bool(owned)

    def goes_on(self, sentence: str, line: int) -> bool:
        """ "Clerk to contact NALC for advice. To send copies of the letters.": a sentence
        with no owner of its own goes on with the action of the sentence before."""
        if not (GOES_ON.match(sentence) and self.before and self.item.actions):
            return False
        last = self.item.actions[-1]
        if last.line != line or not last.text.rstrip().endswith(self.before.strip()[-40:]):
            return False
        self.item.actions[-1] = replace(last, text=f"{last.text} {sentence}")
        return True

    def asks_back(self, sentence: str) -> When | None:
        return asked_back(
            sentence, year=self.year, meeting=self.draft.meeting_date, body=self.draft.title
        )


GOES_ON = re.compile(r"^(?:and\s+|also\s+)?to\s+(?:also\s+)?(?!be\b|have\b)[a-z]+\s+\S", re.I)
