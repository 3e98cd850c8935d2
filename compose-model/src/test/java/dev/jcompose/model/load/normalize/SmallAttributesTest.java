package dev.jcompose.model.load.normalize;

import static dev.jcompose.model.load.normalize.Normalized.attribute;
import static dev.jcompose.model.load.normalize.Normalized.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.load.YMap;
import org.junit.jupiter.api.Test;

/** ulimits, logging, devices, sysctls, extra_hosts, command/entrypoint and byte sizes, one check each family. */
class SmallAttributesTest {
    private static final String BASE = """
            services:
              foo:
                image: app
            """;

    private static String of(String attr) {
        return BASE + attr.indent(4);
    }

    @Test
    void ulimitsSingleAndSoftHard() {
        assertEquals("""
                ulimits:
                  nofile:
                    soft: 20000
                    hard: 40000
                  nproc:
                    soft: 65535
                    hard: 65535
                """, attribute(of("ulimits: {nproc: 65535, nofile: {hard: 40000, soft: 20000}}"), "foo", "ulimits"));
    }

    @Test
    void loggingInStructOrderWithSortedOptions() {
        assertEquals("""
                logging:
                  driver: syslog
                  options:
                    max-size: 10m
                    syslog-address: tcp://192.168.0.42:123
                """, attribute(of("logging: {options: {syslog-address: 'tcp://192.168.0.42:123', max-size: 10m}, driver: syslog}"),
                "foo", "logging"));
    }

    @Test
    void devicesGetTargetsAndPermissions() {
        assertEquals("""
                devices:
                  - source: /dev/ttyUSB0
                    target: /dev/ttyUSB0
                    permissions: rwm
                  - source: /dev/sda
                    target: /dev/xvda
                    permissions: r
                """, attribute(of("devices: [/dev/ttyUSB0, '/dev/sda:/dev/xvda:r']"), "foo", "devices"));
    }

    @Test
    void sysctlsAsStringMap() {
        assertEquals("""
                sysctls:
                  net.core.somaxconn: "1024"
                  net.ipv4.tcp_syncookies: "0"
                """, attribute(of("sysctls: [net.ipv4.tcp_syncookies=0, net.core.somaxconn=1024]"), "foo", "sysctls"));
    }

    @Test
    void extraHostsSortedAsHostEqualsIp() {
        String expected = """
                extra_hosts:
                  - otherhost=50.31.209.229
                  - somehost=162.242.195.82
                """;
        assertEquals(expected, attribute(of("extra_hosts: ['somehost:162.242.195.82', 'otherhost=50.31.209.229']"), "foo", "extra_hosts"));
        assertEquals(expected, attribute(of("extra_hosts: {somehost: 162.242.195.82, otherhost: 50.31.209.229}"), "foo", "extra_hosts"));
    }

    @Test
    void commandAndEntrypointShellSplit() {
        assertEquals("""
                command:
                  - bundle
                  - exec
                  - thin
                  - -p
                  - "3000"
                """, attribute(of("command: bundle exec thin -p 3000"), "foo", "command"));
        assertEquals("""
                entrypoint:
                  - sh
                  - -c
                  - echo 'a b' "$HOME"
                """, attribute(of("entrypoint: sh -c \"echo 'a b' \\\"$HOME\\\"\""), "foo", "entrypoint"));
        assertEquals("command: []\n", attribute(of("command: []"), "foo", "command"));
        assertEquals("", attribute(of("command: null"), "foo", "command"));
    }

    @Test
    void byteSizesAndDurations() {
        assertEquals("mem_limit: \"2147483648\"\n", attribute(of("mem_limit: 2gb"), "foo", "mem_limit"));
        assertEquals("shm_size: \"536870912\"\n", attribute(of("shm_size: 512m"), "foo", "shm_size"));
        assertEquals("memswap_limit: \"-1\"\n", attribute(of("memswap_limit: -1"), "foo", "memswap_limit"));
        assertEquals("mem_reservation: \"1024\"\n", attribute(of("mem_reservation: 1024"), "foo", "mem_reservation"));
        assertEquals("stop_grace_period: 1m30s\n", attribute(of("stop_grace_period: 90s"), "foo", "stop_grace_period"));
        String bad = error(of("mem_limit: 2 gigs"));
        assertTrue(bad.startsWith("compose.yaml:4:16 services.foo.mem_limit: invalid byte size \"2 gigs\""), bad);
    }

