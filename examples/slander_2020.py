"""Slander before and after 10 July 2020: Criminal Code Art. 130 beside AOC Art. 73-3.

Prints each part of both articles side by side, then one Facebook post of 15 March 2019 decided
on four dates (2019, June 2020, September 2020, 2021). Run: python examples/slander_2020.py
"""

from __future__ import annotations

import kzspeechlaw as kz

# Law 349-VI took effect ten calendar days after its first official publication, reported (not read
# in a primary text) as 29.06.2020: both days are computed, not read.
LAST_DAY = "2020-07-09"  # the last day CC 2014 Art. 130 was in force
FIRST_DAY = "2020-07-10"  # the first day of AOC 2014 Art. 73-3 (Law 349-VI)


def side_by_side() -> None:
    for part in (1, 2, 3):
        old = kz.provision(f"CC2014 130({part})", on=LAST_DAY)
        new = kz.provision(f"AOC2014 73-3({part})", on=FIRST_DAY)
        print(f"part {part}")
        for p in (old, new):
            print(f"  {p.ref!s:<16} {p.category.value:<22} " + "; ".join(s.describe() for s in p.sanctions))


def one_post() -> None:
    post = kz.Incident(act_date="2019-03-15", conduct="slander", channel="telecom_network")
    print(f"A Facebook post of {post.act_date}, decided on:")
    for decided in ("2019-09-23", "2020-06-22", "2020-09-01", "2021-06-01"):
        a = kz.assess(post, decided_on=decided)
        governing = str(a.governing.ref) if a.governing else "-"
        sanctions = "; ".join(s.describe() for s in a.sanctions) or "no sanction"
        print(f"  {decided}  {a.outcome:<15} {governing:<14} {sanctions}")


if __name__ == "__main__":
    side_by_side()
    print()
    one_post()
