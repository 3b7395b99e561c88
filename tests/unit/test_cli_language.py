"""One language per run: the command line speaks Indonesian unless --lang en asks for English
(before or after the subcommand), from the window's own catalogue (bid_desktop_en.ts)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from bid_desktop.cli import run
from bid_desktop.commands import lang
from tests import recap_data

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = re.compile(r"\b(written|rows|added|updated|pages|package|merged|events|in \d)\b")


@pytest.fixture(autouse=True)
def _reset():  # type: ignore[no-untyped-def]
    yield
    lang.set_language("id")


def _said(capsys, *argv: str) -> str:  # type: ignore[no-untyped-def]
    assert run(list(argv)) == 0
    captured = capsys.readouterr()
    return captured.out + captured.err


def test_recap_report_piagam_and_import_speak_one_language(db, tmp_path: Path, capsys):
    recap_data.build(db)
    db.dispose()
    base = ["--db", str(db.path)]
    recap = tmp_path / "rekap.xlsx"
    outputs = {
        "recap": ["recap", *base, "--out", str(recap)],
        "report": ["report", *base, "--out", str(tmp_path / "laporan.pdf")],
        "piagam": ["piagam", *base, "--out", str(tmp_path / "piagam")],
    }
    for name, argv in outputs.items():
        said = _said(capsys, *argv)
        assert said.strip() and not ENGLISH.search(said), (name, said)
    assert "rekap ditulis" in _said(capsys, "recap", *base, "--out", str(recap))
    assert "recap written" in _said(capsys, "--lang", "en", "recap", *base, "--out", str(recap))
    said = _said(capsys, "report", *base, "--out", str(tmp_path / "r.pdf"), "--lang", "en")
    assert said.startswith("report written:") and "pages" in said
    said = _said(capsys, "piagam", *base, "--out", str(tmp_path / "p2"), "--lang=en")
    assert "commitments" in said and "copies) in" in said and "komitmen" not in said
    said = _said(capsys, "import", "recap", *base, str(recap))
    assert "baris" in said and not ENGLISH.search(said)
    said = _said(capsys, "--lang", "en", "import", "recap", *base, str(recap))
    assert "rows" in said and "baris" not in said


def test_refusals_of_the_command_line_follow_the_language(tmp_path: Path, capsys):
    missing = str(tmp_path / "tidak-ada.sqlite")
    assert run(["recap", "--db", missing, "--out", str(tmp_path / "x.xlsx")]) == 3
    assert "basis data tidak ditemukan" in capsys.readouterr().err
    assert run(["--lang", "en", "recap", "--db", missing, "--out", str(tmp_path / "x.xlsx")]) == 3
    assert "database not found" in capsys.readouterr().err


def test_every_message_is_in_the_window_catalogue_and_the_list_is_current():
    script = ROOT / "resources" / "translations" / "cli_strings.py"
    spec = importlib.util.spec_from_file_location("cli_strings", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    generated = (ROOT / "bid_desktop" / "ui" / "cli_strings.py").read_text(encoding="utf-8")
    assert generated == module.render(), "run resources/translations/update"
    catalogue = lang._catalogue()
    missing = [m for m in module.messages() if not catalogue.get(m)]
    assert missing == []


def test_help_and_usage_errors_speak_the_language_of_the_run(capsys):
    with pytest.raises(SystemExit):
        run(["recap", "--help"])
    said = capsys.readouterr().out
    assert "penggunaan:" in said and "berkas basis data" in said and "database file" not in said
    with pytest.raises(SystemExit):
        run(["--lang", "en", "recap", "--help"])
    said = capsys.readouterr().out
    assert "usage:" in said and "database file" in said and "berkas" not in said
    with pytest.raises(SystemExit) as code:
        run(["recap"])
    assert code.value.code == 2
    assert "argumen berikut wajib diisi: --db, --out" in capsys.readouterr().err
