"""`export` and `merge` (cli.md): this laptop's package, and merging packages."""

from __future__ import annotations

import argparse
from pathlib import Path

from bid_desktop.commands.common import add_db, add_passphrase, existing_db, out, read_passphrase
from bid_desktop.commands.lang import t
from bid_desktop.services import keystore
from bid_desktop.services import sync as sync_service
from bid_desktop.storage.db import Database


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = sub.add_parser("export", help=t("tulis paket .bidsync laptop ini; cetak lokasinya"))
    add_db(export)
    add_passphrase(export)  # only asked when this laptop has no key file for the event
    export.add_argument(
        "--out", type=Path, default=Path("."), help=t("folder tujuan (mis. flashdisk)")
    )
    export.add_argument(
        "--event",
        action="append",
        metavar="ID",
        help=t("basis data TA: ekspor hanya acara ini (boleh berulang); bawaan: setiap acara"),
    )
    export.set_defaults(func=cmd_export)

    merge = sub.add_parser("merge", help=t("gabungkan paket .bidsync ke basis data ini"))
    add_db(merge)
    # this laptop's key when its key file is missing; on a TA database also the passphrase(s)
    # of events merged for the first time (one per line)
    add_passphrase(merge)
    merge.add_argument(
        "--dry-run",
        action="store_true",
        help=t("tampilkan yang akan berubah, tanpa menulis apa pun"),
    )
    merge.add_argument(
        "--backup-dir",
        type=Path,
        help=t("tempat cadangan sebelum penggabungan (bawaan: pengaturan)"),
    )
    merge.add_argument("packages", nargs="+", type=Path, metavar="PACKAGE")
    merge.set_defaults(func=cmd_merge)


def ensure_key(args: argparse.Namespace, db: Database) -> None:
    """A database copied or restored onto this laptop has no key file: unlock it with the
    event passphrase (``--passphrase-file``, ``BID_PASSPHRASE`` or asked)."""
    with db.begin() as session:
        try:
            keystore.event_key(session)
            return
        except keystore.KeyMissing:
            pass
    with db.begin() as session:
        keystore.unlock(session, read_passphrase(args))


def cmd_export(args: argparse.Namespace) -> int:
    from bid_desktop.services import sync_events

    db = existing_db(args)
    try:
        ensure_key(args, db)
        with db.begin() as session:
            ta = sync_events.is_ta(session)
        if ta:  # a TA database: one package per event (for the province)
            for item in sync_events.export_event_packages(db, args.out, args.event):
                out(str(item.path))
            return 0
        result = sync_service.export_package(db, args.out)
    finally:
        db.dispose()
    out(str(result.path))
    return 0


def _passphrases(args: argparse.Namespace, db: Database, packages: list[Path]) -> list[str]:
    """Only a TA database merging an event for the first time needs passphrases: the file
    may hold several (one per line, tried against each new event), else one is read."""
    from bid_desktop.services import sync_events

    new = sync_events.unknown_events(db, packages)
    if not new:
        return []
    path: Path | None = getattr(args, "passphrase_file", None)
    if path is not None:
        phrases = [line.strip() for line in read_passphrase(args).splitlines() if line.strip()]
        return phrases
    return [read_passphrase(args)]


def _counts(item: sync_service.PackageImport | sync_service.ImportSummary) -> str:
    return t(
        "%d ditambah, %d diperbarui, %d dihapus, konflik %d berat / %d ringan, %d calon duplikat"
    ) % (
        item.added,
        item.updated,
        item.deleted,
        item.conflicts_hard,
        item.conflicts_soft,
        item.duplicate_candidates,
    )


def cmd_merge(args: argparse.Namespace) -> int:
    db = existing_db(args)
    try:
        ensure_key(args, db)
        summary = sync_service.import_packages(
            db,
            args.packages,
            dry_run=args.dry_run,
            backup_dir=args.backup_dir,
            passphrases=_passphrases(args, db, args.packages),
        )
    finally:
        db.dispose()
    for item in summary.packages:
        seen = t(" (sudah pernah diimpor)") if item.info.already_imported else ""
        out(
            t("%s: stasiun %s, %d versi, %d baru%s; %s")
            % (
                item.info.path.name,
                item.info.station,
                item.info.versions,
                item.versions_new,
                seen,
                _counts(item),
            )
        )
    prefix = t("uji coba, tidak ada yang ditulis") if summary.dry_run else t("digabung")
    out(t("%s: %d paket; %s") % (prefix, len(summary.packages), _counts(summary)))
    if summary.number_collisions:
        out(
            t("nomor yang diberikan dua kali: %d (bid-desktop check menampilkannya)")
            % summary.number_collisions
        )
    if summary.backup is not None:
        out(t("cadangan sebelum penggabungan: %s") % summary.backup)
    for problem in summary.audit_problems:
        out(t("log audit: %s") % problem)
    return 0
