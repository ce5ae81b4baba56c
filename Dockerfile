# targ in a container (docs/container.md): `docker build -t targ .` then `docker run -p 8080:8080 targ`.
# State lives in memory unless TARG_DB names a PostgreSQL database; TARG_ADMIN_TOKEN makes the admin API require a
# bearer token (advised: the container listens on every address).
FROM python:3.11.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /opt/targ
COPY pyproject.toml README.md ./
COPY src ./src
# The package with its pinned dependencies (and the PostgreSQL driver), then an unprivileged user to run it.
RUN pip install --no-cache-dir ".[postgres]" \
    && useradd --system --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin targ

USER 10001:10001
ENV TARG_HOST=0.0.0.0 \
    TARG_PORT=8080
EXPOSE 8080
# `targ health` asks GET /__targ/health on TARG_PORT (the image has no curl); the health check needs no token.
HEALTHCHECK --interval=10s --timeout=5s --start-period=15s --retries=3 CMD ["targ", "health"]
CMD ["targ", "serve"]
