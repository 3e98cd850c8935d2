<?php
/*
 * wp-config.php of jcompose's offline WordPress image: every setting comes from the container's
 * environment (as the official image's), so the same compose file drives both images.
 */
function jcompose_env($name, $default)
{
    $value = getenv($name);
    if ($value !== false && $value !== '') {
        return $value;
    }
    $file = getenv($name . '_FILE');
    if ($file !== false && is_readable($file)) {
        return rtrim(file_get_contents($file), "\r\n");
    }
    return $default;
}

define('DB_NAME', jcompose_env('WORDPRESS_DB_NAME', 'wordpress'));
define('DB_USER', jcompose_env('WORDPRESS_DB_USER', 'example username'));
define('DB_PASSWORD', jcompose_env('WORDPRESS_DB_PASSWORD', 'example password'));
define('DB_HOST', jcompose_env('WORDPRESS_DB_HOST', 'mysql'));
define('DB_CHARSET', jcompose_env('WORDPRESS_DB_CHARSET', 'utf8'));
define('DB_COLLATE', jcompose_env('WORDPRESS_DB_COLLATE', ''));

define('AUTH_KEY', jcompose_env('WORDPRESS_AUTH_KEY', 'put your unique phrase here'));
define('SECURE_AUTH_KEY', jcompose_env('WORDPRESS_SECURE_AUTH_KEY', 'put your unique phrase here'));
define('LOGGED_IN_KEY', jcompose_env('WORDPRESS_LOGGED_IN_KEY', 'put your unique phrase here'));
define('NONCE_KEY', jcompose_env('WORDPRESS_NONCE_KEY', 'put your unique phrase here'));
define('AUTH_SALT', jcompose_env('WORDPRESS_AUTH_SALT', 'put your unique phrase here'));
define('SECURE_AUTH_SALT', jcompose_env('WORDPRESS_SECURE_AUTH_SALT', 'put your unique phrase here'));
define('LOGGED_IN_SALT', jcompose_env('WORDPRESS_LOGGED_IN_SALT', 'put your unique phrase here'));
define('NONCE_SALT', jcompose_env('WORDPRESS_NONCE_SALT', 'put your unique phrase here'));

$table_prefix = jcompose_env('WORDPRESS_TABLE_PREFIX', 'wp_');

define('WP_DEBUG', (bool) jcompose_env('WORDPRESS_DEBUG', ''));

if (isset($_SERVER['HTTP_X_FORWARDED_PROTO']) && strpos($_SERVER['HTTP_X_FORWARDED_PROTO'], 'https') !== false) {
    $_SERVER['HTTPS'] = 'on';
}

$jcompose_extra = jcompose_env('WORDPRESS_CONFIG_EXTRA', '');
if ($jcompose_extra !== '') {
    eval($jcompose_extra);
}

if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
