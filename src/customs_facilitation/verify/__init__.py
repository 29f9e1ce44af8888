"""What the notebooks rely on beyond the data: figures derived from published ones, and the
consistency checks between figures."""
