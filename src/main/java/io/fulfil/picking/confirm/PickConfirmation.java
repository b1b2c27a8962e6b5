package io.fulfil.picking.confirm;

import io.fulfil.imports.ImportRow;
import java.time.LocalDateTime;

/**
 * One row of a pick confirmation (CONTRACT §4, §7.4): pick line {@code waveNo}/{@code pickSeq}, the
 * fulfilment order and SKU it must match, and what the picker reports. {@code pickedAt} is UTC.
 */
public record PickConfirmation(long line, String waveNo, int pickSeq, String fulfilmentNo, String skuCode,
                               int pickedQty, String picker, LocalDateTime pickedAt) implements ImportRow {

    public PickKey key() {
        return new PickKey(waveNo, pickSeq);
    }
}
