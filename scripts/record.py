"""`nox -s record`: see devtools/recording/cli.py."""

from devtools.recording.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
