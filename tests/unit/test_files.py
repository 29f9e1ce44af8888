"""Shared file helpers: text kept in the environment is made once and read back after."""

from customs_facilitation import files


def test_kept_text_is_made_once_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "ENVIRONMENT_CACHE", tmp_path / "share")
    made = []

    def make():
        made.append(1)
        return "bundle 1"

    assert files.kept_in_environment("b-1.0.js", make) == "bundle 1"
    assert files.kept_in_environment("b-1.0.js", make) == "bundle 1"
    assert made == [1] and (tmp_path / "share" / "b-1.0.js").read_text(encoding="utf-8") == "bundle 1"
    assert files.kept_in_environment("b-2.0.js", lambda: "bundle 2") == "bundle 2"  # a new version, made anew


def test_kept_text_is_still_made_when_the_environment_is_read_only(tmp_path, monkeypatch):
    blocker = tmp_path / "share"
    blocker.write_text("a file where the folder would be")  # the cache cannot be written, even as root
    monkeypatch.setattr(files, "ENVIRONMENT_CACHE", blocker / "inside")
    assert files.kept_in_environment("b.js", lambda: "bundle") == "bundle"
    assert blocker.read_text() == "a file where the folder would be"
