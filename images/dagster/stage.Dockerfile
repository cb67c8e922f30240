# The first stage of floe.local/dagster-celery-k8s: Debian's python3.11 and the image's user (uid/gid 1001, as
# charts/floe-platform runs Dagster). scripts/images.sh then creates the venv in a container of it (the wheels
# mounted, not copied into a layer) and commits it.
ARG BASE
FROM ${BASE}
ARG DEBIAN_PACKAGES
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${DEBIAN_PACKAGES} >/dev/null \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb \
 && groupadd --gid 1001 dagster \
 && useradd --uid 1001 --gid 1001 --home-dir /opt/dagster --no-create-home --shell /bin/bash dagster \
 && mkdir -p /opt/dagster/dagster_home /opt/dagster/workspace /opt/dagster/app \
 && python3.11 --version
