"""The application layer: what the command line and the corpus do with files.

This is the only part of ``budget`` that imports ``loaders`` (bytes -> Disclosure):
the domain below it (model, checks, views, export) knows nothing of formats.
"""
