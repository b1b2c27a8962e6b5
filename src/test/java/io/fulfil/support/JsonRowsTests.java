package io.fulfil.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document {@link BulkInsert} and {@link JsonTable} bind on MySQL parses as JSON and gives back
 * every value as written, whatever characters a shop's or carrier's text holds; nulls are left out.
 */
class JsonRowsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyCharacterJsonMustEscapeComesBackAsWritten() {
        StringBuilder control = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            control.append(c);
        }
        String awkward = "quote \" backslash \\ slash / " + control + " \u007f 冷冻 😀 end";
        JsonRows rows = new JsonRows(2);
        rows.startRow();
        rows.string(0, awkward);
        rows.number(1, Long.MIN_VALUE);
        rows.decimal(2, new BigDecimal("-0.05"));
        rows.endRow();
        rows.startRow();
        rows.string(0, null);
        rows.number(1, 7);
        rows.decimal(2, null);
        rows.string(3, "last");
        rows.endRow();

        JsonNode document = JSON.readTree(rows.finish());
        assertThat(document.size()).isEqualTo(2);
        assertThat(document.get(0).get("c0").asString()).isEqualTo(awkward);
        assertThat(document.get(0).get("c1").asLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(document.get(0).get("c2").asString()).isEqualTo("-0.05");
        assertThat(document.get(0).has("c3")).isFalse();
        assertThat(document.get(1).has("c0")).isFalse();
        assertThat(document.get(1).get("c1").asLong()).isEqualTo(7);
        assertThat(document.get(1).has("c2")).isFalse();
        assertThat(document.get(1).get("c3").asString()).isEqualTo("last");
    }

    @Test
    void valuesThatStartOrEndWithAnEscapeOrAreOnlyEscapesComeBackAsWritten() {
        List<String> values = List.of("\"starts", "ends\\", "\t", "\"\"", "a\nb\tc", "", "plain");
        JsonRows rows = new JsonRows(values.size());
        for (String value : values) {
            rows.startRow();
            rows.string(0, value);
            rows.endRow();
        }

        JsonNode document = JSON.readTree(rows.finish());
        for (int i = 0; i < values.size(); i++) {
            assertThat(document.get(i).get("c0").asString()).as("value %d", i).isEqualTo(values.get(i));
        }
    }

    @Test
    void anEmptyDocumentIsAnEmptyArray() {
        assertThat(JSON.readTree(new JsonRows(0).finish()).isArray()).isTrue();
        assertThat(new JsonRows(0).finish()).isEqualTo("[]");
    }
}
