package org.ssbtwin.plant.sim;

/** Formats the asset-id strings of simulated items (the id records validate them). */
public final class ItemIds {
    private ItemIds() {}

    static String pad(long v, int width) {
        String s = Long.toString(v);
        if (s.length() >= width) return s;
        StringBuilder b = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) b.append('0');
        return b.append(s).toString();
    }

    public static String cell(String site, long serial) { return "C-" + site + "-" + pad(serial, 8); }

    public static String inlay(String site, long serial) { return "I-" + site + "-" + pad(serial, 8); }

    public static String pack(String site, long serial) { return "P-" + site + "-" + pad(serial, 6); }

    /** Roll id from the coating station's kind code (CAT, ELY, ANO) in its id, e.g. DK1-CAT-01 -> R-CAT-000012. */
    public static String roll(String kindCode, long rollNumber) { return "R-" + kindCode + "-" + pad(rollNumber, 6); }
}
