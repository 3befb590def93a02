# Generated from tests/generation/constructs.yaml by openapi-python-client's default literal_enum.py.jinja: never edit; regenerate with `nox -s generate`.
from typing import Literal

Colour = Literal["blue", "green", "red"]

COLOUR_VALUES: set[Colour] = {
    "blue",
    "green",
    "red",
}


def check_colour(value: str) -> Colour:
    if value in COLOUR_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COLOUR_VALUES!r}")
