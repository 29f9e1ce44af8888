"""Changes to a data folder are validated in a copy first and written all or nothing."""

import pytest

from customs_facilitation.curate.staging import apply_changes, write_all
from customs_facilitation.errors import DataValidationError


def test_a_change_that_breaks_the_package_writes_nothing_and_names_the_data_folder(tiny):
    before = (tiny / "observations.csv").read_bytes()
    broken = before.replace(b"21.79", b"x")
    with pytest.raises(DataValidationError) as refused:
        apply_changes(tiny, {"observations.csv": broken, "raw/extra.txt": b"more"})
    messages = [str(p) for p in refused.value.problems]
    assert "observations.csv row 2 (line 3), column value: 'x' is not a number (digits, optional sign and decimal " \
           "point)" in messages
    assert all("customs-facilitation-" not in m for m in messages)  # the copy's path is never shown
    assert (tiny / "observations.csv").read_bytes() == before and not (tiny / "raw" / "extra.txt").exists()


def test_a_write_that_fails_puts_back_what_was_written(tiny):
    before = (tiny / "observations.csv").read_bytes()
    (tiny / "blocked").mkdir()
    with pytest.raises(OSError):
        write_all(tiny, {"observations.csv": b"new", "blocked": b"a folder cannot be replaced by a file"})
    assert (tiny / "observations.csv").read_bytes() == before
