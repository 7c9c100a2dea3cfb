"""Tests of bot/content/."""
