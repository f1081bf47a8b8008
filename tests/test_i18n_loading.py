"""Loading the catalogues: Kazakh falls back to Russian for a message it has not translated, and
reads the Russian catalogue only when such a message is asked for."""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest

from kzspeechlaw import i18n

MESSAGE = "date, YYYY-MM-DD or DD.MM.YYYY"  # the help of `show --on`, translated in both catalogues


@pytest.fixture
def fresh() -> Iterator[None]:
    """No catalogue read yet in this process (and none kept from this test)."""
    i18n.translation.cache_clear()
    yield
    i18n.translation.cache_clear()


def test_kazakh_alone_reads_no_russian(fresh: None) -> None:
    kazakh = i18n.gettext(MESSAGE, "kk")
    assert kazakh != MESSAGE
    assert i18n.translation.cache_info().currsize == 1  # the Kazakh catalogue alone


def test_a_message_kazakh_lacks_is_russian(fresh: None) -> None:
    kk = i18n.translation("kk")
    lacking = copy.copy(kk)
    lacking._catalog = {k: v for k, v in kk._catalog.items() if k != MESSAGE}  # type: ignore[attr-defined]
    russian = i18n.translation("ru").gettext(MESSAGE)
    assert russian not in (MESSAGE, kk.gettext(MESSAGE))
    assert lacking.gettext(MESSAGE) == russian
    assert lacking.gettext("a text no catalogue holds") == "a text no catalogue holds"


def test_the_fallback_answers_every_kind_of_lookup(fresh: None) -> None:
    fallback = i18n.translation("kk")._fallback  # type: ignore[attr-defined]
    ru = i18n.translation("ru")
    assert fallback.gettext(MESSAGE) == ru.gettext(MESSAGE)
    assert fallback.ngettext("one", "many", 5) == ru.ngettext("one", "many", 5) == "many"
    assert fallback.pgettext("penalty", "fine") == ru.pgettext("penalty", "fine")
    assert fallback.npgettext("penalty", "fine", "fines", 1) == ru.npgettext("penalty", "fine", "fines", 1)
