"""The HTTP API and web explorer: `create_app(db_path)` and `serve(db)`."""

from __future__ import annotations

from eventwire.api.app import create_app, serve
from eventwire.api.settings import SETTINGS, Setting

__all__ = ["SETTINGS", "Setting", "create_app", "serve"]
