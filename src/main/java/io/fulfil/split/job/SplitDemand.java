package io.fulfil.split.job;

/**
 * Which demand the split's step serves. The {@code split} job serves all of it; a job that reuses the
 * step for part of it ({@code backorder-retry}) puts its choice under {@link #KEY} in the job's
 * execution context before the step starts, and the step's reader and progress read it from there.
 */
public enum SplitDemand {
    /** Paid orders and open backorders (CONTRACT §3.1). */
    ALL(SplittableOrders.SELECT_SQL, SplittableOrders.COUNT_SQL),
    /** Only split orders with backorders still open; paid orders wait for the next {@code split}. */
    BACKORDERS(SplittableOrders.BACKORDERS_SELECT_SQL, SplittableOrders.BACKORDERS_COUNT_SQL);

    /** The job execution context's key; absent means {@link #ALL}. */
    public static final String KEY = "split.demand";

    final String selectSql;
    final String countSql;

    SplitDemand(String selectSql, String countSql) {
        this.selectSql = selectSql;
        this.countSql = countSql;
    }

    /** The demand a job execution context names, {@link #ALL} when it names none. */
    static SplitDemand named(Object name) {
        return name == null ? ALL : valueOf(name.toString());
    }
}
