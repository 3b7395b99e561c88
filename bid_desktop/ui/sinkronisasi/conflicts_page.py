"""Conflict review: open conflicts (hard first), both sides field by field, choose a side.

The choice is written through ``sync.conflicts.choose_side`` (PIN, audit), so it becomes a
version whose parents are all heads and travels to the other laptops like any edit.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.sync import conflicts as conflict_service
from bid_desktop.sync.labels import field_label
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.common.pin import ask_pin
from bid_desktop.ui.common.table_model import Column, RowsModel
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.sinkronisasi.common import (
    HARD_BG,
    SOFT_BG,
    SyncPage,
    format_value,
    hlc_time,
    translate_label,
)

# Keys for "take version 1/2/3" (Alt+digit switches the pages, Ctrl+digit the main tabs).
SIDE_KEYS = ["F7", "F8", "F9"]


class ConflictsPage(SyncPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail: dict[str, Any] | None = None
        self.side_buttons: list[QPushButton] = []
        self.model = RowsModel(
            [
                Column("kind", self.tr("Jenis"), self._kind_text),
                Column("label", self.tr("Data"), translate_label),
                Column("fields", self.tr("Kolom berbeda"), self._fields_text),
            ],
            id_key="record_id",
        )
        self._build()

    def _build(self) -> None:
        self.lbl_counts = QLabel()
        self.btn_refresh = self.button(self.tr("&Muat ulang (F5)"), self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.lbl_counts, 1)
        top.addWidget(self.btn_refresh)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([500, 820])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.feedback)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.view)

    def _build_detail(self) -> QWidget:
        self.lbl_record = QLabel(self.tr("Pilih konflik di daftar kiri."))
        self.lbl_record.setWordWrap(True)
        self.lbl_record.setStyleSheet("font-weight: bold;")
        self.chk_only_diff = QCheckBox(self.tr("&Hanya kolom yang berbeda"))
        self.chk_only_diff.setChecked(True)
        self.chk_only_diff.toggled.connect(lambda _on: self._fill_table())
        legend = QLabel(
            self.tr(
                "Merah: kolom yang diubah berbeda di dua laptop — pilih versi mana yang "
                "benar. Kuning: berbeda, sudah digabung otomatis (kolom Hasil sekarang). "
                "Memakai satu versi mengambil versi itu utuh, termasuk kolom kuning."
            )
        )
        legend.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.side_box = QHBoxLayout()
        self.buttons = QHBoxLayout()
        self.buttons.addLayout(self.side_box)
        self.buttons.addStretch(1)
        self.btn_keep = self.button(
            self.tr("&Pertahankan hasil sekarang"), lambda: self.choose(None)
        )
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lbl_record)
        layout.addWidget(legend)
        layout.addWidget(self.chk_only_diff)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.buttons.addWidget(self.btn_keep)
        self._set_buttons([])
        return box

    # --- list --------------------------------------------------------------------------------

    def _kind_text(self, kind: Any) -> str:
        return self.tr("Berat") if kind == "hard" else self.tr("Ringan")

    def _fields_text(self, fields: Any) -> str:
        return ", ".join(translate_label(field_label(f)) for f in fields or [])

    def refresh(self) -> None:
        scope = self.ctx.scope  # a TA database: the events chosen (every one by default)

        def work() -> tuple[list[dict[str, Any]], dict[str, int]]:
            with self.ctx.db.begin() as session:
                return (
                    conflict_service.list_conflicts(session, scope=scope),
                    conflict_service.count_conflicts(session, scope),
                )

        self.run(work, self._show_list)

    def _show_list(self, result: tuple[list[dict[str, Any]], dict[str, int]]) -> None:
        rows, counts = result
        keep = self.detail["record_id"] if self.detail else None
        self.model.set_rows(rows)
        self.lbl_counts.setText(
            self.tr("Konflik terbuka: %d berat, %d ringan") % (counts["hard"], counts["soft"])
        )
        ids = [r["record_id"] for r in rows]
        if rows:
            self.view.selectRow(ids.index(keep) if keep in ids else 0)
        else:
            self.detail = None
            self.lbl_record.setText(self.tr("Tidak ada konflik terbuka."))
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self._set_buttons([])

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current)
        if row is not None:
            self.load_detail(row["record_id"])

    # --- detail ------------------------------------------------------------------------------

    def load_detail(self, record_id: str) -> None:
        def work() -> dict[str, Any]:
            with self.ctx.db.begin() as session:
                return conflict_service.conflict_detail(session, record_id)

        self.run(work, self._show_detail)

    def _show_detail(self, detail: dict[str, Any]) -> None:
        self.detail = detail
        kind = self.tr("konflik berat") if detail["kind"] == "hard" else self.tr("konflik ringan")
        self.lbl_record.setText(f"{translate_label(detail['label'])} — {kind}")
        self._fill_table()
        self._set_buttons(detail["heads"], detail["kind"] == "hard")

    def head_title(self, index: int, head: dict[str, Any]) -> str:
        title = self.tr("Versi %d · %s\n%s") % (index + 1, head["station"], hlc_time(head["hlc"]))
        return title + (self.tr(" (pemenang)") if index == 0 else "")

    def _fill_table(self) -> None:
        detail = self.detail
        if detail is None:
            return
        heads = detail["heads"]
        titles = [self.tr("Kolom"), self.tr("Sebelumnya")]
        titles += [self.head_title(i, h) for i, h in enumerate(heads)]
        titles.append(self.tr("Hasil sekarang"))
        rows = [r for r in detail["fields"] if r["differs"] or not self.chk_only_diff.isChecked()]
        self.table.clear()
        self.table.setColumnCount(len(titles))
        self.table.setHorizontalHeaderLabels(titles)
        self.table.setRowCount(len(rows))
        entity = detail["entity"]
        for r, row in enumerate(rows):
            cells = [translate_label(row["label"])]
            cells.append(format_value(entity, row["field"], row["base"]))
            cells += [format_value(entity, row["field"], v) for v in row["values"]]
            cells.append(format_value(entity, row["field"], row["merged"]))
            colour = HARD_BG if row["hard"] else SOFT_BG if row["differs"] else None
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if colour is not None:
                    item.setBackground(colour)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()

    def _set_buttons(self, heads: list[dict[str, Any]], hard: bool = True) -> None:
        """One button per head for a hard conflict; a soft one only needs confirming."""
        for button in self.side_buttons:
            self.side_box.removeWidget(button)
            button.hide()  # its F-key must not stay alive until the deferred delete
            button.setShortcut(QKeySequence())
            button.deleteLater()
        self.side_buttons = []
        self.btn_keep.setText(
            self.tr("&Pertahankan hasil sekarang") if hard else self.tr("&Terima hasil gabungan")
        )
        for i, head in enumerate(heads if hard else []):
            key = SIDE_KEYS[i] if i < len(SIDE_KEYS) else ""
            text = self.tr("Pakai versi %d (%s)") % (i + 1, head["station"])
            version_id: str = head["version_id"]
            button = self.button(f"{text} {key}".strip(), partial(self.choose, version_id))
            if key:
                button.setShortcut(QKeySequence(key))
            self.side_box.addWidget(button)
            self.side_buttons.append(button)
        self.btn_keep.setEnabled(bool(heads))

    # --- resolve -----------------------------------------------------------------------------

    def choose(self, version_id: str | None) -> None:
        detail = self.detail
        if detail is None:
            return
        pin = ask_pin(self, self.tr("menyelesaikan konflik"))
        if pin is None:
            return
        record_id = detail["record_id"]

        def work() -> dict[str, object]:
            with self.ctx.db.begin() as session:
                return conflict_service.choose_side(session, record_id, version_id, pin)

        self.run(work, lambda _values: self._resolved(detail))

    def _resolved(self, detail: dict[str, Any]) -> None:
        self.feedback.show_message(
            self.tr("Konflik diselesaikan: %s. Pilihan ini ikut tersinkron ke laptop lain.")
            % translate_label(detail["label"]),
            Tone.OK,
        )
        self.detail = None
        self.ctx.bus.data_changed.emit("conflict")
        self.refresh()
        self.view.setFocus()
