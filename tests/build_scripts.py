"""Load one of the codebook's build scripts (``scripts/*.py``, not a package) as a module."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from conftest import ROOT


def load_script(name: str) -> ModuleType:
    """``scripts/NAME.py`` as a module, its folder importable for the helpers it shares."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
