"""Issue 12, item 10 in the window: importing Kartu Komitmen may overwrite amounts stamped
at a table, so it asks the committee PIN first, as the CLI does."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from bid_desktop.services.imports import import_xlsx
from bid_desktop.storage.models import Commitment
from bid_desktop.ui.common import sheet_files
from bid_desktop.ui.common.feedback import Feedback
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.tasks import TaskManager
from tests.unit.test_imports_commitments import MENU, _sheet


def _count(db) -> int:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return int(s.scalar(select(func.count()).select_from(Commitment)) or 0)


def test_commitment_import_asks_the_pin(qtbot, db, tmp_path: Path, monkeypatch):
    with db.begin() as s:
        import_xlsx(s, "innovations", _sheet("innovations", tmp_path / "m.xlsx", MENU))
    rows = [["18.06.20.2001", "", "Suyanto", "a01", "150jt", 2027, "A1", ""]]
    path = _sheet("commitments", tmp_path / "k.xlsx", rows)
    ctx = AppContext(db=db, tasks=TaskManager())
    feedback = Feedback()
    qtbot.addWidget(feedback)
    files = sheet_files.SheetFiles(feedback, ctx, "commitments", feedback, lambda: None)
    answers = [None, "000000", "123456"]
    monkeypatch.setattr(sheet_files, "ask_pin", lambda *_a: answers.pop(0))
    files.import_file(path)  # cancelled at the PIN prompt
    ctx.tasks.wait()
    assert _count(db) == 0
    files.import_file(path)  # wrong PIN
    ctx.tasks.wait()
    qtbot.waitUntil(lambda: "PIN" in feedback.text())
    assert _count(db) == 0
    files.import_file(path)
    ctx.tasks.wait()
    qtbot.waitUntil(lambda: _count(db) == 1)
    ctx.tasks.shutdown()
