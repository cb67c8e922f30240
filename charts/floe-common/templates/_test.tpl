{{/* Preamble of every helm test pod of the floe charts (shell, before the pod's own check): a NetworkPolicy
engine programs a new pod's rules a moment after it starts (kube-router here: about a second), and a check that
connects at once is refused. curl retries refused connections for 15 s (its ~/.curlrc, read even with -K); psql
checks wait for pg_isready as long. A component that is really down still fails, 15 s later, with the check's
own message. Needs HOME set to a writable folder. Usage: include "floe-common.test.networkReady" . */}}
{{- define "floe-common.test.networkReady" -}}
printf 'retry = 15\nretry-delay = 1\nretry-connrefused\n' > "$HOME/.curlrc"
if [ -n "${PGHOST:-}" ] && command -v pg_isready >/dev/null 2>&1; then
  i=0; until pg_isready -q -U "${PGUSER:-postgres}"; do i=$((i+1)); [ "$i" -lt 15 ] || break; sleep 1; done
fi
{{- end -}}
