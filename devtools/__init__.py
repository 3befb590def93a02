"""Development tooling of the repository: generation, benchmarks, recording, loopback servers, the demo.

Never installed with the package: the nox sessions run it from the
repository root, as `python -m scripts.<task>` or imported by the tests.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository's root directory."""
