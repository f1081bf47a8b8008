"""A web page for lawyers and a JSON API over the library (the ``web`` extra:
``pip install 'kzspeechlaw[web]'``, then ``kzspeechlaw serve``).

:mod:`kzspeechlaw.web.app` is the ASGI application (Starlette); :func:`serve` runs it with Uvicorn.
"""

from __future__ import annotations

from kzspeechlaw.errors import LawError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


class WebUnavailable(LawError):
    """Starlette or Uvicorn, the ``web`` extra, is not installed; or the address cannot be listened on."""


def _listenable(host: str, port: int) -> None:
    """Raise :class:`WebUnavailable` where ``host:port`` cannot be listened on (an empty or unknown
    host, a port out of range or in use), before the server starts: one line, not its log."""
    import socket

    if not host.strip():
        raise WebUnavailable("--host is empty: give an address to listen on (default 127.0.0.1)")
    if not 1 <= port <= 65535:
        raise WebUnavailable(f"--port {port} is not a port: expected 1 to 65535")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except (OSError, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise WebUnavailable(f"cannot listen on {host}:{port} ({reason})") from None


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Serve the page and the API on ``host:port`` until interrupted (Ctrl-C)."""
    try:
        import starlette  # noqa: F401
        import uvicorn
    except ImportError:
        raise WebUnavailable("serving needs the 'web' extra: pip install 'kzspeechlaw[web]'") from None
    from kzspeechlaw.web.app import app

    _listenable(host, port)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
