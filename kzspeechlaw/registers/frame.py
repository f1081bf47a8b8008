"""A pandas DataFrame of incidents assessed into a DataFrame of results (the ``pandas`` extra).

pandas is imported when :func:`assess_frame` is called, not with the package.

>>> import pandas as pd
>>> df = pd.DataFrame({"act_date": ["2019-03-15", "15.03.2019"], "conduct": ["slander", "gossip"],
...                    "channel": ["telecom_network", float("nan")]})
>>> out = assess_frame(df, decided_on="2019-12-01")
>>> out[["outcome", "governing", "error_field"]].fillna("-").values.tolist()
[['liable', 'CC2014 130(2)', '-'], ['-', '-', 'conduct']]

``depends_on`` holds, for each assessed row, the tuple of the facts left open on which its answer
turns (empty where the facts decide it): the rows whose answer is not certain are
``out[out["depends_on"].str.len() > 0]``, those that turn on one fact
``out[out["depends_on"].map(lambda d: "amnesty" in (d or ()))]``.

>>> out["depends_on"].tolist()  # the slander's answer turns on what it accused of; the error row has none
[('allegation',), None]
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from kzspeechlaw import export
from kzspeechlaw.errors import InvalidIncident
from kzspeechlaw.registers import batch, rows
from kzspeechlaw.registers.reading import check_header, decode

if TYPE_CHECKING:
    import pandas

RESULT_COLUMNS = (
    "id", "outcome", "falls_under", "governing", "category", "mci_date", "limitation",
    "fine_mci_min", "fine_mci_max", "fine_kzt_min", "fine_kzt_max", "depends_on", "error_field", "error_message",
)
"""The columns of :func:`assess_frame`'s result, in order: the brief record of
:func:`kzspeechlaw.registers.batch.brief_dict` with its fine ranges flattened, or the row's error.

``depends_on`` is an ``object`` column: in an assessed row a tuple of the incident fields left
open on which the answer turns (:attr:`~kzspeechlaw.Assessment.depends_on`; ``()`` where the
facts decide it), in a row with an error ``None``. Filter with ``.str.len() > 0`` (an answer the
facts do not decide) or ``.explode()`` to count by field."""


def assess_frame(df: pandas.DataFrame, decided_on: dt.date | str | None = None) -> pandas.DataFrame:
    """Assess each row of ``df`` (columns named as a register's: the incident's fields, ``id``,
    ``decided_on``) and return one result row per input row, in order, on the same index.

    Read as a register is: column names trimmed and case-folded, unknown columns left out with one
    :class:`~kzspeechlaw.RegisterWarning`, blank and ``NaN`` cells not stated, values trimmed and
    case-folded, dates ISO, ``DD.MM.YYYY`` or date cells, yes/no facts as booleans (a ``bool`` or
    nullable ``boolean`` column), the integers 1 and 0, or text (``true``, ``no``, ``1``; no other
    number is read as yes or no). A row that cannot be assessed has its
    ``error_field`` (``None`` where no one field is at fault) and ``error_message``, and no outcome.
    A row without an ``id`` gets its position (from 1). ``decided_on`` is the default for rows
    without their own. Cells with nothing to say are pandas' missing values.
    """
    import pandas as pd  # the `pandas` extra

    if not isinstance(df, pd.DataFrame):
        raise InvalidIncident("df", df, "a pandas DataFrame of incidents")
    header = check_header([str(c) for c in df.columns])
    default = rows.default_decision(decided_on)
    records = [
        _flat(rows._assess_row(row, decode("xlsx", header, cells), default))
        for row, cells in enumerate(df.itertuples(index=False, name=None), 1)
    ]
    return pd.DataFrame.from_records(records, index=df.index, columns=list(RESULT_COLUMNS))


def _flat(result: batch.BatchResult) -> tuple[Any, ...]:
    ident = export.jsonable(result.id)
    if result.assessment is None:
        assert result.error is not None
        return (ident, *([None] * 11), result.error.field, result.error.message)
    b = batch.brief_dict(result.assessment)
    mci, kzt = b["fine_mci"] or {}, b["fine_kzt"] or {}
    mci_date = dt.date.fromisoformat(b["mci_date"]) if b["mci_date"] else None
    return (ident, b["outcome"], b["falls_under"], b["governing"], b["category"], mci_date, b["limitation"],
            mci.get("min"), mci.get("max"), kzt.get("min"), kzt.get("max"), tuple(b["depends_on"]), None, None)
