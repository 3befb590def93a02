# Generated from tests/generation/constructs.yaml by templates/models_init.py.jinja: never edit; regenerate with `nox -s generate`.
"""Contains all the data models used in inputs/outputs"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .cat import Cat
    from .circle import Circle
    from .colour import Colour
    from .create_upload_body import CreateUploadBody
    from .dog import Dog
    from .everything import Everything
    from .everything_inline import EverythingInline
    from .everything_leaf_map import EverythingLeafMap
    from .everything_level import EverythingLevel
    from .everything_mood_type_1 import EverythingMoodType1
    from .everything_scores import EverythingScores
    from .extended import Extended
    from .leaf import Leaf
    from .named import Named
    from .put_thing_body import PutThingBody
    from .put_thing_response_200 import PutThingResponse200
    from .square import Square

_MODULES = {
    "Cat": ".cat",
    "Circle": ".circle",
    "Colour": ".colour",
    "CreateUploadBody": ".create_upload_body",
    "Dog": ".dog",
    "Everything": ".everything",
    "EverythingInline": ".everything_inline",
    "EverythingLeafMap": ".everything_leaf_map",
    "EverythingLevel": ".everything_level",
    "EverythingMoodType1": ".everything_mood_type_1",
    "EverythingScores": ".everything_scores",
    "Extended": ".extended",
    "Leaf": ".leaf",
    "Named": ".named",
    "PutThingBody": ".put_thing_body",
    "PutThingResponse200": ".put_thing_response_200",
    "Square": ".square",
}

__all__ = (
    "Cat",
    "Circle",
    "Colour",
    "CreateUploadBody",
    "Dog",
    "Everything",
    "EverythingInline",
    "EverythingLeafMap",
    "EverythingLevel",
    "EverythingMoodType1",
    "EverythingScores",
    "Extended",
    "Leaf",
    "Named",
    "PutThingBody",
    "PutThingResponse200",
    "Square",
)


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_MODULES[name], __name__), name)
    # Later lookups find the name in the module itself and no longer come here.
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
