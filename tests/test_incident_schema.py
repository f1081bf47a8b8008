"""The shipped JSON Schema for incident files is the one the code describes."""

import json
from importlib import resources

from kzspeechlaw.law import facts
from kzspeechlaw.reasoning.fields import FIELDS
from kzspeechlaw.reasoning.incident import Incident, json_schema

SHIPPED = json.loads(resources.files("kzspeechlaw").joinpath("law/data/incident.schema.json").read_text("utf-8"))


def test_shipped_schema_is_current() -> None:
    # Regenerate with: python -c "import json, kzspeechlaw.reasoning.incident as i; print(json.dumps(i.json_schema(), ensure_ascii=False, indent=2))"
    assert json_schema() == SHIPPED


def test_schema_covers_the_vocabulary() -> None:
    props = SHIPPED["properties"]
    assert set(props) == {*FIELDS, "id", "decided_on"}
    assert {v for v in props["conduct"]["enum"]} == {m.value for m in facts.Conduct}
    assert set(props["circumstances"]["items"]["enum"]) == {m.value for m in facts.Circumstance}
    assert SHIPPED["required"] == ["act_date", "conduct"]


def test_round_trip_through_to_dict() -> None:
    inc = Incident(act_date="2020-03-26", conduct="false_information", channel="telecom_network",
                   circumstances={"emergency"}, proceedings_date="2020-04-02")
    assert Incident.from_dict(inc.to_dict()) == inc
