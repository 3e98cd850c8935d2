#!/bin/sh
# Builds the two images of the offline WordPress example from Debian's packages, once, into a
# cache directory, as `docker save` archives (what `jcompose image load` and `docker load` read):
#   jcompose.local/offline/mariadb:bookworm    (mariadb-server; the official mariadb image's interface)
#   jcompose.local/offline/wordpress:bookworm  (apache2 + mod_php + Debian's wordpress; the official
#                                               wordpress image's interface)
# Needs root, mmdebstrap, umoci and skopeo (all Debian packages) and Debian's package mirror.
# Prints the directory holding mariadb.tar and wordpress.tar. A changed build input gives a new
# cache key, so edits to this directory rebuild.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
suite=${JCOMPOSE_OFFLINE_SUITE:-bookworm}
mirror=${JCOMPOSE_OFFLINE_MIRROR:-http://deb.debian.org/debian}
key=$( (cd "$here" && cat build-images.sh mariadb/* wordpress/*; echo "$suite $mirror") | sha256sum | cut -c1-16)
cache=${JCOMPOSE_OFFLINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jcompose/wordpress-offline}/$key

if [ -s "$cache/mariadb.tar" ] && [ -s "$cache/wordpress.tar" ]; then
	echo "$cache"
	exit 0
fi
missing=""
for tool in mmdebstrap umoci skopeo; do
	command -v $tool >/dev/null || missing="$missing $tool"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo >&2 "build-images.sh: installing$missing from Debian's packages"
		# shellcheck disable=SC2086
		DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -q $missing >&2 ||
			{ apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -q $missing >&2; }
	else
		echo >&2 "build-images.sh:$missing missing (apt-get install -y$missing)"
		exit 1
	fi
fi
mkdir -p "$cache"
work=$(mktemp -d "$cache/.build.XXXXXX")
trap 'rm -rf "$work"' EXIT

slim="--dpkgopt=path-exclude=/usr/share/doc/* --dpkgopt=path-exclude=/usr/share/man/* --dpkgopt=path-exclude=/usr/share/locale/*"

# image NAME TAG ROOTFS_TAR then umoci config flags: wraps the rootfs as a one-layer image archive
image() {
	name=$1 tag=$2 rootfs=$3
	shift 3
	layout="$work/oci-$name"
	umoci init --layout "$layout"
	umoci new --image "$layout:$tag"
	umoci raw add-layer --image "$layout:$tag" "$rootfs"
	umoci config --image "$layout:$tag" --os linux --architecture amd64 \
		--config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
	skopeo copy --quiet "oci:$layout:$tag" "docker-archive:$work/$name.tar:jcompose.local/offline/$name:$tag"
	mv "$work/$name.tar" "$cache/$name.tar"
}

echo >&2 "building jcompose.local/offline/mariadb:$suite from Debian packages"
# shellcheck disable=SC2086
mmdebstrap --quiet --variant=minbase --include=mariadb-server,mariadb-client $slim \
	--customize-hook="install -m 755 '$here/mariadb/docker-entrypoint.sh' \"\$1/usr/local/bin/docker-entrypoint.sh\"" \
	--customize-hook="install -m 755 '$here/mariadb/healthcheck.sh' \"\$1/usr/local/bin/healthcheck.sh\"" \
	--customize-hook="install -m 644 '$here/mariadb/99-container.cnf' \"\$1/etc/mysql/mariadb.conf.d/99-container.cnf\"" \
	--customize-hook='rm -rf "$1"/var/lib/mysql/* "$1"/var/lib/apt/lists/*' \
	"$suite" "$work/mariadb-rootfs.tar" "$mirror"
image mariadb "$suite" "$work/mariadb-rootfs.tar" \
	--config.entrypoint docker-entrypoint.sh --config.cmd mariadbd \
	--config.exposedports 3306/tcp --config.volume /var/lib/mysql

echo >&2 "building jcompose.local/offline/wordpress:$suite from Debian packages"
# shellcheck disable=SC2086
mmdebstrap --quiet --variant=minbase --include=apache2,libapache2-mod-php,php-mysql,wordpress,wordpress-theme-twentytwentythree $slim \
	--customize-hook="install -m 755 '$here/wordpress/docker-entrypoint.sh' \"\$1/usr/local/bin/docker-entrypoint.sh\"" \
	--customize-hook="install -m 755 '$here/wordpress/apache2-foreground' \"\$1/usr/local/bin/apache2-foreground\"" \
	--customize-hook='chroot "$1" cp -rL /usr/share/wordpress /usr/src/wordpress' \
	--customize-hook='rm -f "$1"/usr/src/wordpress/wp-config.php "$1"/var/www/html/index.html' \
	--customize-hook="install -m 644 '$here/wordpress/wp-config-docker.php' \"\$1/usr/src/wordpress/wp-config-docker.php\"" \
	--customize-hook='chroot "$1" a2enmod -q rewrite' \
	--customize-hook='for f in access.log other_vhosts_access.log; do ln -sfT /dev/stdout "$1/var/log/apache2/$f"; done; ln -sfT /dev/stderr "$1/var/log/apache2/error.log"' \
	--customize-hook='rm -rf "$1"/var/lib/apt/lists/*' \
	"$suite" "$work/wordpress-rootfs.tar" "$mirror"
image wordpress "$suite" "$work/wordpress-rootfs.tar" \
	--config.entrypoint docker-entrypoint.sh --config.cmd apache2-foreground \
	--config.exposedports 80/tcp --config.volume /var/www/html --config.workingdir /var/www/html \
	--config.stopsignal SIGWINCH

echo "$cache"
