package org.vprobjectivity.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Independent Spark queries of one stage (tables that do not read each other) submitted from a few driver threads at
 * once, so that one query's tasks fill the cores another leaves idle.
 *
 * <p>Why: a query of the indicator stage is a chain of a dozen small stages, many of one task (a reference's group, an
 * adaptive coalesce of a small shuffle), with the driver planning between them; on the 2-core machine the executors
 * were busy about half of such a query's time (a flight recording of the 300k region, docs/performance.md). Spark's
 * scheduler takes jobs from several threads; in its FIFO order the earlier query keeps priority and the later one's
 * tasks run where a core is free. Each query computes exactly what it computed alone, so the tables are the same.
 * At most {@link #AT_ONCE} queries run together, which bounds the memory two working sets take.
 *
 * <p>Threads started here inherit the stage's Spark job group (Spark's local properties are inherited by child
 * threads), so the event log and the UI still read as the pipeline.
 */
final class ParallelQueries {

    /** Queries running at once: two fill the gaps of one; more would add memory, not speed, on a few cores. */
    static final int AT_ONCE = 2;

    /** One query: builds its Dataset and writes it (a Spark action). */
    @FunctionalInterface
    interface Query {
        void run() throws Exception;
    }

    private ParallelQueries() {
    }

    /**
     * Runs the queries, at most {@code atOnce} together, in the order given, and returns when all have ended. The first
     * query's failure (in the order given) is thrown once every query has ended, so no query still writes when the
     * stage reports the failure; a {@link RuntimeException} or {@link Error} as it was thrown.
     */
    static void run(List<Query> queries, int atOnce) throws Exception {
        if (queries.size() <= 1 || atOnce <= 1) {
            for (Query q : queries) {
                q.run();
            }
            return;
        }
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(atOnce, queries.size()), r -> {
            Thread t = new Thread(r, "vpr-objectivity-query-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Query q : queries) {
                running.add(pool.submit(() -> {
                    q.run();
                    return null;
                }));
            }
            Throwable first = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                    }
                }
            }
            if (first instanceof Exception e) {
                throw e;
            }
            if (first instanceof Error e) {
                throw e;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
