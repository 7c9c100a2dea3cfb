"""Tests of bot/policy/."""
