package io.fulfil.picking.confirm;

import io.fulfil.fulfilment.FulfilmentStatus;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules a pick confirmation row must meet against what is stored (CONTRACT §7.4), the same when
 * validating a file and when applying it under lock: the pick line exists and is for the row's
 * fulfilment order and SKU, the quantity is within the line's, the fulfilment order is WAVED, and a
 * line confirmed before is confirmed again only with the same values (then it is unchanged).
 */
final class PickCheck {

    /** A problem with one cell of the row. */
    record Problem(String column, String reason) {
    }

    /** The verdict on one row: problems (none when fine), or unchanged (confirmed before alike). */
    record Verdict(List<Problem> problems, boolean unchanged) {
        static final Verdict APPLY = new Verdict(List.of(), false);
        static final Verdict UNCHANGED = new Verdict(List.of(), true);

        boolean rejected() {
            return !problems.isEmpty();
        }
    }

    /** What the check needs to know beyond the pick line, answered from the database. */
    interface Facts {
        boolean waveExists(String waveNo);

        boolean fulfilmentOrderExists(String fulfilmentNo);

        boolean skuExists(String skuCode);

        /** The status of the pick line's fulfilment order (as locked, when applying). */
        FulfilmentStatus statusOf(String fulfilmentNo);
    }

    private PickCheck() {
    }

    static Verdict check(PickConfirmation row, PickLine line, Facts facts) {
        if (line == null) {
            return facts.waveExists(row.waveNo())
                    ? reject("pick_seq", "wave " + row.waveNo() + " has no pick_seq " + row.pickSeq())
                    : reject("wave_no", "unknown wave '" + row.waveNo() + "'");
        }
        List<Problem> problems = new ArrayList<>(2);
        if (!line.fulfilmentNo().equals(row.fulfilmentNo())) {
            problems.add(new Problem("fulfilment_no", facts.fulfilmentOrderExists(row.fulfilmentNo())
                    ? line.key() + " is for fulfilment order " + line.fulfilmentNo() + ", not " + row.fulfilmentNo()
                    : "unknown fulfilment order '" + row.fulfilmentNo() + "'"));
        }
        if (!line.skuCode().equals(row.skuCode())) {
            problems.add(new Problem("sku_code", facts.skuExists(row.skuCode())
                    ? line.key() + " is for SKU " + line.skuCode() + ", not " + row.skuCode()
                    : "unknown SKU '" + row.skuCode() + "'"));
        }
        if (row.pickedQty() > line.quantity()) {
            problems.add(new Problem("picked_qty", "picked_qty " + row.pickedQty() + " is more than the "
                    + line.quantity() + " to pick"));
        }
        if (!problems.isEmpty()) {
            return new Verdict(problems, false);
        }
        if (line.confirmed()) {
            return sameValues(row, line) ? Verdict.UNCHANGED
                    : reject(firstDifference(row, line), line.key() + " was confirmed before with other values: picked_qty "
                            + line.pickedQty() + ", picker " + line.picker() + ", picked_at "
                            + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(line.pickedAt()) + "Z");
        }
        FulfilmentStatus status = facts.statusOf(line.fulfilmentNo());
        if (status != FulfilmentStatus.WAVED) {
            return reject("fulfilment_no", "fulfilment order " + line.fulfilmentNo() + " is " + status + ", not WAVED");
        }
        return Verdict.APPLY;
    }

    static boolean sameValues(PickConfirmation row, PickLine line) {
        return Objects.equals(line.pickedQty(), row.pickedQty()) && Objects.equals(line.picker(), row.picker())
                && Objects.equals(line.pickedAt(), row.pickedAt());
    }

    private static String firstDifference(PickConfirmation row, PickLine line) {
        if (!Objects.equals(line.pickedQty(), row.pickedQty())) {
            return "picked_qty";
        }
        return Objects.equals(line.picker(), row.picker()) ? "picked_at" : "picker";
    }

    private static Verdict reject(String column, String reason) {
        return new Verdict(List.of(new Problem(column, reason)), false);
    }
}
