"""`live`: serve this laptop's versions and pull from peers until stopped (Ctrl+C, SIGTERM)."""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType

from bid_desktop.commands.common import add_db, existing_db, out


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    live = sub.add_parser(
        "live", help="live sync at the venue: serve and pull versions over the local network"
    )
    add_db(live)
    live.add_argument("--host", default="0.0.0.0", help="address to listen on (default: all)")  # noqa: S104
    live.add_argument("--port", type=int, default=0, help="port to listen on (default: any)")
    live.add_argument(
        "--peer", action="append", default=[], metavar="HOST:PORT", help="a peer (repeatable)"
    )
    live.add_argument(
        "--no-discovery", action="store_true", help="do not find peers by DNS-SD (mDNS)"
    )
    live.add_argument(
        "--only-listed",
        action="store_true",
        help="pull only from the --peer addresses (no DNS-SD, no pulling back from laptops "
        "that pull from this one)",
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
