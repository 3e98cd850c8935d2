package dev.jcompose.model.load.normalize;

import static dev.jcompose.model.load.normalize.Normalized.error;
import static dev.jcompose.model.load.normalize.Normalized.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** secrets and configs: long form references, octal modes as numbers, absolute files, engine names. */
class SecretsConfigsTest {
    @Test
    void referencesAndDefinitionsAsComposeGoPrintsThem() {
        assertEquals("""
                name: demo
                services:
                  foo:
                    configs:
                      - source: config1
                      - source: config2
                        target: /my_config
                        uid: "103"
                        gid: "103"
                        mode: 288
                    image: app
                    networks:
                      default: null
                    secrets:
                      - source: secret1
                        target: /run/secrets/secret1
                      - source: secret2
                        mode: 256
                networks:
                  default:
                    name: demo_default
                secrets:
                  secret1:
                    name: demo_secret1
                    file: /work/demo/secret_data
                  secret2:
                    name: my_secret
                    external: true
                configs:
                  config1:
                    name: demo_config1
                    file: /work/demo/config_data
                  config2:
                    name: config2
                    external: true
                """, yaml("""
                services:
                  foo:
                    image: app
                    secrets:
                      - source: secret1
                        target: /run/secrets/secret1
                      - source: secret2
                        mode: "0400"
                    configs:
                      - config1
                      - {source: config2, target: /my_config, uid: "103", gid: "103", mode: 0440}
                secrets:
                  secret1: {file: ./secret_data}
                  secret2: {external: true, name: my_secret}
                configs:
                  config1: {file: ./config_data}
                  config2: {external: true}
                """));
    }

    @Test
    void undefinedSecretIsAnError() {
        assertEquals("compose.yaml:4:15 services.foo.secrets[0]: service \"foo\" refers to undefined secret nope: invalid compose project",
                error("""
                        services:
                          foo:
                            image: app
                            secrets: [nope]
                        """));
    }
}
