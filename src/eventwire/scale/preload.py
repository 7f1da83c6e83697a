"""Imported by the process pool's fork server before it forks any worker (never imported
elsewhere): the spaCy model and every table load once there, and each worker starts with
them already in memory, shared copy-on-write, instead of loading its own (about 2 s of CPU
per worker: with two workers over 105 articles, 1.66x became 1.90x of what two cores allow).
"""

from __future__ import annotations

import gc

from eventwire.scale.work import warm_up

try:
    warm_up()
except Exception:  # noqa: BLE001 - the fork server must start: workers then load on their own
    pass  # (and report what fails, such as E001 without a model, as their items' errors)
# what is loaded now lives as long as the workers: out of the collector's sight, it is never
# traversed again, so a worker's collections neither take the time nor write to (and so
# copy) the pages it shares with the server
gc.freeze()
