"""``files.download``: the whole file or nothing, a transient failure started over within ``max_retries``."""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from anyapi_batches import errors
from anyapi_batches._runtime import downloads
from devtools.fault_server import Drip, FaultServer, Reset, Stall, error_reply
from tests.support.flavours import SECRET
from tests.support.reachable import reachable_text
from tests.support.streams import Client, client, close, cut_off, download, files_in, flavour, make_client, octets

__all__ = ["client", "flavour"]  # the fixtures these tests share with others

pytestmark = pytest.mark.anyio

BODY = b"".join(b'{"custom_id": "request-%d"}\n' % number for number in range(1, 2001))
OLD = b"the file as it was\n"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """A file that exists already, so that each test also shows whether it was replaced."""
    path = tmp_path / "results.jsonl"
    path.write_bytes(OLD)
    return path


async def test_the_file_is_written_whole(client: Client, fault_server: FaultServer, target: Path) -> None:
    fault_server.script(octets(BODY))
    progress: list[tuple[int, int | None]] = []
    written = await download(
        client, "file-abc123", target, on_progress=lambda done, total: progress.append((done, total))
    )
    assert written == len(BODY)
    assert target.read_bytes() == BODY
    assert files_in(target.parent) == ["results.jsonl"]
    assert progress[0] == (0, len(BODY))
    assert progress[-1] == (len(BODY), len(BODY))
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)


