"""Blueprints, one per feature: search, documents, basket, coverage, api, feeds."""
