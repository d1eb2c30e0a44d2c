"""Document readers: the minutes and trackers councils already keep, read into drafts.

One module per document kind (a PDF, a ModernGov page, a Word file, plain text; minutes or
a tracker), each producing the draft model of its family (:mod:`minutes_draft`). Readers
know nothing of click, of the event library or of the database: each is tested on a file
alone, and the ledger records whatever draft it is handed. A reader raises
:class:`ledger.errors.InvalidEntry` with one line naming the file and the fix.
"""
