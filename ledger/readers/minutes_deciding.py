"""A decision heard in minutes, recorded into the item being read: with who moved and
seconded it and how the votes fell, once, where the minutes give the same decision twice
(a motion moved, then declared carried; a decision page's "Decision:" and "Minutes:"
blocks; a narrative then its formal resolution)."""

from __future__ import annotations

import re
from dataclasses import replace

from ledger.readers import minutes_votes as votes
from ledger.readers.minutes_assent import title_only
from ledger.readers.minutes_draft import DraftDecision, DraftItem, MinutesDraft, Vote, When
from ledger.readers.minutes_layout import sentences
from ledger.readers.minutes_lookalikes import APOLOGIES_RECEIVED, CORRECTION, procedural
from ledger.readers.minutes_motions import DECLARED, MOTION_TEXT, moves, settles
from ledger.readers.minutes_restatements import same_decision
from ledger.readers.minutes_vote_counts import vote

THAT = re.compile(r"^\W*that\b", re.IGNORECASE)


class Deciding:
    """What :class:`~ledger.readers.minutes_prose.Prose` and the walk over a document's
    lines share to record a decision into the current item."""

    draft: MinutesDraft
    movers: str  # "Moved A, seconded B and resolved": who moved the motion below
    block: int  # the item's decisions before its last "Decision:"/"Minutes:" label
    motions: list[tuple[str, int]]  # motions moved in this item, their result not yet given
    polled: list[str]  # what was said of the vote on them since ("For: 12", "put to the vote")
    announced: DraftDecision | None  # a decision ending "to consider the following:"

    @property
    def item(self) -> DraftItem:
        if not self.draft.items:
            self.draft.items.append(DraftItem("", ""))
        return self.draft.items[-1]

    def decide(
        self, outcome: str, text: str, parts: list[str], line: int, asked: When | None, context: str
    ) -> None:
        context, self.movers = f"{self.movers} {context}".strip(), ""
        text = RULES.sub(" ", text).strip()
        announced = self.announced
        last = self.item.decisions[-1] if self.item.decisions else None
        if announced is not None and last is announced and THAT.match(text):
            self.item.decisions.pop()  # "X proposed and Y seconded a motion, which was agreed
            context = f"{announced.text} {context}"  # as set out below:", then "that ...": one
        if not parts and title_only(text):
            return  # "Agreed that" with nothing after it records nothing
        if procedural(text) or CORRECTION.search(text) or APOLOGIES_RECEIVED.search(text):
            self.moved_by(context)  # its movers move nothing else
            return  # "THAT the meeting do now reconvene. CARRIED" runs the sitting; "Minute
            # 64/17c should read: ... These were agreed." tells what an earlier meeting did
        context = self.moved_by(context)
        if voted_only(text) and self.item.title:
            text = f"{self.item.heading}: {text}"  # "Budget: The substantive motion was carried."
        text, context, line, earlier = self.told_before(outcome, text, context, line)
        proposer, seconder = votes.mover(context)
        if earlier is not None:
            proposer, seconder = earlier.proposer or proposer, earlier.seconder or seconder
            asked, parts = asked or earlier.follow_up, parts or earlier.parts
        if outcome not in LOST and closing(text) and settles(closing(text)) in LOST:
            outcome = "lost"  # "RESOLVED that ... 4 votes for, 5 against. The motion was lost."
        self.motions = [m for m in self.motions if m[0] not in text]
        polled = vote(context) or (earlier.vote if earlier is not None else None)
        decided = DraftDecision(
            outcome=outcome,
            text=text,
            parts=parts,
            proposer=proposer,
            seconder=seconder,
            vote=with_result(polled, outcome),
            follow_up=asked,
            line=line,
        )
        self.item.decisions.append(decided)
        self.announced = decided if text.endswith(":") and not parts else None

    def moved_by(self, context: str) -> str:
        """ "Moved Cr Hale, seconded Cr Pike and resolved", waiting as a motion of no words
        of its own, names who moved the decision that follows."""
        if movers := [m for m in self.motions if title_only(m[0])]:
            context = f"{movers[-1][0]} {context}"
            self.motions = [m for m in self.motions if m not in movers]
        return context

    def told_before(
        self, outcome: str, text: str, context: str, line: int
    ) -> tuple[str, str, int, DraftDecision | None]:
        """The text, context and line of a decision the minutes tell in two steps, and the
        earlier telling taken out of the item: a motion then its outcome, a nomination then
        "duly elected", a vote told before its resolution, a decision page's "Decision:"
        then "Minutes:" blocks, a narrative then its formal resolution."""
        moved = self.item.decisions[-1] if self.item.decisions else None
        nominee = next((m for m in reversed(self.motions) if elected(text, m[0])), None)
        if nominee is not None:  # "J.Ward, nominated by K.Lowe.", then "J.Ward duly elected."
            return f"{nominee[0]} {text}", f"{nominee[0]} {context}", nominee[1], None
        told = moved.text.removeprefix(f"{self.item.heading}: ") if moved else ""
        if moved and outcome == "resolved" and voted_only(told):
            self.item.decisions.pop()  # "... and at the vote the motion was approved." then
            context = f"{told} {context}"  # "RESOLVED that the recommendations ..."
            moved = None
        declared = moved and DECLARED.search(text) and MOTION_TEXT.match(moved.text)
        restated = moved and (
            text.startswith(f"{moved.text} ")
            or (MOTION_TEXT.match(moved.text) and f"{moved.text} " in f"{text} ")
        )
        if moved and elected(text, moved.text):  # "F.Reid, proposed by A, seconded by B. All
            text, context = f"{moved.text} {text}", f"{moved.text} {context}"  # in favour."
            restated = True  # then "F.Reid duly elected.": the nomination and its result
        if moved and (declared or restated):  # the motion above, now with its outcome
            return text, context, line, self.item.decisions.pop()
        if (again := same_decision(self.item.decisions, text, self.block)) is not None:
            return text, context, line, self.item.decisions.pop(again)
        return text, context, line, None

    def attach_vote(self, sentence: str) -> None:
        """ "Proposed by X, seconded by Y; carried 6 to 2" belongs to the decision above it;
        a vote that says the motion was lost makes it lost."""
        last = self.item.decisions[-1]
        proposer, seconder = votes.mover(sentence)
        polled = joined(last.vote, vote(sentence))
        lost = polled is not None and polled.result == "lost" and last.outcome not in LOST
        self.item.decisions[-1] = replace(
            last,
            outcome="lost" if lost else last.outcome,
            proposer=last.proposer or proposer,
            seconder=last.seconder or seconder,
            vote=polled,
        )

    def settle(
        self, sentence: str, outcome: str, line: int, *, tally: str = "", only: bool = False
    ) -> bool:
        """A motion's result ("The proposal was not agreed.", "Motion carried.", "LOST")
        settles the motion moved before it in this item, and the two are one decision with
        the votes said between them; else it settles a motion recorded as the item's last
        decision ("It was proposed ... that X be approved." then "Put to the vote, LOST").
        Whether it settled one; ``only`` a motion still waiting for its result."""
        at = self.pending(sentence)
        if at is not None and title_only(self.motions[at][0]):
            return False  # "Moved by: A Seconded by: B": the movers of the motion to come
        if at is not None:
            moved, first = self.motions.pop(at)
            polled, self.polled = " ".join([*self.polled, tally]).strip(), []
            text = " ".join(part for part in (moved, polled, sentence) if part)
            self.decide(outcome, text, [], first, None, context=text)
            return True
        last = self.item.decisions[-1] if self.item.decisions else None
        if only or last is None or last.parts or last.outcome in SETTLED or not moves(last.text):
            return False
        said = last.vote.said if last.vote else ""
        context = f"{last.text} {said} {tally} {sentence}"
        self.decide(outcome, f"{last.text} {sentence}", [], last.line, last.follow_up, context)
        return True

    def seconded(self) -> None:
        """At an item's end, a motion proposed and seconded whose result the minutes never
        give was agreed, as a parish clerk minutes it ("Cllr A proposed approval for payment
        seconded by Cllr B", then the next item); one with no seconder was not put."""
        for moved, line in self.motions:
            proposer, seconder = votes.mover(f"{moved} {' '.join(self.polled)}")
            answered = any(d.line >= line for d in self.item.decisions)  # "... declared X
            if proposer and seconder and not answered and not moved.endswith(":"):  # elected"
                self.decide("agreed", moved, [], line, None, context=moved)
        self.motions, self.polled = [], []

    def withdrawn(self, sentence: str) -> bool:
        """ "The motion was withdrawn": the motion waiting for its result has none."""
        if not (self.motions and WITHDRAWN.search(sentence)):
            return False
        self.motions.pop(self.pending(sentence) or -1)
        return True

    def pending(self, sentence: str) -> int | None:
        """Which motion moved and not yet settled a result is for: the amendment's result
        is the last amendment's, the substantive motion's the last motion's."""
        if not self.motions:
            return None
        said = sentence.lower()
        amendments = [
            at for at, (text, _) in enumerate(self.motions) if "amendment" in text.lower()
        ]
        if AMENDMENT.search(said):  # an amendment no one was minuted moving is no motion's
            return amendments[-1] if amendments else None
        if re.search(r"\b(?:substantive|original|main)\s+motion\b", said):
            others = [at for at in range(len(self.motions)) if at not in amendments]
            return others[-1] if others else None
        return len(self.motions) - 1