async def test_a_body_cut_off_is_started_over(client: Client, fault_server: FaultServer, target: Path) -> None:
    fault_server.script(cut_off(octets(BODY), sent=len(BODY) // 2), octets(BODY))
    progress: list[int] = []
    await download(client, "file-abc123", target, on_progress=lambda done, total: progress.append(done))
    assert target.read_bytes() == BODY
    assert files_in(target.parent) == ["results.jsonl"]
    assert len(fault_server.received) == 2
    # The second attempt counts from 0 again.
    assert progress.count(0) == 2


async def test_a_body_cut_off_every_time_leaves_nothing_behind(
    client: Client, fault_server: FaultServer, target: Path
) -> None:
    fault_server.script(cut_off(octets(BODY), sent=1000))
    with pytest.raises(errors.APIConnectionError) as raised:
        await download(client, "file-abc123", target)
    assert len(fault_server.received) == 3, "the first attempt and max_retries=2 more"
    assert target.read_bytes() == OLD
    assert files_in(target.parent) == ["results.jsonl"]
    assert SECRET not in reachable_text(raised.value)


async def test_a_new_file_is_not_made_when_the_download_fails(
    client: Client, fault_server: FaultServer, tmp_path: Path
) -> None:
    fault_server.script(Reset())
    with pytest.raises(errors.APIConnectionError):
        await download(client, "file-abc123", tmp_path / "new.jsonl")
    assert files_in(tmp_path) == []


async def test_an_error_status_is_raised_and_nothing_written(
    client: Client, fault_server: FaultServer, target: Path
) -> None:
    fault_server.script(error_reply(404))
    with pytest.raises(errors.NotFoundError):
        await download(client, "file-missing", target)
    assert len(fault_server.received) == 1
    assert target.read_bytes() == OLD
    assert files_in(target.parent) == ["results.jsonl"]


async def test_an_interrupted_download_leaves_nothing_behind(
    client: Client, fault_server: FaultServer, target: Path
) -> None:
    fault_server.script(octets(BODY))

    def interrupt(done: int, total: int | None) -> None:
        if done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        await download(client, "file-abc123", target, on_progress=interrupt)
    assert target.read_bytes() == OLD
    assert files_in(target.parent) == ["results.jsonl"]


async def test_a_dripping_download_ends_at_the_total_timeout(
    client: Client, fault_server: FaultServer, target: Path
) -> None:
    fault_server.script(Drip(octets(BODY), every=0.01))
    started = time.monotonic()
    with pytest.raises(errors.APITimeoutError):
        await download(client, "file-abc123", target, total_timeout=1)
    assert time.monotonic() - started < 2
    assert len(fault_server.received) == 1, "no retry could finish within the total"
    assert files_in(target.parent) == ["results.jsonl"]


async def test_each_attempt_keeps_the_client_timeout(fault_server: FaultServer, flavour: str, target: Path) -> None:
    fault_server.script(Stall(3), octets(BODY))
    made = make_client(flavour, api_key=SECRET, base_url=fault_server.url, max_retries=1, timeout=0.5)
    try:
        started = time.monotonic()
        assert await download(made, "file-abc123", target, total_timeout=30) == len(BODY)
    finally:
        await close(made)
    assert time.monotonic() - started < 2.5, "the silent first attempt ends at the client's 0.5 s, not the total"
    assert len(fault_server.received) == 2
    assert target.read_bytes() == BODY


async def test_a_retry_pause_past_the_total_timeout_is_not_waited_for(
    client: Client, fault_server: FaultServer, target: Path
) -> None:
    fault_server.script(error_reply(503, {"Retry-After": "3"}), octets(BODY))
    started = time.monotonic()
    with pytest.raises(errors.InternalServerError):
        await download(client, "file-abc123", target, total_timeout=1)
    assert time.monotonic() - started < 1.5
    assert len(fault_server.received) == 1
    assert target.read_bytes() == OLD


async def test_a_folder_that_does_not_exist_fails_before_sending(
    client: Client, fault_server: FaultServer, tmp_path: Path
) -> None:
    with pytest.raises(FileNotFoundError):
        await download(client, "file-abc123", tmp_path / "missing" / "results.jsonl")
    with pytest.raises(IsADirectoryError) as caught:
        await download(client, "file-abc123", tmp_path)
    assert (caught.value.errno, caught.value.strerror, caught.value.filename) == (
        errno.EISDIR,
        "a download needs the path of a file, not of a folder",
        str(tmp_path),
    )
    assert fault_server.received == []


@pytest.mark.parametrize(
    ("path", "on_progress", "message"),
    [
        (b"results.jsonl", None, "path must be a str or os.PathLike, got bytes"),
        (7, None, "path must be a str or os.PathLike, got int"),
        ("results.jsonl", "print", "on_progress must be callable, got str"),
    ],
)
async def test_arguments_of_the_wrong_type_are_refused_before_sending(
    client: Client, fault_server: FaultServer, path: object, on_progress: object, message: str
) -> None:
    with pytest.raises(TypeError) as caught:
        await download(client, "file-abc123", path, on_progress=on_progress)  # type: ignore[arg-type]
    assert str(caught.value) == message
    assert fault_server.received == []


async def test_a_large_download_is_put_on_disk_as_it_arrives(
    client: Client, fault_server: FaultServer, target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    sync = downloads.sync_quietly

    def recorded(descriptor: int) -> None:
        synced.append(descriptor)
        sync(descriptor)

    monkeypatch.setattr(downloads, "WRITEBACK_STEP", 10_000)
    monkeypatch.setattr(downloads, "sync_quietly", recorded)
    fault_server.script(octets(BODY))
    assert await download(client, "file-abc123", target) == len(BODY)
    assert target.read_bytes() == BODY
    assert synced, "no sync ran while the body arrived"


def syncing_every_10_bytes(monkeypatch: pytest.MonkeyPatch, sync: Callable[[int], None]) -> None:
    monkeypatch.setattr(downloads, "WRITEBACK_STEP", 10)
    monkeypatch.setattr(downloads, "sync_quietly", sync)


@pytest.mark.parametrize(
    ("piece", "synced_at"), [(b"12345", [10, 20, 30, 40]), (b"123", [12, 24, 36])], ids=["5 bytes", "3 bytes"]
)
def test_the_disk_is_asked_to_write_every_step_from_a_background_daemon_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, piece: bytes, synced_at: list[int]
) -> None:
    seen: list[tuple[int, bool]] = []

    def recorded(descriptor: int) -> None:
        seen.append((os.fstat(descriptor).st_size, threading.current_thread().daemon))

    syncing_every_10_bytes(monkeypatch, recorded)
    with (tmp_path / "part").open("wb") as file:
        writer = downloads.EarlyWriteback(file)
        for _ in range(45 // len(piece)):
            writer.write(piece)
            writer.wait()
    # A sync once 10 bytes are written, the buffer flushed first, then one for every 10 bytes more.
    assert seen == [(size, True) for size in synced_at]


def test_a_sync_under_way_is_not_joined_by_another(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    started: list[int] = []

    def slow(descriptor: int) -> None:
        started.append(os.fstat(descriptor).st_size)
        release.wait(5)

    syncing_every_10_bytes(monkeypatch, slow)
    with (tmp_path / "part").open("wb") as file:
        writer = downloads.EarlyWriteback(file)
        for _ in range(6):
            writer.write(b"12345")
        release.set()
        writer.wait()
        writer.write(b"12345")
        writer.wait()
    assert started == [10, 35]


def test_a_background_sync_reports_nothing_and_syncs_its_descriptor(monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    downloads.sync_quietly(7)
    assert synced == [7]
    monkeypatch.undo()
    # A descriptor that is no longer open: the final fsync is the one that reports a failure.
    closed = os.open(os.devnull, os.O_RDONLY)
    os.close(closed)
    downloads.sync_quietly(closed)  # raises nothing
