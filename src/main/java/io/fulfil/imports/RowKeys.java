package io.fulfil.imports;

import java.nio.charset.StandardCharsets;

/**
 * The natural keys seen so far in one file, with the line each was first seen on, in about 16 bytes
 * per row (a million-row file needs some 32 MB, not the 150 MB of a map of strings). A key is kept as
 * a 64-bit fingerprint; two different keys of one file share one with a chance of about n²/2⁶⁵
 * (3·10⁻⁸ for a million rows), and then the later row is reported as repeated.
 */
final class RowKeys {

    private long[] keys = new long[1 << 12];
    private long[] lines = new long[1 << 12];
    private int size;

    /** Remembers the key; returns the line it was first seen on, or -1 when it is new. */
    long firstLineOf(String key, long line) {
        if (size * 2 >= keys.length) {
            grow();
        }
        long fingerprint = fingerprint(key);
        int slot = slotOf(fingerprint, keys.length);
        while (lines[slot] != 0) {
            if (keys[slot] == fingerprint) {
                return lines[slot];
            }
            slot = (slot + 1) & (keys.length - 1);
        }
        keys[slot] = fingerprint;
        lines[slot] = line;
        size++;
        return -1;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldLines[i] != 0) {
                int slot = slotOf(oldKeys[i], keys.length);
                while (lines[slot] != 0) {
                    slot = (slot + 1) & (keys.length - 1);
                }
                keys[slot] = oldKeys[i];
                lines[slot] = oldLines[i];
            }
        }
    }

    private static int slotOf(long fingerprint, int capacity) {
        return (int) (fingerprint ^ (fingerprint >>> 32)) & (capacity - 1);
    }

    /** FNV-1a over the UTF-8 bytes, then the SplitMix64 finaliser to spread the bits. */
    static long fingerprint(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
