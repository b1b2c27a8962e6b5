package io.fulfil.support.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimestampsTests {

    /** What CsvRow did before the fast path, and still does for anything else: the formatter. */
    private static LocalDateTime formatter(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void readsTheCommonShapeAsTheFormatterDoesAndLeavesEverythingElseToIt() {
        List<String> texts = new ArrayList<>(List.of("2026-11-30T17:00:00+08:00", "2026-11-30T17:00:00Z",
                "2026-11-30T17:00:00.1+08:00", "2026-11-30T17:00:00.123456789-05:30", "2026-11-30T17:00:00.9999Z",
                "2024-02-29T23:59:59+14:00", "2023-02-29T10:00:00+08:00", "2026-04-31T10:00:00+08:00",
                "2026-13-01T10:00:00+08:00", "2026-11-30T24:00:00+08:00", "2026-11-30T23:60:00+08:00",
                "2026-11-30T23:59:60+08:00", "2026-11-30T17:00:00+19:00", "2026-11-30T17:00:00+08:60",
                "2026-11-30T17:00:00-00:00", "2026-11-30T17:00:00+08:00:00", "2026-11-30T17:00+08:00",
                "2026-11-30T17:00:00.+08:00", "2026-11-30T17:00:00.1234567890Z", "2026-11-30 17:00:00+08:00",
                "2026-11-30T17:00:00", "2026-11-30T17:00:00+0800", "2026-11-30T17:00:00z", "+2026-11-30T17:00:00Z",
                "２０２６-11-30T17:00:00Z", "2026-11-30T17:00:00+08:00 ", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999+18:00", "2026-11-30T17:00:00-18:00", "abcd-ef-ghTij:kl:mn+op:qr"));
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            texts.add(String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62),
                    random.nextBoolean() ? "" : "." + "123456789".substring(0, 1 + random.nextInt(9)),
                    random.nextInt(5) == 0 ? "Z" : String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-",
                            random.nextInt(20), random.nextInt(61))));
        }
        int fast = 0;
        for (String text : texts) {
            LocalDateTime quick = IsoTimestamps.utcMillis(text);
            if (quick != null) {
                fast++;
                assertThat(quick).as(text).isEqualTo(formatter(text));
            }
        }
        assertThat(IsoTimestamps.utcMillis("2026-11-30T17:00:00+08:00")).isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 0));
        assertThat(fast).isGreaterThan(5_000);
    }
}
