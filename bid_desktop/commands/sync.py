"""`export` and `merge` (cli.md): this laptop's package, and merging packages."""

from __future__ import annotations

import argparse
from pathlib import Path

from bid_desktop.commands.common import add_db, existing_db, out
from bid_desktop.services import sync as sync_service


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = sub.add_parser("export", help="write this laptop's .bidsync package; print its path")
    add_db(export)
    export.add_argument(
        "--out", type=Path, default=Path("."), help="folder to write into (e.g. a USB stick)"
    )
    export.set_defaults(func=cmd_export)

    merge = sub.add_parser("merge", help="merge .bidsync packages into this database")
    add_db(merge)
    merge.add_argument(
        "--dry-run", action="store_true", help="show what would change, write nothing"
    )
    merge.add_argument(
        "--backup-dir", type=Path, help="where the backup before the merge goes (default: settings)"
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
    return (
        f"added {item.added}, updated {item.updated}, deleted {item.deleted}, "
        f"conflicts {item.conflicts_hard} hard / {item.conflicts_soft} soft, "
        f"duplicate candidates {item.duplicate_candidates}"
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
        seen = " (already imported before)" if item.info.already_imported else ""
        out(
            f"{item.info.path.name}: station {item.info.station}, {item.info.versions} versions, "
            f"{item.versions_new} new{seen}; {_counts(item)}"
        )
    prefix = "dry run, nothing written" if summary.dry_run else "merged"
    out(f"{prefix}: {len(summary.packages)} package(s); {_counts(summary)}")
    if summary.number_collisions:
        out(f"numbers given twice: {summary.number_collisions} (bid-desktop check lists them)")
    if summary.backup is not None:
        out(f"backup before merge: {summary.backup}")
    return 0
