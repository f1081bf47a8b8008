"""AOC 2014 Arts 62(1), 62(5) and 64 by edition (shared/law/statutes/aoc2014/62-63-64.md, 62.md,
64.md): each wording from the edition it was read in, the split dates from the footnotes where
they were read, and none marked verified where a date was computed. Expected words are quoted
from the statute texts."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from kzspeechlaw import Incident, assess
from kzspeechlaw.law import general_part
from kzspeechlaw.law.loader import DATA_DIR, law
from kzspeechlaw.reasoning import sentencing

D = dt.date


def _limitation(on: dt.date) -> general_part.Rule:
    rule = general_part.find("limitation", "AOC2014", "administrative_offence", on=on)
    assert rule is not None
    return rule


def _referral(on: dt.date) -> general_part.Rule:
    rule = general_part.find("rule", "AOC2014", "limitation_referral", on=on)
    assert rule is not None
    return rule


# --- Art. 62(1): two months in every edition, the exceptions named in it change ----------------

@pytest.mark.parametrize(("day", "environment", "bankruptcy"), [
    (D(2018, 6, 1), True, True),     # 28.12.2017 text: «в области окружающей среды … банкротстве»
    (D(2021, 6, 30), True, True),    # the day before Laws 403-VI / 21-VII («с 01.07.2021»)
    (D(2021, 7, 1), False, True),    # 01.07.2021 text: only rehabilitation and bankruptcy
    (D(2023, 2, 28), False, True),   # the day before Law 180-VII's earliest possible day (30.12.2022 + 60 days)
    (D(2023, 3, 1), False, False),   # 03.03.2023 text (Law 180-VII): the two months alone, from its earliest day
    (D(2026, 7, 12), False, False),  # 12.07.2026 text: the same
])
def test_62_1_wording_by_edition(day: dt.date, environment: bool, bankruptcy: bool) -> None:
    rule = _limitation(day)
    assert rule.article == "AOC2014 62(1)"
    assert "по истечении двух месяцев со дня совершения административного правонарушения" in rule.text
    assert ("в области окружающей среды" in rule.text) is environment
    assert ("банкротстве" in rule.text) is bankruptcy


def test_62_1_period_is_two_months_throughout() -> None:
    periods = {str(r.period) for r in general_part.rules()[("limitation", "AOC2014", "administrative_offence")]}
    assert len(periods) == 1 and "2" in periods.pop()


# --- Art. 62(5): the grounds of suspension as worded in each edition ---------------------------

def test_62_5_before_law_127_vi_only_the_experts_results_resume_the_period() -> None:
    # 11.07.2017 (old layout rus/sec002.md, commit a84ebbd2e00cef4c87d07cc36ed4b33e53893a9b): «Исчисление
    # этих сроков возобновляется с момента получения результатов экспертизы.» — a referral to court
    # stops the period with nothing to resume it. 28.12.2017, the footnote adding Law 127-VI alone:
    # «... возобновляется с момента получения результатов экспертизы, дела об административном
    # правонарушении судом …», from that law's inferred in-force date, 2018-01-08.
    before, after = _referral(D(2017, 12, 28)).text, _referral(D(2018, 1, 8)).text
    assert "возобновляется с момента получения результатов экспертизы." in before
    assert "дела об административном правонарушении судом" not in before
    assert "дела об административном правонарушении судом" in after and "прокурорского надзора" not in after


def test_62_5_from_the_2019_wording_the_referral_is_not_resumed() -> None:
    text = _referral(D(2020, 1, 15)).text
    assert "направления дела в суд" in text and "дела об административном правонарушении судом" not in text
    assert "Общий срок привода не может превышать более одного месяца." in text


def test_62_5_prosecutorial_acts_from_1_april_2023() -> None:
    # Law 195-VII «вводится в действие с 01.04.2023»; the 01.04.2023 text holds the words.
    before, after = _referral(D(2023, 3, 31)).text, _referral(D(2023, 4, 1)).text
    assert "прокурорского надзора" not in before
    assert "на период рассмотрения актов прокурорского надзора и реагирования" in after
    assert "непреодолимой силы" not in after


def test_62_5_force_majeure_in_the_12_07_2026_edition() -> None:
    rule = _referral(D(2026, 7, 10))  # Law 257-VIII: six months after publication, 09.01.2026 at the earliest
    assert "в случаях действия непреодолимой силы" in rule.text and "окончания действия непреодолимой силы" in rule.text
    assert "Общий срок привода" not in rule.text
    assert rule.source.endswith("/12.07.2026") and rule.act == "257-VIII"
    assert "в случаях действия непреодолимой силы" not in _referral(D(2026, 7, 9)).text


def test_62_5_every_wording_suspends_on_referral_and_none_is_verified() -> None:
    records = general_part.rules()[("rule", "AOC2014", "limitation_referral")]
    assert len(records) == 5  # 11.07.2017, 28.12.2017 (Law 127-VI), 30.12.2019, 16.06.2024, 12.07.2026 wordings
    assert all("направления дела в суд" in r.text and not r.verified for r in records)


# --- Art. 64: 73-3 only on the victim's complaint, 127-2 from Law 73-VIII ------------------------

def test_64_1_lists_73_3_in_every_wording_and_127_2_from_2024() -> None:
    old = sentencing.find("AOC2014", "complaint_only", D(2021, 1, 1))
    new = sentencing.find("AOC2014", "complaint_only", D(2024, 6, 16))
    assert old is not None and new is not None
    assert "статьями 73, 73-1, 73-2, 73-3, 79 (частью первой)" in old.text and old.articles == ("AOC2014 73-3",)
    assert "статьями 73-3, 79 (частью первой), 127-2" in new.text
    assert set(new.articles) == {"AOC2014 73-3", "AOC2014 127-2"}
    gap = sentencing.find("AOC2014", "complaint_only", D(2023, 7, 1))  # Law 227-VII: wording not read
    assert gap is not None and gap.text == "" and not gap.verified
    assert sentencing.find("AOC2014", "complaint_only", D(2024, 6, 14)) is gap  # 73-VIII: 15.04 + 60 days


def test_64_1_1_first_offence_release_narrowed_to_73_and_73_3() -> None:
    old = sentencing.find("AOC2014", "first_offence_reconciliation", D(2021, 1, 1))
    new = sentencing.find("AOC2014", "first_offence_reconciliation", D(2026, 7, 12))
    assert old is not None and new is not None
    assert "статьями 73, 73-1, 73-2 и 73-3" in old.text
    assert "статьями 73 и 73-3" in new.text and "освобожденных в течение года" in new.text
    assert sentencing.find("AOC2014", "first_offence_reconciliation", D(2024, 1, 1)) is None  # not read


def test_bullying_of_a_minor_is_complaint_only_and_closed_on_reconciliation() -> None:
    inc = Incident(act_date="2025-03-01", conduct="bullying_of_minor", complaint=False)
    routes = {r.route: r for r in assess(inc, "2025-04-01").releases}
    assert routes["no_complaint"].status == "open" and routes["no_complaint"].article.startswith("AOC2014 64(1)")
    reconciled = Incident(act_date="2025-03-01", conduct="bullying_of_minor", complaint=True, reconciled=True)
    assert {r.route: r.status for r in assess(reconciled, "2025-04-01").releases}["reconciliation"] == "open"


# --- the amending laws: dates read in a footnote are verified, computed ones are not --------------

@pytest.mark.parametrize(("act", "in_force", "verified"), [
    ("403-VI", D(2021, 7, 1), True),     # «вводится в действие с 01.07.2021»
    ("227-VII", D(2023, 7, 1), True),    # «вводится в действие с 01.07.2023»
    ("195-VII", D(2023, 4, 1), True),    # «вводится в действие с 01.04.2023»
    ("180-VII", D(2023, 3, 1), False),   # sixty days after publication: the earliest possible
    ("257-VIII", D(2026, 7, 10), False),  # six months after publication: the earliest possible
    ("300-VI", None, False),             # ten days after publication, not read: no date
])
def test_amending_laws_of_the_general_part(act: str, in_force: dt.date | None, verified: bool) -> None:
    record = law().acts[act]
    assert record.in_force == in_force and record.verified is verified


# --- the special part against the newest edition ------------------------------------------------

def test_every_modelled_aoc_article_says_how_it_stands_against_the_newest_edition() -> None:
    # The AOC's newest edition is 12.07.2026; each modelled article says how its own text stands
    # against it: its chapter file is not stored at that commit, its text was read in the newest
    # stored version found (02.03.2026, commit 8c3174b4; Art. 73-3: 13.03.2025 and, old layout,
    # 01.09.2025), and an edition between 02.03.2026 and 12.06.2026 was not found.
    data = tomllib.loads((DATA_DIR / "aoc2014.toml").read_text(encoding="utf-8"))
    numbers = {ref.article.split("(")[0] for ref in law().versions if ref.code == "AOC2014"}
    notes = {a["number"]: a.get("notes", "") for a in data["article"]}
    assert numbers <= set(notes)
    for number in numbers:
        read_at = "a989955d194052e85023329ba7627ebeab885569" if number == "73-3" else "8c3174b492545560d703dff472505f046a6484ef"
        assert "12.07.2026" in notes[number] and read_at in notes[number], number
        assert "were not found" in notes[number] or "was not found" in notes[number], number


def test_slander_2020_text_is_that_of_the_first_edition_with_the_article() -> None:
    # 07.07.2020 (new layout rus/sec002-ch010.md): 73-3(2) «с использованием средств массовой
    # информации или сетей телекоммуникаций», 180 MCI or 20 days; official 650 MCI or 25 days.
    first = law().versions[next(r for r in law().versions if str(r) == "AOC2014 73-3(2)")][0]
    assert "средств массовой информации или сетей телекоммуникаций" in first.text
    assert "ста восьмидесяти" in first.text and "шестисот пятидесяти" in first.text
    assert "2b775eaf4577fc3ae009b6959b3b1532dd3b3258" in first.notes


# --- what the 62(5) wording changes for a case sent to court -------------------------------------

def test_a_2017_referral_stops_the_period_until_law_127_vi_lets_it_run_again() -> None:
    # AOC 434(1) petty hooliganism of 01.03.2017, two months (62(1)): the period ends on 01.05.2017.
    # Under 62(5) as read in the 11.07.2017 text a referral on 20.03.2017 stops it, and only an
    # expert's results resume it: decided on 01.06.2017, the period stands still. Law 127-VI's wording
    # («возобновляется с момента получения … дела об административном правонарушении судом», in force
    # from 2018-01-08 at the earliest) is milder and reaches the earlier act (AOC 2014 Art. 5(1)):
    # decided on 01.03.2018, the period has run out unless the days in transit (not stated) kept it
    # alive.
    inc = Incident(act_date="2017-03-01", conduct="petty_hooliganism", channel="public_speech",
                   referred_on="2017-03-20")
    stopped = assess(inc, "2017-06-01").limitation
    assert stopped.status == "suspended" and stopped.expires == D(2017, 5, 1) and stopped.certain
    assert assess(inc, "2017-04-15").limitation.status == "suspended"
    later = assess(inc, "2018-03-01").limitation
    assert later.status == "expired" and later.expires == D(2017, 5, 1) and not later.certain
    assert "receives the case" in later.unless


def test_the_step_cites_the_wording_that_lets_the_period_run_again() -> None:
    # An official's breach of the mass-media law (AOC 2014 Art. 451(1)) of 01.03.2017, referred on
    # 20.03.2017, decided on 01.03.2018: the period runs again on the court's receipt only under Law
    # 127-VI's wording (28.12.2017 text), which reaches the earlier act; the step cites that record,
    # not the 11.07.2017 one, under which the period stands still.
    inc = Incident(act_date="2017-03-01", conduct="media_law_violation", channel="mass_media", offender="official",
                   referred_on="2017-03-20")
    a = assess(inc, "2018-03-01")
    step = next(s for s in a.trace if "referred to court" in s.what)
    assert "runs again once the court receives the case" in step.what
    assert step.citation.startswith("AOC2014 62(5)") and step.source.endswith("/28.12.2017")


def test_a_2021_referral_stops_the_period() -> None:
    # 62(5) from the 30.12.2019 text: resumption only after an expert examination or a compelled
    # appearance; from the referral the period stands still.
    inc = Incident(act_date="2021-06-01", conduct="slander", channel="telecom_network", referred_on="2021-07-20")
    assert assess(inc, "2021-09-01").limitation.status == "suspended"


@pytest.mark.parametrize(("act", "decided", "named", "not_named"), [
    # 11.07.2017 text: «с момента назначения экспертизы, а также направления дела в судебные инстанции»
    ("2016-06-01", "2017-09-01", ["expert examination", "referred to court"],
     ["compelled appearance", "prosecutorial", "force majeure"]),
    # 30.12.2019 text: «... вынесения определения о приводе лица ...»
    ("2021-06-01", "2021-09-01", ["expert examination", "compelled appearance"], ["prosecutorial", "force majeure"]),
    # 16.06.2024 text: «... на период рассмотрения актов прокурорского надзора и реагирования ...»
    ("2024-01-10", "2024-06-01", ["compelled appearance", "prosecutorial supervision"], ["force majeure"]),
    # 12.07.2026 text: «... а также в случаях действия непреодолимой силы ...»
    ("2026-08-01", "2026-11-01", ["prosecutorial supervision", "force majeure"], []),
])
def test_an_expired_period_names_the_grounds_of_the_wordings_in_force(act: str, decided: str, named: list[str],
                                                                       not_named: list[str]) -> None:
    # AOC 2014 Art. 434(1), two months (62(1)): expired and never certain (62(5), 62(7)); what would
    # have stopped it are the grounds of the wordings of 62(5) in force from the act to the decision.
    lim = assess(Incident(act_date=act, conduct="petty_hooliganism", channel="public_speech"), decided).limitation
    assert lim.status == "expired" and not lim.certain
    for words in [*named, "new administrative offence"]:
        assert words in lim.unless
    for words in not_named:
        assert words not in lim.unless


@pytest.mark.parametrize(("decided", "open_"), [("2018-02-01", True), ("2018-02-08", True), ("2018-02-09", False)])
def test_a_receipt_decided_near_law_127_vi_names_its_in_force_date(decided: str, open_: bool) -> None:
    # Art. 434(1) of 20.11.2017, referred on 05.01.2018, within its two months (to 20.01.2018). The
    # wording that lets the period run again on the court's receipt is Law 127-VI's, whose in-force
    # date 2018-01-08 is inferred (the earliest day it could take effect): decided within the month
    # after it, that law may not yet have been in force, and the 11.07.2017 wording kept the period
    # standing still from the referral.
    inc = Incident(act_date="2017-11-20", conduct="petty_hooliganism", channel="public_speech",
                   referred_on="2018-01-05")
    a = assess(inc, decided)
    assert a.limitation.status == "expired" and not a.limitation.certain
    assert ("Law 127-VI" in a.limitation.unless) is open_
    assert ("in_force" in a.depends_on) is open_
    assert assess(inc, "2018-01-07").limitation.status == "suspended"  # before 127-VI's first day


@pytest.mark.parametrize(("act", "status"), [("2020-02-09", "expired"), ("2020-02-10", "expired"),
                                             ("2020-02-11", "suspended")])
def test_an_act_in_the_month_after_law_300_vi_keeps_the_receipt_wording_open(act: str, status: str) -> None:
    # Law 300-VI (inferred in force from 2020-01-10) dropped the court's receipt from 62(5): an act on
    # that day or within the 31 days after it (the window's last day, 10.02.2020, included) may still
    # fall under Law 127-VI's milder wording; from 11.02.2020 the referral stops the period.
    inc = Incident(act_date=act, conduct="petty_hooliganism", channel="public_speech", referred_on="2020-02-20")
    assert assess(inc, "2021-03-20").limitation.status == status


def test_the_law_127_vi_doubt_alone_names_in_force() -> None:
    # An official's breach of the mass-media law (AOC 2014 Art. 451(1)) of 20.11.2017: unreferred, no
    # date of an unread law bears on the answer of 01.02.2018; referred on 05.01.2018, Law 127-VI's
    # in-force date does (its wording alone lets the period run again on the court's receipt).
    plain = Incident(act_date="2017-11-20", conduct="media_law_violation", channel="mass_media", offender="official")
    assert "in_force" not in assess(plain, "2018-02-01").depends_on
    referred = Incident(act_date="2017-11-20", conduct="media_law_violation", channel="mass_media",
                        offender="official", referred_on="2018-01-05")
    assert "in_force" in assess(referred, "2018-02-01").depends_on
    assert "in_force" not in assess(referred, "2018-03-01").depends_on


@pytest.mark.parametrize(("act", "open_"), [("2020-01-09", False), ("2020-01-10", True), ("2020-02-10", True)])
def test_an_act_in_the_month_after_law_300_vi_names_its_in_force_date(act: str, open_: bool) -> None:
    # Law 300-VI took effect ten days after its publication, which was not read: 10.01.2020 is the
    # earliest day. An act from that day to 10.02.2020 is read under Law 127-VI's milder wording, and
    # the answer says that Law 300-VI may already have been in force on the act date (the referral
    # then suspended the period); an act before 10.01.2020 fell under 127-VI's wording for certain.
    a = assess(Incident(act_date=act, conduct="petty_hooliganism", channel="public_speech",
                        referred_on="2020-02-20"), "2021-03-20")
    assert a.limitation.status == "expired" and not a.limitation.certain
    assert ("Law 300-VI" in a.limitation.unless) is open_
    assert ("in_force" in a.depends_on) is open_


@pytest.mark.parametrize(("decided", "named"), [("2023-03-31", False), ("2023-04-01", True), ("2023-06-15", True)])
def test_prosecutorial_supervision_is_named_from_law_195_vii_s_first_day(decided: str, named: bool) -> None:
    # «на период рассмотрения актов прокурорского надзора и реагирования» is missing from the 03.03.2023
    # text and read in the 01.04.2023 one, whose footnote ends with Law 06.02.2023 No. 195-VII
    # («вводится в действие с 01.04.2023»).
    lim = assess(Incident(act_date="2023-01-10", conduct="petty_hooliganism", channel="public_speech"),
                 decided).limitation
    assert lim.status == "expired" and ("prosecutorial supervision" in lim.unless) is named
    rule = _referral(D(2023, 4, 1))
    assert (rule.valid_from, rule.act) == (D(2023, 4, 1), "195-VII")
    assert "на период рассмотрения актов прокурорского надзора и реагирования" in rule.text
    assert "прокурорского надзора" not in _referral(D(2023, 3, 31)).text


def test_the_note_hedges_the_run_again_where_its_wording_may_not_have_governed() -> None:
    # Decided on 01.02.2018, within the month after Law 127-VI's inferred first day: the note does not
    # say for certain that the period ran again on the court's receipt; decided on 01.03.2018, it does.
    inc = Incident(act_date="2017-11-20", conduct="media_law_violation", channel="mass_media", offender="official",
                   referred_on="2018-01-05")

    def note(decided: str) -> str:
        return next(n for n in assess(inc, decided).notes if str(n).startswith("The limitation period expired"))

    assert "received the case where the wording that says so governs" in note("2018-02-01")
    assert note("2018-03-01").endswith("which ran again once the court received the case. Liability stays open "
                                       "until that is known.")


def test_one_ground_alone_is_named_alone() -> None:
    # Referred on the day after the period closed (01.03.2016): before Law 127-VI only an expert
    # examination (or a new offence, 62(7)) could have kept it alive.
    lim = assess(Incident(act_date="2016-01-01", conduct="petty_hooliganism", channel="public_speech",
                          referred_on="2016-03-05"), "2016-04-01").limitation
    assert lim.unless == ("an expert examination was ordered within the period, or a new administrative offence "
                          "interrupted it")


def test_63_consent_not_needed_and_the_kurultai_from_2026() -> None:
    before = general_part.find("rule", "AOC2014", "amnesty", on=D(2026, 6, 30))
    after = general_part.find("rule", "AOC2014", "amnesty", on=D(2026, 7, 1))
    assert before is not None and after is not None
    assert "издается Парламентом Республики Казахстан" in before.text and "согласие" not in before.text
    assert "согласие правонарушителя и потерпевшего (при его наличии) не требуется" in after.text
    assert "издается Курултаем Республики Казахстан" in after.text
    assert law().acts["307-VIII"].in_force == D(2026, 7, 1) and law().acts["307-VIII"].verified
