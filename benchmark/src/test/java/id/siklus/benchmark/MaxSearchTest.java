package id.siklus.benchmark;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The max search against a system that keeps up with a fixed rate, with and without one stall. */
class MaxSearchTest {

    private final List<Double> offered = new ArrayList<>();

    /** A step of 10 s at {@code rate}: kept up with up to {@code capacity}, except once at each rate in {@code stalls}. */
    private MaxSearch.Step system(double capacity, Set<Double> stalls) {
        List<Double> stalled = new ArrayList<>();
        return rate -> {
            offered.add(rate);
            boolean stall = stalls.contains(rate) && !stalled.contains(rate);
            if (stall) {
                stalled.add(rate);
            }
            boolean keptUp = rate <= capacity && !stall;
            long sent = Math.round(rate * 10);
            return new OpenLoop.Result("max search", rate, 10, sent, sent, 0, Math.min(rate, capacity),
                    keptUp ? 10.0 : 11.5, new Histogram(3), Map.of(), Map.of());
        };
    }

    @Test
    void findsTheRateBetweenTheBestStepAndTheMissedOne() throws Exception {
        OpenLoop.Result best = MaxSearch.run(100, system(300, Set.of()));

        // 100, 150, 225 kept up with; 337.5 missed twice; the midpoint 281.25 kept up with
        assertThat(offered).containsExactly(100.0, 150.0, 225.0, 337.5, 337.5, 281.25);
        assertThat(best.offeredRate()).isEqualTo(281.25);
    }

    @Test
    void oneStallOnTheFirstStepDoesNotCapTheMaximum() throws Exception {
        OpenLoop.Result best = MaxSearch.run(100, system(300, Set.of(100.0)));

        assertThat(offered).startsWith(100.0, 100.0, 150.0);
        assertThat(best.offeredRate()).isEqualTo(281.25);
    }

    @Test
    void aRateMissedTwiceCountsAsMissed() throws Exception {
        OpenLoop.Result best = MaxSearch.run(100, system(60, Set.of()));

        // 100 missed twice, then down by half: 50 kept up with, 75 missed twice, midpoint 62.5 missed twice
        assertThat(offered).containsExactly(100.0, 100.0, 50.0, 75.0, 75.0, 62.5, 62.5);
        assertThat(best.offeredRate()).isEqualTo(50.0);
        assertThat(best.sustained()).isTrue();
    }

    @Test
    void aStepWhoseMedianAnswerWaitedInAQueueIsNotKeptUpWith() {
        Histogram queued = new Histogram(3);
        Histogram prompt = new Histogram(3);
        for (int i = 0; i < 1_000; i++) {
            queued.recordValue(i < 400 ? 20_000 : 150_000);
            prompt.recordValue(i < 600 ? 20_000 : 150_000);
        }

        // on time to the last answer, no failures: only the median tells them apart
        assertThat(new OpenLoop.Result("max search", 100, 10, 1_000, 1_000, 0, 100, 10.2, queued, Map.of(), Map.of())
                .sustained()).isFalse();
        assertThat(new OpenLoop.Result("max search", 100, 10, 1_000, 1_000, 0, 100, 10.2, prompt, Map.of(), Map.of())
                .sustained()).isTrue();
    }

    @Test
    void whenNothingIsKeptUpWithTheLastStepMissedIsReported() throws Exception {
        OpenLoop.Result best = MaxSearch.run(100, system(1, Set.of()));

        assertThat(best.sustained()).isFalse();
        // 100, 50, 25, 12.5, 6.25, each twice; not below 5/s
        assertThat(best.offeredRate()).isEqualTo(6.25);
        assertThat(offered).hasSize(10);
    }
}
