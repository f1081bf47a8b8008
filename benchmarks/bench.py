"""Performance figures of kzspeechlaw, each with its ratio to its budget (a ratio <= 1 meets it).

    python benchmarks/bench.py            # the real figures, 1,000,000 rows through `batch`
    python benchmarks/bench.py --quick    # fewer runs and rows; the batch time is extrapolated
    python benchmarks/bench.py --only-batch --openfisca PYTHON   # and against OpenFisca (below)

Budgets:

- ``import kzspeechlaw`` <= 1.2 x ``import pint`` (import time inside fresh interpreters, median);
- ``kzspeechlaw show "CC2014 130(3)" --on 2019-09-23`` end to end <= 0.5 x ``python -c "import pint"``
  end to end, and ``kzspeechlaw --help`` <= 0.2 x (wall time of the subprocesses, median); the
  wall time of ``python -c "import kzspeechlaw"`` and of ``python -c "pass"`` are printed beside
  them as ratios to the same figure, unbudgeted. All start-up figures with bytecode cached (in a
  temporary directory), as after an ordinary installation, and with the compiled data cache in a
  temporary directory (built by the warm-up run; ``show`` without it is printed too, unbudgeted);
- ``provision()`` <= 5 us and ``assess()`` <= 50 us per call after warm-up (best of several
  repeats; ``assess`` averaged over a mix of incidents);
- 1,000,000 incidents through ``kzspeechlaw batch --workers 2`` <= 6 s, the register generated as
  CSV in a temporary directory, the records written to the null device: the first run, with no
  keys' answers kept, and the same register again, with those the first run kept in the (temporary)
  cache directory (each the median of three runs, the two taken in turn); ``--full`` (whole
  assessments, about 10 KB a row, none kept) <= 2 x the first run's time, measured in the same run. The
  peak resident memory of the largest process is printed beside each (``--rss-rows 5000000``
  also runs the default records over a longer register, to show that memory does not grow with
  it). The script also prints how well two processes run side by side on the machine, since a
  shared machine's "two cores" may not give twice the speed.

With ``--openfisca PYTHON`` (a Python with ``openfisca-core`` installed, e.g. a virtual environment
of its own: ``python -m venv /tmp/of && /tmp/of/bin/pip install openfisca-core``), the same batch
runs on a register of slander alone are compared with an OpenFisca model of its fine ranges
(``benchmarks/openfisca/``; it reads fewer facts: :func:`bench_openfisca`): ``batch`` <= the model
writing each row's fines, in the same run; the model computing the totals alone is printed
beside it, unbudgeted.

The first lines say how kzspeechlaw is installed (:func:`installed`): an editable install adds
the same start-up cost to ``import pint`` and to ``show``, which changes the start-up ratios.

Timings depend on the machine and on what else runs on it; the ratios are the point.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Sequence

IMPORT_BUDGET = 1.2
SHOW_BUDGET = 0.5
HELP_BUDGET = 0.2
PROVISION_BUDGET_US = 5.0
ASSESS_BUDGET_US = 50.0
BATCH_ROWS = 1_000_000
BATCH_BUDGET_S = 6.0
FULL_BUDGET = 2.0  # --full against the default records of the same run
BATCH_WORKERS = 2

SHOW = ["show", "CC2014 130(3)", "--on", "2019-09-23"]


def report(name: str, value: float, unit: str, budget: float, note: str = "", budgeted: bool = True) -> float:
    ratio = value / budget
    verdict = ("ok" if ratio <= 1 else "OVER BUDGET") if budgeted else "not budgeted"
    print(f"{name:<44} {value:>10.3f} {unit:<3} budget {budget:>9.3f} {unit:<3} ratio {ratio:5.2f}  {verdict}"
          + (f"  ({note})" if note else ""), flush=True)
    return ratio


# --- start-up ---------------------------------------------------------------------------------


def _environment(pycache: str, data_cache: str) -> dict[str, str]:
    """The subprocesses' environment: bytecode cached (in a temporary directory), as after an
    ordinary installation, even where the caller's environment says not to write it; the compiled
    data cache in a temporary directory of its own, enabled."""
    env = dict(os.environ, PYTHONPYCACHEPREFIX=pycache, KZSPEECHLAW_CACHE_DIR=data_cache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("KZSPEECHLAW_CACHE", None)
    return env


def _import_time(module: str, env: dict[str, str]) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env)
    return float(out.stdout)


def _wall(argv: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def _timings(runs: int, **jobs: Callable[[], float]) -> dict[str, list[float]]:
    """Run the jobs interleaved (so a busy moment hits them alike), each once first to warm the
    file system cache: each one's ``runs`` times."""
    for job in jobs.values():
        job()
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(runs):
        for name, job in jobs.items():
            times[name].append(job())
    return times


