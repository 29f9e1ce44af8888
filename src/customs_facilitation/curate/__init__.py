"""The curator's tools: holding a new text (add-source), numeric claims found in it, drafts of its
rows (each change paired with its level, with period, basis and suggested indicator), accepting a
finished draft into the tables, the audit of every number in the texts we hold, and the scores of
the finder and the drafts on labelled corpora."""
