# Generated from tests/generation/constructs.yaml by openapi-python-client's default literal_enum.py.jinja: never edit; regenerate with `nox -s generate`.
from typing import Literal

EverythingMoodType1 = Literal["happy", "sad"]

EVERYTHING_MOOD_TYPE_1_VALUES: set[EverythingMoodType1] = {
    "happy",
    "sad",
}


def check_everything_mood_type_1(value: str) -> EverythingMoodType1:
    if value in EVERYTHING_MOOD_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVERYTHING_MOOD_TYPE_1_VALUES!r}")
