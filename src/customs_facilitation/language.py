"""The report's languages: which one a page is written in, and its messages (gettext catalogs).

English is the language of the code: a message is its English text, marked with :func:`_`.
A translation lives in ``locale/<language>/LC_MESSAGES/messages.po`` (gettext; Babel extracts,
updates and compiles it: ``make catalogs``, see docs/translating.md). The catalog is compiled by
Babel when a page first needs it, so the ``.po`` a translator edits is the one the report reads.

A page chooses its language once (:func:`use` for a block of code, or :func:`choose` for the rest
of a notebook's kernel, which a page's ``language`` parameter does). A message of a translated
language that its catalog does not hold is an error, not a silent English sentence on a Chinese page.
"""

from __future__ import annotations

import contextvars
import functools
import gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager

from .paths import PACKAGE_DIR

LANGUAGES = {"en": "English", "zh": "简体中文"}
"""The report's languages by code, each named in itself."""
LOCALES = {"en": "en", "zh": "zh_Hans_CN"}
"""The CLDR locale (Babel) that writes each language's dates and numbers."""
HTML_LANG = {"en": "en", "zh": "zh-Hans"}
"""The ``lang`` attribute of a page in each language."""
LOCALE_DIR = PACKAGE_DIR / "locale"
DOMAIN = "messages"

_current: contextvars.ContextVar[str] = contextvars.ContextVar("customs_facilitation_language", default="en")


class MissingTranslation(LookupError):
    """A message the page needs has no translation in the language's catalog."""


def check(language: str) -> str:
    """Return ``language`` if the report is written in it; else raise ValueError naming the choices.

    >>> check("zh")
    'zh'
    """
    if language not in LANGUAGES:
        raise ValueError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
    return language


def current() -> str:
    """The language pages are being written in ('en' unless chosen)."""
    return _current.get()


@contextmanager
def use(language: str) -> Iterator[None]:
    """Write in ``language`` inside the block; the language before it comes back after.

    >>> with use("zh"):
    ...     current()
    'zh'
    >>> current()
    'en'
    """
    token = _current.set(check(language))
    try:
        yield
    finally:
        _current.reset(token)


def choose(language: str) -> None:
    """Write in ``language`` from now on in this context (a notebook's kernel): what a page's
    ``language`` parameter asks for."""
    _current.set(check(language))


def catalog_path(language: str):
    """The ``.po`` file of a translated language."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of ``language`` (English needs none: its messages are the text)."""
    if check(language) == "en":
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(catalog_path(language), "rb") as po:
        catalog = read_po(po, locale=LOCALES[language])
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, as pybabel compile leaves them
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    """``message`` in the current language.

    Raises:
        MissingTranslation: the language's catalog has no translation of ``message``.

    >>> with use("zh"):
    ...     _("Sources")
    '来源'
    """
    language = current()
    if language == "en" or not message:
        return message
    catalog = translations(language)
    translated = catalog.gettext(message)
    if translated == message and message not in catalog._catalog:  # noqa: SLF001 (gettext's own table)
        raise MissingTranslation(
            f"no {LANGUAGES[language]} translation of the message {message!r} in {catalog_path(language)}: "
            "run `make catalogs` and translate it (docs/translating.md)")
    return translated


def N_(message: str) -> str:
    """Mark ``message`` for the catalogs without translating it (a word translated later, by :func:`_`)."""
    return message
