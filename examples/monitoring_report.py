"""Assess the cases of a monitoring report and print one line per case.

The cases come from the monthly reports of the Adil Soz foundation that the library was built
from (September 2019, November 2017, June 2020). A report often gives no date for the speech
act; such dates are marked "~" and are assumptions, stated beside the case (an outcome such as
time_barred may follow from the assumed date alone). Each line shows the library's answer beside
what the report says happened and, where the answer turns on a fact the case does not state, that
fact (Assessment.depends_on).
Run: python examples/monitoring_report.py
"""

from __future__ import annotations

import kzspeechlaw as kz

# (case, facts, decided on, what the report says; "~" marks an assumed act date)
CASES: list[tuple[str, dict[str, object], str, str]] = [
    ("Ilyashev, posts in the state of emergency",
     dict(act_date="2020-03-26", conduct="false_information", channel="telecom_network",
          circumstances={"emergency"}),
     "2020-06-22", "274(4)(2): 3 y restriction of freedom + 5-y ban"),
    ("Batyrbekov, Facebook post: slander (~2019-06-01)",
     dict(act_date="2019-06-01", conduct="slander", channel="telecom_network"),
     "2019-09-23", "slander and insult: 2 y 10 m prison"),
    ("Batyrbekov, Facebook post: insult (~2019-06-01)",
     dict(act_date="2019-06-01", conduct="insult", channel="telecom_network"),
     "2019-09-23", "(the same sentence)"),
    ("the same slander, if decided in 2021",
     dict(act_date="2019-06-01", conduct="slander", channel="telecom_network"),
     "2021-01-01", "-"),
    ("Yergalieva, social-network comment (~2018-04-01)",
     dict(act_date="2018-04-01", conduct="slander", channel="telecom_network"),
     "2020-06-22", "130(2), proceedings resumed June 2020"),
    ("Kibirov, nasheeds on VK (~2014-06-01)",
     dict(act_date="2014-06-01", conduct="incitement_of_discord", discord={"religious"},
          channel="telecom_network"),
     "2017-11-15", "174 + terrorism propaganda: 6 y 8 m"),
    ("phone of a journalist broken, Almaty",
     dict(act_date="2020-06-09", conduct="petty_hooliganism", channel="public_speech",
          proceedings_date="2020-06-09"),
     "2020-06-19", "434(1): fine 13 890 KZT"),
]


def main() -> None:
    header = f"{'case':<50} {'act':<10}  {'decided':<10}  {'outcome':<14}  {'governing':<16}  first alternative"
    print(header)
    print("-" * len(header))
    for name, facts, decided, reported in CASES:
        a = kz.assess(kz.Incident(**facts), decided_on=decided)
        governing = str(a.governing.ref) if a.governing else "-"
        first = a.sanctions[0].describe() if a.sanctions else "-"
        print(f"{name:<50} {a.incident.act_date!s:<10}  {decided:<10}  {a.outcome:<14}  {governing:<16}  {first}")
        print(f"{'':<50} reported: {reported}")
        if a.depends_on:
            print(f"{'':<50} turns on (not stated): {', '.join(a.depends_on)}")


if __name__ == "__main__":
    main()
