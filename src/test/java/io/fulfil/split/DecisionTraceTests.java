package io.fulfil.split;

import static io.fulfil.reference.TemperatureZone.AMBIENT;
import static io.fulfil.reference.TemperatureZone.FROZEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An order's decisions survive the trip through the one text column, whatever their codes hold. */
class DecisionTraceTests {

    @Test
    void everyGroupComesBackWithItsFields() {
        Decision ambient = new Decision(new GroupKey("M1", AMBIENT), Rule.NEAREST_SINGLE, "HZ:APPLE=2",
                "HZ:165.0:1:APPLE=5/2");
        Decision frozen = new Decision(new GroupKey("M2", FROZEN), Rule.FEWEST_WAREHOUSES, "SH:ICE=1;BJ:ICE=2",
                "SH:10.0:1:ICE=1/3;BJ:900.5:2:ICE=2/3");

        List<DecisionTrace.Group> back = DecisionTrace.decode(DecisionTrace.encode(List.of(ambient, frozen)));

        assertThat(back).containsExactly(groupOf(ambient), groupOf(frozen));
    }

    @Test
    void tabsNewlinesAndBackslashesInsideCodesAreKept() {
        Decision odd = new Decision(new GroupKey("M\t1\\x", AMBIENT), Rule.NEAREST_SINGLE, "HZ:SKU\nA=1",
                "HZ:1.0:1:SKU\\nA=1/1");

        List<DecisionTrace.Group> back = DecisionTrace.decode(DecisionTrace.encode(List.of(odd, odd)));

        assertThat(back).containsExactly(groupOf(odd), groupOf(odd));
    }

    @Test
    void aVeryLongTraceIsShortenedToTheColumnByItsCandidates() {
        String longCandidates = "W:1.0:1:" + "SKU=1/1,".repeat(800);
        List<Decision> many = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> new Decision(new GroupKey("M" + i, AMBIENT), Rule.NEAREST_SINGLE, "W:SKU=1",
                        longCandidates))
                .toList();

        String trace = DecisionTrace.encode(many);

        assertThat(trace.length()).isLessThanOrEqualTo(DecisionTrace.MAX_LENGTH);
        assertThat(DecisionTrace.decode(trace)).hasSize(5)
                .allSatisfy(g -> assertThat(g.chosen()).isEqualTo("W:SKU=1"));
    }

    /** A group as decided: what decoding its trace must give back. */
    private static DecisionTrace.Group groupOf(Decision d) {
        return new DecisionTrace.Group(d.group().merchantCode(), d.group().zone().name(), d.rule().name(), d.chosen(),
                d.candidates());
    }
}
