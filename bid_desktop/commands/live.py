"""`live`: serve this laptop's versions and pull from peers until stopped (Ctrl+C, SIGTERM)."""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType

from bid_desktop.commands.common import add_db, existing_db, out
from bid_desktop.commands.lang import t


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    live = sub.add_parser(
        "live",
        help=t("sinkron langsung di lokasi acara: layani dan tarik versi lewat jaringan lokal"),
    )
    add_db(live)
    live.add_argument(
        "--host", default="0.0.0.0", help=t("alamat yang didengarkan (bawaan: semua)")
    )  # noqa: S104
    live.add_argument(
        "--port", type=int, default=0, help=t("port yang didengarkan (bawaan: bebas)")
    )
    live.add_argument(
        "--peer",
        action="append",
        default=[],
        metavar="HOST:PORT",
        help=t("laptop lain (boleh berulang)"),
    )
    live.add_argument(
        "--no-discovery", action="store_true", help=t("jangan cari laptop lain lewat DNS-SD (mDNS)")
    )
    live.add_argument(
        "--only-listed",
        action="store_true",
        help=t(
            "tarik hanya dari alamat --peer (tanpa DNS-SD, tanpa menarik balik dari laptop "
            "yang menarik dari laptop ini)"
        ),
    )
    live.add_argument("--poll", type=float, default=0.2, help=argparse.SUPPRESS)
    live.set_defaults(func=cmd_live)


def cmd_live(args: argparse.Namespace) -> int:
    from bid_desktop.services.live import LiveNews, LiveNode

    db = existing_db(args)
    done = threading.Event()

    def stop(_signum: int, _frame: FrameType | None) -> None:
        done.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    def news(item: LiveNews) -> None:
        out(f"merged {item.versions_new} versions from {item.peer}")
        for record, entity in item.new_hard_conflicts:
            out(f"hard conflict: {entity} {record}")

    node = LiveNode(
        db,
        host=args.host,
        port=args.port,
        poll=args.poll,
        on_news=news,
        pull_back=not args.only_listed,
    )
    discovery = None
    try:
        out(f"live: station {node.me.station} listening on port {node.port}")
        for peer in args.peer:
            node.add_peer(peer)
        if not (args.no_discovery or args.only_listed):
            from bid_desktop.services.live_discovery import start_discovery

            discovery = start_discovery(node)
        _report_until(node, done)
    finally:
        if discovery is not None:
            discovery.close()
        node.stop()
        db.dispose()
    return 0


def _report_until(node: object, done: threading.Event) -> None:
    """Print a line whenever a peer's state changes (connected, refused, unreachable)."""
    from bid_desktop.services.live import LiveNode

    assert isinstance(node, LiveNode)
    seen: dict[str, tuple[str, str]] = {}
    while not done.wait(0.5):
        for peer in node.statuses():
            now = (peer.state, peer.station)
            if seen.get(peer.address) != now:
                seen[peer.address] = now
                station = f" {peer.station}" if peer.station else ""
                out(f"peer {peer.address}{station}: {peer.state}")
