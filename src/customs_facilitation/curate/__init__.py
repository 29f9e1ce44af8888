"""The curator's tools: numeric claims found in a source text, draft rows for the curated tables,
the audit of every number in the texts we hold, and the score of the claims finder on a corpus."""
