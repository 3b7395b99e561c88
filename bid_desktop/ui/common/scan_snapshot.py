"""What a widget looked like before a scanner's keys reached it, to put it back when those keys
turn out to be a scan (``scan_router.py``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from bid_desktop.ui.common.scan import ScanBox


def is_text_input(widget: QWidget) -> bool:
    """Keys typed here only change text, which can be put back."""
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QLineEdit | QAbstractSpinBox | QPlainTextEdit | QTextEdit)


class Snapshot:
    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        self.state: Any = self._take(widget)

    @staticmethod
    def _take(w: QWidget) -> Any:
        if isinstance(w, QLineEdit):
            return w.text(), w.cursorPosition()
        if isinstance(w, QAbstractSpinBox):
            return w.text()
        if isinstance(w, QPlainTextEdit | QTextEdit):
            return w.toPlainText()
        if isinstance(w, QComboBox):
            return w.currentIndex(), w.currentText()
        if isinstance(w, QAbstractItemView):
            return QPersistentModelIndex(w.currentIndex())
        return None

    def restore(self) -> None:
        w, state = self.widget, self.state
        if isinstance(w, QLineEdit):
            self._line(w, *state)
        elif isinstance(w, QAbstractSpinBox):
            line = w.findChild(QLineEdit)
            if line is not None and line.text() != state:
                line.setText(state)
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            if w.toPlainText() != state:
                w.setPlainText(state)
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(state[0])
            if w.isEditable():
                w.setEditText(state[1])
        elif isinstance(w, QAbstractItemView):
            self._view(w, state)

    @staticmethod
    def _line(w: QLineEdit, text: str, cursor: int) -> None:
        completer = w.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None:
            popup.hide()
        if w.text() == text:
            return
        w.setText(text)
        w.setCursorPosition(cursor)
        if isinstance(w, ScanBox):
            w.cancel_search()
        else:
            w.textEdited.emit(text)  # filters that follow typing see the text as it was

    @staticmethod
    def _view(w: QAbstractItemView, index: QPersistentModelIndex) -> None:
        selection = w.selectionModel()
        if selection is None:
            return
        if index.isValid():
            w.setCurrentIndex(w.model().index(index.row(), index.column()))
        else:
            selection.clearSelection()
            selection.clearCurrentIndex()
