package io.fulfil.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** CONTRACT §3.7: whole cents spread by largest remainder, ties to the lower index, always exact. */
class ApportionmentTests {

    @Test
    void oneYuanOverThreeEqualSharesIsThirtyFourThirtyThreeThirtyThree() {
        assertThat(Apportionment.apportion(100, new long[] {1000, 1000, 1000})).containsExactly(34, 33, 33);
    }

    @Test
    void theSpareCentGoesToTheLargestRemainderNotToTheFirstShare() {
        // 10.01 over 20 : 30 : 50 => 2.002, 3.003, 5.005
        assertThat(Apportionment.apportion(1001, new long[] {2000, 3000, 5000})).containsExactly(200, 300, 501);
    }

    @Test
    void equalRemaindersGoToTheLowerIndexes() {
        assertThat(Apportionment.apportion(2, new long[] {1, 1, 1, 1})).containsExactly(1, 1, 0, 0);
        assertThat(Apportionment.apportion(5, new long[] {2, 1, 2})).containsExactly(2, 1, 2);
        assertThat(Apportionment.apportion(3, new long[] {2, 1, 2, 1})).containsExactly(1, 1, 1, 0);
    }

    @Test
    void aZeroWeightGetsNothing() {
        assertThat(Apportionment.apportion(999, new long[] {0, 3, 0})).containsExactly(0, 999, 0);
    }

    @Test
    void allZeroWeightsFallBackToTheOtherWeights() {
        assertThat(Apportionment.apportion(1000, new long[] {0, 0}, new long[] {1, 3})).containsExactly(250, 750);
        assertThat(Apportionment.apportion(1000, new long[] {0, 1}, new long[] {1, 3})).containsExactly(0, 1000);
    }

    @Test
    void nothingToSpreadGivesZeros() {
        assertThat(Apportionment.apportion(0, new long[] {5, 7})).containsExactly(0, 0);
    }

    @Test
    void negativeTotalsAndWeightsAndZeroWeightSumsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Apportionment.apportion(-1, new long[] {1}));
        assertThatIllegalArgumentException().isThrownBy(() -> Apportionment.apportion(1, new long[] {0, 0}));
        assertThatIllegalArgumentException().isThrownBy(() -> Apportionment.apportion(1, new long[] {2, -1}))
                .withMessageContaining("negative weight");
    }

    @Test
    void hugeTotalsAndWeightsTakeTheExactBigIntegerPath() {
        long total = 999_999_999_999_99L * 1000; // more than any DECIMAL(14,2), to force the overflow
        long[] weights = {Long.MAX_VALUE / 4, Long.MAX_VALUE / 4 - 1, 3};

        long[] shares = Apportionment.apportion(total, weights);

        assertThat(Arrays.stream(shares).sum()).isEqualTo(total);
        assertThat(shares).containsExactly(ExactLargestRemainder.apportion(total, weights));
    }

    @Test
    void agreesWithAnIndependentExactLargestRemainderOnRandomInputs() {
        SplittableRandom random = new SplittableRandom(42);
        for (int run = 0; run < 20_000; run++) {
            int n = 1 + random.nextInt(6);
            long[] weights = new long[n];
            boolean huge = random.nextInt(10) == 0;
            for (int i = 0; i < n; i++) {
                weights[i] = huge ? random.nextLong(Long.MAX_VALUE / 8) : random.nextInt(5) == 0 ? 0 : random.nextInt(1000);
            }
            if (Arrays.stream(weights).allMatch(w -> w == 0)) {
                weights[n - 1] = 1;
            }
            long total = huge ? random.nextLong(1L << 50) : random.nextInt(100_000);

            long[] shares = Apportionment.apportion(total, weights);

            assertThat(shares).as("%d over %s", total, Arrays.toString(weights))
                    .containsExactly(ExactLargestRemainder.apportion(total, weights));
        }
    }
}
