package io.fulfil.tracking;

import static io.fulfil.fulfilment.FulfilmentStatus.DELIVERED;
import static io.fulfil.fulfilment.FulfilmentStatus.EXCEPTION;
import static io.fulfil.fulfilment.FulfilmentStatus.IN_TRANSIT;
import static io.fulfil.fulfilment.FulfilmentStatus.OUT_FOR_DELIVERY;
import static io.fulfil.fulfilment.FulfilmentStatus.RETURNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfil.fulfilment.FulfilmentStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CONTRACT §8.2: the mapping shipped in {@code jobs/carriers.properties} maps every code of the
 * contract's table to its status; a broken mapping file is refused with one message naming the file,
 * the line, the key and the reason (files under {@code src/test/resources/carriers/}).
 */
class CarrierMappingFileTests {

    static final Path SHIPPED = Path.of("jobs/carriers.properties");
    static final Path BROKEN = Path.of("src/test/resources/carriers");

    /** CONTRACT §8.2's table, row by row: carrier, status, codes. */
    static Stream<Arguments> contractTable() {
        Object[][] table = {
                {"SF", IN_TRANSIT, "50", "30", "31"}, {"SF", OUT_FOR_DELIVERY, "44"}, {"SF", DELIVERED, "80"},
                {"SF", EXCEPTION, "70", "33"}, {"SF", RETURNED, "99"},
                {"ZTO", IN_TRANSIT, "收件", "发件", "到件"}, {"ZTO", OUT_FOR_DELIVERY, "派件"}, {"ZTO", DELIVERED, "签收"},
                {"ZTO", EXCEPTION, "问题件"}, {"ZTO", RETURNED, "退件签收"},
                {"YTO", IN_TRANSIT, "GOT", "DEPARTURE", "ARRIVAL"}, {"YTO", OUT_FOR_DELIVERY, "SENT_SCAN"},
                {"YTO", DELIVERED, "SIGNED"}, {"YTO", EXCEPTION, "FAILED"}, {"YTO", RETURNED, "RETURNED"},
                {"JD", IN_TRANSIT, "100", "200", "300"}, {"JD", OUT_FOR_DELIVERY, "400"}, {"JD", DELIVERED, "500"},
                {"JD", EXCEPTION, "600"}, {"JD", RETURNED, "700"},
                {"KD100", IN_TRANSIT, "0", "1", "8"}, {"KD100", OUT_FOR_DELIVERY, "5"}, {"KD100", DELIVERED, "3"},
                {"KD100", EXCEPTION, "2", "14"}, {"KD100", RETURNED, "4", "6"},
        };
        List<Arguments> codes = new ArrayList<>();
        for (Object[] row : table) {
            for (int i = 2; i < row.length; i++) {
                codes.add(Arguments.of(row[0], row[i], row[1]));
            }
        }
        return codes.stream();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("contractTable")
    void theShippedMappingMapsEveryCodeOfTheContract(String carrier, String code, FulfilmentStatus status) {
        CarrierMapping mapping = CarrierMappingFile.read(SHIPPED);
        assertThat(mapping.knows(carrier)).isTrue();
        assertThat(mapping.statusOf(carrier, code)).isEqualTo(status);
    }

    @Test
    void theShippedMappingKnowsTheFiveCarriersAndNoCodeOutsideItsCarrier() {
        CarrierMapping mapping = CarrierMappingFile.read(SHIPPED);
        assertThat(mapping.carriers()).contains("SF", "ZTO", "YTO", "JD", "KD100");
        assertThat(mapping.statusOf("SF", "签收")).isNull();
        assertThat(mapping.statusOf("ZTO", "80")).isNull();
        assertThat(mapping.statusOf("SF", "81")).isNull();
        assertThat(mapping.statusOf("DHL", "80")).isNull();
        assertThat(mapping.knows("DHL")).isFalse();
        // codes are matched exactly: no trimming of case or spaces at lookup
        assertThat(mapping.statusOf("YTO", "signed")).isNull();
    }

    @Test
    void aLeadingBomAndChineseCodesAreRead() {
        CarrierMapping mapping = CarrierMappingFile.read(BROKEN.resolve("bom.properties"));
        assertThat(mapping.statusOf("ZTO", "签收")).isEqualTo(DELIVERED);
        assertThat(mapping.statusOf("SF", "50")).isEqualTo(IN_TRANSIT);
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("unknown-status.properties", 3, "carrier.SF.ARRIVED", "unknown status ARRIVED"),
                Arguments.of("manifest-status.properties", 2, "carrier.SF.SHIPPED", "unknown status SHIPPED"),
                Arguments.of("malformed-key.properties", 2, "carrier SF DELIVERED", "a key is carrier.<CARRIER_CODE>.<STATUS>"),
                Arguments.of("key-twice.properties", 4, "carrier.SF.DELIVERED", "given twice (first on line 3)"),
                Arguments.of("code-twice.properties", 2, "carrier.SF.DELIVERED",
                        "code '30' of SF is already mapped to IN_TRANSIT (line 1)"),
                Arguments.of("empty-codes.properties", 2, "carrier.SF.DELIVERED", "no codes"),
                Arguments.of("empty-code-in-list.properties", 2, "carrier.SF.DELIVERED", "an empty code"),
                Arguments.of("no-equals.properties", 2, "carrier.SF.DELIVERED 80", "not a 'key = codes' line"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenFileIsRefusedNamingFileLineKeyAndReason(String name, int line, String key, String reason) {
        Path file = BROKEN.resolve(name);
        assertThatThrownBy(() -> CarrierMappingFile.read(file))
                .isInstanceOf(CarrierMappingFile.BrokenMappingException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line " + line + ",")
                .hasMessageContaining("key " + key + ":")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage().lines().count()).as("one line").isEqualTo(1));
    }

    @Test
    void aFileWithNoCarrierOrThatCannotBeReadIsRefused() {
        assertThatThrownBy(() -> CarrierMappingFile.read(BROKEN.resolve("no-carriers.properties")))
                .isInstanceOf(CarrierMappingFile.BrokenMappingException.class)
                .hasMessageContaining("no-carriers.properties").hasMessageContaining("no carriers mapped");
        assertThatThrownBy(() -> CarrierMappingFile.read(BROKEN.resolve("not-utf8.properties")))
                .isInstanceOf(CarrierMappingFile.BrokenMappingException.class)
                .hasMessageContaining("not-utf8.properties").hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> CarrierMappingFile.read(BROKEN.resolve("absent.properties")))
                .isInstanceOf(CarrierMappingFile.BrokenMappingException.class)
                .hasMessageContaining("absent.properties").hasMessageContaining("cannot be read");
    }
}
