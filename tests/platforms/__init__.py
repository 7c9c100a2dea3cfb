"""Tests of bot/platforms/."""
