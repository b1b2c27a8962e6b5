package io.fulfil.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.support.Apportionment;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** CONTRACT §3.7, second half: a line's amounts spread over its pieces by quantity. */
class MoneySplitTests {

    @Test
    void aSinglePieceKeepsTheLinesAmounts() {
        Amounts line = new Amounts(1234, 56, 78);

        assertThat(MoneySplit.byQuantity(line, new long[] {7})).containsExactly(line);
    }

    @Test
    void eachAmountIsSpreadByQuantityWithTheSpareCentsToTheLargestRemainders() {
        List<Amounts> pieces = MoneySplit.byQuantity(new Amounts(1000, 100, 10), new long[] {1, 1, 1});

        assertThat(pieces).containsExactly(new Amounts(334, 34, 4), new Amounts(333, 33, 3), new Amounts(333, 33, 3));
    }

    @Test
    void largestRemainderCanGiveAPieceMoreDiscountThanGoodsAndTheRepairMovesThatCentAway() {
        // goods 0.04 over 3:3:1 gives 2/2/0 but a discount of 0.03 gives 1/1/1 (the Alabama paradox)
        long[] quantities = {3, 3, 1};
        assertThat(Apportionment.apportion(4, quantities)).containsExactly(2, 2, 0);
        assertThat(Apportionment.apportion(3, quantities)).containsExactly(1, 1, 1);

        List<Amounts> pieces = MoneySplit.byQuantity(new Amounts(4, 3, 0), quantities);

        assertThat(pieces).containsExactly(new Amounts(2, 2, 0), new Amounts(2, 1, 0), new Amounts(0, 0, 0));
    }

    @Test
    void shippingCanAbsorbAPiecesExtraDiscountCent() {
        // piece 3 gets goods 0 and discount 1, but also a shipping cent: it pays 0, nothing to repair
        List<Amounts> pieces = MoneySplit.byQuantity(new Amounts(4, 3, 3), new long[] {3, 3, 1});

        assertThat(pieces).allSatisfy(p -> assertThat(p.paid()).isNotNegative());
        assertThat(pieces.stream().reduce(Amounts.ZERO, Amounts::plus)).isEqualTo(new Amounts(4, 3, 3));
    }

    @Test
    void everyPieceOfEveryLineThatCanBePaidIsPaidAndTheSumsAreExact() {
        SplittableRandom random = new SplittableRandom(20261121);
        for (int run = 0; run < 50_000; run++) {
            int n = 2 + random.nextInt(4);
            long[] quantities = new long[n];
            for (int i = 0; i < n; i++) {
                quantities[i] = 1 + random.nextInt(random.nextBoolean() ? 3 : 40);
            }
            long goods = random.nextInt(random.nextBoolean() ? 20 : 100_000);
            long shipping = random.nextInt(4) == 0 ? random.nextInt(50) : 0;
            long discount = goods == 0 ? 0 : goods - random.nextLong(Math.min(goods, 5) + 1); // close to goods
            Amounts line = new Amounts(goods, discount, shipping);

            List<Amounts> pieces = MoneySplit.byQuantity(line, quantities);

            assertThat(pieces).as("line %s over %s", line, Arrays.toString(quantities)).hasSize(n)
                    .allSatisfy(p -> {
                        assertThat(p.goods()).isNotNegative();
                        assertThat(p.discount()).isNotNegative();
                        assertThat(p.shipping()).isNotNegative();
                        assertThat(p.paid()).isNotNegative();
                    });
            assertThat(pieces.stream().reduce(Amounts.ZERO, Amounts::plus)).isEqualTo(line);
        }
    }
}
