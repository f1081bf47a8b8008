"""What the data covers: the dates, every modelled part and version, and how each was verified."""

from __future__ import annotations

import datetime as dt
import warnings

import attrs

from kzspeechlaw.errors import StaleDataWarning
from kzspeechlaw.law import law
from kzspeechlaw.model import Provision
from kzspeechlaw.scope import CodeScope, Entry, register


@attrs.frozen
class Coverage:
    """The dates the data covers and the provisions it holds.

    ``current_to`` is the date of the newest statute text read: a query after it may miss later
    amendments. ``mci_from``/``mci_until`` bound the MCI series (``OutOfCoverage`` outside).
    ``codes`` gives each code's own current-to date and the edition read; ``scope`` the scope
    register: the speech articles of each code, modelled or listed with why not.
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


def dates_read(version: Provision) -> bool:
    """Whether both bounds of ``version`` were read rather than computed: each is the code's own
    start or end, or the in-force date, recorded as verified, of the act that made the change
    (the version's own act at the start; at the end the repealing act or the next version's)."""
    data = law()
    code = data.codes[version.ref.code]

    def read(act_id: str | None, day: dt.date) -> bool:
        act = data.acts.get(act_id) if act_id is not None else None
        return act is not None and act.verified and act.in_force == day

    start = version.valid_from == code.valid_from or read(version.act, version.valid_from)
    end_day = version.valid_to
    if end_day is None or end_day == code.valid_to:
        return start
    nxt = next((v for v in data.versions[version.ref] if v.valid_from == end_day), None)
    return start and read(version.repealed_by or (nxt.act if nxt is not None else None), end_day)


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
        codes=register().codes,
        scope=register().entries,
    )


def warn_if_stale(day: dt.date) -> None:
    """Warn (:class:`~kzspeechlaw.StaleDataWarning`) when ``day`` is after the data's current-to date."""
    current_to = law().current_to
    if day > current_to:
        warnings.warn(
            f"the statute texts in the data are current to {current_to.isoformat()}: "
            "the law may have changed since (see kzspeechlaw coverage)",
            StaleDataWarning,
            stacklevel=3,
        )
