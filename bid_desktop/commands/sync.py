"""`export` and `merge` (cli.md): this laptop's package, and merging packages."""

from __future__ import annotations

import argparse
from pathlib import Path

from bid_desktop.commands.common import add_db, add_passphrase, existing_db, out, read_passphrase
from bid_desktop.services import keystore
from bid_desktop.services import sync as sync_service
from bid_desktop.storage.db import Database


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = sub.add_parser("export", help="write this laptop's .bidsync package; print its path")
    add_db(export)
    add_passphrase(export)  # only asked when this laptop has no key file for the event
    export.add_argument(
        "--out", type=Path, default=Path("."), help="folder to write into (e.g. a USB stick)"
    )
    export.set_defaults(func=cmd_export)

    merge = sub.add_parser("merge", help="merge .bidsync packages into this database")
    add_db(merge)
    add_passphrase(merge)
    merge.add_argument(
        "--dry-run", action="store_true", help="show what would change, write nothing"
    )
    merge.add_argument(
        "--backup-dir", type=Path, help="where the backup before the merge goes (default: settings)"
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
    db = existing_db(args)
    try:
        ensure_key(args, db)
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
        ensure_key(args, db)
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
    if summary.backup is not None:
        out(f"backup before merge: {summary.backup}")
    for problem in summary.audit_problems:
        out(f"audit log: {problem}")
    return 0