    @Test
    void pullPolicyIfNotPresentIsMissingAndBindVolumesGetAbsoluteDevices() {
        assertEquals("pull_policy: missing\n", attribute(of("pull_policy: if_not_present"), "foo", "pull_policy"));
        String out = Normalized.yaml("""
                services:
                  foo:
                    image: app
                    volumes: ["data:/data"]
                volumes:
                  data:
                    driver: local
                    driver_opts: {type: none, o: bind, device: ./host-data}
                """);
        assertTrue(out.contains("device: /work/demo/host-data"), out);
    }

    @Test
    void stringMapsPrintStrings() {
        String out = Normalized.yaml("""
                services:
                  foo:
                    image: app
                    logging: {driver: json-file, options: {max-file: 3}}
                    networks: [net]
                networks:
                  net:
                    driver_opts: {baz: 1, mtu: 1500}
                    labels: {tier: 2}
                """);
        assertTrue(out.contains("max-file: \"3\""), out);
        assertTrue(out.contains("baz: \"1\""), out);
        assertTrue(out.contains("mtu: \"1500\""), out);
        assertTrue(out.contains("tier: \"2\""), out);
    }

    @Test
    void falseFlagsVanishLikeGoOmitemptyButPointerFlagsStay() {
        assertEquals("""
                name: demo
                services:
                  foo:
                    depends_on:
                      bar:
                        condition: service_started
                        required: false
                    image: app
                    init: false
                    networks:
                      net: null
                    read_only: true
                    volumes:
                      - type: bind
                        source: /data
                        target: /data
                        bind: {}
                networks:
                  net:
                    name: demo_net
                """, Normalized.yaml("""
                services:
                  foo:
                    image: app
                    tty: false
                    cpu_shares: 0
                    mem_limit: 0
                    privileged: false
                    stdin_open: false
                    init: false
                    read_only: true
                    depends_on: {bar: {condition: service_started, restart: false, required: false}}
                    volumes: [{type: bind, source: /data, target: /data, read_only: false, bind: {create_host_path: false}}]
                    networks: [net]
                networks:
                  net: {external: false, internal: false}
                """));
    }

    @Test
    void blkioConfigInStructOrder() {
        assertEquals("""
                blkio_config:
                  weight: 300
                  weight_device:
                    - path: /dev/sda
                      weight: 400
                  device_read_bps:
                    - path: /dev/sdb
                      rate: "12582912"
                """, attribute(of("blkio_config: {device_read_bps: [{rate: 12mb, path: /dev/sdb}], weight_device: [{weight: 400, path: /dev/sda}], weight: 300}"),
                "foo", "blkio_config"));
    }

    @Test
    void extraHostsSplitSeveralAddressesAndDropIpv6Brackets() {
        assertEquals("""
                extra_hosts:
                  - multi=10.0.0.1
                  - multi=10.0.0.2
                  - v6=::1
                """, attribute(of("extra_hosts: ['v6=[::1]', 'multi=10.0.0.2,10.0.0.1']"), "foo", "extra_hosts"));
    }

    @Test
    void singleUlimitPrintsAsOneNumberLikeComposeGo() {
        String out = Normalized.yaml(of("ulimits: {nproc: 65535, nofile: {hard: 40000, soft: 20000}, core: {soft: 0, hard: 0}}"));
        assertTrue(out.contains("""
                    ulimits:
                      core:
                        soft: 0
                        hard: 0
                      nofile:
                        soft: 20000
                        hard: 40000
                      nproc: 65535
                """), out);
        YMap again = Normalized.tree(out);
        assertEquals(out, dev.jcompose.model.load.output.YamlWriter.write(again), "the short form reads back to the same output");
    }
}
