"""Sphinx extensions the book's _config.yml loads (sphinx.extra_extensions)."""
