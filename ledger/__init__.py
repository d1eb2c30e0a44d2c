"""govledger's write side: governance facts recorded as immutable events."""
