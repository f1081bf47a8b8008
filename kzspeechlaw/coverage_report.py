"""What the data covers: the dates, every modelled part and version, and how each was verified."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import warnings
from collections.abc import Iterator

import attrs

from kzspeechlaw.errors import StaleDataWarning
from kzspeechlaw.law import law
from kzspeechlaw.model import Provision


@attrs.frozen
class Coverage:
    """The dates the data covers and the provisions it holds.

    ``current_to`` is the date of the newest statute text read: a query after it may miss later
    amendments. ``mci_from``/``mci_until`` bound the MCI series (``OutOfCoverage`` outside).
    """

    provisions_from: dt.date
    current_to: dt.date
    mci_from: dt.date
    mci_until: dt.date
    versions: tuple[Provision, ...]

    @property
    def verified_share(self) -> float:
        """The share of versions whose statute text was read (0..1)."""
        return sum(v.verified for v in self.versions) / len(self.versions)


def coverage() -> Coverage:
    """The library's data coverage (see :class:`Coverage`)."""
    data = law()
    versions = tuple(
        v
        for ref in sorted(data.versions)
        for v in data.versions[ref]
    )
    return Coverage(
        provisions_from=min(v.valid_from for v in versions),
        current_to=data.current_to,
        mci_from=data.mci_series[0].valid_from,
        mci_until=data.mci_until,
        versions=versions,
    )


_SILENT: contextvars.ContextVar[bool] = contextvars.ContextVar("kzspeechlaw_stale_silent", default=False)


def stale_message(day: dt.date) -> str | None:
    """The stale-data warning's text for a query dated ``day``, or ``None`` where the data is
    current to that day."""
    current_to = law().current_to
    if day <= current_to:
        return None
    return (f"the statute texts in the data are current to {current_to.isoformat()}: "
            "the law may have changed since (see kzspeechlaw coverage)")


def warn_if_stale(day: dt.date) -> None:
    """Warn (:class:`~kzspeechlaw.StaleDataWarning`) when ``day`` is after the data's current-to
    date, unless the checks are silenced in this thread (:func:`stale_checks_silenced`)."""
    if not _SILENT.get() and (message := stale_message(day)) is not None:
        warnings.warn(message, StaleDataWarning, stacklevel=3)


@contextlib.contextmanager
def stale_checks_silenced() -> Iterator[None]:
    """Within the block, in this thread (or task) only, :func:`warn_if_stale` is silent: a caller
    that assesses many incidents gives the warning once itself. Unlike
    ``warnings.catch_warnings``, other threads' warnings and filters are left alone."""
    token = _SILENT.set(True)
    try:
        yield
    finally:
        _SILENT.reset(token)