def _medians(runs: int, **jobs: Callable[[], float]) -> dict[str, float]:
    """Each job's median of :func:`_timings`."""
    return {name: statistics.median(values) for name, values in _timings(runs, **jobs).items()}


def bench_startup(runs: int) -> list[float]:
    with tempfile.TemporaryDirectory(prefix="kzspeechlaw-pycache-") as pycache, \
            tempfile.TemporaryDirectory(prefix="kzspeechlaw-cache-") as data_cache:
        env = _environment(pycache, data_cache)
        uncached = dict(env, KZSPEECHLAW_CACHE="0")
        imports = _medians(runs, pint=lambda: _import_time("pint", env), kz=lambda: _import_time("kzspeechlaw", env))
        py = [sys.executable]
        walls = _medians(
            runs,
            pint=lambda: _wall([*py, "-c", "import pint"], env),
            show=lambda: _wall([*py, "-m", "kzspeechlaw", *SHOW], env),
            help=lambda: _wall([*py, "-m", "kzspeechlaw", "--help"], env),
            kz=lambda: _wall([*py, "-c", "import kzspeechlaw"], env),
            bare=lambda: _wall([*py, "-c", "pass"], env),
            show_uncached=lambda: _wall([*py, "-m", "kzspeechlaw", *SHOW], uncached),
        )
    pint_ms = walls["pint"] * 1e3
    note = f"python -c 'import pint' {pint_ms:.1f} ms; median of {runs}"
    ratios = [
        report("import kzspeechlaw", imports["kz"] * 1e3, "ms", IMPORT_BUDGET * imports["pint"] * 1e3,
               f"import pint {imports['pint'] * 1e3:.1f} ms; median of {runs}"),
        report("kzspeechlaw show (end to end)", walls["show"] * 1e3, "ms", SHOW_BUDGET * pint_ms, note),
        report("kzspeechlaw --help (end to end)", walls["help"] * 1e3, "ms", HELP_BUDGET * pint_ms, note),
    ]
    for name, key in (("python -c 'import kzspeechlaw'", "kz"), ("kzspeechlaw show, no data cache", "show_uncached"),
                      ("python -c 'pass'", "bare")):
        report(name, walls[key] * 1e3, "ms", pint_ms, f"ratio to python -c 'import pint'; median of {runs}",
               budgeted=False)
    print(f"(to python -c 'import pint': show {walls['show'] / walls['pint']:.2f}x (target {SHOW_BUDGET}x), "
          f"--help {walls['help'] / walls['pint']:.2f}x (target {HELP_BUDGET}x), "
          f"python -c 'import kzspeechlaw' {walls['kz'] / walls['pint']:.2f}x)", flush=True)
    return ratios


# --- per call ---------------------------------------------------------------------------------


