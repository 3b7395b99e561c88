"""Spreadsheets shaped like the ones offices send, built in the tests (names invented).

- ``xlsx``: written by openpyxl, then its sheet XML patched the way other programs write it:
  a declared size of ``A1`` (WPS Office) or narrower than the data, formulas with the value the
  program saved beside them (openpyxl writes none), merged title cells.
- ``xls``: Excel 97-2003 written by xlwt; ``ods``: an OpenDocument zip written by hand;
  ``csv``: comma or semicolon, UTF-8 (with or without BOM) or Windows-1252.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape


def xlsx(
    path: Path,
    rows: list[list[object]],
    *,
    dimension: str | None = None,
    formulas: dict[str, tuple[str, object | None]] | None = None,
    merge: str | None = None,
) -> Path:
    """``formulas``: cell ref → (formula without '=', saved value or None for none saved)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for ref, (formula, _) in (formulas or {}).items():
        ws[ref] = "=" + formula
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    _patch_sheet(path, dimension, formulas or {})
    return path


def _patch_sheet(
    path: Path, dimension: str | None, formulas: dict[str, tuple[str, object]]
) -> None:
    member = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as z:
        items = [(info, z.read(info)) for info in z.infolist()]
    out: list[tuple[zipfile.ZipInfo, bytes]] = []
    for info, data in items:
        if info.filename == member:
            text = data.decode()
            if dimension is not None:
                text = re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"', text)
            for ref, (formula, value) in formulas.items():
                text = _cached(text, ref, formula, value)
            data = text.encode()
        out.append((info, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in out:
            z.writestr(info, data)


def _cached(text: str, ref: str, formula: str, value: object) -> str:
    cell = re.compile(rf'<c r="{ref}"[^>]*>.*?</c>', re.S)
    f = f"<f>{escape(formula)}</f>"
    if value is None:
        new = f'<c r="{ref}">{f}<v /></c>'
    elif isinstance(value, str):
        new = f'<c r="{ref}" t="str">{f}<v>{escape(value)}</v></c>'
    else:
        new = f'<c r="{ref}">{f}<v>{value}</v></c>'
    text, n = cell.subn(new, text)
    assert n == 1, ref
    return text


def xls(path: Path, rows: list[list[object]]) -> Path:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Daftar Undangan")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value not in (None, ""):
                ws.write(r, c, value)
    wb.save(str(path))
    return path


def ods(
    path: Path, rows: list[list[object]], formulas: dict[tuple[int, int], str] | None = None
) -> Path:
    """A minimal OpenDocument spreadsheet; ``formulas`` (row, col) → formula beside the value."""
    formulas = formulas or {}
    body = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            f = formulas.get((r, c))
            attr = f' table:formula="of:{escape(f)}"' if f else ""
            if value in (None, ""):
                cells.append("<table:table-cell/>")
            elif isinstance(value, int | float):
                cells.append(
                    f'<table:table-cell{attr} office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>"
                )
            else:
                cells.append(
                    f'<table:table-cell{attr} office:value-type="string">'
                    f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
                )
        body.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Daftar">'
        + "".join(body)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def csv_file(path: Path, rows: list[list[object]], *, delimiter: str, encoding: str) -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def encrypted(path: Path, rows: list[list[object]], password: str = "rahasia") -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = xlsx(path.with_name("plain-" + path.name), rows)
    with plain.open("rb") as src, path.open("wb") as dst:
        OOXMLFile(src).encrypt(password, dst)
    plain.unlink()
    return path
