"""The govledger command line: parse, call the ledger or a view, print."""
