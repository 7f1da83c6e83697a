"""Actors: the knowledge base and the resolution of names, roles and references in text."""
