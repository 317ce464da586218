package org.vprobjectivity.run;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelQueriesTest {

    @Test
    void runsEveryQueryAtMostTheGivenNumberAtOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        // The first two wait for each other: they can only both end if they run together.
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<ParallelQueries.Query> queries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            queries.add(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                if (n < 2) {
                    bothStarted.countDown();
                    assertThat(bothStarted.await(30, TimeUnit.SECONDS)).isTrue();
                }
                Thread.sleep(20);
                running.decrementAndGet();
                done.add(n);
            });
        }
        ParallelQueries.run(queries, 2);
        assertThat(done).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void oneAtATimeRunsInTheGivenOrderOnTheCallersThread() throws Exception {
        List<String> seen = new ArrayList<>();
        Thread caller = Thread.currentThread();
        List<ParallelQueries.Query> queries = List.of(
                () -> seen.add("a" + (Thread.currentThread() == caller)),
                () -> seen.add("b" + (Thread.currentThread() == caller)));
        ParallelQueries.run(queries, 1);
        assertThat(seen).containsExactly("atrue", "btrue");
    }

    @Test
    void theFirstFailureInTheGivenOrderIsThrownOnceEveryQueryHasEnded() {
        AtomicInteger ended = new AtomicInteger();
        CountDownLatch secondFailed = new CountDownLatch(1);
        List<ParallelQueries.Query> queries = List.of(
                () -> {
                    // fails after the second query has failed: still the one reported
                    assertThat(secondFailed.await(30, TimeUnit.SECONDS)).isTrue();
                    ended.incrementAndGet();
                    throw new IOException("first");
                },
                () -> {
                    ended.incrementAndGet();
                    secondFailed.countDown();
                    throw new IllegalStateException("second");
                },
                () -> {
                    Thread.sleep(50);
                    ended.incrementAndGet();
                });
        assertThatThrownBy(() -> ParallelQueries.run(queries, 2)).isInstanceOf(IOException.class).hasMessage("first");
        assertThat(ended.get()).isEqualTo(3);
    }

    @Test
    void queriesKeepTheStagesSparkJobGroup() throws Exception {
        SparkSession spark = SparkTestSession.get();
        SparkContext sc = spark.sparkContext();
        SparkSettings.stage(spark, "test-stage", "parallel queries");
        try {
            List<String> groups = Collections.synchronizedList(new ArrayList<>());
            List<ParallelQueries.Query> queries = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                queries.add(() -> {
                    groups.add(sc.getLocalProperty("spark.jobGroup.id"));
                    assertThat(spark.range(10).count()).isEqualTo(10);
                });
            }
            ParallelQueries.run(queries, 2);
            assertThat(groups).containsOnly("vpr-objectivity:test-stage").hasSize(3);
        } finally {
            sc.clearJobGroup();
        }
    }
}
