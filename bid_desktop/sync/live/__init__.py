"""Live exchange at the venue (sync.md): laptops of one event pull from each other over HTTP.

``protocol`` (keys, handshake, sealed envelopes), ``vector`` (what a laptop has, per station,
and the batch a peer lacks), ``server`` (serves batches, long-polls), ``client`` (pulls one
batch), ``discovery`` (DNS-SD). No Qt here; ``services/live.py`` runs it and merges.
"""
