"""Event coding: PLOVER types over the dependency parse, driven by our own lexicon."""
