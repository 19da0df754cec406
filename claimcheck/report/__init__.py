"""Renderers that turn claims and findings into text: terminal tables and JSON."""
