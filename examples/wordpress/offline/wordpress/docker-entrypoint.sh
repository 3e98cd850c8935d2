#!/bin/sh
# Entrypoint of jcompose's offline WordPress image. Same interface as the official `wordpress`
# image: on first start an empty /var/www/html gets WordPress, and wp-config.php reads
# WORDPRESS_DB_HOST, WORDPRESS_DB_USER, WORDPRESS_DB_PASSWORD, WORDPRESS_DB_NAME,
# WORDPRESS_TABLE_PREFIX, WORDPRESS_DEBUG, WORDPRESS_CONFIG_EXTRA (and *_FILE) at run time.
set -eu

if [ "$1" = apache2-foreground ]; then
	if [ ! -e /var/www/html/index.php ] && [ ! -e /var/www/html/wp-includes/version.php ]; then
		echo >&2 "WordPress not found in /var/www/html - copying now..."
		cp -a /usr/src/wordpress/. /var/www/html/
		echo >&2 "Complete! WordPress has been successfully copied to /var/www/html"
	fi
	if [ ! -s /var/www/html/wp-config.php ]; then
		echo >&2 "No 'wp-config.php' found in /var/www/html, creating one from the environment"
		cp /usr/src/wordpress/wp-config-docker.php /var/www/html/wp-config.php
		# unique keys and salts for this installation
		for key in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
			salt=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')
			sed -i "s/'$key', *'put your unique phrase here'/'$key', '$salt'/" /var/www/html/wp-config.php
		done
	fi
	chown -R www-data:www-data /var/www/html
fi
exec "$@"
