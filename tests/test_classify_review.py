"""Review of classification: the parts an incident falls under, and those set aside.

AOC 2014 Art. 25(2) (general.toml; the 11.07.2017 to 12.06.2026 texts, word for word): «Административная
ответственность за правонарушения, предусмотренные статьями Особенной части настоящего Кодекса, наступает,
если эти правонарушения по своему характеру не влекут за собой в соответствии с законодательством уголовной
ответственности». An act a criminal part the facts decide reaches is therefore not also an administrative
offence: the administrative slander (AOC 2014 Art. 73-3, from Law 26.06.2020 No. 349-VI) is set aside.
"""

from __future__ import annotations

import pytest

from kzspeechlaw.reasoning.classification import classify
from kzspeechlaw.reasoning.incident import Incident


@pytest.mark.parametrize(("incident", "governing", "aside"), [
    # CC 2014 Art. 375(2): «То же деяние, совершенное с использованием средств массовой информации или
    # сетей телекоммуникаций»; 375(1): «Публичное оскорбление или иное посягательство на честь и достоинство
    # Президента». AOC 2014 Art. 73-3(2): «То же деяние, совершенное публично или с использованием средств
    # массовой информации или сетей телекоммуникаций».
    (Incident(act_date="2021-06-01", conduct="slander", target="president", channel="mass_media"),
     "CC2014 375(2)", "AOC2014 73-3(2)"),
    # CC 2014 Art. 411(1) (2018-07-23 to 2023-01-01): «Клевета в отношении судьи или присяжного заседателя в
    # связи с рассмотрением дел или материалов в суде»: the link stated.
    (Incident(act_date="2021-06-01", conduct="slander", target="judge", channel="mass_media",
              in_connection_with_duties=True), "CC2014 411(1)", "AOC2014 73-3(2)"),
])
def test_a_crime_sets_the_administrative_slander_aside(incident: Incident, governing: str, aside: str) -> None:
    """«наступает, если эти правонарушения по своему характеру не влекут ... уголовной ответственности»
    (AOC 2014 Art. 25(2)): the administrative slander does not fall under beside the crime; the crime
    names it among the parts it set aside, citing Art. 25(2)."""
    matches = classify(incident)
    assert [str(m.provision.ref) for m in matches] == [governing]
    assert aside in dict(matches[0].set_aside)
    assert "25(2)" in str(dict(matches[0].set_aside)[aside])


def test_an_undecided_crime_leaves_the_administrative_slander() -> None:
    """The link to the judge's duties not stated, Art. 411(1) («в связи с рассмотрением дел») may not
    apply: the act may be no crime, so AOC 2014 Art. 73-3 («Клевета, то есть распространение заведомо
    ложных сведений, порочащих честь и достоинство другого лица») stays, ahead of the candidate."""
    matches = classify(Incident(act_date="2021-06-01", conduct="slander", target="judge", channel="mass_media"))
    assert [(str(m.provision.ref), m.undecided_by) for m in matches] == [
        ("AOC2014 73-3(2)", ()), ("CC2014 411(1)", ("link",))]
