# Generated from tests/generation/constructs.yaml by openapi-python-client's default literal_enum.py.jinja: never edit; regenerate with `nox -s generate`.
from typing import Literal

EverythingLevel = Literal[1, 2, 3]

EVERYTHING_LEVEL_VALUES: set[EverythingLevel] = {
    1,
    2,
    3,
}


def check_everything_level(value: int) -> EverythingLevel:
    if value in EVERYTHING_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVERYTHING_LEVEL_VALUES!r}")
