#!/usr/bin/env bash
# The demo: an invented borough's SEND board over three meetings, recorded by its clerk.
# Every name and fact here is made up; the real seed documents stay in ../shared.
set -euo pipefail
export GOVLEDGER_DB="${GOVLEDGER_DB:-demo.db}"
export GOVLEDGER_USER="Sam Okafor"
export GOVLEDGER_KEYS="${GOVLEDGER_KEYS:-demo-keys}"
unset GOVLEDGER_KEY GOVLEDGER_KEY_PASSPHRASE
rm -rf "$GOVLEDGER_DB" "$GOVLEDGER_DB-wal" "$GOVLEDGER_DB-shm" "$GOVLEDGER_KEYS" demo-checkpoint.txt demo-keyring.json
say() { printf '\n\033[1m# %s\033[0m\n' "$*"; }
g() {
  local shown="$ govledger" arg
  for arg in "$@"; do
    if [[ $arg =~ ^[A-Za-z0-9_./#@:,=+-]+$ ]]; then shown+=" $arg"; else shown+=" '${arg//\'/\'\\\'\'}'"; fi
  done
  echo "$shown"
  govledger "$@"
}

say "The clerk sets up the ledger and the keys: the clerk signs every entry, the monitoring officer witnesses"
g init
g keys new sam.clerk
g keys new ruth.witness --owner "Ruth Hale, Monitoring Officer"
g keys require-signing --reason "Board decision: every entry is signed by the clerk who records it"
export GOVLEDGER_KEY=sam.clerk

say "The board and its three meetings"
g board add hsb "Hollowfield SEND Improvement Board" --on 2025-09-01
g meeting add hsb 2025-10-14 --title "Autumn board" --on 2025-09-01
g meeting add hsb 2026-01-20 --title "Winter board" --on 2025-09-01
g meeting add hsb 2026-04-21 --title "Spring board" --on 2025-09-01

say "The written statement of action, as agreed at the first meeting"
g tracker add hw-wsoa-2025 "Hollowfield Written Statement of Action 2025" --board hsb --on 2025-10-14
g action add hw-wsoa-2025 1 --kloe "1 & 2" --theme "Early identification" \
  --issue "Two-year checks are not shared between health visitors and early years settings." \
  --health "Joint check pilot in two children's centres." --who "Priya Shah, Head of Health Visiting" \
  --timescale "Q3" --on 2025-10-14
g action add-line hw-wsoa-2025#1 --la "Early years settings to receive check outcomes with consent." \
  --who "Tom Reed, Early Years Lead" --timescale "end of Q4" --on 2025-10-14
g action add hw-wsoa-2025 2 --kloe 2 --theme "EHC plans" \
  --issue "Too few EHC plans are issued within 20 weeks." \
  --la "Extra case officers; weekly timeliness report." --who "Dana Lewis, Head of SEN" \
  --timescale "31/3/26" --on 2025-10-14
g action add hw-wsoa-2025 3 --kloe 3 --theme "Preparing for adulthood" \
  --issue "Transition plans for 14-25s are started too late." \
  --la "Transition protocol to be co-produced with parents." --who "Mo Ahmed, Transitions Manager" \
  --timescale "Q4" --on 2025-10-14

say "Autumn board (14 October 2025): first ratings, a decision with a follow-up, an ACTION"
g action rate hw-wsoa-2025#1 amber --on 2025-10-14 --reason "Pilot started in one centre of two"
g action rate hw-wsoa-2025#2 red --on 2025-10-14 --reason "Timeliness 41% against 60% target"
g action rate hw-wsoa-2025#3 green --on 2025-10-14 --reason "Protocol drafting group met twice"
g decision record hsb --meeting 2025-10-14 --item "EHC plan timeliness" \
  --text "RESOLVED: that the Head of SEN report weekly timeliness figures to the January board." \
  --outcome resolved --follow-up 2026-01-20
g minute-action add hsb --meeting 2025-10-14 --owner "Dana Lewis" \
  --text "Circulate the recovery plan for EHC timeliness to members." --due 2026-01-20

say "Winter board (20 January 2026): the follow-up is heard, ratings move, an owner leaves, a mistake is entered"
g action add hw-wsoa-2025 4 --kloe 2 --theme "Joint commissioning" \
  --issue "No jointly commissioned speech and language therapy offer." \
  --health "Joint commissioning plan agreed by the ICB." --who "Ravi Patel, ICB Commissioning Lead" \
  --timescale "31/03/2026" --on 2026-01-20
g action rate hw-wsoa-2025#4 amber --on 2026-01-20 --reason "Draft plan shared with the ICB"
g action rate hw-wsoa-2025#2 amber --on 2026-01-20 --reason "Timeliness up to 55%; recovery plan on track"
g decision follow-up done hsb@2025-10-14/D1 --on 2026-01-20 \
  --reason "Head of SEN reported the weekly timeliness figures (55% within 20 weeks)"
g minute-action done hsb@2025-10-14/A1 --on 2026-01-20 --reason "Plan circulated 3 December"
g action reassign hw-wsoa-2025#3 --to "Lee Grant, Interim Transitions Manager" --on 2026-01-20 \
  --reason "Mo Ahmed left the council in December"
mistake=$(g action rate hw-wsoa-2025#3 red --on 2026-01-20 --reason "Protocol consultation delayed")
echo "$mistake"
position=$(echo "$mistake" | tail -1 | sed -E 's/.* at positions? ([0-9]+).*/\1/')  # the rating, not its signature

after_january=$(date -u +%Y-%m-%dT%H:%M:%S.%6NZ)
say "The clerk seals the log after the January board: a signed checkpoint, pasted into the minutes"
echo "$ govledger seal --note 'Winter board, 20 January 2026' > demo-checkpoint.txt"
govledger seal --note "Winter board, 20 January 2026" > demo-checkpoint.txt
cat demo-checkpoint.txt
say "The monitoring officer checks the log was never rewritten, and cosigns"
echo "$ govledger --as 'Ruth Hale, Monitoring Officer' witness cosign demo-checkpoint.txt --key ruth.witness"
GOVLEDGER_KEY= govledger --as "Ruth Hale, Monitoring Officer" witness cosign demo-checkpoint.txt \
  --key ruth.witness > demo-cosigned.txt
mv demo-cosigned.txt demo-checkpoint.txt
cat demo-checkpoint.txt
digest="$(sed -n 2p demo-checkpoint.txt):$(sed -n 3p demo-checkpoint.txt | base64 -d | od -An -tx1 | tr -d ' \n')"

say "Spring board (21 April 2026): the January minutes are corrected, work completes"
g correct "$position" --rating amber --on 2026-04-21 --reason "Minutes of 20 January approved with amendment: action 3 was amber, not red"
g action rate hw-wsoa-2025#1 green --on 2026-04-21 --reason "Both centres share check outcomes"
g action rate hw-wsoa-2025#2 blue --on 2026-04-21 --evidence "Q4 report: 68% of plans within 20 weeks" \
  --reason "Target met for two quarters"
g action retime hw-wsoa-2025#3 "Q2 2026/27" --on 2026-04-21 --reason "Parent consultation extended"
g action rate hw-wsoa-2025#4 red --on 2026-04-21 --reason "ICB budget for 2026/27 not agreed; plan stalled"

say "What the ledger holds"
g log --limit 40

say "The panel: the tracker as it was reported after the January board ..."
g tracker show hw-wsoa-2025 --at 2026-01-20 --known "$after_january"
say "... beside the tracker now"
g tracker show hw-wsoa-2025
say "What moved since the January board"
g changes hw-wsoa-2025 --from 2026-01-20
say "How action 3 got here, correction included"
g action history hw-wsoa-2025#3
say "What the board is still owed: the October follow-up was closed in January, so it is not listed"
g due --board hsb

say "The auditor: the published keyring, the export, and the checkpoint in the January minutes"
g keys export -o demo-keyring.json
g export -o demo-export.jsonl
g verify --digest "$digest"
echo "$ python -m ledger.verify demo-export.jsonl --checkpoint demo-checkpoint.txt --keyring demo-keyring.json --witnesses 1"
python -m ledger.verify demo-export.jsonl --checkpoint demo-checkpoint.txt --keyring demo-keyring.json --witnesses 1

say "The agenda pack for the Spring board: counts against January, what moved, red and overdue actions, the checkpoint"
g report hw-wsoa-2025 --at 2026-04-21 -o demo-pack.html
if command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null; then
  g report hw-wsoa-2025 --at 2026-04-21 -o demo-pack.pdf
else
  echo "(No Chromium here, so no PDF: open demo-pack.html in a browser and print it, or apt install chromium.)"
fi
