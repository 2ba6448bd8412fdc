package io.mqrunbooks.estate;

/** A name that is not in the inventory, e.g. a queue manager typed into a start form. */
public class UnknownEstateObjectException extends RuntimeException {

    public UnknownEstateObjectException(String kind, String name) {
        super("No " + kind + " named '" + name + "' in the estate inventory");
    }
}
