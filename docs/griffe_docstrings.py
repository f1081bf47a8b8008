"""A Griffe extension for the API reference: the library's docstrings, readable as Markdown.

The docstrings are plain text with doctests and reST roles (they are tested with
``--doctest-modules`` and read in editors). For the site, each run of ``>>>`` lines with its
output becomes a fenced ``pycon`` block, and ``:class:`~a.b.C``` becomes ```C```. Loaded by
mkdocstrings (``extensions:`` in ``mkdocs.yml``); needs the ``docs`` extra.
"""

from __future__ import annotations

import re
from typing import Any

try:
    from griffe import Extension
except ImportError:  # collected by pytest's doctest run without the docs extra
    Extension = object  # type: ignore[assignment,misc]

_ROLE = re.compile(r":(?:class|func|meth|mod|data|attr|exc|obj):`~?([\w.]+)`")


def fence_doctests(text: str) -> str:
    """Wrap each doctest (``>>>`` lines and their output) in a fenced ``pycon`` block.

    >>> fence_doctests("Example:\\n>>> 1 + 1\\n2\\n\\nDone.").splitlines()
    ['Example:', '```pycon', '>>> 1 + 1', '2', '```', '', 'Done.']
    """
    out: list[str] = []
    in_example = False
    for line in text.split("\n"):
        if not in_example and line.lstrip().startswith(">>>"):
            out.append("```pycon")
            in_example = True
        elif in_example and not line.strip():
            out.append("```")
            in_example = False
        out.append(line)
    if in_example:
        out.append("```")
    return "\n".join(out)


def markdown(text: str) -> str:
    """Doctests fenced, reST roles as code spans (``:class:`~kz.Ref``` -> ```Ref```)."""
    text = _ROLE.sub(lambda m: f"`{m.group(1).rsplit('.', 1)[-1]}`", text)
    return fence_doctests(text)


class DoctestsAsCode(Extension):  # type: ignore[misc,valid-type]
    """Rewrite every docstring with :func:`markdown` once Griffe has loaded the package."""

    def on_object(self, *, obj: Any, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown(obj.docstring.value)
