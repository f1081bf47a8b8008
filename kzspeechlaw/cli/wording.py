"""Text for people: code names as words, notes without their provenance, wrapped lines.

The command line's text output uses these; ``--json`` and ``coverage`` keep the data as it is
(with each note's file paths and commit hashes, the provenance of what was read).

>>> words("correctional_work 200 MCI (natural_person)")
'correctional work 200 MCI (natural person)'
>>> plain_note("Final text (01.01.2015 version, rus/part002-part005.md, "
...            "commit 8c7ac3b33b5056fc818e6094307a49ddc6124385): sanctions unchanged.")
'Final text (01.01.2015 version): sanctions unchanged.'
"""

from __future__ import annotations

import enum
import functools
import re
import textwrap

from kzspeechlaw.i18n import N_
from kzspeechlaw.law import facts, model

WIDTH = 100
"""The width text output is wrapped to."""


@functools.cache
def _code_names() -> re.Pattern[str]:
    names: set[str] = set()
    for module in (facts, model):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, enum.Enum) and value is not enum.Enum:
                names.update(str(m.value) for m in value if "_" in str(m.value))
    pattern = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"(?<![\w./:=-])(?:{pattern})(?![\w/-])")  # not a value as typed: field=value


def words(text: str) -> str:
    """``text`` with the vocabulary's code names (``correctional_work``, ``natural_person``,
    ``telecom_network`` ...) written as words."""
    return _code_names().sub(lambda m: m[0].replace("_", " "), text)


_PROVENANCE = re.compile(
    r"""
    ,?\s*\bcommits?\s+[0-9a-f]{7,40}(?:(?:,\s*|\s+and\s+)[0-9a-f]{7,40})*\b   # commit hashes
    | ,?\s*\bsame\s+file\b(?=\s*[,)])                    # "same file" left by a removed path
    | ,?\s*(?:kazakhstan-law/codes,?\s*)?                  # the repository's name
      (?:[\w.-]+/)+[\w.-]+\.(?:md|toml|yaml)(?:\s*§\s*[\d.]+)?  # a file path
    | ,?\s*\b(?:rus|kaz)\.md\b
    | ,?\s*(?:\bfolder\s+)?\b0\d-[a-z]+/[\w./-]*[\w/]     # a folder of the codes' repository
    | ,?\s*\bkazakhstan-law/codes\b
    """,
    re.VERBOSE,
)


def plain_note(text: str) -> str:
    """A note without file paths, repository names and commit hashes (kept in the JSON output),
    and without the brackets they leave empty."""
    text = _PROVENANCE.sub("", text)
    text = re.sub(r"\(\s*[,;]?\s*\)", "", text)           # an emptied bracket
    text = re.sub(r"\(\s*[,;]\s*", "(", text)              # a bracket that began with a path
    text = re.sub(r"\s*[,;]\s*\)", ")", text)              # one that ended with a path
    text = re.sub(r"\s+([,.;:)])", r"\1", text)
    text = re.sub(r"([,;])[,;]+", r"\1", text)            # a list that lost an item
    return re.sub(r"\s{2,}", " ", text).strip()


def wrap(text: str, indent: str = "  ", first: str | None = None, width: int = WIDTH) -> list[str]:
    """``text`` as lines of at most ``width`` characters (a longer word stays whole), the first
    after ``first`` (default: ``indent``), the others after ``indent``."""
    start = indent if first is None else first
    return textwrap.wrap(text, width=width, initial_indent=start, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False) or [start.rstrip()]


CONTEXT = 6
"""Unchanged words shown on either side of a change by :func:`word_diff`."""


def word_diff(before: str, after: str, context: int = CONTEXT) -> str:
    """The changes from ``before`` to ``after`` word by word: removed words as ``[-...-]``, added
    ones as ``{+...+}``, unchanged runs cut to ``context`` words on either side (``…``).

    >>> word_diff("a fine of up to two thousand MCI", "a fine of up to three thousand MCI")
    'a fine of up to [-two-] {+three+} thousand MCI'
    """
    import difflib  # here: only `compare` shows a difference

    old, new = before.split(), after.split()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    opcodes = matcher.get_opcodes()
    out: list[str] = []
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            run = old[i1:i2]
            head = run[:context] if n > 0 else []
            tail = run[-context:] if n < len(opcodes) - 1 else []
            if len(run) > len(head) + len(tail):
                out += [*head, "…", *tail]
            else:
                out += run
            continue
        if i2 > i1:
            out.append("[-" + " ".join(old[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(new[j1:j2]) + "+}")
    return " ".join(out)


_FIELDS = {
    "title.en": N_("title in English"), "title.ru": N_("title in Russian"), "title.kk": N_("title in Kazakh"),
    "elements": N_("elements"), "text": N_("text"), "in force": N_("in force"),
    "category": N_("category"), "version": N_("version"),
}
"""The fields :func:`kzspeechlaw.law.provisions.compare` names, in words (``field``)."""

_GROUPS = {"sanction": N_("sanction: {what}"), "additional": N_("additional: {what}")}


def field(name: str, lang: str | None = None) -> str:
    """A field of a comparison (``"title.en"``, ``"text"``, ``"sanction: arrest (natural_person)"``)
    in ``lang``: its words, the kind and the person of a sanction as the codes' terms. English keeps
    the field's name.

    >>> field("sanction: arrest (natural_person)", "ru"), field("title.en", "kk")
    ('санкция: арест (физическое лицо)', 'ағылшынша атауы')
    """
    from kzspeechlaw import i18n, terms

    lang = lang or i18n.current()
    if lang == "en":
        return name
    if name in _FIELDS:
        return i18n.gettext(_FIELDS[name], lang)
    group, _, key = name.partition(": ")
    if group not in _GROUPS or not key:
        return name
    kind, _, subject = key.partition(" (")
    what = terms.word("penalty", kind, lang)
    if subject:
        what += " (" + terms.word("subject", subject.rstrip(")"), lang) + ")"
    return i18n.gettext(_GROUPS[group], lang).format(what=what)


def elements(text: str, lang: str | None = None) -> str:
    """The elements of a part (``"(conduct:insult) AND (channel:a OR channel:b)"``) with the
    connectives in ``lang``; the facts' codes stay as the data writes them."""
    from kzspeechlaw import i18n

    lang = lang or i18n.current()
    if lang == "en":
        return text
    return text.replace(" AND ", i18n.gettext(N_(" AND "), lang)).replace(" OR ", i18n.gettext(N_(" OR "), lang))
