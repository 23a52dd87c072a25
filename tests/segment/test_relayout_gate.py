"""The relayout gate: no layout family gets worse than its pinned floors (``relayout_floors.json``)."""
from __future__ import annotations

import pytest
from relayout import FAMILIES
from relayout_gate import PIN_COMMAND, failures, load_floors, measure, pinned


@pytest.mark.slow
def test_no_layout_family_falls_below_its_floors():
    floors = load_floors()
    assert set(floors) == set(FAMILIES), f"every family has floors; pin with `{PIN_COMMAND}`"
    assert failures(measure(), floors) == []


def test_a_family_below_its_floor_fails_the_gate_and_pinning_never_lowers_it():
    floors = {"f": {"holds": 40, "segF1": 0.9, "complete": 0.9, "pure": 0.8, "title": 0.8, "zone": 0.9,
                    "authors": 0.7, "extra": 1, "noise": 0}}
    worse = {"f": {**floors["f"], "holds": 39, "pure": 0.79, "extra": 2}}
    assert [m.split(" ")[1] for m in failures(worse, floors)] == ["holds", "pure", "extra"]
    assert failures({"f": dict(floors["f"])}, floors) == []
    kept, refused = pinned(worse, floors, allow_lower=False)
    assert kept == floors and len(refused) == 3
    better = {"f": {**floors["f"], "holds": 50, "pure": 0.876, "extra": 0}}
    raised, refused = pinned(better, floors, allow_lower=False)
    assert (raised["f"]["holds"], raised["f"]["pure"], raised["f"]["extra"], refused) == (50, 0.87, 0, [])
