package io.fulfil.split.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfil.support.Database;
import org.junit.jupiter.api.Test;

class SplitSettingsTests {

    private static SplitSettings chunkSize(int chunkSize) {
        return new SplitSettings(chunkSize, 200_000, 100_000, 0, 0);
    }

    @Test
    void chunkSizeUnsetIsPickedPerDatabase() {
        assertThat(chunkSize(0).chunkSizeFor(Database.H2)).isEqualTo(500);
        assertThat(chunkSize(0).chunkSizeFor(Database.MYSQL)).isEqualTo(1000);
    }

    @Test
    void chunkSizeSetIsUsedOnEveryDatabase() {
        assertThat(chunkSize(250).chunkSizeFor(Database.H2)).isEqualTo(250);
        assertThat(chunkSize(250).chunkSizeFor(Database.MYSQL)).isEqualTo(250);
    }

    @Test
    void chunkSizeOutOfRangeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> chunkSize(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fulfil.split.chunk-size must be between 0 (per database) and 10000, is -1");
        assertThatThrownBy(() -> chunkSize(10_001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is 10001");
    }
}
