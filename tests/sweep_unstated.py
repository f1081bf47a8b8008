"""A sweep for answers that claim to be settled although an unstated incident field changes them.

Not a pytest module (slow): run ``PYTHONPATH=. python tests/sweep_unstated.py [N] [SEED]``.

For a sample of incidents (every conduct, channel, a few targets and offenders, acts around every
change day of the time index and on a spread of years, decided on the same day, +1 month, +1, +3
and +10 years) it assesses the incident with one optional field unstated, then with each stated
value of that field, and flags:

- ``outcome``/``governing``/``statutory``: the stated variants differ there, while the unstated
  answer's ``depends_on`` names neither the field nor an equivalent open fact;
- ``check``: a sentence check reported ``certain`` on the unstated facts whose verdict differs
  across the stated variants.

Prints a count by (kind, field) and writes every flag as a JSON line to ``/tmp/sweep_flags.jsonl``.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import random
import sys
import warnings
from collections.abc import Iterator
from typing import Any

from kzspeechlaw.errors import LawError
from kzspeechlaw.law.facts import Allegation, Channel, Conduct, Target
from kzspeechlaw.law.timeline import act_days
from kzspeechlaw.reasoning.assessment import Assessment, assess
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.reasoning.sentencing import Aggravating, Aggregate, Mitigating, Procedure, Stage
from kzspeechlaw.units import ureg

warnings.simplefilter("ignore")

TARGETS = ("person", "official", "authority_representative", "judge", "president", "first_president", "deputy",
           "journalist", "public", "state", "family_member", "candidate")
OFFENDERS = ("natural_person", "official", "legal_entity", "small_business")
DECISION_STEPS = (0, 31, 365, 3 * 365 + 1, 10 * 365 + 2)

EQUIVALENT: dict[str, frozenset[str]] = {
    "channel": frozenset({"channel", "mass_media", "speech_work_or_media", "holder_resource", "media_product"}),
    "allegation": frozenset({"allegation"}),
    "in_connection_with_duties": frozenset({"in_connection_with_duties"}),
    "knowing_and_dangerous": frozenset({"knowing_and_dangerous", "knowledge"}),
    "referred_on": frozenset({"referral"}),
    "proceedings_date": frozenset({"proceedings_date"}),
    "evaded": frozenset({"interruption"}),
    "mitigating": frozenset({"age"}),
    "aggregate": frozenset({"amnesty"}),
    "harm_compensated": frozenset({"amnesty"}),
}
"""The open facts of ``depends_on`` that name each swept field (or an equivalent)."""


def _plus(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


def variants(inc: Incident, decided: dt.date) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Each optional field left unstated in ``inc``, with the changes that state each of its values."""
    if inc.channel is None:
        yield "channel", [{"channel": c} for c in Channel]
    if inc.conduct is Conduct.SLANDER and inc.allegation is None:
        yield "allegation", [{"allegation": a} for a in Allegation]
    for name in ("in_connection_with_duties", "knowing_and_dangerous", "reconciled", "harm_compensated",
                 "complaint", "pregnant", "young_children"):
        yield name, [{name: True}, {name: False}]
    yield "mitigating", [{"mitigating": False}, {"mitigating": True}, *({"mitigating": {m}} for m in Mitigating)]
    yield "aggravating", [{"aggravating": False}, {"aggravating": True},
                          *({"aggravating": {g}} for g in Aggravating)]
    yield "stage", [{"stage": s} for s in Stage]
    yield "procedure", [{"procedure": p} for p in Procedure]
    yield "aggregate", [{"aggregate": g} for g in Aggregate]
    days = sorted({d for d in (inc.act_date, _plus(inc.act_date, 20), _plus(inc.act_date, 45),
                               _plus(inc.act_date, 100), _plus(inc.act_date, 200), _plus(inc.act_date, 400), decided)
                   if d <= decided})
    yield "proceedings_date", [{"proceedings_date": d} for d in days]
    yield "referred_on", [{"referred_on": d} for d in days]
    yield "evaded", [{"evaded_from": d, "evaded_until": e} for d in days for e in (d, decided) if e >= d]


def key(a: Assessment) -> dict[str, Any]:
    return {"outcome": a.outcome.value, "governing": str(a.governing.ref) if a.governing else None,
            "statutory": tuple(s.sanction.describe() + f" [{s.minimum}..{s.maximum}]" for s in a.statutory)}


