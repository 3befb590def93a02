# Generated from tests/generation/constructs.yaml by templates/endpoint_init.py.jinja: never edit; regenerate with `nox -s generate`.
"""Operations tagged "things": the low-level modules, and the resource classes of AnyAPI and AsyncAnyAPI."""

from __future__ import annotations

import builtins
import datetime
import os
from collections.abc import Callable, Mapping
from typing import Any, Literal, cast
from uuid import UUID

from ..._runtime import decoding, request_checks
from ..._runtime.client import NOT_GIVEN, Call, NotGiven, TimeoutTypes
from ..._runtime.resources import AsyncResource, SyncResource, body_field, json_value, one_of
from ..._runtime.streaming import AsyncStreamedBody, StreamedBody, not_parsed
from ...models.cat import Cat
from ...models.circle import Circle
from ...models.colour import Colour
from ...models.dog import Dog
from ...models.everything import Everything
from ...models.everything_inline import EverythingInline
from ...models.everything_leaf_map import EverythingLeafMap
from ...models.everything_level import EverythingLevel
from ...models.everything_mood_type_1 import EverythingMoodType1
from ...models.everything_scores import EverythingScores
from ...models.extended import Extended
from ...models.leaf import Leaf
from ...models.put_thing_body import PutThingBody
from ...models.put_thing_response_200 import PutThingResponse200
from ...models.square import Square
from ...types import UNSET, Unset
from . import (
    create_thing,
    delete_thing,
    get_thing,
    get_thing_log,
    get_thing_pet,
    get_thing_shape,
    list_things,
    patch_thing,
    put_thing,
)


