"""govledger's benchmark: cost against ledger size, beside floors measured in the same run."""
