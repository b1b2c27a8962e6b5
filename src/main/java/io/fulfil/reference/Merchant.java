package io.fulfil.reference;

public record Merchant(String code, String name, BackorderPolicy backorderPolicy) {
}
