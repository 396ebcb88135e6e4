package org.ssbtwin.core.quality;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.quality.ManufacturingFactors;

/**
 * Immutable lists that hold their elements in primitive arrays and create them on access: the same {@link List}
 * contract (equals, hashCode, iteration, JSON) as {@link List#copyOf}, a fraction of the heap. They exist for the
 * per-cell lists of resident pack entities (a VF 8 pack has 112 cells): 112 {@link CellId}s take ~8 KB as objects,
 * ~0.9 KB as serial numbers and ~130 bytes as varint gaps between serials (cells of a pack come off the line close
 * together); {@link ManufacturingFactors} ~60 bytes each as records, 40 as doubles.
 * Each factory falls back to {@link List#copyOf} when the compact form does not apply or would not be smaller.
 */
public final class CompactCellLists {
    private CompactCellLists() {}

    /** Cell ids sharing one prefix and serial width (e.g. {@code C-DK1-} and 8 digits) as their serials. */
    public static List<CellId> cellIds(List<CellId> ids) {
        if (ids instanceof CellIdList) return ids;
        if (ids.size() < 2) return List.copyOf(ids);
        String first = ids.get(0).value();
        int dash = first.lastIndexOf('-');
        String prefix = first.substring(0, dash + 1);
        int width = first.length() - prefix.length();
        if (width > 18) return List.copyOf(ids);
        long[] serials = new long[ids.size()];
        for (int i = 0; i < serials.length; i++) {
            String v = ids.get(i).value();
            if (v.length() != prefix.length() + width || !v.startsWith(prefix)) return List.copyOf(ids);
            for (int k = prefix.length(); k < v.length(); k++) {
                if (v.charAt(k) < '0' || v.charAt(k) > '9') return List.copyOf(ids);
            }
            serials[i] = Long.parseLong(v, prefix.length(), v.length(), 10);
        }
        return new CellIdList(prefix.intern(), width, serials);
    }

    /** Manufacturing factors as five doubles each (unless all are one shared instance, e.g. nominal cells). */
    public static List<ManufacturingFactors> factors(List<ManufacturingFactors> factors) {
        if (factors instanceof FactorList) return factors;
        int n = factors.size();
        if (n < 2) return List.copyOf(factors);
        ManufacturingFactors first = factors.get(0);
        boolean shared = true;
        for (ManufacturingFactors f : factors) shared &= f == first;
        if (shared) return List.copyOf(factors);
        double[] v = new double[n * 5];
        for (int i = 0; i < n; i++) {
            ManufacturingFactors f = factors.get(i);
            v[i * 5] = f.interfaceResistanceFactor();
            v[i * 5 + 1] = f.moistureExposure();
            v[i * 5 + 2] = f.latentDefectSeverity();
            v[i * 5 + 3] = f.laminationTemperatureC();
            v[i * 5 + 4] = f.dewPointC();
        }
        return new FactorList(v);
    }

