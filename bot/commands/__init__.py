"""Every CLI command as a plain function returning its exit code (sqlite-utils style).

    content.py   validate, approve, preview (and preview_rows, the data behind it)
    status.py    status (status_info)
    route.py     route, route --jsonl (route_one)
    measure.py   measure, measure --jsonl (measure_one)
    sandbox.py   sandbox mention, sandbox timeline

bot.cli imports a command's module only when that command runs.
"""
