"""pytest: without the ``web`` extra, the modules that need it are not collected for doctests."""

from __future__ import annotations

try:
    import starlette  # noqa: F401
    import uvicorn  # noqa: F401
except ImportError:
    collect_ignore = ["app.py"]
