package org.ssbtwin.core.query;

/** The type of a searchable attribute; literals compared with it must have the same type. */
public enum AttrType {
    STRING, NUMBER, BOOLEAN
}
