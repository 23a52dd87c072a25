"""Progress of long loops: one line each time the count passes a multiple of ``every``."""
from __future__ import annotations

import logging

import pytest

from builder.runtime.progress import Counter, Steps, log


@pytest.fixture(autouse=True)
def _listen(caplog):
    # Straight on the builder's logger: a front end may have stopped it propagating.
    propagate, log.propagate = log.propagate, False
    log.addHandler(caplog.handler)
    yield
    log.removeHandler(caplog.handler)
    log.propagate = propagate


def test_a_counter_logs_each_thousand_once_whatever_the_step(caplog):
    log.setLevel(logging.INFO)
    counter = Counter("MkDocs pages written", total=2500)
    for n in (1, 998, 1, 700, 700, 100):  # crosses 1,000 on the third add, 2,000 on the fifth
        counter.add(n)
    lines = [r.getMessage() for r in caplog.records]
    assert [line.split(" (")[0] for line in lines] == ["MkDocs pages written: 1,000 of 2,500",
                                                       "MkDocs pages written: 2,400 of 2,500"]


def test_steps_time_each_phase_from_the_previous_one(caplog):
    log.setLevel(logging.INFO)
    steps = Steps()
    first, second = steps.done("one"), steps.done("two")
    assert first >= 0 and second >= 0 and steps.total() >= first + second
    assert [r.getMessage().split(" (")[0] for r in caplog.records] == ["one", "two"]
