"""Duplicate-person review: candidate groups found by name+desa, phone or name+jabatan;
the persons side by side field by field; "Orang yang sama" links them (the survivor id is
chosen by ``sync.duplicates``: the smallest id, order-free), "Bukan orang yang sama" stops
proposing the group. Both behind the committee PIN; both replicate."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services.audit import require_pin
from bid_desktop.services.events import desa_list
from bid_desktop.services.scope import events_in
from bid_desktop.sync import duplicates as duplicate_service
from bid_desktop.sync.labels import field_label
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.common.pin import ask_pin
from bid_desktop.ui.common.table_model import Column, RowsModel
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.sinkronisasi.common import DIFF_BG, SyncPage, format_value, translate_label

# Shown side by side; the id is in the column header's tooltip.
SHOWN_FIELDS = [f for f in duplicate_service.FIELDS if f != "id"]


class DuplicatesPage(SyncPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.group: dict[str, Any] | None = None
        self.model = RowsModel(
            [
                Column("names", self.tr("Peserta")),
                Column("reasons", self.tr("Kesamaan"), self._reasons_text),
            ],
            id_key="key",
        )
        self._build()

    def _build(self) -> None:
        self.lbl_count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.lbl_count, 1)
        top.addWidget(self.button(self.tr("&Muat ulang (F5)"), self.refresh))
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 840])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.feedback)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.view)

    def _build_detail(self) -> QWidget:
        self.lbl_group = QLabel(self.tr("Pilih kemungkinan duplikat di daftar kiri."))
        self.lbl_group.setWordWrap(True)
        self.lbl_group.setStyleSheet("font-weight: bold;")
        hint = QLabel(
            self.tr(
                'Kuning: kolom yang berbeda. "Orang yang sama" memakai satu nomor peserta '
                "dan membatalkan yang lain (tidak dihapus); keputusan ikut tersinkron."
            )
        )
        hint.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.btn_same = self.button(self.tr("&Orang yang sama"), self.link_same)
        self.btn_different = self.button(self.tr("Bu&kan orang yang sama"), self.not_same)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.btn_same)
        buttons.addWidget(self.btn_different)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lbl_group)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._enable(False)
        return box

    def _enable(self, on: bool) -> None:
        self.btn_same.setEnabled(on)
        self.btn_different.setEnabled(on)

    def _reasons_text(self, reasons: Any) -> str:
        names = {
            "nama+desa": self.tr("nama + desa"),
            "telepon": self.tr("telepon"),
            "nama+jabatan": self.tr("nama + jabatan"),
        }
        parts = [p.strip() for p in str(reasons or "").split(",") if p.strip()]
        return ", ".join(names.get(p, p) for p in parts)

    # --- list --------------------------------------------------------------------------------

    def refresh(self) -> None:
        scope = self.ctx.scope  # a TA database: the events chosen (every one by default)

        def work() -> list[dict[str, Any]]:
            with self.ctx.db.begin() as session:
                groups, names = [], {}
                for event_id in events_in(session, scope):
                    groups += duplicate_service.find_candidates(session, event_id)
                    names.update({d.code: d.name for d in desa_list(session, event_id)})
            for group in groups:
                for member in group["participants"]:
                    code = member.get("desa_code")
                    if code in names:
                        member["desa_code"] = f"{names[code]} ({code})"
            return groups

        self.run(work, self._show_list)

    def _show_list(self, groups: list[dict[str, Any]]) -> None:
        for group in groups:
            group["key"] = ",".join(group["ids"])
            group["names"] = " / ".join(f"{m['number']} {m['name']}" for m in group["participants"])
        self.model.set_rows(groups)
        self.lbl_count.setText(self.tr("Kemungkinan orang yang sama: %d kelompok") % len(groups))
        if groups:
            self.view.selectRow(0)
        else:
            self.group = None
            self.lbl_group.setText(self.tr("Tidak ada kemungkinan duplikat."))
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self._enable(False)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        group = self.model.row_at(current)
        if group is not None:
            self.show_group(group)

    # --- side by side ------------------------------------------------------------------------

    def show_group(self, group: dict[str, Any]) -> None:
        self.group = group
        members = group["participants"]
        self.lbl_group.setText(
            self.tr("%d peserta, sama pada: %s")
            % (len(members), self._reasons_text(group["reasons"]))
        )
        self.table.clear()
        self.table.setColumnCount(1 + len(members))
        survivor = min(group["ids"])  # sync.duplicates keeps the smallest id of the group
        titles = [self.tr("Kolom")]
        for i, member in enumerate(members):
            title = self.tr("Peserta %d") % (i + 1)
            if member["id"] == survivor:
                title += "\n" + self.tr("(nomor ini dipakai jika sama)")
            titles.append(title)
        self.table.setHorizontalHeaderLabels(titles)
        for i, member in enumerate(members):
            header_item = self.table.horizontalHeaderItem(i + 1)
            if header_item is not None:
                header_item.setToolTip(str(member["id"]))
        self.table.setRowCount(len(SHOWN_FIELDS))
        for r, name in enumerate(SHOWN_FIELDS):
            values = [m.get(name) for m in members]
            differs = any(v != values[0] for v in values)
            cells = [translate_label(field_label(name))]
            cells += [format_value("participant", name, v) for v in values]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if differs:
                    item.setBackground(DIFF_BG)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._enable(True)

    # --- decisions ---------------------------------------------------------------------------

    def link_same(self) -> None:
        group = self.group
        pin = ask_pin(self, self.tr("menandai orang yang sama")) if group else None
        if group is None or pin is None:
            return
        ids = list(group["ids"])

        def work() -> str:
            with self.ctx.db.begin() as session:
                return duplicate_service.link_same_person(session, ids, pin)

        self.run(work, lambda survivor: self._decided(group, survivor))

    def not_same(self) -> None:
        group = self.group
        pin = ask_pin(self, self.tr("menandai bukan orang yang sama")) if group else None
        if group is None or pin is None:
            return
        ids = list(group["ids"])

        def work() -> None:
            with self.ctx.db.begin() as session:
                require_pin(session, pin)
                duplicate_service.mark_not_duplicate(session, ids)

        self.run(work, lambda _none: self._decided(group, None))

    def _decided(self, group: dict[str, Any], survivor: str | None) -> None:
        if survivor is None:
            text = self.tr("Dicatat: bukan orang yang sama (%s).") % group["names"]
        else:
            kept = next(m for m in group["participants"] if m["id"] == survivor)
            text = self.tr("Digabung: nomor %s dipakai, yang lain dibatalkan.") % kept["number"]
        self.feedback.show_message(text, Tone.OK)
        self.group = None
        self.ctx.bus.data_changed.emit("participant")
        self.refresh()
        self.view.setFocus()
