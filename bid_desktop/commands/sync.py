"""`export` and `merge` (cli.md): this laptop's package, and merging packages."""

from __future__ import annotations

import argparse
from pathlib import Path

from bid_desktop.commands.common import add_db, existing_db, out
from bid_desktop.commands.lang import t
from bid_desktop.services import sync as sync_service


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = sub.add_parser("export", help=t("tulis paket .bidsync laptop ini; cetak lokasinya"))
    add_db(export)
    export.add_argument(
        "--out", type=Path, default=Path("."), help=t("folder tujuan (mis. flashdisk)")
    )
    export.set_defaults(func=cmd_export)

    merge = sub.add_parser("merge", help=t("gabungkan paket .bidsync ke basis data ini"))
    add_db(merge)
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


def cmd_export(args: argparse.Namespace) -> int:
    db = existing_db(args)
    try:
        result = sync_service.export_package(db, args.out)
    finally:
        db.dispose()
    out(str(result.path))
    return 0


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
        summary = sync_service.import_packages(
            db, args.packages, dry_run=args.dry_run, backup_dir=args.backup_dir
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
    if summary.backup is not None:
        out(t("cadangan sebelum penggabungan: %s") % summary.backup)
    return 0
