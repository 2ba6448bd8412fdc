package io.mqrunbooks.mq;

import java.util.Comparator;

/**
 * What identifies one definition: its canonical type (QLOCAL, CHANNEL, AUTHREC, QMGR, ...) and its name.
 * For {@code SET AUTHREC} and {@code SET CHLAUTH} the name is the identifying part of the command, e.g.
 * {@code PROFILE('PAY.*') OBJTYPE(QUEUE) PRINCIPAL('app')}.
 */
public record ObjectKey(String type, String name) implements Comparable<ObjectKey> {

    private static final Comparator<ObjectKey> ORDER = Comparator
            .comparingInt((ObjectKey k) -> MqscTypes.order(k.type())).thenComparing(ObjectKey::name);

    /** How MQSC names it: {@code QLOCAL('PAYMENT.IN')}, {@code QMGR}, {@code AUTHREC PROFILE(...) ...}. */
    public String display() {
        return switch (type) {
            case MqscTypes.QMGR -> "QMGR";
            case MqscTypes.AUTHREC -> "AUTHREC " + name;
            case MqscTypes.CHLAUTH -> "CHLAUTH" + name;
            default -> type + "(" + MqscValues.quote(name) + ")";
        };
    }

    /** Made with DEFINE (a queue, channel, listener...), not the queue manager itself or a SET record. */
    public boolean definable() {
        return MqscTypes.isDefinable(type);
    }

    @Override
    public int compareTo(ObjectKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return display();
    }
}
