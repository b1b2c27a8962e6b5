package io.fulfil.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RowKeysTests {

    @Test
    void remembersTheFirstLineOfEveryKeyWhileTheTableGrows() {
        RowKeys keys = new RowKeys();
        int n = 100_000;
        for (int i = 1; i <= n; i++) {
            assertEquals(-1, keys.firstLineOf("F" + i, i + 1));
        }
        assertEquals(n, keys.size());
        for (int i = 1; i <= n; i++) {
            assertEquals(i + 1, keys.firstLineOf("F" + i, n + i + 1), "key F" + i);
        }
        assertEquals(-1, keys.firstLineOf("F0", 2 * n + 2));
        assertEquals(n + 1, keys.size());
    }

    @Test
    void anAsciiKeyHashesAsItsUtf8Bytes() {
        for (String key : new String[] {"", "F0000000001", "SF\u0000SF000000000000", "tracking number ~!@#"}) {
            assertEquals(RowKeys.fingerprintOfBytes(key), RowKeys.fingerprint(key), key);
        }
    }

    @Test
    void keysBeyondAsciiAreTheirOwn() {
        RowKeys keys = new RowKeys();
        assertEquals(-1, keys.firstLineOf("顺丰-1", 2));
        assertEquals(-1, keys.firstLineOf("顺丰-2", 3));
        assertEquals(-1, keys.firstLineOf("e", 4));
        assertEquals(-1, keys.firstLineOf("é", 5));
        assertEquals(2, keys.firstLineOf("顺丰-1", 6));
        assertEquals(5, keys.firstLineOf("é", 7));
        assertEquals(RowKeys.fingerprintOfBytes("é"), RowKeys.fingerprint("é"));
        assertNotEquals(RowKeys.fingerprint("e"), RowKeys.fingerprint("é"));
    }
}
