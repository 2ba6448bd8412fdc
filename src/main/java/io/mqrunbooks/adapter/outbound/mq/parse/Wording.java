package io.mqrunbooks.adapter.outbound.mq.parse;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** Finds the enum constant whose MQ wording is exactly the printed text. */
final class Wording {

    private Wording() {
    }

    static <E extends Enum<E>> Optional<E> find(Class<E> type, Function<E, String> wording, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> wording.apply(e).equals(text)).findFirst();
    }

    static <E extends Enum<E>> String list(Class<E> type, Function<E, String> wording) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(wording).toList());
    }
}