VOTE_WORDS = {
    *("the", "a", "and", "then", "at", "was", "were", "it", "this", "these", "by", "duly"),
    *("motion", "motions", "recommendation", "recommendations", "proposal", "proposals"),
    *("proposed", "seconded", "vote", "voted", "put", "approved", "carried", "agreed"),
    *("unanimously", "resolution", "amendment", "lost", "passed", "adopted", "to"),
    *("substantive", "original", "main", "on", "upon", "being", "declared", "when"),
}


def voted_only(text: str) -> bool:
    """A sentence that only says how the motion fared ("The recommendations were proposed
    and seconded and at the vote the motion was approved."), the resolution to follow."""
    return bool(settles(text)) and set(re.findall(r"[a-z]+", text.lower())) <= VOTE_WORDS


WITHDRAWN = re.compile(
    r"\b(?:motion|proposal|amendment|it)\b[^.]{0,60}?\b(?:was|were|is)\s+(?:then\s+)?withdrawn\b|"
    r"\bwithdr[ea]w\s+(?:the|his|her|their)\s+(?:motion|proposal|amendment)\b",
    re.IGNORECASE,
)
RULES = re.compile(r"(?:\s*\|)+\s*")  # a web table's cell rules, read into the text
AMENDMENT = re.compile(r"\bamendment\b", re.IGNORECASE)
ELECTED = re.compile(
    r"^(?P<who>[A-Z][\w.' -]{1,40}?)\s+(?:was\s+)?duly\s+(?:elected|appointed|co-opted)\b"
)


