package io.fulfil.split;

import static io.fulfil.reference.TemperatureZone.AMBIENT;
import static io.fulfil.split.Catalog.APPLE;
import static io.fulfil.split.Catalog.PEAR;
import static io.fulfil.split.StockRows.stock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** CONTRACT §3.8: the decision texts are compact in the database and read back into words. */
class DecisionTextTests {

    static Map<String, Integer> twoApplesOnePear() {
        Map<String, Integer> need = new LinkedHashMap<>();
        need.put("APPLE", 2);
        need.put("PEAR", 1);
        return need;
    }

    @Test
    void candidatesNameEachWarehouseWithItsDistancePriorityAndStock() {
        List<Candidate> candidates = List.of(
                new Candidate(Warehouses.active("HZ", Places.HANGZHOU, 1, AMBIENT), 165.04),
                new Candidate(Warehouses.active("BJ", Places.BEIJING, 3, AMBIENT), 1067.96));
        var stock = stock().has("HZ", APPLE, 5).has("BJ", PEAR, 7).chunk();

        String text = DecisionText.candidates(candidates, twoApplesOnePear(), stock);

        assertThat(text).isEqualTo("HZ:165.0:1:APPLE=5/2,PEAR=0/1;BJ:1068.0:3:APPLE=0/2,PEAR=7/1");
        assertThat(DecisionText.describeCandidates(text)).containsExactly(
                "HZ (165.0 km, priority 1): APPLE has 5 of 2 needed, PEAR has 0 of 1 needed",
                "BJ (1068.0 km, priority 3): APPLE has 0 of 2 needed, PEAR has 7 of 1 needed");
    }

    @Test
    void theChosenTextSaysWhichWarehouseShipsWhat() {
        assertThat(DecisionText.describeChosen("HZ:APPLE=3,PEAR=1;NJ:APPLE=2"))
                .isEqualTo("HZ ships APPLE x3, PEAR x1; NJ ships APPLE x2");
        assertThat(DecisionText.describeChosen("")).isEqualTo("nothing allocated");
        assertThat(DecisionText.describeChosen(null)).isEqualTo("nothing allocated");
        assertThat(DecisionText.describeCandidates(null)).isEmpty();
    }

    @Test
    void thePlannerRecordsTheStockItSawBeforeReservingAndWhatItChose() {
        SplitPlanner planner = Warehouses.plannerOver(Warehouses.active("HZ", Places.HANGZHOU, 1, AMBIENT));
        var stock = stock().has("HZ", APPLE, 5).has("HZ", PEAR, 1).chunk();

        SplitOutcome outcome = planner.splitPaidOrder(Orders.order("O1").line(APPLE, 2, 100).line(PEAR, 1, 100).build(),
                stock);

        Decision decision = outcome.decisions().get(0);
        assertThat(DecisionText.describeCandidates(decision.candidates())).singleElement().asString()
                .startsWith("HZ (16").contains(" km, priority 1): APPLE has 5 of 2 needed, PEAR has 1 of 1 needed");
        assertThat(DecisionText.describeChosen(decision.chosen())).isEqualTo("HZ ships APPLE x2, PEAR x1");
        assertThat(decision.rule().description()).contains("nearest");
    }

    @Test
    void aGroupThatGotNothingSaysSo() {
        SplitPlanner planner = Warehouses.plannerOver(Warehouses.active("HZ", Places.HANGZHOU, 1, AMBIENT));

        SplitOutcome outcome = planner.splitPaidOrder(Orders.twoApples("O1"), stock().chunk());

        Decision decision = outcome.decisions().get(0);
        assertThat(decision.chosen()).isEmpty();
        assertThat(DecisionText.describeChosen(decision.chosen())).isEqualTo("nothing allocated");
        assertThat(DecisionText.describeCandidates(decision.candidates())).singleElement().asString()
                .endsWith("APPLE has 0 of 2 needed");
    }

    @Test
    void aSkuCodeWithASlashIsStillDescribedInWords() {
        Catalog.Sku tee = new Catalog.Sku("TEE-M/L", Catalog.FRUIT_SHOP, AMBIENT);
        List<Candidate> candidates = List.of(new Candidate(Warehouses.active("HZ", Places.HANGZHOU, 1, AMBIENT), 1));

        String text = DecisionText.candidates(candidates, Map.of("TEE-M/L", 2), stock().has("HZ", tee, 5).chunk());

        assertThat(DecisionText.describeCandidates(text)).containsExactly(
                "HZ (1.0 km, priority 1): TEE-M/L has 5 of 2 needed");
    }

    @Test
    void aVeryLongTextIsClippedAndStillReadable() {
        List<Candidate> many = IntStream.range(0, 500)
                .mapToObj(i -> new Candidate(Warehouses.active("WAREHOUSE-" + i, Places.WUHAN, 1, AMBIENT), i))
                .toList();

        String text = DecisionText.candidates(many, twoApplesOnePear(), stock().chunk());

        assertThat(text).hasSize(DecisionText.MAX_LENGTH).endsWith("...");
        assertThat(DecisionText.describeCandidates(text)).isNotEmpty().first().asString()
                .isEqualTo("WAREHOUSE-0 (0.0 km, priority 1): APPLE has 0 of 2 needed, PEAR has 0 of 1 needed");
    }

    @Test
    void codesHoldingTheTextsSeparatorsAreReadBackWhole() {
        Catalog.Sku odd = new Catalog.Sku("A,B;C:D=E/F%20", Catalog.FRUIT_SHOP, AMBIENT);
        SplitPlanner planner = Warehouses.plannerOver(Warehouses.active("W:1;X", Places.HANGZHOU, 1, AMBIENT));
        var stock = stock().has("W:1;X", odd, 5).chunk();

        SplitOutcome outcome = planner.splitPaidOrder(Orders.order("O1").line(odd, 2, 100).build(), stock);

        Decision decision = outcome.decisions().get(0);
        assertThat(DecisionText.describeChosen(decision.chosen())).isEqualTo("W:1;X ships A,B;C:D=E/F%20 x2");
        assertThat(DecisionText.describeCandidates(decision.candidates())).singleElement().asString()
                .startsWith("W:1;X (").endsWith("): A,B;C:D=E/F%20 has 5 of 2 needed");
    }
}
