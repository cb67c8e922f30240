#!/bin/bash
# floe.local/postgres entrypoint: the part of library/postgres's docker-entrypoint.sh that charts/floe-platform
# relies on, written for this image (see images/README.md):
#   - POSTGRES_PASSWORD (required on first start), POSTGRES_USER (default postgres), POSTGRES_DB (default: the
#     user), POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD (default scram-sha-256 for TCP connections), PGDATA;
#   - on the first start (no $PGDATA/PG_VERSION): initdb, then a temporary server on the Unix socket only, the
#     database POSTGRES_DB, then /docker-entrypoint-initdb.d/* in name order (*.sh: run when executable, sourced
#     otherwise; *.sql and *.sql.gz: fed to psql), then that server stops;
#   - then `postgres` in the foreground, listening on every address (port 5432).
# It never switches user: it runs as the user it is started as (the image's postgres user, uid 999, by default).
set -Eeuo pipefail

say() { printf '%s floe-postgres-entrypoint: %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S UTC')" "$*" >&2; }
die() { say "error: $*"; exit 1; }

# `docker run IMAGE -c foo=bar` passes server options, as with the upstream image.
if [ "${1:-}" = "" ] || [ "${1:0:1}" = "-" ]; then set -- postgres "$@"; fi
if [ "$1" != postgres ]; then exec "$@"; fi

export PGDATA=${PGDATA:-/var/lib/postgresql/data}
export POSTGRES_USER=${POSTGRES_USER:-postgres}
export POSTGRES_DB=${POSTGRES_DB:-$POSTGRES_USER}
auth_method=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}

[ "$(id -u)" != 0 ] || die "runs as a non-root user only (the image's postgres user is uid 999)"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$auth_method" != trust ]; then
    die "the database is not initialised and POSTGRES_PASSWORD is empty: set it (or POSTGRES_HOST_AUTH_METHOD=trust)"
  fi
  mkdir -p "$PGDATA" || die "cannot create PGDATA $PGDATA (is its parent writable by uid $(id -u)?)"
  chmod 0700 "$PGDATA" || die "cannot chmod 0700 PGDATA $PGDATA (not owned by uid $(id -u)?)"
  say "initialising $PGDATA (initdb, superuser $POSTGRES_USER)"
  pwfile=$(mktemp "${TMPDIR:-/tmp}/pwfile.XXXXXX")
  printf '%s\n' "${POSTGRES_PASSWORD:-}" >"$pwfile"
  # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of words, as upstream treats it
  initdb --username="$POSTGRES_USER" --pwfile="$pwfile" ${POSTGRES_INITDB_ARGS:-} >&2 || { rm -f "$pwfile"; die "initdb failed"; }
  rm -f "$pwfile"
  printf '\n# floe-postgres-entrypoint: TCP connections\nhost all all all %s\n' "$auth_method" >>"$PGDATA/pg_hba.conf"
  # initdb writes its compiled-in socket directory (/tmp); Debian's (and so the upstream image's) is
  # /var/run/postgresql, where psql and pg_isready of this image look.
  printf "\n# floe-postgres-entrypoint: the Unix socket where Debian's client tools look\nunix_socket_directories = '/var/run/postgresql'\n" >>"$PGDATA/postgresql.conf"

  say "temporary server on the Unix socket only, for the init scripts"
  pg_ctl -D "$PGDATA" -w -o "-c listen_addresses=''" start >&2 || die "the temporary server did not start"
  export PGPASSWORD=${POSTGRES_PASSWORD:-}
  psql_cmd=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
  if [ "$POSTGRES_DB" != postgres ]; then
    "${psql_cmd[@]}" --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";' >&2
  fi
  for f in /docker-entrypoint-initdb.d/*; do
    [ -e "$f" ] || continue
    case $f in
      *.sh)
        if [ -x "$f" ]; then say "running $f"; "$f"; else say "sourcing $f"; # shellcheck disable=SC1090
          . "$f"; fi ;;
      *.sql) say "running $f"; "${psql_cmd[@]}" --dbname "$POSTGRES_DB" -f "$f" >&2 ;;
      *.sql.gz) say "running $f"; gzip -dc "$f" | "${psql_cmd[@]}" --dbname "$POSTGRES_DB" >&2 ;;
      *) say "ignoring $f" ;;
    esac
  done
  unset PGPASSWORD
  pg_ctl -D "$PGDATA" -m fast -w stop >&2 || die "the temporary server did not stop"
  say "initialisation done"
else
  say "$PGDATA holds a database (PG_VERSION $(cat "$PGDATA/PG_VERSION")): no initialisation"
fi

exec "$@"
