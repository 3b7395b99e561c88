"""R2 in CI: a sample of hostile packages (every kind of bench/hostile.py, several times) is
refused by ``import_packages`` and by ``bid-desktop merge`` (exit 3, one line naming the file
and the failed check), and the target database is unchanged, dump for dump."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench.hostile import KINDS, Case, cases, check_of, dump, make_scenario
from bid_desktop.cli import run
from bid_desktop.services import sync as sync_service
from bid_desktop.services.errors import InputRefused

SAMPLE = 66


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory):
    sc = make_scenario(tmp_path_factory.mktemp("hostile"))
    yield sc
    sc.target.dispose()
    sc.source.dispose()


def _refused_by_service(scenario, case: Case, backups: Path) -> str:
    with pytest.raises(InputRefused) as err:
        sync_service.import_packages(scenario.target, [case.path], backup_dir=backups)
    message = str(err.value)
    assert message.startswith(f"{case.path.name}: "), (case.kind, message)
    assert check_of(message) in case.accept, (case.kind, message)
    assert "\n" not in message
    return check_of(message)


def test_hostile_sample_refused_and_target_unchanged(scenario, tmp_path, capsys):
    before = dump(scenario.target.path)
    seen: Counter[str] = Counter()
    checks: Counter[str] = Counter()
    for i, case in enumerate(cases(scenario.forge, SAMPLE, seed=2026)):
        checks[_refused_by_service(scenario, case, tmp_path / "bk")] += 1
        if i % 2 == 0 or case.kind in ("bad-rows", "manifest-lies"):
            assert run(["merge", "--db", str(scenario.target.path), str(case.path)]) == 3
            err = capsys.readouterr().err.strip()
            assert err.startswith(f"bid-desktop: {case.path.name}: ") and "\n" not in err
        with pytest.raises(InputRefused):
            sync_service.inspect_package(scenario.target, case.path)
        assert dump(scenario.target.path) == before, case.kind
        seen[case.kind] += 1
        case.path.unlink()
    assert set(seen) == set(KINDS) and min(seen.values()) >= 2
    # the refusals came from many different checks, not one catch-all
    assert len(checks) >= 12, checks


def test_the_honest_package_still_merges(scenario, tmp_path):
    """The forge's starting point is accepted (so the refusals above are about the damage)."""
    summary = sync_service.import_packages(
        scenario.target, [scenario.good], dry_run=True, backup_dir=tmp_path
    )
    assert summary.packages[0].info.already_imported and summary.versions_new == 0


def test_hostile_packages_cannot_start_a_laptop(scenario, tmp_path):
    wanted = ("bitflip", "truncated", "path-trick", "zip-bomb-ratio", "wrong-passphrase")
    for case in cases(scenario.forge, 40, seed=7):
        if case.kind not in wanted:
            continue
        new = tmp_path / f"{case.path.stem}.sqlite"
        with pytest.raises(InputRefused):
            sync_service.join_event(new, case.path, "REG7", "rahasia-hostile-2026", "registrasi")
        assert "station_state VALUES" not in dump(new)
