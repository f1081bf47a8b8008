"""A sweep for answers that break an invariant of the law whatever the facts.

Not a pytest module (slow): run ``PYTHONPATH=. python tests/sweep_invariants.py [N] [SEED]``.

It generates incidents over every conduct, channel, target, offender kind and allegation of the
vocabulary (each value drawn in turn, the other fields at random), with act dates on, the day
before and the day after every change day of the law's index (:func:`kzspeechlaw.law.timeline.
timeline`), decided on such days after the act and a few far later, and checks:

- ``in_force``: the governing version is in force on the act date or, for a milder later law,
  starts after it and on or before the decision date;
- ``elements``: the facts meet the governing version's elements on a day it is in force (or it is
  a match that a stated fact leaves undecided);
- ``mci``: the MCI date is the law's (CC 2014 Arts. 41(1), 42(1): the offence date; AOC 2014 Art.
  44(1): the day the case was opened, else the act date assumed; CC 1997 Art. 40(1): the
  sentence, the decision date) and each tenge bound is the MCI bound times that day's MCI; no
  tenge figure where no MCI is known;
- ``range``: each bound within the article's sanction and the general part's limits for the kind,
  minimum at most maximum, the imposable range inside the statutory one; no ``liable`` without a sanction;
- ``category``: the category of a criminal part by its sanction (CC 2014 Arts. 10(3), 11; CC 1997
  Art. 10);
- ``limitation``: the expiry is the act date plus the period in calendar terms (no evasion or
  referral stated), ``time_barred`` only after it, ``liable`` only before it or with no period;
- ``decriminalised``: no part in force on the decision date that already covered the facts on the
  act date covers them;
- ``no_provision``: no stated value of an unstated fact (channel, allegation, link, knowing
  falsity) makes the act punishable;
- ``later``: a later decision date in the same interval of the index, on the same side of the
  limitation expiry, gives the same governing part, sanctions and outcome;
- ``export``: the JSON form and, for a sample, the command line's ``--json`` and a one-row batch
  register's brief record say what the API says;
- ``sequence``: a later decision never makes the position worse (a repeal, an expired period, an
  amnesty is not undone; the governing law is never more severe: CC 2014 Art. 6(3));
- ``unfinished``: an attempt or a preparation the part leaves unpunished (CC 2014 Art. 24(2), (4))
  keeps the open facts of the completed act (moot ones stay flagged: review by varying them);
- ``sentence``: a sentence above the article's maximum is never certainly within; the imposable
  maximum is within (or below the minimum as allowed) where the check is certain;
- ``period``: the limitation period is never longer than the governing category's under the rule of
  the act or of the decision date;
- ``offender``: a business's answer as a natural person (an individual entrepreneur) differs and
  ``offender`` is not named (the library names it only where the natural person is liable: a flag
  where both give no sentence is by design);
- ``amnestied``, ``lenient``, ``opened``, ``roundtrip``: an amnesty releases only from its entry into
  force; a later version governs only if not more severe; an administrative fine's MCI turning on
  the unstated opening day is named (AOC 2014 Art. 44(1)); the incident's JSON round trip.

``DECISIONS`` (environment, default 5) sets how many decision dates each incident gets.

Prints a count per kind and writes every flag as a JSON line to ``/tmp/invariant_flags.jsonl``.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import io
import itertools
import json
import os
import random
import sys
import warnings
from collections.abc import Iterator
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from kzspeechlaw.errors import LawError, OutOfCoverage
from kzspeechlaw.law import general_part
from kzspeechlaw.law.facts import Allegation, Channel, Circumstance, Conduct, Discord, Offender, Target
from kzspeechlaw.law.model import Category, Penalty, Regime
from kzspeechlaw.law.monthly_index import changes, mci_value
from kzspeechlaw.law.timeline import timeline
from kzspeechlaw.reasoning import amnesty, leniency
from kzspeechlaw.reasoning.assessment import Assessment, assess
from kzspeechlaw.reasoning.classification import classify
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.reasoning.results import Outcome
from kzspeechlaw.reasoning.sentencing import Aggravating, Aggregate, Mitigating, Procedure, Stage
from kzspeechlaw.registers import batch
from kzspeechlaw.registers.reading import read_register
from kzspeechlaw.registers.records import brief_dict
from kzspeechlaw.units import unit_name

warnings.simplefilter("ignore")

FIRST, LAST = dt.date(1998, 1, 1), dt.date(2027, 1, 2)
LATER = (relativedelta(years=10), relativedelta(years=20), relativedelta(years=40))
FLAGS: collections.Counter[str] = collections.Counter()
RAN: collections.Counter[str] = collections.Counter()
"""How many assessments each invariant weighed (not vacuously)."""
OUT: Any = None


def flag(kind: str, a: Assessment, **detail: Any) -> None:
    FLAGS[kind] += 1
    OUT.write(json.dumps({"kind": kind, "incident": a.incident.to_dict(), "decided": a.decided_on.isoformat(),
                          "outcome": a.outcome.value,
                          "governing": str(a.governing.ref) if a.governing else None, **detail},
                         default=str, ensure_ascii=False) + "\n")


def days() -> list[dt.date]:
    around = {d + dt.timedelta(days=k) for d in timeline().days for k in (-1, 0, 1)}
    return sorted(d for d in around if FIRST <= d <= LAST)


PERSONS = (Target.PERSON, Target.OFFICIAL, Target.AUTHORITY_REPRESENTATIVE, Target.JUDGE, Target.PRESIDENT,
           Target.FIRST_PRESIDENT, Target.DEPUTY, Target.JOURNALIST, Target.PUBLIC, Target.STATE)


def incidents(rng: random.Random, n: int) -> Iterator[Incident]:
    """``n`` incidents; each vocabulary value comes in turn (cycled), the other fields at random."""
    pools: dict[str, list[Any]] = {"conduct": list(Conduct), "channel": [None, *Channel], "target": list(Target),
                                   "offender": list(Offender), "allegation": [None, *Allegation]}
    acts = days()
    made = 0
    i = 0
    while made < n:
        i += 1
        pick = {k: (v[i % len(v)] if (i // 7) % 5 == list(pools).index(k) else rng.choice(v)) for k, v in pools.items()}
        if rng.random() < 0.5:
            pick["target"] = rng.choice(PERSONS)
        if rng.random() < 0.4:
            pick["offender"] = Offender.NATURAL_PERSON
        if pick["conduct"] is not Conduct.SLANDER:
            pick["allegation"] = None
        extra: dict[str, Any] = {}
        if pick["conduct"] is Conduct.INCITEMENT_OF_DISCORD or rng.random() < 0.05:
            extra["discord"] = rng.sample(list(Discord), rng.choice((1, 1, 2)))
        if rng.random() < 0.3:
            extra["circumstances"] = rng.sample(list(Circumstance), rng.choice((1, 1, 2)))
        for name in ("in_connection_with_duties", "knowing_and_dangerous"):
            extra[name] = rng.choice((None, None, True, False))
        if rng.random() < 0.3:
            extra[rng.choice(("mitigating", "aggravating"))] = rng.choice((True, False))
        elif rng.random() < 0.2:
            extra["mitigating"] = rng.sample(list(Mitigating), rng.choice((1, 2)))
        if rng.random() < 0.1:
            extra["aggravating"] = rng.sample(list(Aggravating), 1)
        if rng.random() < 0.2:
            extra["stage"] = rng.choice(list(Stage))
        if rng.random() < 0.2:
            extra["procedure"] = rng.choice(list(Procedure))
        if rng.random() < 0.1:
            extra["aggregate"] = rng.choice(list(Aggregate))
        act = rng.choice(acts)
        if rng.random() < 0.3:
            extra["proceedings_date"] = act + dt.timedelta(days=rng.choice((0, 5, 40, 200, 400)))
        if rng.random() < 0.1:
            extra["referred_on"] = act + dt.timedelta(days=rng.choice((10, 50, 70, 300)))
        if rng.random() < 0.1:
            extra["evaded_from"] = act + dt.timedelta(days=rng.choice((30, 400)))
        try:
            inc = Incident(act_date=act, **pick, **extra)
        except LawError:
            continue
        made += 1
        yield inc


def decisions(rng: random.Random, inc: Incident, k: int) -> list[dt.date]:
    act = max(d for d in (inc.act_date, inc.proceedings_date, inc.referred_on, inc.evaded_from) if d is not None)
    later = [d for d in days() if d >= act]
    chosen = {act, *rng.sample(later, min(k, len(later))), *(act + rng.choice(LATER) for _ in range(1))}
    return sorted(chosen)


# --- the invariants -------------------------------------------------------------------------------

def check_in_force(a: Assessment) -> None:
    g = a.governing
    if g is None:
        return
    act = a.incident.act_date
    if g.in_force_on(act):
        day = act
    elif act < g.valid_from <= a.decided_on:
        day = g.valid_from
    else:
        flag("in_force", a, valid_from=g.valid_from, valid_to=g.valid_to)
        return
    try:
        found = classify(a.incident, on=day)
    except LawError:
        found = ()
    RAN["elements"] += 1
    if not any(m.provision.ref == g.ref or str(g.ref) in {str(r) for r, _ in m.set_aside} for m in found):
        flag("elements", a, day=day, matches=[str(m.provision.ref) for m in found])


def expected_mci_day(a: Assessment) -> dt.date:
    g = a.governing
    assert g is not None
    if g.ref.code == "CC1997":
        return a.decided_on
    if g.regime is Regime.CRIMINAL:
        return a.incident.act_date
    return a.incident.proceedings_date or a.incident.act_date


def check_mci(a: Assessment) -> None:
    g = a.governing
    if g is None:
        return
    day = expected_mci_day(a)
    if any(s.maximum is not None and unit_name(s.maximum) == "MCI" for s in a.statutory) and a.mci_date != day:
        flag("mci", a, why="mci_date", got=a.mci_date, expected=day)
        return
    RAN["mci"] += 1
    try:
        value = mci_value(day).kzt
    except OutOfCoverage:
        value = None
    for s in a.statutory:
        for q, kzt in ((s.minimum, s.minimum_kzt), (s.maximum, s.maximum_kzt)):
            if q is None or unit_name(q) != "MCI":
                if kzt is not None:
                    flag("mci", a, why="tenge without MCI bound", sanction=s.describe())
                continue
            if value is None:
                if kzt is not None:
                    flag("mci", a, why="tenge where no MCI is known", sanction=s.describe(), day=day)
            elif kzt is None or abs(float(kzt.magnitude) - float(q.magnitude) * value) > 0.5:
                flag("mci", a, why="tenge", sanction=s.describe(), day=day, mci=value, got=kzt)


def _months(q: Any) -> float:
    return float(q.to("month").magnitude) if unit_name(q) in ("year", "month") else float(q.magnitude)


def _le(x: Any, y: Any) -> bool:
    if unit_name(x) in ("year", "month") and unit_name(y) in ("year", "month"):
        return _months(x) <= _months(y) + 1e-9
    if unit_name(x) != unit_name(y):
        return True  # not comparable (another measure)
    return float(x.magnitude) <= float(y.magnitude) + 1e-9


def check_range(a: Assessment) -> None:
    g = a.governing
    if g is None:
        return
    gday = a.general_day or a.incident.act_date
    RAN["range"] += 1
    if a.outcome is Outcome.LIABLE and not a.sanctions:
        flag("range", a, why="liable with no sanction")
    for s in a.sanctions:
        st = s.sanction
        if s.minimum is not None and s.maximum is not None and not _le(s.minimum, s.maximum):
            flag("range", a, why="min > max", sanction=s.describe())
        if st.maximum is not None and s.maximum is not None and not _le(s.maximum, st.maximum):
            flag("range", a, why="above the article", sanction=s.describe())
        if st.minimum is not None and s.minimum is not None and not _le(st.minimum, s.minimum):
            flag("range", a, why="below the article's minimum", sanction=s.describe())
        if s.imposable_maximum is not None and s.maximum is not None and not _le(s.imposable_maximum, s.maximum):
            flag("range", a, why="imposable above the statutory", sanction=s.describe(),
                 imposable=str(s.imposable_maximum), rules=s.imposable_rules)
        if (s.imposable_minimum is not None and s.imposable_maximum is not None
                and not _le(s.imposable_minimum, s.imposable_maximum) and _le(s.imposable_maximum, s.minimum)):
            pass  # a cap below the article's minimum: how the Code resolves it is not modelled, and a check
            # of a sentence there is not certain (documented in Assessment.check)
        elif (s.imposable_minimum is not None and s.imposable_maximum is not None
                and not _le(s.imposable_minimum, s.imposable_maximum)):
            flag("range", a, why="imposable min > max", sanction=s.describe(), low=str(s.imposable_minimum),
                 high=str(s.imposable_maximum), rules=s.imposable_rules)
        if g.regime is Regime.CRIMINAL:
            applies = [g.category.value, "criminal_misdemeanour" if g.category is Category.CRIMINAL_MISDEMEANOUR
                       else "crime", "any"]
            rule = next((r for k in applies if (r := general_part.find("limit", g.ref.code, st.kind.value, k,
                                                                        on=gday)) is not None), None)
            if rule is not None and rule.maximum is not None and s.maximum is not None and st.minimum is None \
                    and not _le(s.maximum, rule.maximum):
                flag("range", a, why="above the general part", sanction=s.describe(), limit=str(rule.maximum))
            if rule is not None and rule.minimum is not None and st.minimum is None and s.minimum is not None \
                    and st.maximum is not None and unit_name(rule.minimum) == unit_name(st.maximum):
                want = rule.minimum if _le(rule.minimum, st.maximum) else st.maximum
                if abs(_months(want) - _months(s.minimum)) > 1e-9:
                    flag("range", a, why="floor", sanction=s.describe(), floor=str(want), day=gday)
        if g.regime is Regime.ADMINISTRATIVE and st.kind is Penalty.ARREST and s.maximum is not None \
                and not _le(s.maximum, 45 * s.maximum.units / s.maximum.units * s.maximum.to("day").units):
            flag("range", a, why="arrest above AOC 50(1)", sanction=s.describe())
        if g.regime is Regime.ADMINISTRATIVE and st.kind is Penalty.FINE and s.available and not s.barred \
                and Mitigating.MINOR in (a.incident.mitigating if isinstance(a.incident.mitigating, frozenset) else ()) \
                and s.imposable_maximum is not None and unit_name(s.imposable_maximum) == "MCI" \
                and s.imposable_maximum.magnitude > 10:
            flag("range", a, why="minor's fine above AOC 66(1)", sanction=s.describe(), high=str(s.imposable_maximum))
        if g.regime is Regime.ADMINISTRATIVE and st.kind is Penalty.FINE and s.maximum is not None \
                and unit_name(s.maximum) == "MCI":
            subject = st.subject.value if st.subject else "natural_person"
            rule = general_part.find("limit", "AOC2014", "fine", subject, on=gday)
            if rule is not None and rule.maximum is not None and not _le(s.maximum, rule.maximum):
                flag("range", a, why="above AOC 44(2)", sanction=s.describe(), limit=str(rule.maximum))


def expected_category(a: Assessment) -> Category | None:
    g = a.governing
    if g is None or g.regime is not Regime.CRIMINAL:
        return None
    every = [*g.sanctions]
    prison = [s.maximum for s in every if s.kind is Penalty.IMPRISONMENT and s.maximum is not None]
    if prison:
        top = max(_months(q) for q in prison)
        return (Category.SMALL_GRAVITY if top <= 24 else Category.MEDIUM_GRAVITY if top <= 60
                else Category.GRAVE if top <= 144 else Category.ESPECIALLY_GRAVE)
    if any(s.kind is Penalty.LIFE_IMPRISONMENT for s in every) if hasattr(Penalty, "LIFE_IMPRISONMENT") else False:
        return Category.ESPECIALLY_GRAVE
    if g.ref.code == "CC1997" or any(s.kind is Penalty.RESTRICTION_OF_FREEDOM for s in every):
        return Category.SMALL_GRAVITY
    return Category.CRIMINAL_MISDEMEANOUR


def check_category(a: Assessment) -> None:
    want = expected_category(a)
    if a.governing is not None and a.governing.regime is Regime.ADMINISTRATIVE:
        want = Category.ADMINISTRATIVE_OFFENCE
    if want is not None:
        RAN["category"] += 1
    if want is not None and a.category is not want:
        flag("category", a, got=a.category, expected=want)


def check_limitation(a: Assessment) -> None:
    lim = a.limitation
    inc = a.incident
    if lim is None:
        if a.outcome in (Outcome.TIME_BARRED, Outcome.TIME_BARRED_UNLESS_STOPPED):
            flag("limitation", a, why="barred without a period")
        return
    RAN["limitation"] += 1
    if lim.period is not None and lim.expires is not None and inc.evaded_from is None and inc.referred_on is None \
            and lim.status in ("running", "expired"):
        unit = unit_name(lim.period)
        term = relativedelta(years=int(lim.period.magnitude)) if unit == "year" else relativedelta(
            months=int(lim.period.magnitude))
        if inc.act_date + term != lim.expires:
            flag("limitation", a, why="expiry", period=str(lim.period), expires=lim.expires)
    if a.outcome is Outcome.TIME_BARRED and inc.referred_on is not None and lim.expires is not None \
            and a.governing is not None and a.governing.regime is Regime.ADMINISTRATIVE \
            and inc.act_date <= inc.referred_on < lim.expires:
        flag("limitation", a, why="time_barred though referred within the period", expires=lim.expires)
    if a.outcome is Outcome.TIME_BARRED and inc.evaded_from is not None and lim.expires is not None \
            and inc.evaded_from < lim.expires and inc.evaded_until is None \
            and a.governing is not None and a.governing.category is not Category.CRIMINAL_MISDEMEANOUR:
        RAN["evaded_barred"] += 1
    if a.outcome is Outcome.TIME_BARRED and (lim.expires is None or a.decided_on <= lim.expires):
        flag("limitation", a, why="time_barred before the expiry", expires=lim.expires)
    if a.outcome is Outcome.LIABLE and lim.expires is not None and lim.status != "suspended" \
            and a.decided_on >= lim.expires:
        flag("limitation", a, why="liable after the expiry", expires=lim.expires, status=lim.status)
    if lim.expired != (lim.expires is not None and a.decided_on > lim.expires) and lim.status != "suspended" \
            and not lim.last_day:
        flag("limitation", a, why="expired flag", expires=lim.expires, expired=lim.expired)


def check_period(a: Assessment) -> None:
    """The period is never longer than the governing part's category gives under the rule of the act date
    or of the decision date (a milder later rule reaches the act, CC 2014 Art. 6(1))."""
    g, lim = a.governing, a.limitation
    if g is None or lim is None or lim.period is None or g.extremist or g.regime is not Regime.CRIMINAL:
        return
    if g.ref.code != "CC2014":
        return
    RAN["period"] += 1
    for day in (a.incident.act_date, a.decided_on):
        rule = (general_part.find("limitation", g.ref.code, str(g.ref.article_ref), on=day)
                or general_part.find("limitation", g.ref.code, g.category.value, on=day))
        if rule is None or rule.period is None:
            continue
        want = rule.period
        if a.incident.mitigating is not None and isinstance(a.incident.mitigating, frozenset) \
                and Mitigating.MINOR in a.incident.mitigating:
            want = want / 2
        if not _le(lim.period, want):
            flag("period", a, period=str(lim.period), limit=str(want), day=day, category=g.category)
            return


def check_offender(a: Assessment) -> None:
    """A business the facts do not say is an individual entrepreneur: where a natural person's answer
    differs, depends_on names the offender (Entrepreneurial Code Art. 24)."""
    if a.incident.offender not in (Offender.SMALL_BUSINESS, Offender.MEDIUM_BUSINESS, Offender.LARGE_BUSINESS):
        return
    RAN["offender"] += 1
    b = assess(a.incident.varied(offender=Offender.NATURAL_PERSON), a.decided_on)
    if b.outcome is not a.outcome and "offender" not in a.depends_on:
        flag("offender", a, natural_person=b.outcome.value, depends_on=a.depends_on)


def check_decriminalised(a: Assessment) -> None:
    if a.outcome is not Outcome.DECRIMINALISED:
        return
    try:
        now = classify(a.incident, on=a.decided_on)
        at_act = classify(a.incident)
    except LawError:
        return
    then = {str(m.provision.ref) for m in at_act} | {str(r) for m in at_act for r, _ in m.set_aside}
    RAN["decriminalised"] += 1
    both = [str(m.provision.ref) for m in now if str(m.provision.ref) in then]
    if both and not a.depends_on:
        flag("decriminalised", a, still=both)
    elif now:
        flag("decriminalised_new", a, now=[str(m.provision.ref) for m in now])


PUNISHED = (Outcome.LIABLE, Outcome.TIME_BARRED, Outcome.TIME_BARRED_UNLESS_STOPPED, Outcome.AMNESTIED,
            Outcome.DECRIMINALISED)


def check_no_provision(a: Assessment) -> None:
    if a.outcome not in (Outcome.NO_PROVISION, Outcome.DECRIMINALISED):
        return
    inc = a.incident
    variants: list[dict[str, Any]] = []
    if inc.channel is None:
        variants += [{"channel": c} for c in Channel]
    if inc.conduct is Conduct.SLANDER and inc.allegation is None:
        variants += [{"allegation": x} for x in Allegation]
    for name in ("in_connection_with_duties", "knowing_and_dangerous"):
        if getattr(inc, name) is None:
            variants += [{name: True}, {name: False}]
    RAN[a.outcome.value] += 1
    for change in variants:
        try:
            b = assess(inc.varied(**change), a.decided_on)
        except LawError:
            continue
        if b.outcome is not a.outcome and b.outcome in (Outcome.LIABLE, Outcome.AMNESTIED, Outcome.TIME_BARRED,
                                                         Outcome.TIME_BARRED_UNLESS_STOPPED) \
                and not a.depends_on:
            flag(a.outcome.value, a, change=change, other=b.outcome.value, other_governing=str(b.governing and
                                                                                               b.governing.ref))
            return


def key(a: Assessment) -> tuple[Any, ...]:
    return (a.outcome.value, str(a.governing.ref) if a.governing else None,
            a.governing.valid_from if a.governing else None,
            tuple(s.describe() for s in a.statutory), a.category)


def check_later(a: Assessment) -> None:
    t = timeline()
    nxt = t.between(a.decided_on, dt.date(2100, 1, 1))
    end = (nxt[0] if nxt else dt.date(2099, 12, 31)) - dt.timedelta(days=1)
    if end <= a.decided_on:
        return
    later = min(end, a.decided_on + dt.timedelta(days=45))
    lim = a.limitation
    if lim is not None and lim.expires is not None and a.decided_on <= lim.expires <= later:
        return
    if a.incident.proceedings_date is None and a.governing is not None and a.governing.regime is Regime.ADMINISTRATIVE:
        pass
    try:
        b = assess(a.incident, later)
    except LawError:
        return
    RAN["later"] += 1
    if key(a) != key(b) and a.governing is not None and b.governing is not None and \
            a.governing.valid_from != b.governing.valid_from:
        flag("later_version", a, later=later, then=key(a), now=key(b))
    elif key(a) != key(b) and not set(b.depends_on) & {"in_force", "amnesty"} and \
            not set(a.depends_on) & {"in_force", "amnesty"}:
        flag("later", a, later=later, then=key(a), now=key(b))


def check_export(a: Assessment, deep: bool) -> None:
    d = a.to_dict()
    RAN["export" if not deep else "export_deep"] += 1
    if d["outcome"] != a.outcome.value or d["governing"] != (str(a.governing.ref) if a.governing else None) or \
            d["depends_on"] != list(a.depends_on) or d["category"] != (a.category.value if a.category else None):
        flag("export", a, why="to_dict")
    if not deep:
        return
    from kzspeechlaw.cli.commands import main
    path = "/tmp/sweep_inv_incident.json"
    with open(path, "w", encoding="utf-8") as f:
        json.dump({**a.incident.to_dict(), "decided_on": a.decided_on.isoformat()}, f)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["assess", "--file", path, "--json"])
    try:
        cli = json.loads(out.getvalue()) if code == 0 else None
    except ValueError:
        cli = None
    if cli is None:
        flag("export", a, why="cli failed", code=code)
    else:
        for field in ("outcome", "governing", "depends_on", "category", "mci_date", "sanctions", "limitation"):
            if cli.get(field) != json.loads(json.dumps(d[field], default=str)):
                flag("export", a, why=f"cli {field}", cli=cli.get(field), api=d[field])
                break
    row = {k: v for k, v in a.incident.to_dict().items() if v not in (None, [], "")}
    text = json.dumps({**row, "decided_on": a.decided_on.isoformat()}, default=str) + "\n"
    records = [r for c in batch.run(read_register(io.StringIO(text), "jsonl"), None) for r in c.records]
    want = json.loads(json.dumps(brief_dict(a), default=str))
    got = json.loads(records[0]) if records else None
    if got is None or any(got.get(k) != v for k, v in want.items()):
        flag("export", a, why="batch", batch=got, api=want)


def check_opened(a: Assessment) -> None:
    """AOC 2014 Art. 44(1): where the day the case was opened is not given and the MCI changes after the
    act, by the decision (or the referral), the tenge amounts turn on it: ``proceedings_date`` is named."""
    g = a.governing
    inc = a.incident
    if g is None or g.regime is not Regime.ADMINISTRATIVE or inc.proceedings_date is not None:
        return
    if not any(s.maximum is not None and unit_name(s.maximum) == "MCI" for s in a.statutory):
        return
    RAN["opened"] += 1
    last = min(a.decided_on, inc.referred_on) if inc.referred_on else a.decided_on
    if changes(inc.act_date, last) and "proceedings_date" not in a.depends_on and a.outcome is Outcome.LIABLE:
        flag("opened", a, changes=changes(inc.act_date, last), depends_on=a.depends_on)


def check_amnestied(a: Assessment) -> None:
    if a.outcome is not Outcome.AMNESTIED:
        return
    RAN["amnestied"] += 1
    g = a.governing
    if g is None:
        flag("amnestied", a, why="no governing part")
        return
    found = amnesty.findings(g, a.incident.act_date, a.decided_on, amnesty.facts_of(a.incident),
                             committed=amnesty.committed_part(a.matches, g))
    released = [f for f in found if f.status is amnesty.Status.RELEASED]
    if not released:
        flag("amnestied", a, why="no release", found=[(f.amnesty.id, f.status.value) for f in found])
    for f in released:
        if not f.amnesty.in_force <= a.decided_on or not a.incident.act_date < f.amnesty.in_force:
            flag("amnestied", a, why="dates", law=f.amnesty.id, in_force=f.amnesty.in_force)


def check_lenient(a: Assessment) -> None:
    """A later version governs only as the milder law (CC 2014 Art. 6(1); AOC 2014 Art. 5(1))."""
    g = a.governing
    if g is None or not a.matches or g.in_force_on(a.incident.act_date):
        return
    first = a.matches[0].provision
    if first.ref != g.ref:
        return
    RAN["lenient"] += 1
    subject = a.incident.offender.value
    try:
        verdict = leniency.compare(first.sanctions_for(subject), g.sanctions_for(subject), first.additional,
                                   g.additional)
    except LawError:
        return
    if verdict is leniency.Leniency.MORE_SEVERE:
        flag("lenient", a, act_version=first.valid_from, governing_version=g.valid_from)


def check_unfinished(a: Assessment) -> None:
    """An unfinished act the Code leaves unpunished (CC 2014 Art. 24(2), (4)) still names the open facts
    of the completed act that may move it into a category whose preparation or attempt is punished."""
    if a.incident.stage is None or a.governing is not None or not a.matches:
        return
    RAN["unfinished"] += 1
    done = assess(a.incident.varied(stage=None), a.decided_on)
    dropped = set(done.depends_on) - set(a.depends_on) - {"proceedings_date", "amnesty", "last_day", "referral",
                                                          "interruption", "age"}
    if dropped:
        flag("unfinished", a, dropped=sorted(dropped), completed=done.outcome.value,
             completed_governing=str(done.governing and done.governing.ref))


def check_sentences(a: Assessment) -> None:
    """A sentence above the article's maximum is never within the law (no aggregate of offences stated,
    CC 2014 Art. 58); the imposable maximum itself is, where the check is certain."""
    g = a.governing
    if g is None or a.outcome is not Outcome.LIABLE or a.incident.aggregate is not None:
        return
    for s in a.sanctions[:3]:
        if not s.available or s.maximum is None or s.sanction.maximum is None:
            continue
        RAN["sentences"] += 1
        above = s.sanction.maximum * 2
        try:
            c = a.check(s.kind, above)
        except LawError:
            continue
        if c.verdict == "within" and c.certain:
            flag("sentence", a, why="above the maximum is within", sentence=str(above), sanction=s.describe())
        if s.imposable_maximum is not None and not s.barred:
            try:
                c = a.check(s.kind, s.imposable_maximum)
            except LawError:
                continue
            if c.certain and c.verdict not in ("within", "below_minimum_allowed"):
                flag("sentence", a, why="the imposable maximum is not within", sentence=str(s.imposable_maximum),
                     verdict=c.verdict, reasons=c.reasons[:2], sanction=s.describe())


def check_roundtrip(a: Assessment) -> None:
    RAN["roundtrip"] += 1
    again = Incident.from_dict(json.loads(json.dumps(a.incident.to_dict(), default=str)))
    if again != a.incident:
        flag("roundtrip", a, why="incident")
        return
    b = assess(again, a.decided_on)
    if b.to_dict() != a.to_dict():
        flag("roundtrip", a, why="assessment")


CHECKS = (check_period, check_offender, check_sentences, check_unfinished, check_opened, check_amnestied, check_lenient, check_in_force, check_mci, check_range, check_category, check_limitation, check_decriminalised,
          check_no_provision, check_later)


def _bounded(a: Assessment) -> list[Any]:
    return [attrs.evolve(x.sanction, minimum=x.minimum, maximum=x.maximum) for x in a.statutory]


LIFTED = (Outcome.DECRIMINALISED, Outcome.TIME_BARRED, Outcome.AMNESTIED)


def check_sequence(seen: list[Assessment]) -> None:
    """A later decision date never makes the position worse: a repeal, an expired period or an amnesty
    is not undone (CC 2014 Art. 6(3): a law establishing liability or making it heavier is not
    retroactive), and the governing law of a later decision is never more severe."""
    for a, b in itertools.pairwise(seen):
        RAN["sequence"] += 1
        if a.outcome in LIFTED and b.outcome is Outcome.LIABLE and not (set(a.depends_on) | set(b.depends_on)):
            flag("sequence", a, why="liable again", later=b.decided_on, now=b.outcome.value,
                 now_governing=str(b.governing and b.governing.ref))
        elif a.governing is not None and b.governing is not None and a.governing != b.governing:
            try:
                verdict = leniency.compare(_bounded(a), _bounded(b), a.governing.additional, b.governing.additional)
            except LawError:
                continue
            if verdict is leniency.Leniency.MORE_SEVERE:
                flag("sequence", a, why="more severe later", later=b.decided_on, then=[x.describe() for x in a.statutory],
                     now=[x.describe() for x in b.statutory], now_governing=str(b.governing.ref),
                     now_from=b.governing.valid_from)


def sweep(n: int, seed: int) -> None:
    global OUT
    rng = random.Random(seed)
    assessed = 0
    with open("/tmp/invariant_flags.jsonl", "w", encoding="utf-8") as OUT:
        for i, inc in enumerate(incidents(rng, n)):
            seen: list[Assessment] = []
            for decided in decisions(rng, inc, int(os.environ.get("DECISIONS", "5"))):
                try:
                    a = assess(inc, decided)
                except LawError:
                    continue
                assessed += 1
                RAN["outcome " + a.outcome.value] += 1
                seen.append(a)
                for check in CHECKS:
                    try:
                        check(a)
                    except Exception as error:
                        flag("crash", a, check=check.__name__, error=repr(error))
                try:
                    if i % 10 == 0:
                        check_roundtrip(a)
                    check_export(a, deep=i % 40 == 0)
                except Exception as error:
                    flag("crash", a, check="export", error=repr(error))
            try:
                check_sequence(seen)
            except Exception as error:
                flag("crash", seen[0], check="sequence", error=repr(error))
    print(f"{n} incidents, {assessed} assessments")


if __name__ == "__main__":
    sweep(int(sys.argv[1]) if len(sys.argv) > 1 else 500, int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    for kind, count in sorted(RAN.items()):
        print(f"weighed {kind:18} {count}")
    for kind, count in sorted(FLAGS.items()):
        print(f"{kind:18} {count}")
