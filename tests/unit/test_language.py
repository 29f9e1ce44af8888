"""The report's languages: choosing one leaves the process as it was, a missing translation fails."""

import pytest

from customs_facilitation import language
from customs_facilitation.language import MissingTranslation, _, current, use


def test_use_restores_the_language_before_it_even_after_an_error():
    with pytest.raises(RuntimeError), use("zh"):
        assert current() == "zh"
        raise RuntimeError
    assert current() == "en"


def test_an_unknown_language_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="'fr' is not one of en, zh"):
        language.check("fr")


def test_english_is_the_message_itself_and_needs_no_catalog():
    assert _("a sentence no catalog holds") == "a sentence no catalog holds"


def test_a_message_without_translation_fails_in_chinese_naming_the_catalog():
    with use("zh"), pytest.raises(MissingTranslation, match=r"no 简体中文 translation of the message 'a sentence "
                                                             r"no catalog holds'.*messages\.po"):
        _("a sentence no catalog holds")


def test_a_translated_message_reads_in_chinese():
    with use("zh"):
        said = _("Sources: {sources}").format(sources="X")
    assert said != "Sources: X" and "X" in said
