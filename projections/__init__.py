"""govledger's read side: views rebuilt from the ledger's event stream."""
