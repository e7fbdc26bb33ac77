package dev.stacks.corpus;

import java.util.Arrays;

/**
 * An open-addressing hash map from long to long: where each document's latest provenance record
 * starts in the journal. 16 bytes an entry, so half a million documents cost 16 MB of heap, not
 * the hundreds a map of boxed keys and record objects would.
 */
final class LongLongMap {
    private static final long EMPTY = 0L;
    private static final long ZERO_KEY_STAND_IN = Long.MIN_VALUE + 1;

    private long[] keys = new long[1 << 10];
    private long[] values = new long[1 << 10];
    private int size;

    /** Returns the value for key, or -1. */
    synchronized long get(long key) {
        long k = encode(key);
        int mask = keys.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) {
                return -1;
            }
            if (keys[i] == k) {
                return values[i];
            }
        }
    }

    synchronized void put(long key, long value) {
        if (size * 2 >= keys.length) {
            grow();
        }
        if (insert(keys, values, encode(key), value)) {
            size++;
        }
    }

    /** Removes a key; later entries of its probe run are re-inserted so lookups still find them. */
    synchronized void remove(long key) {
        long k = encode(key);
        int mask = keys.length - 1;
        int i = mix(k) & mask;
        while (keys[i] != EMPTY && keys[i] != k) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            return;
        }
        keys[i] = EMPTY;
        size--;
        for (int j = (i + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            long rk = keys[j];
            long rv = values[j];
            keys[j] = EMPTY;
            insert(keys, values, rk, rv);
        }
    }

    synchronized int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                insert(keys, values, oldKeys[i], oldValues[i]);
            }
        }
    }

    /** True if the key was new. */
    private static boolean insert(long[] keys, long[] values, long k, long value) {
        int mask = keys.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) {
                keys[i] = k;
                values[i] = value;
                return true;
            }
            if (keys[i] == k) {
                values[i] = value;
                return false;
            }
        }
    }

    private static long encode(long key) {
        return key == EMPTY ? ZERO_KEY_STAND_IN : key;
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public synchronized String toString() {
        return "LongLongMap[size=" + size + ", capacity=" + keys.length + ", " + Arrays.hashCode(keys) + "]";
    }
}
