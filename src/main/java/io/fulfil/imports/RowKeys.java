package io.fulfil.imports;

import java.nio.charset.StandardCharsets;

/**
 * The natural keys seen so far in one file, with the line each was first seen on, in about 16 bytes
 * per row (a million-row file needs some 32 MB, not the 150 MB of a map of strings). A key is kept as
 * a 64-bit fingerprint; two different keys of one file share one with a chance of about n²/2⁶⁵
 * (3·10⁻⁸ for a million rows), and then the later row is reported as repeated.
 */
final class RowKeys {

    /**
     * Slots of two longs side by side: a key's fingerprint, then the line it was first seen on (0 for
     * an empty slot). A look-up beyond the processor's caches then costs one miss, not one in each of
     * two arrays: at a million rows the table is 32 MB, and every row of a file is looked up.
     */
    private long[] slots = new long[2 << 12];
    private int size;

    /** Remembers the key; returns the line it was first seen on, or -1 when it is new. */
    long firstLineOf(String key, long line) {
        if (size * 4 >= slots.length) {
            grow();
        }
        long fingerprint = fingerprint(key);
        int slot = probe(slots, fingerprint);
        if (slots[slot + 1] != 0) {
            return slots[slot + 1];
        }
        slots[slot] = fingerprint;
        slots[slot + 1] = line;
        size++;
        return -1;
    }

    /** Keys remembered so far. */
    int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) {
                int slot = probe(slots, old[i]);
                slots[slot] = old[i];
                slots[slot + 1] = old[i + 1];
            }
        }
    }

    /**
     * The slot (its first long) that holds this fingerprint, or else the empty slot where it goes:
     * linear probing from its home slot.
     */
    private static int probe(long[] table, long fingerprint) {
        int mask = table.length - 2;
        int slot = (int) ((fingerprint ^ (fingerprint >>> 32)) << 1) & mask;
        while (table[slot + 1] != 0 && table[slot] != fingerprint) {
            slot = (slot + 2) & mask;
        }
        return slot;
    }

    /**
     * FNV-1a over the UTF-8 bytes, then the SplitMix64 finaliser to spread the bits. Keys are mostly
     * ASCII, whose characters are their UTF-8 bytes: those are hashed from the string itself, without
     * encoding a copy of it first (every row of a file has its keys fingerprinted).
     */
    static long fingerprint(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= 0x80) {
                return fingerprintOfBytes(key);
            }
            h ^= c;
            h *= 0x100000001b3L;
        }
        return spread(h);
    }

    /** The same hash over the key's UTF-8 bytes, encoded first: any key. */
    static long fingerprintOfBytes(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return spread(h);
    }

    private static long spread(long h) {
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