class Things(SyncResource):
    """Operations tagged "things" in openapi.yaml."""

    def list(
        self,
        *,
        limit: int | Unset = 10,
        after: str | Unset = UNSET,
        colour: Colour | Unset = UNSET,
        since: datetime.datetime | Unset = UNSET,
        ratio: float | Unset = UNSET,
        x_trace: str | Unset = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> builtins.list[Everything]:
        """List things

        Query and header parameters of every kind; an array success body.

        Args:
            limit: How many things, between 1 and 50.
            after: The ID to start after.
            colour: Only things of this colour.
            since: Only things made after this moment.
            ratio: A share, more than 0 and at most 1.
            x_trace: A trace ID to send along.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "limit",
            limit,
            request_checks.Limited(decoding.INTEGER, request_checks.Limits(minimum=1, maximum=50)),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "after",
            after,
            request_checks.Limited(decoding.STRING, request_checks.Limits(max_length=40, min_length=1)),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "colour",
            colour,
            decoding.EnumCodec(frozenset({"blue", "green", "red"})),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "since",
            since,
            decoding.DATE_TIME,
            strict=self._client.strict,
        )
        request_checks.check_param(
            "ratio",
            ratio,
            request_checks.Limited(decoding.NUMBER, request_checks.Limits(maximum=1, exclusive_minimum=0)),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "x_trace",
            x_trace,
            request_checks.Limited(decoding.STRING, request_checks.Limits(pattern="^[a-z0-9-]+$")),
            strict=self._client.strict,
        )

        http_kwargs = list_things._get_kwargs(
            limit=limit,
            after=after,
            colour=colour,
            since=since,
            ratio=ratio,
            x_trace=x_trace,
        )

        return cast(
            "builtins.list[Everything]",
            self._client.execute(
                Call(http_kwargs, json_value(decoding.Array(decoding.Nested(Everything))), timeout=timeout)
            ),
        )

    def create(
        self,
        *,
        name: str,
        when: datetime.datetime,
        kind: Literal["everything"],
        day: datetime.date | Unset = UNSET,
        ident: UUID | Unset = UNSET,
        email: str | Unset = UNSET,
        colour: Colour | Unset = UNSET,
        level: EverythingLevel | Unset = UNSET,
        mood: EverythingMoodType1 | None | Unset = UNSET,
        version: Literal[2] | Unset = UNSET,
        ratio: float | Unset = UNSET,
        flag: bool | Unset = UNSET,
        count: int | Unset = UNSET,
        nickname: None | str | Unset = UNSET,
        parent: Leaf | None | Unset | Mapping[str, Any] = UNSET,
        sibling: Leaf | None | Unset | Mapping[str, Any] = UNSET,
        code: int | None | str | Unset = UNSET,
        tags: builtins.list[str] | Unset = UNSET,
        leaves: builtins.list[Leaf] | Unset = UNSET,
        shapes: builtins.list[Circle | Square] | Unset = UNSET,
        scores: EverythingScores | Unset | Mapping[str, Any] = UNSET,
        leaf_map: EverythingLeafMap | Unset | Mapping[str, Any] = UNSET,
        anything: Any | Unset = UNSET,
        inline: EverythingInline | Unset | Mapping[str, Any] = UNSET,
        pet: Cat | Dog | Unset | Mapping[str, Any] = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Everything:
        """Create thing

        A JSON request body that uses every construct.

        Args:
            name: A string with limits
            when: A date-time
            kind: A string const
            day: A date
            ident: A UUID
            email: A format the client treats as a plain string
            colour: A colour
            level: An integer enum
            mood: A nullable string enum
            version: An integer const
            ratio: A number with limits
            flag: A boolean
            count: An integer with a default
            nickname: Nullable through a type list
            parent: Nullable through anyOf
            sibling: Nullable through oneOf
            code: A union of scalars
            tags: An array of scalars, with limits on it and its items
            leaves: An array of models
            shapes: An array of unions
            scores: A map of scalars
            leaf_map: A map of models
            anything: Any value at all
            inline: An inline nested object
            pet: A cat or a dog, told apart by their fields.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        body = request_checks.check_body(
            Everything(
                name=name,
                when=when,
                kind=kind,
                day=day,
                ident=ident,
                email=email,
                colour=colour,
                level=level,
                mood=mood,
                version=version,
                ratio=ratio,
                flag=flag,
                count=count,
                nickname=nickname,
                parent=body_field(Everything, "parent", parent),
                sibling=body_field(Everything, "sibling", sibling),
                code=code,
                tags=tags,
                leaves=leaves,
                shapes=shapes,
                scores=body_field(Everything, "scores", scores),
                leaf_map=body_field(Everything, "leaf_map", leaf_map),
                anything=anything,
                inline=body_field(Everything, "inline", inline),
                pet=body_field(Everything, "pet", pet),
            ),
            strict=self._client.strict,
        )

        http_kwargs = create_thing._get_kwargs(
            body=body,
        )

        return self._client.execute(Call(http_kwargs, Everything.from_dict, timeout=timeout))

    def retrieve(
        self,
        thing_id: UUID,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Extended:
        """Get thing

        A success body composed with allOf.

        Args:
            thing_id: The thing's UUID.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )

        http_kwargs = get_thing._get_kwargs(
            thing_id=thing_id,
        )

        return self._client.execute(Call(http_kwargs, Extended.from_dict, timeout=timeout))

    def replace(
        self,
        thing_id: UUID,
        *,
        label: str,
        sizes: builtins.list[int] | Unset = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> PutThingResponse200:
        """Replace thing

        Inline objects as the request body and as the success body.

        Args:
            thing_id: The thing's UUID.
            label: A short label
            sizes: At most three sizes
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )
        body = request_checks.check_body(
            PutThingBody(
                label=label,
                sizes=sizes,
            ),
            strict=self._client.strict,
        )

        http_kwargs = put_thing._get_kwargs(
            thing_id=thing_id,
            body=body,
        )

        return self._client.execute(Call(http_kwargs, PutThingResponse200.from_dict, timeout=timeout))

    def delete(
        self,
        thing_id: UUID,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete thing

        No success body.

        Args:
            thing_id: The thing's UUID.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )

        http_kwargs = delete_thing._get_kwargs(
            thing_id=thing_id,
        )

        return cast("None", self._client.execute(Call(http_kwargs, json_value(decoding.NULL), timeout=timeout)))

    def update(
        self,
        thing_id: UUID,
        *,
        title: str,
        rank: int,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Extended:
        """Update thing

        An allOf request body.

        Args:
            thing_id: The thing's UUID.
            title:
            rank:
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )
        body = request_checks.check_body(
            Extended(
                title=title,
                rank=rank,
            ),
            strict=self._client.strict,
        )

        http_kwargs = patch_thing._get_kwargs(
            thing_id=thing_id,
            body=body,
        )

        return self._client.execute(Call(http_kwargs, Extended.from_dict, timeout=timeout))

    def pet(
        self,
        thing_id: UUID,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Cat | Dog:
        """Get the thing's pet

        A oneOf of objects without a discriminator.

        Args:
            thing_id: The thing's UUID.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )

        http_kwargs = get_thing_pet._get_kwargs(
            thing_id=thing_id,
        )

        return self._client.execute(Call(http_kwargs, one_of(Cat, Dog), timeout=timeout))

    def shape(
        self,
        thing_id: UUID,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Circle | Square:
        """Get the thing's shape

        A oneOf of objects with a discriminator.

        Args:
            thing_id: The thing's UUID.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )

        http_kwargs = get_thing_shape._get_kwargs(
            thing_id=thing_id,
        )

        return self._client.execute(Call(http_kwargs, one_of(Circle, Square), timeout=timeout))

    def log(
        self,
        thing_id: UUID,
        *,
        since: int | Unset = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        total_timeout: float | None = None,
    ) -> StreamedBody:
        """Get the thing's log

        A success body that is not JSON, streamed; x-anyapi-download adds a method that saves it.

        The answer is streamed: use it as a context manager (``with client.things.log(...) as body:``),
        which sends the request and closes the connection at its end, and read it once with iter_bytes(),
        iter_lines() or read(). Nothing is held in memory unless read() asks for the whole body.

        Args:
            thing_id: The thing's UUID.
            since: Only lines after this line number.
            timeout: for this call, instead of the client's timeout: it bounds connecting and the answer's
                headers, then each wait for more of the body, not the whole transfer.
            total_timeout: seconds for the whole transfer, from sending to the last byte, retries and
                pauses included; None (the default): no limit.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, or the body broke off, after the client's retries;
                errors.APITimeoutError when a timeout ran out.
            errors.ResponseValidationError: the body cannot be decoded (Content-Encoding, or text that
                is not UTF-8).
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )
        request_checks.check_param(
            "since",
            since,
            request_checks.Limited(decoding.INTEGER, request_checks.Limits(minimum=0)),
            strict=self._client.strict,
        )

        http_kwargs = get_thing_log._get_kwargs(
            thing_id=thing_id,
            since=since,
        )

        return self._client.stream(Call(http_kwargs, not_parsed, timeout=timeout), total_timeout=total_timeout)

    def save_log(
        self,
        thing_id: UUID,
        path: str | os.PathLike[str],
        *,
        since: int | Unset = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        total_timeout: float | None = None,
        on_progress: Callable[[int, int | None], object] | None = None,
    ) -> int:
        """Get the thing's log

        A success body that is not JSON, streamed; x-anyapi-download adds a method that saves it.

        Writes the answer to path: into a new file beside it, which replaces path only once the whole body
        has arrived with the size its Content-Length declared. A transient failure starts the download over,
        within the client's max_retries; a download that fails, or is interrupted, leaves path as it was and
        no new file behind. Returns the number of bytes written.

        Args:
            thing_id: The thing's UUID.
            since: Only lines after this line number.
            path: the file to write (replaced if it exists); its folder must exist.
            on_progress: called with the bytes received so far and the bytes declared (None if the server
                declares none), once at the start of each attempt and after each piece of the body.
            timeout: for this call, instead of the client's timeout: it bounds connecting and the answer's
                headers, then each wait for more of the body, not the whole transfer.
            total_timeout: seconds for the whole transfer, from sending to the last byte, retries and
                pauses included; None (the default): no limit.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, or the body broke off, after the client's retries;
                errors.APITimeoutError when a timeout ran out.
            errors.ResponseValidationError: the body cannot be decoded (Content-Encoding, or text that
                is not UTF-8).
            OSError: path cannot be written (no such folder, no permission, a full disk); a folder that
                cannot be written to fails before anything is sent.
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )
        request_checks.check_param(
            "since",
            since,
            request_checks.Limited(decoding.INTEGER, request_checks.Limits(minimum=0)),
            strict=self._client.strict,
        )

        http_kwargs = get_thing_log._get_kwargs(
            thing_id=thing_id,
            since=since,
        )

        return self._client.download(
            Call(http_kwargs, not_parsed, timeout=timeout), path, on_progress=on_progress, total_timeout=total_timeout
        )


class AsyncThings(AsyncResource):
    """Operations tagged "things" in openapi.yaml."""

    async def list(
        self,
        *,
        limit: int | Unset = 10,
        after: str | Unset = UNSET,
        colour: Colour | Unset = UNSET,
        since: datetime.datetime | Unset = UNSET,
        ratio: float | Unset = UNSET,
        x_trace: str | Unset = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> builtins.list[Everything]:
        """List things

        Query and header parameters of every kind; an array success body.

        Args:
            limit: How many things, between 1 and 50.
            after: The ID to start after.
            colour: Only things of this colour.
            since: Only things made after this moment.
            ratio: A share, more than 0 and at most 1.
            x_trace: A trace ID to send along.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "limit",
            limit,
            request_checks.Limited(decoding.INTEGER, request_checks.Limits(minimum=1, maximum=50)),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "after",
            after,
            request_checks.Limited(decoding.STRING, request_checks.Limits(max_length=40, min_length=1)),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "colour",
            colour,
            decoding.EnumCodec(frozenset({"blue", "green", "red"})),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "since",
            since,
            decoding.DATE_TIME,
            strict=self._client.strict,
        )
        request_checks.check_param(
            "ratio",
            ratio,
            request_checks.Limited(decoding.NUMBER, request_checks.Limits(maximum=1, exclusive_minimum=0)),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "x_trace",
            x_trace,
            request_checks.Limited(decoding.STRING, request_checks.Limits(pattern="^[a-z0-9-]+$")),
            strict=self._client.strict,
        )

        http_kwargs = list_things._get_kwargs(
            limit=limit,
            after=after,
            colour=colour,
            since=since,
            ratio=ratio,
            x_trace=x_trace,
        )

        return cast(
            "builtins.list[Everything]",
            await self._client.execute(
                Call(http_kwargs, json_value(decoding.Array(decoding.Nested(Everything))), timeout=timeout)
            ),
        )

    async def create(
        self,
        *,
        name: str,
        when: datetime.datetime,
        kind: Literal["everything"],
        day: datetime.date | Unset = UNSET,
        ident: UUID | Unset = UNSET,
        email: str | Unset = UNSET,
        colour: Colour | Unset = UNSET,
        level: EverythingLevel | Unset = UNSET,
        mood: EverythingMoodType1 | None | Unset = UNSET,
        version: Literal[2] | Unset = UNSET,
        ratio: float | Unset = UNSET,
        flag: bool | Unset = UNSET,
        count: int | Unset = UNSET,
        nickname: None | str | Unset = UNSET,
        parent: Leaf | None | Unset | Mapping[str, Any] = UNSET,
        sibling: Leaf | None | Unset | Mapping[str, Any] = UNSET,
        code: int | None | str | Unset = UNSET,
        tags: builtins.list[str] | Unset = UNSET,
        leaves: builtins.list[Leaf] | Unset = UNSET,
        shapes: builtins.list[Circle | Square] | Unset = UNSET,
        scores: EverythingScores | Unset | Mapping[str, Any] = UNSET,
        leaf_map: EverythingLeafMap | Unset | Mapping[str, Any] = UNSET,
        anything: Any | Unset = UNSET,
        inline: EverythingInline | Unset | Mapping[str, Any] = UNSET,
        pet: Cat | Dog | Unset | Mapping[str, Any] = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Everything:
        """Create thing

        A JSON request body that uses every construct.

        Args:
            name: A string with limits
            when: A date-time
            kind: A string const
            day: A date
            ident: A UUID
            email: A format the client treats as a plain string
            colour: A colour
            level: An integer enum
            mood: A nullable string enum
            version: An integer const
            ratio: A number with limits
            flag: A boolean
            count: An integer with a default
            nickname: Nullable through a type list
            parent: Nullable through anyOf
            sibling: Nullable through oneOf
            code: A union of scalars
            tags: An array of scalars, with limits on it and its items
            leaves: An array of models
            shapes: An array of unions
            scores: A map of scalars
            leaf_map: A map of models
            anything: Any value at all
            inline: An inline nested object
            pet: A cat or a dog, told apart by their fields.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        body = request_checks.check_body(
            Everything(
                name=name,
                when=when,
                kind=kind,
                day=day,
                ident=ident,
                email=email,
                colour=colour,
                level=level,
                mood=mood,
                version=version,
                ratio=ratio,
                flag=flag,
                count=count,
                nickname=nickname,
                parent=body_field(Everything, "parent", parent),
                sibling=body_field(Everything, "sibling", sibling),
                code=code,
                tags=tags,
                leaves=leaves,
                shapes=shapes,
                scores=body_field(Everything, "scores", scores),
                leaf_map=body_field(Everything, "leaf_map", leaf_map),
                anything=anything,
                inline=body_field(Everything, "inline", inline),
                pet=body_field(Everything, "pet", pet),
            ),
            strict=self._client.strict,
        )

        http_kwargs = create_thing._get_kwargs(
            body=body,
        )

        return await self._client.execute(Call(http_kwargs, Everything.from_dict, timeout=timeout))

    async def retrieve(
        self,
        thing_id: UUID,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Extended:
        """Get thing

        A success body composed with allOf.

        Args:
            thing_id: The thing's UUID.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )

        http_kwargs = get_thing._get_kwargs(
            thing_id=thing_id,
        )

        return await self._client.execute(Call(http_kwargs, Extended.from_dict, timeout=timeout))

    async def replace(
        self,
        thing_id: UUID,
        *,
        label: str,
        sizes: builtins.list[int] | Unset = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> PutThingResponse200:
        """Replace thing

        Inline objects as the request body and as the success body.

        Args:
            thing_id: The thing's UUID.
            label: A short label
            sizes: At most three sizes
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )
        body = request_checks.check_body(
            PutThingBody(
                label=label,
                sizes=sizes,
            ),
            strict=self._client.strict,
        )

        http_kwargs = put_thing._get_kwargs(
            thing_id=thing_id,
            body=body,
        )

        return await self._client.execute(Call(http_kwargs, PutThingResponse200.from_dict, timeout=timeout))

    async def delete(
        self,
        thing_id: UUID,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete thing

        No success body.

        Args:
            thing_id: The thing's UUID.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )

        http_kwargs = delete_thing._get_kwargs(
            thing_id=thing_id,
        )

        return cast("None", await self._client.execute(Call(http_kwargs, json_value(decoding.NULL), timeout=timeout)))

    async def update(
        self,
        thing_id: UUID,
        *,
        title: str,
        rank: int,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Extended:
        """Update thing

        An allOf request body.

        Args:
            thing_id: The thing's UUID.
            title:
            rank:
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )
        body = request_checks.check_body(
            Extended(
                title=title,
                rank=rank,
            ),
            strict=self._client.strict,
        )

        http_kwargs = patch_thing._get_kwargs(
            thing_id=thing_id,
            body=body,
        )

        return await self._client.execute(Call(http_kwargs, Extended.from_dict, timeout=timeout))

    async def pet(
        self,
        thing_id: UUID,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Cat | Dog:
        """Get the thing's pet

        A oneOf of objects without a discriminator.

        Args:
            thing_id: The thing's UUID.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )

        http_kwargs = get_thing_pet._get_kwargs(
            thing_id=thing_id,
        )

        return await self._client.execute(Call(http_kwargs, one_of(Cat, Dog), timeout=timeout))

    async def shape(
        self,
        thing_id: UUID,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Circle | Square:
        """Get the thing's shape

        A oneOf of objects with a discriminator.

        Args:
            thing_id: The thing's UUID.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )

        http_kwargs = get_thing_shape._get_kwargs(
            thing_id=thing_id,
        )

        return await self._client.execute(Call(http_kwargs, one_of(Circle, Square), timeout=timeout))

    def log(
        self,
        thing_id: UUID,
        *,
        since: int | Unset = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        total_timeout: float | None = None,
    ) -> AsyncStreamedBody:
        """Get the thing's log

        A success body that is not JSON, streamed; x-anyapi-download adds a method that saves it.

        The answer is streamed: use it as a context manager (``async with client.things.log(...) as
        body:``), which sends the request and closes the connection at its end, and read it once with
        aiter_bytes(), aiter_lines() or aread(). Nothing is held in memory unless aread() asks for the whole
        body.

        Args:
            thing_id: The thing's UUID.
            since: Only lines after this line number.
            timeout: for this call, instead of the client's timeout: it bounds connecting and the answer's
                headers, then each wait for more of the body, not the whole transfer.
            total_timeout: seconds for the whole transfer, from sending to the last byte, retries and
                pauses included; None (the default): no limit.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, or the body broke off, after the client's retries;
                errors.APITimeoutError when a timeout ran out.
            errors.ResponseValidationError: the body cannot be decoded (Content-Encoding, or text that
                is not UTF-8).
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )
        request_checks.check_param(
            "since",
            since,
            request_checks.Limited(decoding.INTEGER, request_checks.Limits(minimum=0)),
            strict=self._client.strict,
        )

        http_kwargs = get_thing_log._get_kwargs(
            thing_id=thing_id,
            since=since,
        )

        return self._client.stream(Call(http_kwargs, not_parsed, timeout=timeout), total_timeout=total_timeout)

    async def save_log(
        self,
        thing_id: UUID,
        path: str | os.PathLike[str],
        *,
        since: int | Unset = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        total_timeout: float | None = None,
        on_progress: Callable[[int, int | None], object] | None = None,
    ) -> int:
        """Get the thing's log

        A success body that is not JSON, streamed; x-anyapi-download adds a method that saves it.

        Writes the answer to path: into a new file beside it, which replaces path only once the whole body
        has arrived with the size its Content-Length declared. A transient failure starts the download over,
        within the client's max_retries; a download that fails, or is interrupted, leaves path as it was and
        no new file behind. Returns the number of bytes written.

        Args:
            thing_id: The thing's UUID.
            since: Only lines after this line number.
            path: the file to write (replaced if it exists); its folder must exist.
            on_progress: called with the bytes received so far and the bytes declared (None if the server
                declares none), once at the start of each attempt and after each piece of the body.
            timeout: for this call, instead of the client's timeout: it bounds connecting and the answer's
                headers, then each wait for more of the body, not the whole transfer.
            total_timeout: seconds for the whole transfer, from sending to the last byte, retries and
                pauses included; None (the default): no limit.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, or the body broke off, after the client's retries;
                errors.APITimeoutError when a timeout ran out.
            errors.ResponseValidationError: the body cannot be decoded (Content-Encoding, or text that
                is not UTF-8).
            OSError: path cannot be written (no such folder, no permission, a full disk); a folder that
                cannot be written to fails before anything is sent.
        """

        request_checks.check_param(
            "thing_id",
            thing_id,
            decoding.UUID_STRING,
            strict=self._client.strict,
        )
        request_checks.check_param(
            "since",
            since,
            request_checks.Limited(decoding.INTEGER, request_checks.Limits(minimum=0)),
            strict=self._client.strict,
        )

        http_kwargs = get_thing_log._get_kwargs(
            thing_id=thing_id,
            since=since,
        )

        return await self._client.download(
            Call(http_kwargs, not_parsed, timeout=timeout), path, on_progress=on_progress, total_timeout=total_timeout
        )
