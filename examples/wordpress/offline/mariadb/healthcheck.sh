#!/bin/sh
# healthcheck.sh [--connect] [--innodb_initialized]: the checks of the official mariadb image's
# healthcheck.sh that compose files use. Exits 0 when every check asked for passes.
set -eu
cnf=/var/lib/mysql/.my-healthcheck.cnf
query() {
	mariadb --defaults-extra-file="$cnf" --protocol=tcp -h 127.0.0.1 --skip-column-names -e "$1"
}
[ $# -gt 0 ] || set -- --connect
for check in "$@"; do
	case $check in
	--connect)
		query 'SELECT 1' >/dev/null
		;;
	--innodb_initialized)
		[ "$(query "SELECT 1 FROM information_schema.ENGINES WHERE engine='InnoDB' AND support IN ('YES','DEFAULT','ENABLED')")" = 1 ]
		;;
	--su-mysql | --su=mysql | --mariadbupgrade | --no-defaults | --defaults-file=* | --defaults-extra-file=*) ;;
	*)
		echo >&2 "healthcheck.sh: unknown check $check"
		exit 1
		;;
	esac
done
