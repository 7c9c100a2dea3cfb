"""Tests of bot/locate/."""
