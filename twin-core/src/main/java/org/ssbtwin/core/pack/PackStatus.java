package org.ssbtwin.core.pack;

public enum PackStatus {
    UNKNOWN, ASSEMBLED, IN_SERVICE
}
