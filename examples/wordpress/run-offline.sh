#!/bin/sh
# run-offline.sh up | down [-v]: the WordPress example on a machine without Docker Hub.
#   up      builds the images from Debian packages (once; cached), loads them into jcompose,
#           and runs `jcompose up -d --wait` with compose.offline.yaml over compose.yaml
#   down    `jcompose down` on the same files; extra arguments (-v …) pass through
set -eu

here=$(cd "$(dirname "$0")" && pwd)
jcompose=${JCOMPOSE:-$here/../../bin/jcompose}
files="-f $here/compose.yaml -f $here/compose.offline.yaml"

case ${1:-} in
up)
	shift
	archives=$("$here/offline/build-images.sh")
	# load once per engine state root and archive build (a rebuilt archive has a new cache directory)
	stamp="$archives/.loaded-$(printf '%s' "${JCOMPOSE_ROOT:-/var/lib/jcompose}" | sha256sum | cut -c1-12)"
	for name in mariadb wordpress; do
		if [ ! -e "$stamp" ] || ! "$jcompose" image inspect "jcompose.local/offline/$name:bookworm" >/dev/null 2>&1; then
			"$jcompose" image load -q -i "$archives/$name.tar"
		fi
	done
	touch "$stamp"
	# shellcheck disable=SC2086
	exec "$jcompose" $files up -d --wait "$@"
	;;
down)
	shift
	# shellcheck disable=SC2086
	exec "$jcompose" $files down "$@"
	;;
*)
	echo >&2 "usage: run-offline.sh up | down [-v]"
	exit 2
	;;
esac
