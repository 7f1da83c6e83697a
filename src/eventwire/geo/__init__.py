"""Places: the gazetteer, toponym resolution and event location."""

from __future__ import annotations

from eventwire.geo.locate import geoparse, locate_events

__all__ = ["geoparse", "locate_events"]
