"""Merged databases against the reference model (model.py) on random multi-laptop histories.

``BID_MODEL_HISTORIES`` sets how many (CI: 200; bench/bench_model.py runs 2,000)."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests.sync import model_run

HISTORIES = int(os.environ.get("BID_MODEL_HISTORIES", "200"))


@pytest.fixture(scope="module")
def model_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return model_run.make_templates(tmp_path_factory.mktemp("model-templates"))


def test_merged_record_is_what_the_people_meant(model_templates, tmp_path):
    failures = []
    for seed in range(HISTORIES):
        ops = model_run.history(random.Random(seed))
        problems = model_run.run_history(model_templates, tmp_path / f"h{seed}", ops)
        if problems:
            failures.append(f"seed {seed}: {ops}: {problems}")
    assert not failures, "\n".join(failures[:5]) + f"\n({len(failures)} of {HISTORIES})"
