package id.siklus.command.platform;

import id.siklus.support.web.ApiProblem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KelurahanQueueTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final KelurahanQueue queue = new KelurahanQueue(Duration.ofMillis(300), meters);
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    static final class Command {
        @TargetAggregateIdentifier
        private final String kelurahanCode;

        Command(String kelurahanCode) {
            this.kelurahanCode = kelurahanCode;
        }
    }

    static final class Untargeted {
    }

    /** As the project's commands are written: a record whose component carries the annotation. */
    record RecordCommand(@TargetAggregateIdentifier String kelurahanCode, String other) {
    }

    private static GenericCommandMessage<?> to(String kelurahan) {
        return new GenericCommandMessage<>(new Command(kelurahan));
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void commandsOfOneKelurahanRunOneAtATime() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            done.add(threads.submit(() -> queue.run(to("35.71.03.1001"), () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(5);
                running.decrementAndGet();
            })));
        }
        for (Future<?> f : done) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThat(most).hasValue(1);
    }

    @Test
    void commandsOfDifferentKelurahanDoNotWaitForEachOther() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        Future<?> a = threads.submit(() -> queue.run(to("35.71.03.1001"), () -> await(bothInside)));
        Future<?> b = threads.submit(() -> queue.run(to("35.71.03.1002"), () -> await(bothInside)));
        a.get(5, TimeUnit.SECONDS);
        b.get(5, TimeUnit.SECONDS);
        assertThat(bothInside.getCount()).isZero();
    }

    @Test
    void aCommandThatWouldWaitTooLongIsRefusedAsBusyAndNeverRuns() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> queue.run(to("35.71.03.1001"), () -> {
            inside.countDown();
            block(release);
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> queue.run(to("35.71.03.1001"), () -> ran.set(true)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(503);
                    assertThat(problem.code()).isEqualTo("SERVICE_BUSY");
                    assertThat(problem.getMessage()).contains("35.71.03.1001").contains("nothing was written");
                });
        assertThat(ran).isFalse();
        assertThat(meters.counter("siklus.commands.kelurahan-queue.refused").count()).isEqualTo(1);

        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        queue.run(to("35.71.03.1001"), () -> ran.set(true));
        assertThat(ran).as("the permit is back once the first command ends").isTrue();
    }

    @Test
    void aCommandThatFailsGivesItsTurnBack() {
        assertThatThrownBy(() -> queue.run(to("35.71.03.1001"), () -> {
            throw new IllegalStateException("refused by the aggregate");
        })).isInstanceOf(IllegalStateException.class);
        AtomicBoolean ran = new AtomicBoolean();
        queue.run(to("35.71.03.1001"), () -> ran.set(true));
        assertThat(ran).isTrue();
    }

    @Test
    void aRecordCommandAndAClassCommandOfTheSameKelurahanShareItsQueue() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> queue.run(new GenericCommandMessage<>(
                new RecordCommand("35.71.03.1001", "x")), () -> {
            inside.countDown();
            block(release);
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> queue.run(to("35.71.03.1001"), () -> { }))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("SERVICE_BUSY"));
        AtomicBoolean other = new AtomicBoolean();
        queue.run(new GenericCommandMessage<>(new RecordCommand("35.71.03.1002", "x")), () -> other.set(true));
        assertThat(other).as("another kelurahan does not wait").isTrue();
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCommandWithoutTargetPasses() {
        AtomicBoolean ran = new AtomicBoolean();
        queue.run(new GenericCommandMessage<>(new Untargeted()), () -> ran.set(true));
        assertThat(ran).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void block(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts down and waits until every other party has counted down too. */
    private static void await(CountDownLatch latch) {
        latch.countDown();
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
