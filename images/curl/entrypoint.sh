#!/bin/sh
# floe.local/curl entrypoint: as curlimages/curl's, arguments that are options or not a command are given to curl.
set -e
if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ] || ! command -v "$1" >/dev/null 2>&1; then set -- curl "$@"; fi
exec "$@"
