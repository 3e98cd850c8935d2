package dev.jcompose.engine.image.ref;

import java.util.regex.Pattern;

/**
 * The image reference grammar of the distribution project, as regular expressions:
 * <pre>
 * reference      := name [ ":" tag ] [ "@" digest ]
 * name           := [domain '/'] path-component ['/' path-component]*
 * domain         := host [':' port-number]
 * host           := domain-name | '[' IPv6address ']'
 * path-component := alpha-numeric [separator alpha-numeric]*
 * separator      := /[_.]|__|[-]+/
 * tag            := /[\w][\w.-]{0,127}/
 * digest         := algorithm ":" hex (32 or more digits)
 * </pre>
 */
final class ReferenceGrammar {
    static final int NAME_TOTAL_LENGTH_MAX = 255;

    private static final String ALPHANUMERIC = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]+)";
    private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
    private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|" + IPV6 + ")";
    private static final String DOMAIN = HOST + "(?::[0-9]+)?";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

    /** Groups: 1 name, 2 tag (or null), 3 digest (or null). */
    static final Pattern REFERENCE = Pattern.compile("(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
    static final Pattern TAG_ONLY = Pattern.compile(TAG);
    static final Pattern DOMAIN_ONLY = Pattern.compile(DOMAIN);
    static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");

    private ReferenceGrammar() {
    }
}
