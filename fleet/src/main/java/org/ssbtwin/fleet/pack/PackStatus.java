package org.ssbtwin.fleet.pack;

public enum PackStatus {
    UNKNOWN, ASSEMBLED, IN_SERVICE
}
