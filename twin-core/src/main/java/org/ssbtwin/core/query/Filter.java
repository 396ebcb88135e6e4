package org.ssbtwin.core.query;

import java.util.List;
import java.util.Locale;

/**
 * A parsed filter (immutable AST). Evaluation follows SQL-like rules for missing values: a comparison or
 * {@code in} on an attribute the asset does not have (null) is false, whatever the operator; {@code not} inverts
 * the result of its operand. String comparisons with {@code =}, {@code !=}, {@code in} and {@code ~} ignore case;
 * {@code <}, {@code >} on strings compare them lexicographically (case-sensitive).
 */
public sealed interface Filter {
    boolean test(AttributeView asset);

    /** The empty filter: matches everything. */
    record All() implements Filter {
        public boolean test(AttributeView asset) {
            return true;
        }
    }

    record And(Filter left, Filter right) implements Filter {
        public boolean test(AttributeView asset) {
            return left.test(asset) && right.test(asset);
        }
    }

    record Or(Filter left, Filter right) implements Filter {
        public boolean test(AttributeView asset) {
            return left.test(asset) || right.test(asset);
        }
    }

    record Not(Filter operand) implements Filter {
        public boolean test(AttributeView asset) {
            return !operand.test(asset);
        }
    }

    /** {@code attribute op literal}. */
    record Compare(String attribute, Op op, Literal literal, int position) implements Filter {
        public boolean test(AttributeView asset) {
            Object v = asset.get(attribute);
            if (v == null) return false;
            return switch (op) {
                case EQ -> same(v, literal.value());
                case NE -> !same(v, literal.value());
                case PREFIX -> ((String) v).toLowerCase(Locale.ROOT).startsWith(((String) literal.value()).toLowerCase(Locale.ROOT));
                case LT -> compare(v, literal.value()) < 0;
                case LE -> compare(v, literal.value()) <= 0;
                case GT -> compare(v, literal.value()) > 0;
                case GE -> compare(v, literal.value()) >= 0;
            };
        }
    }

    /** {@code attribute in (l1, l2, ...)}. */
    record In(String attribute, List<Literal> values, int position) implements Filter {
        public In {
            values = List.copyOf(values);
        }

        public boolean test(AttributeView asset) {
            Object v = asset.get(attribute);
            if (v == null) return false;
            for (Literal l : values) if (same(v, l.value())) return true;
            return false;
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof String s && b instanceof String t) return s.equalsIgnoreCase(t);
        if (a instanceof Double x && b instanceof Double y) return Double.compare(x, y) == 0 || x.doubleValue() == y.doubleValue();
        return a.equals(b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }
}
