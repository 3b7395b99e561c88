"""The user guide ships with every picture it shows, opens with F1, and follows the language."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from bid_desktop.services import station as station_service
from bid_desktop.ui.app import build_window
from bid_desktop.ui.i18n import guide_path, resources_dir

GUIDE = resources_dir() / "guide"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[str] = []
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "img":
            self.images.append(str(values.get("src") or ""))
        if tag == "a" and values.get("href"):
            self.hrefs.append(str(values["href"]))


def _parse(page: Path) -> _Links:
    links = _Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def test_guide_per_language_with_indonesian_fallback():
    assert guide_path("id") == GUIDE / "panduan-id.html"
    assert guide_path("en") == GUIDE / "panduan-en.html"
    assert guide_path("fr") == GUIDE / "panduan-id.html"


def test_every_picture_and_link_of_the_guides_exists():
    pages = sorted(GUIDE.glob("panduan-*.html"))
    assert [p.name for p in pages] == ["panduan-en.html", "panduan-id.html"]
    for page in pages:
        links = _parse(page)
        assert links.images, f"{page.name} shows no screenshots"
        for src in links.images:
            assert re.fullmatch(r"img/[\w.-]+\.png", src), f"{page.name}: {src}"
            assert (GUIDE / src).is_file(), f"{page.name}: missing {src} (update-screenshots)"
        for href in links.hrefs:
            if href.startswith("#"):
                assert href[1:] in links.ids, f"{page.name}: no anchor {href}"
            elif not href.startswith(("http://", "https://")):
                assert (GUIDE / href).is_file(), f"{page.name}: broken link {href}"


def test_indonesian_guide_has_a_section_per_station():
    text = (GUIDE / "panduan-id.html").read_text(encoding="utf-8")
    headings = " | ".join(re.findall(r"<h2[^>]*>(.*?)</h2>", text))
    for section in (
        "Registrasi",
        "Ruang Bursa",
        "Meja Konsultasi",
        "Jendela 3",
        "Sinkronisasi",
        "Rekap &amp; Tindak Lanjut",
        "PIN panitia",
        "Listrik padam",
        "Jam laptop",
    ):
        assert section in headings, f"no section for {section}: {headings}"


class _Viewer(QObject):
    """Stands in for the system browser: Qt routes file:// URLs here (setUrlHandler)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.opened.append(url)


def test_f1_opens_the_guide_in_the_station_language(qtbot, db):
    viewer = _Viewer()
    QDesktopServices.setUrlHandler("file", viewer, "show")
    try:
        window = build_window(db)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.windowHandle().requestActivate()  # a menu shortcut needs the active window
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_F1)
        assert [u.toLocalFile() for u in viewer.opened] == [str(GUIDE / "panduan-id.html")]
        with db.begin() as s:
            station_service.set_language(s, "en")
        window.ctx.reload_station()
        qtbot.keyClick(window, Qt.Key.Key_F1)
        assert viewer.opened[-1].toLocalFile() == str(GUIDE / "panduan-en.html")
    finally:
        QDesktopServices.unsetUrlHandler("file")