def sentences(a: Assessment) -> list[tuple[str, Any]]:
    """A few sentences to check: each statutory alternative's maximum, its minimum, and half as much
    again as its maximum (above it unless a fact moves the bound)."""
    found = []
    for s in a.statutory[:3]:
        for q in (s.maximum, s.minimum, _half_again(s.maximum)):
            if q is not None and q.magnitude:
                found.append((s.sanction.kind.value, q))
    return found[:6]


def _half_again(q: Any) -> Any:
    return None if q is None else ureg.Quantity(int(q.magnitude) * 3 // 2, q.units)


def base_incidents(rng: random.Random, n: int) -> Iterator[tuple[Incident, dt.date]]:
    days = list(act_days())
    acts = sorted({d2 for d in days for d2 in (d, _plus(d, -1)) if dt.date(1998, 1, 1) <= d2 <= dt.date(2026, 12, 1)}
                  | {dt.date(y, 6, 15) for y in range(1998, 2027)})
    made = 0
    while made < n:
        conduct = rng.choice(list(Conduct))
        channel = rng.choice([None, *Channel])
        target = rng.choice(TARGETS)
        offender = rng.choice(OFFENDERS)
        act = rng.choice(acts)
        decided = _plus(act, rng.choice(DECISION_STEPS))
        extra: dict[str, Any] = {}
        if conduct is Conduct.INCITEMENT_OF_DISCORD:
            extra["discord"] = rng.sample(["social", "national", "clan", "racial", "class", "religious"], 1)
        try:
            inc = Incident(act_date=act, conduct=conduct, channel=channel, target=Target(target), offender=offender,
                           **extra)
        except LawError:
            continue
        made += 1
        yield inc, decided


def sweep(n: int, seed: int) -> collections.Counter[tuple[str, str]]:
    rng = random.Random(seed)
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    assessed = 0
    with open("/tmp/sweep_flags.jsonl", "w", encoding="utf-8") as out:
        for inc, decided in base_incidents(rng, n):
            try:
                base = assess(inc, decided)
                open_ = set(base.depends_on)
            except LawError:
                continue
            base_key = key(base)
            try:
                checks = [(k, q, base.check(k, q)) for k, q in sentences(base)] if base.governing else []
            except RecursionError:
                counts[("crash", "check")] += 1
                out.write(json.dumps({"kind": "crash", "field": "check", "incident": inc.to_dict(),
                                      "decided": decided.isoformat(),
                                      "sentences": [f"{k} {q}" for k, q in sentences(base)]}, default=str) + "\n")
                checks = []
            for field, changes in variants(inc, decided):
                stated = []
                for change in changes:
                    try:
                        stated.append((change, assess(inc.varied(**change), decided)))
                    except LawError:
                        continue
                assessed += len(stated) + 1
                if not stated:
                    continue
                named = bool(open_ & EQUIVALENT.get(field, frozenset({field})))
                for what in ("outcome", "governing", "statutory"):
                    seen = {repr(key(a)[what]) for _, a in stated}
                    if len(seen) > 1 and not named:
                        counts[(what, field)] += 1
                        out.write(json.dumps({"kind": what, "field": field, "incident": inc.to_dict(),
                                              "decided": decided.isoformat(), "depends_on": sorted(open_),
                                              "unstated": repr(base_key[what]),
                                              "stated": {json.dumps(c, default=str): repr(key(a)[what])
                                                         for c, a in stated}}, default=str) + "\n")
                        break
                for kind, q, check in checks:
                    if not check.certain:
                        continue
                    verdicts = {}
                    for change, a in stated:
                        try:
                            verdicts[json.dumps(change, default=str)] = a.check(kind, q).verdict
                        except (LawError, RecursionError):
                            continue
                    if len(set(verdicts.values()) | {check.verdict}) > 1:
                        counts[("check", field)] += 1
                        out.write(json.dumps({"kind": "check", "field": field, "incident": inc.to_dict(),
                                              "decided": decided.isoformat(), "sentence": f"{kind} {q}",
                                              "unstated": check.verdict, "stated": verdicts}, default=str) + "\n")
                        break
    print(f"{n} incidents, {assessed} assessments")
    return counts


if __name__ == "__main__":
    found = sweep(int(sys.argv[1]) if len(sys.argv) > 1 else 300, int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    for (kind, field), count in sorted(found.items()):
        print(f"{kind:10} {field:28} {count}")
