"""`nox -s spec_changes`: see devtools/spec_changes.py."""

from devtools.spec_changes import main

if __name__ == "__main__":
    raise SystemExit(main())
