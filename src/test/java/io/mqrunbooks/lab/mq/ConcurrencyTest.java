package io.mqrunbooks.lab.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest extends LabTestSupport {

    @Test
    void manySessionsPuttingAtOnceLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    lab.execute("mqeast1", "mqm", List.of("/opt/mqm/samp/bin/amqsput", "PAYMENT.IN", "QM1"),
                            "t" + thread + " m" + i + "\n");
                    lab.execute("fr1", "mqm", List.of("runmqsc", "FR1"), "DIS CLUSQMGR(*)\n");
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(lab.queueDepth("mqeast1", "QM1", "PAYMENT.IN")).isEqualTo(400);
    }
}
