package org.ssbtwin.core.query;

/** A constant in a filter: a string, a number or a boolean, with its position in the text. */
public sealed interface Literal {
    int position();

    AttrType type();

    Object value();

    record Str(String value, int position) implements Literal {
        public AttrType type() {
            return AttrType.STRING;
        }
    }

    record Num(Double value, int position) implements Literal {
        public AttrType type() {
            return AttrType.NUMBER;
        }
    }

    record Bool(Boolean value, int position) implements Literal {
        public AttrType type() {
            return AttrType.BOOLEAN;
        }
    }

    record Time(java.time.Instant value, int position) implements Literal {
        public AttrType type() {
            return AttrType.TIME;
        }
    }
}
