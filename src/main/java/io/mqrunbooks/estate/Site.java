package io.mqrunbooks.estate;

/** A data centre or region, e.g. {@code east}. */
public record Site(String name) {
}
