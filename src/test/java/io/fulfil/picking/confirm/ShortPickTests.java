package io.fulfil.picking.confirm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.split.Amounts;
import java.time.LocalDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The short pick's money split and the rules a confirmation row meets, without a database. */
class ShortPickTests {

    @Test
    void splitsEachAmountByQuantityInWholeCentsTiesToThePickedPiece() {
        // 10.00 over 2:1 is 6.666.. and 3.333..: the picked piece gets the larger remainder's cent
        ShortPick split = ShortPick.of(new Amounts(1000, 100, 1), 3, 2);

        assertThat(split.picked()).isEqualTo(new Amounts(667, 67, 1));
        assertThat(split.shortfall()).isEqualTo(new Amounts(333, 33, 0));
        // 0.01 shipping over 1:1 is a tie: it goes to the picked piece, the first
        assertThat(ShortPick.of(new Amounts(200, 0, 1), 2, 1).picked()).isEqualTo(new Amounts(100, 0, 1));
    }

    @Test
    void pickedToZeroMovesEverythingToTheShortfall() {
        ShortPick split = ShortPick.of(new Amounts(1999, 500, 300), 4, 0);

        assertThat(split.picked()).isEqualTo(Amounts.ZERO);
        assertThat(split.shortfall()).isEqualTo(new Amounts(1999, 500, 300));
        assertThat(split.shortfallQty()).isEqualTo(4);
    }

    @Test
    void thePiecesAlwaysAddUpAndNoPaidAmountIsNegative() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int quantity = 2 + random.nextInt(50);
            int picked = random.nextInt(quantity);
            long goods = random.nextInt(100_000);
            long discount = goods == 0 ? 0 : random.nextInt((int) goods + 1);
            long shipping = random.nextInt(2_000);
            Amounts line = new Amounts(goods, discount, shipping);

            ShortPick split = ShortPick.of(line, quantity, picked);

            assertThat(split.picked().plus(split.shortfall())).isEqualTo(line);
            assertThat(split.picked().paid()).isNotNegative();
            assertThat(split.shortfall().paid()).isNotNegative();
            assertThat(split.pickedQty() + split.shortfallQty()).isEqualTo(quantity);
        }
    }

    @Test
    void aFullPickIsNoShortPick() {
        assertThatThrownBy(() -> ShortPick.of(new Amounts(100, 0, 0), 2, 2)).hasMessageContaining("not a short pick");
    }

    @Test
    void aRowConfirmedAgainIsUnchangedWithTheSameValuesAndRejectedWithOthers() {
        LocalDateTime at = LocalDateTime.of(2026, 11, 21, 2, 15);
        PickLine line = new PickLine(new PickKey("W1", 3), "F1", 1, "S1", 2, 1, "ann", at);
        PickCheck.Facts facts = facts(FulfilmentStatus.PICKED);

        assertThat(PickCheck.check(new PickConfirmation(2, "W1", 3, "F1", "S1", 1, "ann", at), line, facts).unchanged())
                .isTrue();
        PickCheck.Verdict other = PickCheck.check(new PickConfirmation(2, "W1", 3, "F1", "S1", 1, "bob", at), line, facts);
        assertThat(other.problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("picker");
            assertThat(p.reason()).isEqualTo("wave W1 pick_seq 3 was confirmed before with other values: picked_qty 1,"
                    + " picker ann, picked_at 2026-11-21T02:15:00Z");
        });
    }

    @Test
    void everyMismatchOfARowIsReported() {
        PickLine line = new PickLine(new PickKey("W1", 3), "F1", 1, "S1", 2, null, null, null);

        PickCheck.Verdict verdict = PickCheck.check(new PickConfirmation(2, "W1", 3, "F9", "S9", 3, "ann",
                LocalDateTime.now()), line, facts(FulfilmentStatus.WAVED));

        assertThat(verdict.problems()).extracting(PickCheck.Problem::column)
                .containsExactly("fulfilment_no", "sku_code", "picked_qty");
    }

    private static PickCheck.Facts facts(FulfilmentStatus status) {
        return new PickCheck.Facts() {
            public boolean waveExists(String waveNo) {
                return true;
            }

            public boolean fulfilmentOrderExists(String fulfilmentNo) {
                return true;
            }

            public boolean skuExists(String skuCode) {
                return true;
            }

            public FulfilmentStatus statusOf(String fulfilmentNo) {
                return status;
            }
        };
    }
}
