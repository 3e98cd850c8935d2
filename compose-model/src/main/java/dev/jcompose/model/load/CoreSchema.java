package dev.jcompose.model.load;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** Resolution of plain scalars by the YAML 1.2 core schema, the schema go-yaml v3 (compose-go) follows. */
final class CoreSchema {
    private static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");

    private CoreSchema() {
    }

    static YScalar.Kind kindOf(String plain) {
        if (NULL.matcher(plain).matches()) {
            return YScalar.Kind.NULL;
        }
        if (BOOL.matcher(plain).matches()) {
            return YScalar.Kind.BOOL;
        }
        if (INT.matcher(plain).matches()) {
            return YScalar.Kind.INT;
        }
        if (FLOAT.matcher(plain).matches()) {
            return YScalar.Kind.FLOAT;
        }
        return YScalar.Kind.STRING;
    }

    static Boolean parseBool(String text) {
        return text.equalsIgnoreCase("true");
    }

    static Object parseInt(String text) {
        BigInteger v;
        if (text.startsWith("0x")) {
            v = new BigInteger(text.substring(2), 16);
        } else if (text.startsWith("0o")) {
            v = new BigInteger(text.substring(2), 8);
        } else {
            v = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        }
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    static Double parseFloat(String text) {
        String t = text.toLowerCase();
        if (t.endsWith(".inf")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (t.equals(".nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(text);
    }
}
