#!/bin/sh
# Entrypoint of jcompose's offline MariaDB image. Same interface as the official `mariadb` image:
# MARIADB_* (or MYSQL_*) variables, each also as *_FILE, initialise an empty /var/lib/mysql once;
# then the server runs in the foreground on 0.0.0.0:3306.
set -eu

# value VAR: $MARIADB_VAR, else $MYSQL_VAR, else the contents of the file named by *_FILE
value() {
	for prefix in MARIADB MYSQL; do
		eval "v=\${${prefix}_$1:-}"
		if [ -n "$v" ]; then printf '%s' "$v"; return; fi
		eval "f=\${${prefix}_$1_FILE:-}"
		if [ -n "$f" ]; then cat "$f"; return; fi
	done
}

# sql_string TEXT: TEXT as a single-quoted SQL literal
sql_string() {
	printf "'%s'" "$(printf '%s' "$1" | sed -e "s/\\\\/\\\\\\\\/g" -e "s/'/''/g")"
}

initialise() {
	datadir=$1
	root_password=$(value ROOT_PASSWORD)
	if [ -n "$(value RANDOM_ROOT_PASSWORD)" ]; then
		root_password=$(head -c 24 /dev/urandom | base64)
		echo "GENERATED ROOT PASSWORD: $root_password"
	elif [ -z "$root_password" ] && [ -z "$(value ALLOW_EMPTY_ROOT_PASSWORD)" ]; then
		echo >&2 "error: database is uninitialized and password option is not specified"
		echo >&2 "  You need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD"
		exit 1
	fi
	echo "Initializing database files in $datadir"
	mariadb-install-db --user=mysql --datadir="$datadir" --skip-test-db --auth-root-authentication-method=normal --rpm \
		--skip-name-resolve >/dev/null
	socket=/run/mysqld/init.sock
	mariadbd --user=mysql --datadir="$datadir" --skip-networking --socket="$socket" &
	pid=$!
	i=0
	until mariadb-admin --socket="$socket" -uroot ping >/dev/null 2>&1; do
		i=$((i + 1))
		if [ $i -ge 60 ]; then echo >&2 "error: the temporary server did not start"; exit 1; fi
		sleep 1
	done
	database=$(value DATABASE)
	user=$(value USER)
	password=$(value PASSWORD)
	health_password=$(head -c 24 /dev/urandom | base64)
	{
		echo "SET @@SESSION.SQL_LOG_BIN=0;"
		echo "DELETE FROM mysql.user WHERE user='' OR (user='root' AND host NOT IN ('localhost'));"
		echo "ALTER USER 'root'@'localhost' IDENTIFIED BY $(sql_string "$root_password");"
		echo "CREATE USER 'root'@'%' IDENTIFIED BY $(sql_string "$root_password");"
		echo "GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;"
		for host in localhost 127.0.0.1 ::1; do
			echo "CREATE USER 'healthcheck'@'$host' IDENTIFIED BY $(sql_string "$health_password");"
			echo "GRANT USAGE ON *.* TO 'healthcheck'@'$host';"
		done
		if [ -n "$database" ]; then
			echo "CREATE DATABASE IF NOT EXISTS \`$database\`;"
		fi
		if [ -n "$user" ] && [ -n "$password" ]; then
			echo "CREATE USER $(sql_string "$user")@'%' IDENTIFIED BY $(sql_string "$password");"
			if [ -n "$database" ]; then
				echo "GRANT ALL ON \`$database\`.* TO $(sql_string "$user")@'%';"
			fi
		fi
		echo "FLUSH PRIVILEGES;"
	} | mariadb --socket="$socket" -uroot
	printf '[mariadb-client]\nport=3306\nsocket=/run/mysqld/mysqld.sock\nuser=healthcheck\npassword=%s\n' "$health_password" \
		>"$datadir/.my-healthcheck.cnf"
	chown mysql:mysql "$datadir/.my-healthcheck.cnf"
	chmod 600 "$datadir/.my-healthcheck.cnf"
	kill "$pid"
	wait "$pid" || true
	echo "MariaDB init process done. Ready for start up."
}

if [ "${1#-}" != "$1" ]; then
	set -- mariadbd "$@"
fi
if [ "$1" = mariadbd ] || [ "$1" = mysqld ]; then
	datadir=/var/lib/mysql
	mkdir -p "$datadir" /run/mysqld
	chown mysql:mysql "$datadir" /run/mysqld
	if [ ! -d "$datadir/mysql" ]; then
		initialise "$datadir"
	fi
	set -- "$@" --user=mysql
fi
exec "$@"
