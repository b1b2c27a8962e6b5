/**
 * {@code load <dir>}: reads the shop's reference and order files (CONTRACT §4) into their tables.
 *
 * <p>{@link io.fulfil.load.ShopDataLoader} is the entry point; it returns a
 * {@link io.fulfil.load.LoadReport}. Each file is one {@code TableFile} (how to read, check and store
 * its rows) driven by a {@code TableLoad} (validation pass, then write pass).
 */
package io.fulfil.load;
