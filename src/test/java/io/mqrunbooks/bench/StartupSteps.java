package io.mqrunbooks.bench;

import io.mqrunbooks.MqRunbooksApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where the app's start-up goes: starts it with Spring's {@link BufferingApplicationStartup} and prints the
 * slowest bean instantiations (time of the bean itself, its dependencies' time taken out), slowest first.
 * Run it on the test classpath with the app's arguments (see docs/benchmarks.md "### 4.").
 */
public final class StartupSteps {

    private StartupSteps() {
    }

    public static void main(String[] args) {
        BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
        SpringApplication app = new SpringApplication(MqRunbooksApplication.class);
        app.setApplicationStartup(startup);
        long started = System.nanoTime();
        ConfigurableApplicationContext context = app.run(args);
        long total = System.nanoTime() - started;
        StartupTimeline timeline = startup.getBufferedTimeline();
        List<StartupTimeline.TimelineEvent> events = timeline.getEvents();
        // Self time: a step's duration minus its direct children's.
        List<long[]> self = new ArrayList<>();
        java.util.Map<Long, Long> childTime = new java.util.HashMap<>();
        for (StartupTimeline.TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                childTime.merge(parent, event.getDuration().toNanos(), Long::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            StartupTimeline.TimelineEvent event = events.get(i);
            long own = event.getDuration().toNanos() - childTime.getOrDefault(event.getStartupStep().getId(), 0L);
            self.add(new long[] {own, i});
        }
        self.sort((a, b) -> Long.compare(b[0], a[0]));
        System.out.println("startup: run() took " + Duration.ofNanos(total).toMillis() + " ms; slowest steps (self time):");
        for (long[] entry : self.subList(0, Math.min(60, self.size()))) {
            StartupTimeline.TimelineEvent event = events.get((int) entry[1]);
            StringBuilder tags = new StringBuilder();
            event.getStartupStep().getTags().forEach(tag -> tags.append(' ').append(tag.getKey()).append('=').append(tag.getValue()));
            lines.add(String.format("%7d ms  %s%s", entry[0] / 1_000_000, event.getStartupStep().getName(), tags));
        }
        lines.forEach(System.out::println);
        context.close();
    }
}