    /** Doubles as a {@code double[]} (no nulls: a null element throws, as {@link List#copyOf} does). */
    public static List<Double> doubles(List<Double> values) {
        if (values instanceof DoubleList) return values;
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) v[i] = values.get(i);
        return new DoubleList(v);
    }

    /**
     * Doubles held as floats (rounded to float precision, ~7 significant digits): for sums that only feed
     * projections, where half the heap matters more than the last digits.
     */
    public static List<Double> floats(List<Double> values) {
        if (values instanceof FloatList) return values;
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) v[i] = values.get(i).floatValue();
        return new FloatList(v);
    }

    /** The same from a float array (copied). */
    public static List<Double> floats(float[] values) {
        return new FloatList(values.clone());
    }

    /** The same from an array. */
    public static List<Double> floats(double[] values) {
        float[] v = new float[values.length];
        for (int i = 0; i < v.length; i++) v[i] = (float) values[i];
        return new FloatList(v);
    }

    private static final class FloatList extends AbstractList<Double> implements RandomAccess {
        private final float[] v;

        FloatList(float[] v) {
            this.v = v;
        }

        @Override
        public Double get(int index) {
            return (double) v[index];
        }

        @Override
        public int size() {
            return v.length;
        }
    }

    /** Doubles from an array (copied). */
    public static List<Double> doubles(double[] values) {
        return new DoubleList(values.clone());
    }

    /**
     * Serials as zig-zag varint gaps from the previous one (the first from 0): ~1 byte per cell of a pack; or, when
     * shorter, as runs of equal gaps (gap, count), a few bytes for the usual pack whose cells came off the line in
     * order (a pack of consecutive serials with two rejects between is 4 runs, ~10 bytes instead of ~115).
     */
    private static final class CellIdList extends AbstractList<CellId> implements RandomAccess {
        private final String prefix;
        private final int width;
        private final int size;
        /** Runs of equal gaps (gap, count) instead of one gap per serial. */
        private final boolean runs;
        private final byte[] code;

        CellIdList(String prefix, int width, long[] serials) {
            this.prefix = prefix;
            this.width = width;
            this.size = serials.length;
            byte[] plain = new byte[serials.length * 10];
            byte[] runCode = new byte[serials.length * 20];
            int p = 0;
            int r = 0;
            long prev = 0;
            for (int i = 0; i < serials.length; ) {
                long gap = serials[i] - prev;
                int count = 1;
                while (i + count < serials.length && serials[i + count] - serials[i + count - 1] == gap) count++;
                r = put(runCode, r, zigzag(gap));
                r = put(runCode, r, count);
                for (int k = 0; k < count; k++) p = put(plain, p, zigzag(gap));
                prev = serials[i + count - 1];
                i += count;
            }
            this.runs = r < p;
            this.code = runs ? java.util.Arrays.copyOf(runCode, r) : java.util.Arrays.copyOf(plain, p);
        }

        private static long zigzag(long d) {
            return (d << 1) ^ (d >> 63);
        }

        private static int put(byte[] buf, int o, long z) {
            while ((z & ~0x7FL) != 0) {
                buf[o++] = (byte) ((z & 0x7F) | 0x80);
                z >>>= 7;
            }
            buf[o++] = (byte) z;
            return o;
        }

        /** Walks the serials in order. */
        private final class Cursor {
            private int o;
            private long serial;
            private long gap;
            private long left;

            long next() {
                if (left == 0) {
                    long z = read();
                    gap = (z >>> 1) ^ -(z & 1);
                    left = runs ? read() : 1;
                }
                left--;
                serial += gap;
                return serial;
            }

            private long read() {
                long z = 0;
                int shift = 0;
                byte b;
                do {
                    b = code[o++];
                    z |= (long) (b & 0x7F) << shift;
                    shift += 7;
                } while (b < 0);
                return z;
            }
        }

        @Override
        public CellId get(int index) {
            if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
            Cursor c = new Cursor();
            long serial = 0;
            for (int i = 0; i <= index; i++) serial = c.next();
            return id(serial);
        }

        private CellId id(long serial) {
            String digits = Long.toString(serial);
            StringBuilder sb = new StringBuilder(prefix.length() + width).append(prefix);
            for (int k = digits.length(); k < width; k++) sb.append('0');
            return new CellId(sb.append(digits).toString());
        }

        @Override
        public java.util.Iterator<CellId> iterator() {
            return new java.util.Iterator<>() {
                private final Cursor c = new Cursor();
                private int i;

                @Override
                public boolean hasNext() {
                    return i < size;
                }

                @Override
                public CellId next() {
                    if (i >= size) throw new java.util.NoSuchElementException();
                    i++;
                    return id(c.next());
                }
            };
        }

        @Override
        public int size() {
            return size;
        }
    }

    private static final class FactorList extends AbstractList<ManufacturingFactors> implements RandomAccess {
        private final double[] v;

        FactorList(double[] v) {
            this.v = v;
        }

        @Override
        public ManufacturingFactors get(int index) {
            int o = index * 5; // bounds: the array access throws for a bad index
            if (index < 0) throw new IndexOutOfBoundsException(index);
            return new ManufacturingFactors(v[o], v[o + 1], v[o + 2], v[o + 3], v[o + 4]);
        }

        @Override
        public int size() {
            return v.length / 5;
        }
    }

    private static final class DoubleList extends AbstractList<Double> implements RandomAccess {
        private final double[] v;

        DoubleList(double[] v) {
            this.v = v;
        }

        @Override
        public Double get(int index) {
            return v[index];
        }

        @Override
        public int size() {
            return v.length;
        }
    }
}
