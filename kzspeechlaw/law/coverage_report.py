"""What the data covers: the dates, every modelled part and version, and how each was verified."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import functools
import warnings
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from kzspeechlaw.errors import StaleDataWarning
from kzspeechlaw.i18n import Message, join
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Provision

if TYPE_CHECKING:
    from kzspeechlaw.law.scope import CodeScope, Entry


@attrs.frozen
class Coverage:
    """The dates the data covers and the provisions it holds.

    ``current_to`` is the earliest of the current-to dates of the codes still in force: a query
    after it may miss later amendments of some code. ``codes`` gives each code's own current-to
    date (the edition its modelled articles were checked against) and the edition read: the
    stale-data warning is given per code (:func:`stale_codes`). ``mci_from``/``mci_until`` bound
    the MCI series (``OutOfCoverage`` outside); ``scope`` is the scope register: the speech
    articles of each code, modelled or listed with why not.
    """

    provisions_from: dt.date
    current_to: dt.date
    mci_from: dt.date
    mci_until: dt.date
    versions: tuple[Provision, ...]
    codes: tuple[CodeScope, ...] = ()
    scope: tuple[Entry, ...] = ()

    @property
    def verified_share(self) -> float:
        """The share of versions whose statute text and dates were both read (0..1): a version
        that starts or ends on a computed in-force date (an act with ``verified = false``) does
        not count, however verified its text (see :func:`dates_read`)."""
        return sum(v.verified and dates_read(v) for v in self.versions) / len(self.versions)

    @property
    def text_verified_share(self) -> float:
        """The share of versions whose statute text was read (0..1), whatever their dates."""
        return sum(v.verified for v in self.versions) / len(self.versions)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (what ``kzspeechlaw coverage --json`` prints and ``GET /api/coverage`` sends)."""
        return {
            "provisions_from": self.provisions_from.isoformat(),
            "current_to": self.current_to.isoformat(),
            "mci": {"from": self.mci_from.isoformat(), "until": self.mci_until.isoformat()},
            "verified_share": round(self.verified_share, 3),
            "text_verified_share": round(self.text_verified_share, 3),
            "versions": [
                {
                    "ref": str(v.ref),
                    "valid_from": v.valid_from.isoformat(),
                    "valid_to": v.valid_to.isoformat() if v.valid_to else None,
                    "last_day_in_force": (v.valid_to - dt.timedelta(days=1)).isoformat() if v.valid_to else None,
                    "verified": v.verified,
                    "source": v.source,
                }
                for v in self.versions
            ],
            "codes": [
                {"id": c.id, "current_to": c.current_to.isoformat(), "edition": c.edition,
                 "chapters_read": c.chapters_read}
                for c in self.codes
            ],
            "scope": [
                {"article": e.ref, "status": e.status, "title": e.title or None, "reason": e.reason or None,
                 "conducts": [c.value for c in e.conducts], "targets": [t.value for t in e.targets],
                 "valid_from": e.valid_from.isoformat() if e.valid_from else None,
                 "valid_to": e.valid_to.isoformat() if e.valid_to else None}
                for e in self.scope
            ],
        }


def dates_read(version: Provision) -> bool:
    """Whether both bounds of ``version`` were read rather than computed
    (:meth:`~kzspeechlaw.law.loader.Law.bounds_read`)."""
    return all(law().bounds_read(version))


def coverage() -> Coverage:
    """The library's data coverage (see :class:`Coverage`)."""
    from kzspeechlaw.law.scope import register  # here: the scope register is read for this report only

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
        codes=register().codes,
        scope=register().entries,
    )


_SILENT: contextvars.ContextVar[bool] = contextvars.ContextVar("kzspeechlaw_stale_silent", default=False)


def stale_codes(day: dt.date, codes: Iterable[str] | None = None) -> tuple[CodeScope, ...]:
    """The codes (of ``codes``, or all) whose statute texts in the data end before ``day``: a code
    still in force after its current-to date (``scope.toml`` ``[[code]] current_to``), in register
    order. A code that ended on or before its current-to date (CC 1997: its final text is read)
    is never stale. A single code may be given as a string."""
    earliest, watched = _watched()
    if earliest is None or day <= earliest:  # the common case: no code is stale yet
        return ()
    wanted = None if codes is None else frozenset((codes,) if isinstance(codes, str) else codes)
    return tuple(code for code in watched if (wanted is None or code.id in wanted) and day > code.current_to)


@functools.cache
def _watched() -> tuple[dt.date | None, tuple[CodeScope, ...]]:
    """The earliest current-to date of the codes that can become stale (in force after their
    current-to date), and those codes in register order."""
    from kzspeechlaw.law.scope import register  # here: the register is read when a warning is decided

    data = law()
    found = tuple(code for code in register().codes
                  if (end := data.codes[code.id].valid_to) is None or end > code.current_to + dt.timedelta(days=1))
    return min((c.current_to for c in found), default=None), found


def stale_message(day: dt.date, codes: Iterable[str] | None = None) -> str | None:
    """The stale-data warning's text for a query dated ``day`` about ``codes`` (all codes when
    ``None``), naming each code whose texts end before ``day``; ``None`` where every such code is
    current to that day."""
    stale = stale_codes(day, codes)
    if not stale:
        return None
    dates = join((Message("{code} current to {day}", code=c.id, day=c.current_to) for c in stale), "; ")
    return Message("the statute texts in the data are {dates}: the law may have changed since (see kzspeechlaw "
                   "coverage)", dates=dates)


def warn_if_stale(day: dt.date, codes: Iterable[str] | None = None) -> None:
    """Warn (:class:`~kzspeechlaw.StaleDataWarning`) when ``day`` is after the current-to date of
    one of ``codes`` (all codes when ``None``), unless the checks are silenced in this thread
    (:func:`stale_checks_silenced`)."""
    if not _SILENT.get() and (message := stale_message(day, codes)) is not None:
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
