"""Shared fixtures for the checks of the built site: where it is and how to read it."""
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site_dir() -> pathlib.Path:
    """The built site: $SITE_DIR (as `make test` sets it), else a fresh build into .build/test-site."""
    configured = os.environ.get("SITE_DIR")
    if configured:
        path = pathlib.Path(configured)
        if not path.is_absolute():
            path = REPO / path
        assert (path / "index.html").exists(), f"SITE_DIR={configured} holds no built site"
        return path
    binary = os.environ.get("SITEGEN", str(REPO / ".build/debug/sitegen"))
    out = REPO / ".build/test-site"
    subprocess.run([binary, "build", "--output", str(out)], cwd=REPO, check=True)
    return out


@pytest.fixture(scope="session")
def seed_dir() -> pathlib.Path:
    """The source material (the article): $SEED_DIR, else Tests/Fixtures/seed in the repository."""
    path = pathlib.Path(os.environ.get("SEED_DIR", REPO / "Tests" / "Fixtures" / "seed"))
    if not path.exists():
        pytest.fail(f"source material not found at {path}: set SEED_DIR")
    return path
