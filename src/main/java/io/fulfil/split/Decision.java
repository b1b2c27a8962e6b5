package io.fulfil.split;

/**
 * Why a group went where it did (§3.8). {@code candidates} and {@code chosen} are compact texts that
 * {@link DecisionText} writes and reads:
 * candidates {@code WH01:12.3:1:SKU1=5/3,SKU2=0/1;WH02:...} (code, km, priority, sku=available/needed),
 * chosen {@code WH01:SKU1=3,SKU2=1;WH02:SKU2=1}.
 */
public record Decision(GroupKey group, Rule rule, String chosen, String candidates) {
}
