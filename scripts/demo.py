"""`nox -s demo`: see devtools/demo.py."""

from devtools.demo import main

if __name__ == "__main__":
    raise SystemExit(main())
