"""Finding the other laptops of the event on the local network: DNS-SD over mDNS (``zeroconf``).

Each laptop advertises ``<random instance>._bidlive._tcp.local.`` with its port, its IPv4
addresses and one TXT property: ``id``, an opaque value derived from the event key
(``protocol.discovery_id``). Nothing else: no event name, no station code, no hostname that
names anyone. A laptop that sees a service with the same ``id`` adds it as a peer; the
handshake then proves the key. Networks that block multicast need a typed address instead
(``LiveNode.add_peer``).
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from typing import Any

from bid_desktop.services.live import LiveNode
from bid_desktop.sync.live import protocol

log = logging.getLogger(__name__)

SERVICE_TYPE = "_bidlive._tcp.local."


def local_ipv4(include_loopback: bool = False) -> list[str]:
    import ifaddr

    found = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if isinstance(ip.ip, str) and (include_loopback or not ip.ip.startswith("127.")):
                found.append(ip.ip)
    return found


class Discovery:
    """Advertise this node and add every node of the same event that shows up."""

    def __init__(self, node: LiveNode, addresses: list[str] | None = None) -> None:
        from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, Zeroconf

        self.node = node
        self.opaque = protocol.discovery_id(node.me.package_key)
        self.instance = os.urandom(6).hex()
        self._ipv4 = IPVersion.V4Only
        ips = addresses if addresses is not None else local_ipv4()
        interfaces = ips if addresses is not None else None
        self.zc = Zeroconf(interfaces=interfaces) if interfaces else Zeroconf()
        self.info = ServiceInfo(
            SERVICE_TYPE,
            f"{self.instance}.{SERVICE_TYPE}",
            port=node.port,
            properties={"id": self.opaque},
            parsed_addresses=ips,
            server=f"{self.instance}.local.",
        )
        self._names: queue.Queue[str | None] = queue.Queue()
        self._resolver = threading.Thread(target=self._resolve, name="bid-live-mdns", daemon=True)
        self._resolver.start()
        self.zc.register_service(self.info)
        self.browser = ServiceBrowser(self.zc, SERVICE_TYPE, handlers=[self._changed])

    def _changed(self, **kwargs: Any) -> None:
        name = str(kwargs.get("name", ""))
        if name and not name.startswith(self.instance + "."):
            self._names.put(name)  # resolved off the zeroconf thread

    def _resolve(self) -> None:
        while (name := self._names.get()) is not None:
            try:
                info = self.zc.get_service_info(SERVICE_TYPE, name, timeout=3000)
            except Exception:  # noqa: BLE001 - a stranger's malformed record must not stop us
                log.debug("live: cannot resolve %s", name, exc_info=True)
                continue
            if info is not None:
                self.consider(info.properties or {}, info.parsed_addresses(self._ipv4), info.port)

    def consider(self, properties: dict[bytes, bytes | None], ips: list[str], port: int | None):
        """Add the advertised laptop when it belongs to this event (same opaque id)."""
        if properties.get(b"id") != self.opaque.encode() or not ips or not port:
            return False
        return self.node.add_peer(f"{ips[0]}:{port}")

    def close(self) -> None:
        self._names.put(None)
        try:
            self.browser.cancel()
            self.zc.unregister_service(self.info)
        finally:
            self.zc.close()


def start_discovery(node: LiveNode, addresses: list[str] | None = None) -> Discovery | None:
    """Discovery, or None when the network has no multicast (typed addresses still work)."""
    try:
        return Discovery(node, addresses)
    except OSError:
        log.warning("live: DNS-SD not available on this network", exc_info=True)
        return None
