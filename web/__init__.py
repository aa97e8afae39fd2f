"""The web app: search pages, document reading view, evidence basket, coverage, API and feeds.

`create_app(config)` builds the Flask app; nothing is opened at import time.
"""

from web.app import create_app

__all__ = ["create_app"]
