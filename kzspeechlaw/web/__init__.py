"""A web page for lawyers and a JSON API over the library (the ``web`` extra:
``pip install 'kzspeechlaw[web]'``, then ``kzspeechlaw serve``).

:mod:`kzspeechlaw.web.app` is the ASGI application (Starlette); :func:`serve` runs it with Uvicorn.
"""

from __future__ import annotations

from kzspeechlaw.errors import LawError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


class WebUnavailable(LawError):
    """Starlette or Uvicorn, the ``web`` extra, is not installed."""


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Serve the page and the API on ``host:port`` until interrupted (Ctrl-C)."""
    try:
        import starlette  # noqa: F401
        import uvicorn
    except ImportError:
        raise WebUnavailable("serving needs the 'web' extra: pip install 'kzspeechlaw[web]'") from None
    from kzspeechlaw.web.app import app

    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
