"""Minutes' paragraphs read sentence by sentence: decisions ("the Committee noted the
report", a bare "AGREED." after a request, a quoted "That ..." motion), actions ("the
Clerk to write"), requests to hear back, votes and owners in a right-hand column."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ledger.readers import minutes_actions as acts
from ledger.readers import minutes_decisions as decide
from ledger.readers import minutes_unnamed_actions as unnamed
from ledger.readers import minutes_votes as votes
from ledger.readers.minutes_dates import when
from ledger.readers.minutes_draft import (
    DraftAction,
    DraftDecision,
    DraftItem,
    MinutesDraft,
    ReportBack,
    When,
)
from ledger.readers.minutes_layout import Line, joined, quotation_open, sentences, unquoted
from ledger.readers.minutes_lookalikes import REPORTED
from ledger.readers.minutes_report_backs import asked_back, listed

PREVIOUS_ACTIONS = re.compile(
    r"\b(?:matters\s+arising|action\s+points?\s+(?:at|from|of)\s+(?:the\s+)?(?:last|previous)|"
    r"actions?\s+(?:from|of|arising\s+from)\s+(?:the\s+)?(?:last|previous|earlier)|"
    r"previous\s+actions?|action\s+log|actions?\s+update|review\s+of\s+(?:the\s+)?actions|"
    r"outstanding\s+actions)\b",
    re.IGNORECASE,
)
RESTATED = re.compile(r"^\W*action\s+(?:no\.?\s*)?\d+[a-z]?\s*[:.)-]", re.IGNORECASE)
TRACKER_ACTION = re.compile(r"\baction\s+(?P<no>\d{1,4}[a-z]?)\b", re.IGNORECASE)
RATING = re.compile(r"\b(red|amber|green|blue)\b", re.IGNORECASE)
MOVED = re.compile(r"(?<=:)\s+(?=[\"']\s*That\b)")  # '... And Resolved: "That, ..."'


@dataclass
class Prose:
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

    @property
    def item(self) -> DraftItem:
        if not self.draft.items:
            self.draft.items.append(DraftItem("", ""))
        return self.draft.items[-1]

    def flush(self, *, keep: bool = False) -> None:
        lines, self.paragraph = self.paragraph, []
        text = joined(lines)
        if not text:
            return
        start = lines[0].number
        self.told = (id(self.item), len(self.item.actions))
        if self.listing is not None and (decide.is_part(text) or text[:1] in "-•●*"):
            for matter in listed(text):
                self.item.report_backs.append(ReportBack(matter, self.listing, start))
        else:
            self.sentences(sentences(re.sub(r"^[-*•●]\s+", "", text)), start)
        for line in lines:
            self.aside(line, text)
        self.last_text = text if keep or lines else self.last_text

    def sentences(self, found: list[str], start: int) -> None:
        """Each sentence in turn; a bare "AGREED." takes the sentence before it as its
        text, and words inside a quotation are another body's, not this one's."""
        quoted = False
        before = tally = ""
        found = [piece for sentence in found for piece in MOVED.split(sentence) if piece]
        for at, sentence in enumerate(found):
            if decide.tally(sentence) and decide.bare_marker(found[min(at + 1, len(found) - 1)]):
                tally = sentence  # "4 votes for, 2 against. Carried": the motion above's votes
                continue
            if decide.bare_marker(sentence) and (before or self.last_text):
                outcome = decide.outcome(sentence) or "agreed"
                text = f"{before or self.last_text} {sentence}"
                context = f"{text} {tally}"
                self.decide(outcome, text, [], start, self.asks_back(text), context=context)
            elif decide.MOTION_TEXT.match(motion := votes.motion_of(sentence)) and not (
                REPORTED.search(before)
            ):
                context = f"{before} {sentence}"
                self.decide("resolved", motion, [], start, self.asks_back(motion), context)
            elif self.proposes(sentence, found[at + 1 : at + 2]):
                self.moved = sentence  # "It was proposed and seconded that X remain Chair."
            elif not (quoted or sentence.startswith('"')):
                self.before = before
                self.sentence(unquoted(sentence), start)
                self.subject = acts.subject(sentence, self.known) or self.subject
            quoted = quotation_open(sentence, quoted)
            before = sentence
        self.before = self.moved = self.subject = ""

    def sentence(self, sentence: str, line: int) -> None:
        for mention in TRACKER_ACTION.finditer(sentence):
            if rating := RATING.search(sentence):
                self.item.ratings.append((mention["no"], rating.group(1).lower(), sentence))
        moved, self.moved = self.moved, ""
        if self.item.decisions and decide.about_the_vote(sentence):
            self.attach_vote(f"{moved} {sentence}".strip())
            return
        outcome = decide.outcome(sentence)
        asked = self.asks_back(sentence)
        if outcome is not None:
            text = f"{moved} {sentence}".strip()
            self.decide(outcome, text, [], line, asked, context=text)
            self.owed(sentence, line, decided=True)
            return
        backs = len(self.item.report_backs)
        self.owed(sentence, line)
        if asked is not None and len(self.item.report_backs) == backs:
            self.item.report_backs.append(ReportBack(sentence, asked, line))

    @staticmethod
    def proposes(sentence: str, following: list[str]) -> bool:
        """A motion moved ("X was proposed by A and seconded by B.") whose outcome is the
        next sentence's ("X was duly elected."): one decision, in both their words."""
        if not following or decide.bare_marker(following[0]) or decide.outcome(sentence):
            return False
        if decide.about_the_vote(following[0]):
            return False  # "Carried with 6 for, 2 against": the votes on the decision above
        moving = votes.PROPOSER, votes.SECONDER, votes.PROPOSAL
        return any(pattern.search(sentence) for pattern in moving) and (
            decide.outcome(following[0]) is not None
        )

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
        owned = acts.owned_clauses(sentence, self.known)
        if not owned and decided and (deed := unnamed.agreed_deed(sentence)):
            owned = [([], deed)]
        if not owned and self.subject and acts.pronoun_deed(sentence):
            owned = [([self.subject], sentence)]  # "JF had contacted them. He would again ..."
        if not owned and (passive := unnamed.passive_deed(sentence, self.known)):
            owned = [passive]
        for names, deed in owned:
            text = f"{self.before} {deed}" if acts.points_back(deed) and self.before else deed
            self.item.actions.append(
                DraftAction(names, text, when(deed, year_hint=self.year), line)
            )
        return bool(owned)

    def asks_back(self, sentence: str) -> When | None:
        return asked_back(
            sentence, year=self.year, meeting=self.draft.meeting_date, body=self.draft.title
        )

    def decide(
        self, outcome: str, text: str, parts: list[str], line: int, asked: When | None, context: str
    ) -> None:
        if not parts and decide.title_only(text):
            return  # "Agreed that" with nothing after it records nothing
        proposer, seconder = votes.mover(context)
        moved = self.item.decisions[-1] if self.item.decisions else None
        declared = moved and decide.DECLARED.search(text) and decide.MOTION_TEXT.match(moved.text)
        restated = moved and (
            text.startswith(f"{moved.text} ")
            or (decide.MOTION_TEXT.match(moved.text) and f"{moved.text} " in f"{text} ")
        )
        if moved and (declared or restated):  # the motion above, now with its outcome
            self.item.decisions.pop()  # the motion above declared carried: one decision
            proposer, seconder = moved.proposer or proposer, moved.seconder or seconder
            asked = asked or moved.follow_up
        self.item.decisions.append(
            DraftDecision(
                outcome=outcome,
                text=text,
                parts=parts,
                proposer=proposer,
                seconder=seconder,
                vote=votes.vote(context),
                follow_up=asked,
                line=line,
            )
        )

    def attach_vote(self, sentence: str) -> None:
        """ "Proposed by X, seconded by Y; carried 6 to 2" belongs to the decision above it."""
        last = self.item.decisions[-1]
        proposer, seconder = votes.mover(sentence)
        self.item.decisions[-1] = replace(
            last,
            proposer=last.proposer or proposer,
            seconder=last.seconder or seconder,
            vote=last.vote or votes.vote(sentence),
        )

    def aside(self, line: Line, paragraph: str) -> None:
        """A right-hand column cell naming who owes the action on its line."""
        if not line.aside:
            return
        deed = acts.action_line(line.aside)
        names = deed[0] if deed else acts.owners(line.aside)
        initials = all(re.fullmatch(acts.INITIALS, n) for n in names)
        if not names or not (deed or initials):
            return  # a name alone at the right may be a table's cell, not an owner
        around = next((s for s in sentences(paragraph) if line.text[-25:] in s), line.text)
        self.item.actions.append(DraftAction(names, around, None, line.number))