INCIDENTS = [
    # (facts, decided_on): criminal, administrative, decriminalised, lex mitior, no provision
    ({"act_date": "2019-03-15", "conduct": "slander", "channel": "telecom_network"}, "2019-12-01"),
    ({"act_date": "2019-03-15", "conduct": "slander", "channel": "telecom_network"}, "2021-03-01"),
    ({"act_date": "2021-03-01", "conduct": "slander", "channel": "mass_media"}, "2021-06-01"),
    ({"act_date": "2020-03-26", "conduct": "false_information", "channel": "telecom_network",
      "circumstances": ["emergency"]}, "2020-06-22"),
    ({"act_date": "2019-09-23", "conduct": "slander", "channel": "mass_media", "allegation": "grave_crime"},
     "2020-02-01"),
    ({"act_date": "2018-05-05", "conduct": "insult", "channel": "mass_media"}, "2019-05-05"),
    ({"act_date": "2017-04-01", "conduct": "incitement_of_discord", "channel": "telecom_network",
      "discord": ["national"]}, "2018-01-10"),
    ({"act_date": "2012-06-01", "conduct": "slander", "channel": "mass_media"}, "2015-06-01"),
    ({"act_date": "2016-06-01", "conduct": "insult", "channel": "private"}, "2017-01-01"),
    ({"act_date": "2023-02-01", "conduct": "false_information", "channel": "telecom_network"}, "2023-08-01"),
]


def _per_call(fn: Callable[[], object], number: int, repeat: int) -> float:
    """CPU time per call, best of ``repeat`` runs (CPU time: on a shared machine, wall time also
    counts the moments another process had the CPU)."""
    fn()  # warm-up: data loaded, caches filled
    return min(timeit.repeat(fn, number=number, repeat=repeat, timer=time.process_time)) / number


def bench_calls(quick: bool) -> list[float]:
    import kzspeechlaw as kz

    repeat = 5 if quick else 15
    on = dt.date(2019, 9, 23)
    provision = _per_call(lambda: kz.provision("CC2014 130(3)", on=on), 20_000, repeat)
    cases = [(kz.Incident.from_dict(facts), dt.date.fromisoformat(day)) for facts, day in INCIDENTS]

    def assess_all() -> None:
        for incident, day in cases:
            kz.assess(incident, day)

    assess = _per_call(assess_all, 200 if quick else 1000, repeat) / len(cases)
    return [
        report("provision()", provision * 1e6, "us", PROVISION_BUDGET_US, "CPU time, best of repeats"),
        report("assess()", assess * 1e6, "us", ASSESS_BUDGET_US,
               f"CPU time, mean over {len(cases)} incidents, best of repeats"),
    ]


# --- batch ------------------------------------------------------------------------------------

KINDS = [
    # (conduct, channel, target, allegation, discord, circumstances)
    ("slander", "telecom_network", "", "", "", ""),
    ("slander", "mass_media", "", "grave_crime", "", ""),
    ("slander", "mass_media", "judge", "", "", ""),
    ("insult", "mass_media", "", "", "", ""),
    ("insult", "private", "", "", "", ""),
    ("insult", "public_speech", "authority_representative", "", "", ""),
    ("false_information", "telecom_network", "", "", "", ""),
    ("false_information", "telecom_network", "", "", "", "emergency"),
    ("incitement_of_discord", "telecom_network", "", "", "national;religious", ""),
    ("incitement_of_discord", "mass_media", "", "", "social", "group"),
]
MALFORMED = [
    ("conduct", "gossip"),
    ("act_date", "2019-02-30"),
    ("channel", "pigeon"),
    ("act_date", ""),
]


def write_register(path: str, rows: int, seed: int = 2024, kinds: Sequence[tuple[str, ...]] | None = None) -> None:
    """A CSV register of ``rows`` incidents from 2010 to 2023, decided within three years (and before
    the data's current-to date), about one in a thousand malformed; of :data:`KINDS`, or ``kinds``."""
    rnd = random.Random(seed)
    first = dt.date(2010, 1, 1).toordinal()
    last_decision = dt.date(2025, 9, 1)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "act_date", "conduct", "channel", "target", "allegation", "discord",
                      "circumstances", "decided_on"])
        for i in range(rows):
            conduct, channel, target, allegation, discord, circumstances = rnd.choice(kinds or KINDS)
            act = dt.date.fromordinal(first + rnd.randrange(14 * 365))
            decided = min(act + dt.timedelta(days=rnd.randrange(30, 3 * 365)), last_decision)
            row = {"id": f"case-{i + 1}", "act_date": act.isoformat(), "conduct": conduct, "channel": channel,
                   "target": target, "allegation": allegation, "discord": discord,
                   "circumstances": circumstances, "decided_on": decided.isoformat()}
            if rnd.random() < 0.001:
                field, value = rnd.choice(MALFORMED)
                row[field] = value
            out.writerow(row.values())


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def parallel_speedup(n: int = 5_000_000) -> float:
    """How much sooner two CPU-bound processes finish side by side than one after the other:
    2.0 on two free cores; less where the machine's CPUs are shared."""
    import multiprocessing

    _burn(n // 10)
    started = time.perf_counter()
    _burn(n)
    one = time.perf_counter() - started
    with multiprocessing.Pool(2) as pool:
        pool.map(_burn, [1, 1])
        started = time.perf_counter()
        pool.map(_burn, [n, n])
        two = time.perf_counter() - started
    return 2 * one / two


_MEASURED = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
             "print('peak RSS', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)")


