"""`nox -s bench`: see devtools/bench/run.py."""

from devtools.bench.run import main

if __name__ == "__main__":
    raise SystemExit(main())
