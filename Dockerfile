# The #CloseTheCamps bot in a container. Content (messages/, schedule.yaml) is baked
# in from this checkout; state and secrets come from outside:
#   docker build -t closethecamps .
#   docker run -d --name closethecamps --env-file .env -v closethecamps-var:/app/var closethecamps
# Reload after editing the baked-in content = rebuild; or mount your own content:
#   -v "$PWD/messages:/app/messages:ro" -v "$PWD/schedule.yaml:/app/schedule.yaml:ro"
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install --no-compile . && useradd --system --home /app closethecamps

COPY messages ./messages
COPY schedule.yaml .env.example ./
RUN mkdir -p /app/var && chown closethecamps:closethecamps /app/var
USER closethecamps
VOLUME ["/app/var"]

# `closethecamps validate` fails the container early on a broken content mount.
HEALTHCHECK --interval=5m --timeout=10s CMD ["closethecamps", "validate", "--root", "/app"]
STOPSIGNAL SIGTERM
CMD ["closethecamps", "run", "--root", "/app"]
