"""Test configuration: a derandomized hypothesis profile for CI, so runs never flake."""

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", derandomize=True, max_examples=200, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

# The compiled law of a test run goes to a directory of its own (subprocesses inherit it), not to
# the user's cache; a caller's KZSPEECHLAW_CACHE_DIR or KZSPEECHLAW_CACHE=0 is kept.
if "KZSPEECHLAW_CACHE_DIR" not in os.environ:
    import atexit
    import shutil
    import tempfile

    _CACHE = tempfile.mkdtemp(prefix="kzspeechlaw-test-cache-")
    os.environ["KZSPEECHLAW_CACHE_DIR"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, True)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the data files to edit."""
    from kzspeechlaw.law import loader  # here: the package is imported after the settings above

    copy = tmp_path / "data"
    shutil.copytree(loader.DATA_DIR, copy)
    return copy


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A compiled-law cache directory of the test's own, and nothing remembered in this process."""
    from kzspeechlaw.law import compiled

    where = tmp_path / "cache"
    monkeypatch.setenv("KZSPEECHLAW_CACHE_DIR", str(where))
    monkeypatch.delenv("KZSPEECHLAW_CACHE", raising=False)
    monkeypatch.setattr(compiled, "_KNOWN", {})
    return where
