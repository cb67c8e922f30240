#!/bin/sh
# floe.local/minio entrypoint: as quay.io/minio/minio's, arguments that do not start with `minio` are given to
# minio (the chart passes only args: server /data ...). It does not switch users (MINIO_USERNAME/MINIO_UID are not
# supported): it runs as the user it is started as.
set -e
if [ "${1:-}" != minio ] && [ -n "${1:-}" ]; then set -- minio "$@"; fi
exec "$@"
