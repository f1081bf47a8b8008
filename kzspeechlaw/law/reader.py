"""The record reader of the data files: a TOML file read, and each record's keys checked, with every
problem a :class:`~kzspeechlaw.DataError` naming the file and the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kzspeechlaw.errors import CitationError, DataError
from kzspeechlaw.refs import Ref, parse

LANGS = ("en", "ru", "kk")


class Reader:
    """Reads one file's records, turning every problem into a DataError naming file and record."""

    def __init__(self, file: str, record: str, data: Mapping[str, Any]) -> None:
        self.file, self.record, self.data = file, record, data

    def fail(self, rule: str) -> DataError:
        return DataError(self.file, self.record, rule)

    def only(self, required: Iterable[str], optional: Iterable[str] = ()) -> None:
        keys = set(self.data)
        missing = sorted(set(required) - keys)
        if missing:
            raise self.fail(f"missing key(s) {', '.join(missing)}")
        unknown = sorted(keys - set(required) - set(optional))
        if unknown:
            raise self.fail(f"unknown key(s) {', '.join(unknown)}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        value = self.data.get(key, default)
        if key in self.data and not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.fail(f"{key} must be {names}, got {value!r}")
        return value

    def date(self, key: str, required: bool = True) -> dt.date | None:
        value = self.data.get(key)
        if value is None and not required:
            return None
        if type(value) is not dt.date:
            raise self.fail(f"{key} must be a date (YYYY-MM-DD), got {value!r}")
        return value

    def title(self, key: str = "title") -> dict[str, str]:
        value = self.get(key, dict)
        if value is None or set(value) != set(LANGS) or not all(
            isinstance(v, str) and v for v in value.values()
        ):
            raise self.fail(f"{key} must give non-empty 'en', 'ru' and 'kk' strings, got {value!r}")
        return dict(value)

    def ref(self, text: Any, key: str) -> Ref:
        if not isinstance(text, str):
            raise self.fail(f"{key} must be a citation string, got {text!r}")
        try:
            ref = parse(text)
        except CitationError as error:
            raise self.fail(f"{key}: {error}") from None
        if str(ref) != text:
            raise self.fail(f"{key} {text!r} is not canonical; write {str(ref)!r}")
        return ref


def read_toml(directory: Path, name: str) -> dict[str, Any]:
    import tomllib  # here, not at the top: the data is read on first use, not on import

    path = directory / name
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise DataError(name, "-", "file not found") from None
    except tomllib.TOMLDecodeError as error:
        raise DataError(name, "-", f"not valid TOML: {error}") from None
