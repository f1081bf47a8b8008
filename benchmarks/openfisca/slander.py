"""Fine range, in tenge, for each row of a register of slander incidents: an OpenFisca model.

The speed comparison of ``benchmarks/bench.py --openfisca PYTHON`` (a Python with ``openfisca-core``
installed). Usage:

    PYTHON benchmarks/openfisca/slander.py REGISTER.csv --parameters DIR [--out FILE.csv]

DIR holds the parameters ``benchmarks/openfisca/parameters.py`` writes from kzspeechlaw's data.

REGISTER.csv has the header id,act_date,conduct,channel,target,allegation,discord,circumstances,
decided_on. Rows that are malformed (act_date not a real YYYY-MM-DD date, conduct other than
'slander', a channel outside kzspeechlaw's vocabulary) are dropped and counted.

The model: the fine is set by the provision on slander made publicly, in the mass media or in a
telecom network that is in force on the act date (CC 1997 Art. 129(2), then CC 2014 Art. 130(2) with
the general part's minimum fine for a crime, then AOC 2014 Art. 73-3(2) on a natural person), counted
in the MCI in force on the act date; the amounts and dates, and the days the formulas change, are
kzspeechlaw's data's.
The parameters are dated; the variables are DAY variables with dated formulas. The rows are split
into groups over which no parameter changes (every date at which some parameter value changes
starts a group) and each group is one vectorised simulation, computed at the group's first day.

Target, allegation, discord, circumstances and decided_on are not used: the model knows no
aggravated part (e.g. CC 130(3) for an allegation of a grave crime), no lex mitior and no
limitation or amnesty. Only a total is printed, unless --out asks for one line per row (checks).
"""
import time

_T0 = time.perf_counter()

import argparse  # noqa: E402
import array  # noqa: E402
import bisect  # noqa: E402
import contextlib  # noqa: E402
import csv  # noqa: E402
import datetime  # noqa: E402

import numpy as np  # noqa: E402
from openfisca_core.entities import build_entity  # noqa: E402
from openfisca_core.indexed_enums import Enum, EnumArray  # noqa: E402
from openfisca_core.periods import DAY  # noqa: E402
from openfisca_core.periods import period as to_period  # noqa: E402
from openfisca_core.simulations import SimulationBuilder  # noqa: E402
from openfisca_core.taxbenefitsystems import TaxBenefitSystem  # noqa: E402
from openfisca_core.variables import Variable  # noqa: E402

# --- entity, variables ---------------------------------------------------------------------------

Incident = build_entity(
    key="incident", plural="incidents", label="Slander incident (one register row)", is_person=True)


class Channel(Enum):
    # kzspeechlaw's channel vocabulary, in its order
    private = "Private communication"
    public_speech = "Public speech"
    mass_media = "Mass media"
    telecom_network = "Telecommunication network"
    public_work = "Publicly shown work"


class channel(Variable):
    value_type = Enum
    possible_values = Channel
    default_value = Channel.private
    entity = Incident
    definition_period = DAY
    label = "How the slander was spread"


def _first_day(parameter):
    """The first day a loaded parameter gives a value (``YYYY-MM-DD``)."""
    return min(v.instant_str for v in parameter.values_list)


def _formula(day):
    return "formula_" + day.replace("-", "_")


def _in_part_2(provision, field):
    """The bound ``field`` of ``provision``'s fine where the slander is in part 2, else 0."""
    def formula(incidents, period, parameters):
        p = getattr(parameters(period).slander_public, provision)
        return np.where(incidents("public_or_media", period), getattr(p, field), 0)
    return formula


def _cc1997_channels(incidents, period, parameters):
    # CC 1997 Art. 129(2): "публично ... в публично демонстрирующемся произведении, в СМИ"
    ch = incidents("channel", period)
    return ((ch == Channel.public_speech) + (ch == Channel.public_work)
            + (ch == Channel.mass_media) + (ch == Channel.telecom_network))


def _later_channels(incidents, period, parameters):
    # CC 2014 Art. 130(2), AOC 2014 Art. 73-3(2): publicly, mass media, telecom networks
    ch = incidents("channel", period)
    return (ch == Channel.public_speech) + (ch == Channel.mass_media) + (ch == Channel.telecom_network)


def dated_variables(parameters):
    """The variables whose formulas change with the provision in force: each formula from the
    first day of its provision's parameters (the loaded ``parameters``: the data's dates, not
    written here)."""
    node = parameters.slander_public
    cc1997 = _first_day(node.cc1997_129_2.fine_max)
    cc2014 = _first_day(node.cc2014_130_2.fine_max)
    aoc = _first_day(node.aoc2014_73_3_2.fine)
    common = {"entity": Incident, "definition_period": DAY}
    public = type("public_or_media", (Variable,), {
        **common, "value_type": bool,
        "label": "Slander made publicly, in the mass media or a telecom network (part 2 of the article)",
        _formula(cc1997): _cc1997_channels, _formula(cc2014): _later_channels})
    bounds = []
    for name, field, label in (("fine_min_mci", "fine_min", "Lowest"), ("fine_max_mci", "fine_max", "Highest")):
        bounds.append(type(name, (Variable,), {
            **common, "value_type": int,
            "label": f"{label} fine of the provision in force on the act date (MCI); 0 where not part 2",
            _formula(cc1997): _in_part_2("cc1997_129_2", field), _formula(cc2014): _in_part_2("cc2014_130_2", field),
            _formula(aoc): _in_part_2("aoc2014_73_3_2", "fine")}))
    return (public, *bounds)