def host_speed() -> float:
    """Seconds that ``sum(range(1000))`` takes here now (the best of five): a shared host's speed
    varies from minute to minute, and figures taken minutes apart compare by it."""
    return min(timeit.repeat("sum(range(1000))", number=2000, repeat=5)) / 2000


def _cpu_ticks() -> tuple[int, int] | None:
    """The machine's CPU time so far, in ticks: all of it, and what the hypervisor *stole* (gave
    to other guests of a shared host) -- Linux's ``/proc/stat``; ``None`` elsewhere."""
    try:
        with open("/proc/stat") as stat:
            ticks = [int(n) for n in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    return sum(ticks[:8]), ticks[7] if len(ticks) > 7 else 0


def _stolen(before: tuple[int, int] | None, after: tuple[int, int] | None) -> str:
    """The share of the CPUs' time stolen between two :func:`_cpu_ticks` (a figure per process,
    such as the host's speed, does not show it: a batch run's processes lose it all the same)."""
    if before is None or after is None or after[0] == before[0]:
        return ""
    return f"; {100 * (after[1] - before[1]) / (after[0] - before[0]):.0f} % of CPU time stolen by the host"


def _run_batch(path: str, rows: int, extra: list[str], env: dict[str, str]) -> tuple[float, float, float, str, float]:
    """Wall time, CPU time and peak resident memory (MiB, of the largest of its processes) of one
    ``kzspeechlaw batch`` run, its summary (with the share of CPU time the host stole meanwhile:
    :func:`_stolen`), and the host's speed just before it (:func:`host_speed`). The run is started
    by a small wrapper process, so that the memory figure is this run's alone."""
    import resource

    host = host_speed()
    ticks = _cpu_ticks()
    argv = [sys.executable, "-c", _MEASURED, sys.executable, "-m", "kzspeechlaw", "batch", path,
            "--workers", str(BATCH_WORKERS), "--output", os.devnull, *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(argv, check=True, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    lines = done.stderr.splitlines()
    rss = next((int(line.split()[-1]) for line in lines if line.startswith("peak RSS")), 0) / 1024
    summary = next((line for line in lines if " rows: " in line), "").removeprefix("kzspeechlaw: ")
    return elapsed, cpu, rss, summary + _stolen(ticks, _cpu_ticks()), host


def bench_batch(rows: int, rss_rows: int | None = None, runs: int = 3) -> list[float]:
    """The batch figures. The first run of the register starts with no keys' answers kept (the
    compiled law is, as after any first start); the second is the same register again, with the
    answers the first kept in the cache directory, as a later run over next month's register
    finds most of them. Each is the median of ``runs`` runs, the two kinds taken in turn (a shared
    host's speed varies from minute to minute). ``--full`` keeps none, and is compared with the
    first run."""
    speedup = parallel_speedup()
    print(f"(two CPU-bound processes side by side run {speedup:.2f}x as fast as one after the other here; "
          "2.00 on two free cores)", flush=True)
    ratios = []
    with tempfile.TemporaryDirectory(prefix="kzspeechlaw-bench-") as tmp:
        env = _environment(os.path.join(tmp, "pycache"), os.path.join(tmp, "cache"))
        subprocess.run([sys.executable, "-m", "kzspeechlaw", *SHOW], check=True, stdout=subprocess.DEVNULL, env=env)
        path = os.path.join(tmp, "register.csv")
        started = time.perf_counter()
        write_register(path, rows)
        print(f"(generated {rows:,} rows in {time.perf_counter() - started:.1f} s)", flush=True)
        labels = ("first run", "again, answers kept")
        measured: dict[str, list[tuple[float, float, float, str, float]]] = {label: [] for label in labels}
        for _ in range(runs):
            shutil.rmtree(os.path.join(tmp, "cache", "answers"), ignore_errors=True)  # none kept: a first run
            for label in labels:
                measured[label].append(_run_batch(path, rows, [], env))
        first = 0.0
        for label in labels:
            times = sorted(m[0] for m in measured[label])
            elapsed = statistics.median(times)
            first = first or elapsed
            _, cpu, rss, summary, _ = min(measured[label], key=lambda m: abs(m[0] - elapsed))
            hosts = [m[4] * 1e6 for m in measured[label]]
            note = (f"{summary}; {BATCH_WORKERS} workers; CPU {cpu / rows * 1e6:.1f} us/row; peak RSS {rss:.0f} MiB; "
                    f"median of {runs} ({', '.join(f'{t:.1f}' for t in times)} s); host speed before each "
                    f"{min(hosts):.1f}-{max(hosts):.1f} us")
            if rows != BATCH_ROWS:
                note += f"; {rows:,} rows, extrapolated"
            ratios.append(report(f"batch, {BATCH_ROWS:,} rows, {label}", elapsed * BATCH_ROWS / rows, "s",
                                 BATCH_BUDGET_S, note))
        full, cpu, rss, summary, host = _run_batch(path, rows, ["--full"], env)
        note = (f"{summary}; {BATCH_WORKERS} workers; CPU {cpu / rows * 1e6:.1f} us/row; peak RSS {rss:.0f} MiB; "
                f"{full * BATCH_ROWS / rows:.1f} s; host speed before it {host * 1e6:.1f} us")
        ratios.append(report("batch --full / default records, first run", full / first, "x", FULL_BUDGET, note))
        if rss_rows:
            os.remove(path)
            write_register(path, rss_rows)
            elapsed, cpu, rss, summary, _ = _run_batch(path, rss_rows, [], env)
            print(f"(batch, {rss_rows:,} rows, default records: {elapsed:.1f} s; peak RSS {rss:.0f} MiB; {summary})",
                  flush=True)
    return ratios


SLANDER = KINDS[:3]
"""The incidents of the register compared with OpenFisca (:func:`bench_openfisca`): slander alone."""

OPENFISCA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "openfisca")


def bench_openfisca(python: str, rows: int, runs: int) -> list[float]:
    """kzspeechlaw against OpenFisca on a register of slander (:data:`SLANDER`): ``kzspeechlaw batch``
    (first run and answers kept, as :func:`bench_batch`, with :data:`BATCH_WORKERS` workers) and
    an OpenFisca model of the fine ranges (``openfisca/slander.py``, one process, run by
    ``python``, a Python with ``openfisca-core``; its parameters written from the data by
    ``openfisca/parameters.py``), with each row's fines written out (``--out``, as ``batch``
    writes a record per row) and with the totals alone; the four taken in turn
    (:func:`_timings`), each the median of ``runs``. The model answers a narrower question: the fine
    range of the public slander part in force on the act date, in the act date's MCI (no aggravated
    part, lex mitior, limitation or amnesty, no classification of other conducts), so its fines
    are ``batch``'s only where those do not change them."""
    with tempfile.TemporaryDirectory(prefix="kzspeechlaw-openfisca-") as tmp:
        env = _environment(os.path.join(tmp, "pycache"), os.path.join(tmp, "cache"))
        parameters = os.path.join(tmp, "parameters")
        subprocess.run([sys.executable, os.path.join(OPENFISCA, "parameters.py"), parameters], check=True)
        path = os.path.join(tmp, "slander.csv")
        write_register(path, rows, kinds=SLANDER)
        model = [python, os.path.join(OPENFISCA, "slander.py"), path, "--parameters", parameters]

        def first() -> float:
            shutil.rmtree(os.path.join(tmp, "cache", "answers"), ignore_errors=True)  # none kept: a first run
            return _run_batch(path, rows, [], env)[0]

        times = _timings(runs, first=first, kept=lambda: _run_batch(path, rows, [], env)[0],
                         rows=lambda: _wall([*model, "--out", os.devnull], env), total=lambda: _wall(model, env))
    med = {k: statistics.median(v) for k, v in times.items()}
    runs_of = {k: ", ".join(f"{t:.2f}" for t in sorted(v)) for k, v in times.items()}
    print(f"(OpenFisca, one process, on {rows:,} slander rows: {med['rows']:.2f} s writing each row's fines "
          f"({runs_of['rows']}), {med['total']:.2f} s for the totals alone ({runs_of['total']}); median of {runs})",
          flush=True)
    ratios = []
    for label, key in (("first run", "first"), ("answers kept", "kept")):
        note = f"{BATCH_WORKERS} workers; median of {runs}: {runs_of[key]} s"
        ratios.append(report(f"slander, {label}, vs OpenFisca rows", med[key], "s", med["rows"], note))
        report(f"slander, {label}, vs OpenFisca totals", med[key], "s", med["total"], note, budgeted=False)
    return ratios


def installed() -> str:
    """How the measured kzspeechlaw is installed. An editable install (``pip install -e``) puts a
    finder on every interpreter's start: on this machine it cost ``python -c "pass"`` about 15 ms
    (29 against 15 ms), in ``import pint`` and ``kzspeechlaw show`` alike, so the start-up ratios
    differ from those of an ordinary install (``pip install .``, as the README and CI install it)."""
    import json
    from importlib import metadata

    try:
        dist = metadata.distribution("kzspeechlaw")
    except metadata.PackageNotFoundError:
        return "not installed: the start-up figures fail"
    url = json.loads(dist.read_text("direct_url.json") or "{}")
    kind = "editable install" if url.get("dir_info", {}).get("editable") else "ordinary install"
    return f"{dist.version}, {kind}: {dist.locate_file('')}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs; batch on --rows rows, extrapolated")
    parser.add_argument("--rows", type=int, default=None, help="rows for the batch figure (default 1,000,000; "
                        "50,000 with --quick)")
    parser.add_argument("--runs", type=int, default=None, help="subprocess runs per start-up figure")
    parser.add_argument("--skip-batch", action="store_true", help="leave out the batch figure")
    parser.add_argument("--only-batch", action="store_true", help="the batch figures alone")
    parser.add_argument("--batch-runs", type=int, default=None,
                        help="runs of each batch figure, the median taken (default 3; 1 with --quick)")
    parser.add_argument("--rss-rows", type=int, default=None,
                        help="also run the default records over this many rows, for their peak memory")
    parser.add_argument("--openfisca", metavar="PYTHON", default=None,
                        help="also compare with the OpenFisca model of the slander fines, run by this Python "
                             "(one with openfisca-core installed)")
    args = parser.parse_args(argv)
    runs = args.runs or (5 if args.quick else 11)
    rows = args.rows or (50_000 if args.quick else BATCH_ROWS)
    import pint

    from kzspeechlaw.registers.batch import usable_cpus  # start-up is timed in fresh interpreters: unaffected

    cpus = usable_cpus()
    host = host_speed()
    print(f"Python {sys.version.split()[0]}, pint {pint.__version__}, {cpus} usable CPUs; host speed: "
          f"sum(range(1000)) takes {host * 1e6:.1f} us (compare runs by this: a shared host's speed varies)",
          flush=True)
    print(f"(kzspeechlaw {installed()})", flush=True)
    ratios = [] if args.only_batch else bench_startup(runs) + bench_calls(args.quick)
    if not args.skip_batch:
        ratios += bench_batch(rows, args.rss_rows, args.batch_runs or (1 if args.quick else 3))
    if args.openfisca:
        ratios += bench_openfisca(args.openfisca, rows, args.batch_runs or (1 if args.quick else 3))
    over = sum(r > 1 for r in ratios)
    print(f"{len(ratios) - over} of {len(ratios)} figures within budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
