"""`nox -s generate` and `nox -s check_generated`: see devtools/generation.py."""

from devtools.generation import main

if __name__ == "__main__":
    raise SystemExit(main())