def _times_mci(variable):
    def formula(incidents, period, parameters):
        return incidents(variable, period) * parameters(period).mci
    return formula


def tenge_variables():
    """The fines in tenge: the MCI in force on the act date (the simulation's day) times the fines."""
    return tuple(type(f"fine_{bound}_kzt", (Variable,), {
        "value_type": float, "entity": Incident, "definition_period": DAY, "unit": "currency-KZT",
        "label": f"{label} fine in tenge (MCI in force on the act date)", "formula": _times_mci(f"fine_{bound}_mci")})
        for bound, label in (("min", "Lowest"), ("max", "Highest")))


class SlanderTaxBenefitSystem(TaxBenefitSystem):
    def __init__(self, parameters):
        super().__init__([Incident])
        self.load_parameters(parameters)  # first: the formulas' days are the parameters' (dated_variables)
        for v in (channel, *dated_variables(self.parameters), *tenge_variables()):
            self.add_variable(v)


# --- grouping ------------------------------------------------------------------------------------

def change_dates(node):
    """Every date at which some parameter of the node changes value."""
    out = set()
    for p in node.get_descendants():
        if hasattr(p, "values_list"):
            out.update(datetime.date.fromisoformat(v.instant_str) for v in p.values_list)
    return out


def group_starts(tbs):
    starts = change_dates(tbs.parameters)
    for v in tbs.variables.values():  # the start dates of dated formulas
        starts.update(datetime.date.fromisoformat(d) for d in v.formulas)
    return sorted(starts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("register")
    ap.add_argument("--parameters", required=True, help="the directory parameters.py wrote")
    ap.add_argument("--out", help="also write id,fine_min_kzt,fine_max_kzt per row (for checks)")
    args = ap.parse_args()

    tbs = SlanderTaxBenefitSystem(args.parameters)
    starts = group_starts(tbs)
    # acts before the first MCI value are outside the model (dropped with the malformed rows)
    first = min(datetime.date.fromisoformat(v.instant_str) for v in tbs.parameters.mci.values_list)
    starts = [d for d in starts if d >= first]
    t_model = time.perf_counter()

    codes = {c.name: c.index for c in Channel}
    groups = [array.array("h") for _ in starts]
    ids = [[] for _ in starts] if args.out else None
    date_group = {}  # act_date string -> group index, -1 where malformed
    dropped = 0
    with open(args.register, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        i_id, i_date, i_conduct, i_channel = (
            header.index(k) for k in ("id", "act_date", "conduct", "channel"))
        ncol = len(header)
        for row in reader:
            if len(row) != ncol:
                dropped += 1
                continue
            s = row[i_date]
            g = date_group.get(s)
            if g is None:
                try:
                    d = datetime.date.fromisoformat(s)
                    g = bisect.bisect_right(starts, d) - 1 if len(s) == 10 and d >= first else -1
                except ValueError:
                    g = -1
                date_group[s] = g
            c = codes.get(row[i_channel])
            if g < 0 or c is None or row[i_conduct] != "slander":
                dropped += 1
                continue
            groups[g].append(c)
            if ids is not None:
                ids[g].append(row[i_id])
    t_read = time.perf_counter()

    n_rows = n_groups = 0
    total_min = total_max = 0.0
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(args.out, "w", newline="", encoding="utf-8")) if args.out else None
        totals = _simulate(tbs, starts, groups, ids, out)
    t_end = time.perf_counter()

    n_rows, n_groups, total_min, total_max = totals
    print(f"rows computed: {n_rows} ({dropped} malformed rows dropped), {n_groups} simulations")
    print(f"checksum: sum fine_min_kzt = {total_min:.0f}, sum fine_max_kzt = {total_max:.0f}")
    print(f"elapsed: {t_end - _T0:.3f} s (imports + model {t_model - _T0:.3f} s, "
          f"read CSV {t_read - t_model:.3f} s, simulations {t_end - t_read:.3f} s)")


def _simulate(tbs, starts, groups, ids, out):
    """One simulation per group; each row's fines written to ``out`` (where given)."""
    n_rows = n_groups = 0
    total_min = total_max = 0.0
    if out:
        w = csv.writer(out)
        w.writerow(("id", "fine_min_kzt", "fine_max_kzt"))
    builder = SimulationBuilder()
    for g, start in enumerate(starts):
        n = len(groups[g])
        if not n:
            continue
        period = to_period(start.isoformat())  # a day: no parameter changes inside the group
        sim = builder.build_default_simulation(tbs, n)
        sim.set_input("channel", period, EnumArray(np.frombuffer(groups[g], dtype=np.int16), Channel))
        lo = sim.calculate("fine_min_kzt", period)
        hi = sim.calculate("fine_max_kzt", period)
        total_min += float(lo.sum())
        total_max += float(hi.sum())
        n_rows += n
        n_groups += 1
        if out:
            w.writerows(zip(ids[g], lo.astype(np.int64).tolist(), hi.astype(np.int64).tolist(), strict=True))
    return n_rows, n_groups, total_min, total_max


if __name__ == "__main__":
    main()