def elected(text: str, moved: str) -> bool:
    """Whether ``text`` declares elected the person the motion ``moved`` nominated."""
    found = ELECTED.match(text)
    nominated = votes.PROPOSER.search(moved) or "nominat" in moved.lower()
    return bool(found and nominated and found["who"].strip() in moved)


LOST = ("lost", "rejected")


def joined(said: Vote | None, more: Vote | None) -> Vote | None:
    """A vote told in pieces ("Carried", then the recorded vote's rows): each count, name
    and result from the piece that gives it first."""
    if said is None or more is None:
        return said or more
    return replace(
        said,
        result=said.result or more.result,
        votes_for=said.votes_for if said.votes_for is not None else more.votes_for,
        against=said.against if said.against is not None else more.against,
        abstained=said.abstained if said.abstained is not None else more.abstained,
        names_for=said.names_for or more.names_for,
        names_against=said.names_against or more.names_against,
        names_abstained=said.names_abstained or more.names_abstained,
    )


def with_result(polled: Vote | None, outcome: str) -> Vote | None:
    """A vote whose counts the minutes give with the decision but not its result: the
    result is the decision's ("It was agreed ... with one against" carried)."""
    counted = polled is not None and (polled.votes_for is not None or polled.against is not None)
    if polled is None or polled.result or not counted:
        return polled
    return replace(polled, result="lost" if outcome in LOST else "carried")


SETTLED = ("lost", "rejected", "carried")


def closing(text: str) -> str:
    """A decision's last sentence, when it has more than one."""
    said = sentences(text)
    return said[-1] if len(said) > 1 else ""
