"""Logins: throttled per account and per client address for the whole server, a locked account recorded, unknown
names as slow to refuse as known ones, and an identity provider's login accepted by its e-mail address only."""

from __future__ import annotations

import threading

import pytest
import streamlit as st

from thplan import passwords
from thplan.passwords import check_login, dummy_hash, hash_password
from thplan.throttle import ACCOUNT_FAILURES, CLIENT_FAILURES, LOCK, LoginThrottle

from .test_upload import PASSWORD


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def throttle() -> tuple[LoginThrottle, Clock]:
    clock = Clock()
    return LoginThrottle(clock), clock


def test_an_account_is_locked_after_repeated_failures_even_with_the_right_password_next(throttle, caplog):
    gate, clock = throttle
    for _ in range(ACCOUNT_FAILURES):
        assert gate.begin("a.officer", "10.0.0.1") is None  # each attempt fails: never `succeeded`
    refused = gate.begin("a.officer", "10.0.0.2")  # from another computer too
    assert refused and "Too many failed logins for this officer name" in refused
    assert gate.begin("A.Officer ", "10.0.0.4") is not None  # the same account, however it is typed
    assert "Logins locked for 15 minutes for account 'a.officer'" in caplog.text  # recorded in the server's log
    clock.now += LOCK - 1
    assert gate.begin("a.officer", "10.0.0.3") is not None
    clock.now += 2
    assert gate.begin("a.officer", "10.0.0.3") is None  # the lock has passed


def test_a_client_guessing_many_names_is_locked_out(throttle):
    gate, _ = throttle
    for n in range(CLIENT_FAILURES):
        assert gate.begin(f"name-{n}", "10.0.0.9") is None
    assert "for this computer" in gate.begin("someone-else", "10.0.0.9")
    assert gate.begin("someone-else", "10.0.0.10") is None


def test_a_right_password_forgets_the_failures(throttle):
    gate, _ = throttle
    for _ in range(ACCOUNT_FAILURES - 1):
        gate.begin("a.officer", "10.0.0.1")
    gate.succeeded("a.officer", "10.0.0.1")
    assert all(gate.begin("a.officer", "10.0.0.1") is None for _ in range(ACCOUNT_FAILURES))


def test_guesses_sent_in_parallel_are_counted_as_they_start(throttle):
    gate, _ = throttle
    results = []
    threads = [threading.Thread(target=lambda: results.append(gate.begin("a.officer", "10.0.0.1"))) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(None) == ACCOUNT_FAILURES


def test_an_unknown_name_is_checked_against_a_hash_as_a_known_one_is(monkeypatch):
    stored = hash_password(PASSWORD, iterations=2000)
    dummy = dummy_hash(stored)
    assert dummy.split("$")[1] == "2000"  # as many iterations, so as slow
    checked = []
    real = passwords.verify_password
    monkeypatch.setattr(passwords, "verify_password", lambda p, s: checked.append(s) or real(p, s))
    assert check_login(PASSWORD, stored, dummy) and not check_login(PASSWORD, None, dummy)
    assert not check_login(PASSWORD, None, hash_password(PASSWORD, iterations=2000))  # never a way in
    assert checked[:2] == [stored, dummy]


def test_an_identity_provider_login_counts_by_its_e_mail_never_its_name(monkeypatch):
    from ui import auth

    class User(dict):
        is_logged_in = True

    monkeypatch.setattr(auth, "identity_provider", lambda: True)
    monkeypatch.setattr(st, "user", User(name="officer@towerhamlets.gov.uk"))
    assert auth._provider_user() is None
    monkeypatch.setattr(st, "user", User(name="Anyone", email="officer@towerhamlets.gov.uk"))
    assert auth._provider_user() == "officer@towerhamlets.gov.uk"
