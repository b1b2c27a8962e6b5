package io.fulfil.split;

/** Stock as the planner sees it: what a warehouse can still promise of a SKU. */
public interface StockView {

    /** {@code on_hand − allocated}, less what this chunk has already reserved; never negative. */
    int available(String warehouseCode, String skuCode);

    /** Records that the planner promised {@code quantity}; later calls to {@link #available} see it. */
    void reserve(String warehouseCode, String skuCode, int quantity);
}
