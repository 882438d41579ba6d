package id.siklus.query.replay;

import id.siklus.query.platform.MemoryReadModel;
import id.siklus.query.platform.ProcessorHandlers;
import id.siklus.query.platform.ReadModelCollections;
import id.siklus.support.web.ApiProblem;
import com.mongodb.MongoNamespace;
import com.mongodb.client.model.RenameCollectionOptions;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.DefaultConsumerFactory;
import java.util.Collection;
import java.util.HashMap;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds read models from the start of the topic beside the live ones (blue/green), so that queries keep answering
 * from the previous read model while a rebuild runs.
 * <ol>
 * <li>The rebuild reads the topic from offset zero on its own consumer, reads each record with the same converter as
 * the live processors (so an unreadable record is parked, not skipped silently), and runs each projection's own
 * handlers on its own thread. Their writes are folded in memory (the {@link MemoryReadModel} the views of the past
 * use) and stored in bulk into {@code <collection>__rebuild} ({@link ReadModelCollections}) by a {@link RebuildWriter}
 * on a second thread, while the next batch is folded.</li>
 * <li>When it has reached the position of the live processors, it pauses them (their token is then final), reads on
 * up to exactly their stored tokens, swaps the rebuilt collections in by renaming them over the live ones, and starts
 * the processors again from their unchanged tokens: nothing is applied twice and nothing is missed. Reading a little
 * past a live token is harmless: every write is guarded by the event's source sequence.</li>
 * </ol>
 * Projections have no effect outside their own collections, so a replay repeats no side effect. One rebuild runs at a
 * time per instance; in a deployment with several query-service instances, run it where the processors are claimed
 * (see docs/runbook.md).
 */
@Component
public class ProjectionReplay implements DisposableBean {

    public static final String ALL = "all";
    /** How long a rebuild may find nothing to read while it has not reached the live position before it gives up. */
    private static final Duration STALL = Duration.ofSeconds(60);
    /** Documents per bulk write of a rebuild. */
    private static final int WRITE_BATCH = 1_000;
    /**
     * How long the broker may hold the rebuild's fetch for more data ({@code fetch.max.wait.ms}; 500 ms by default, the
     * live processors' setting). A consumer sends no new fetch while one is held, and it leaves out of that fetch the
     * partitions whose records it still buffers: once most partitions are read to their end, a fetch of only those
     * waits the full time, and a partition still holding a backlog is read one fetch (1 MiB) per wait — about 2,000
     * events/s with the machine idle, as the benchmark's 1M replay showed for its last 50,000 events. A rebuild reads
     * a backlog, so it does not wait.
     */
    private static final int FETCH_MAX_WAIT_MS = 10;
    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);

    private final EventProcessingConfiguration processing;
    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final TokenStore tokens;
    private final MongoTemplate mongo;
    private final String topic;
    /**
     * A rebuild folds events into documents held in memory and hands them to its {@link RebuildWriter} after this many
     * documents changed, and before the swap. Bounds the memory a rebuild takes (two such batches at most).
     */
    private final int flushEvery;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private Run current;

    @SuppressWarnings("unchecked")
    ProjectionReplay(EventProcessingConfiguration processing, ConsumerFactory<?, ?> consumers,
                     KafkaMessageConverter<String, byte[]> converter, TokenStore tokens, MongoTemplate mongo,
                     @Value("${axon.kafka.default-topic}") String topic,
                     @Value("${siklus.replay.flush-every:20000}") int flushEvery) {
        if (flushEvery < 1) {
            throw new IllegalArgumentException("siklus.replay.flush-every must be at least 1, was " + flushEvery);
        }
        this.processing = processing;
        this.consumers = (ConsumerFactory<String, byte[]>) consumers;
        this.converter = converter;
        this.tokens = tokens;
        this.mongo = mongo;
        this.topic = topic;
        this.flushEvery = flushEvery;
    }

    /** The read models that can be rebuilt, by processor name. */
    public Set<String> names() {
        return new TreeSet<>(processing.eventProcessors().keySet());
    }

    public synchronized Progress start(String name, String requestedBy) {
        List<String> groups = groups(name);
        if (current != null && !current.finished()) {
            throw ApiProblem.conflict("REPLAY_RUNNING", "A rebuild of " + current.name + " is running (started "
                    + current.startedAt + "). Follow it with GET on its replay path and start this one when it "
                    + "has finished; rebuilds run one at a time.");
        }
        Run run = new Run(name, groups, requestedBy);
        current = run;
        runs.put(name, run);
        worker.submit(run::execute);
        return run.progress();
    }

    public synchronized Progress progress(String name) {
        groups(name);
        Run run = runs.get(name);
        if (run == null) {
            throw ApiProblem.notFound("NO_REPLAY", "No rebuild of " + name + " has been started since this instance "
                    + "started. Start one with POST on this path.");
        }
        return run.progress();
    }

    private List<String> groups(String name) {
        if (ALL.equals(name)) {
            return List.copyOf(names());
        }
        if (!names().contains(name)) {
            throw ApiProblem.notFound("PROJECTION_NOT_FOUND", "No read model " + name + ". Known: " + names()
                    + ", or " + ALL + " for every one.");
        }
        return List.of(name);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** Where a rebuild stands. Positions count records on the topic (sum over partitions). */
    public record Progress(String name, List<String> readModels, String state, String requestedBy,
                           Instant startedAt, Instant finishedAt, long eventsDone, long position, long head,
                           double eventsPerSecond, Long secondsLeft, String error) {
    }

    private final class Run {

        private final String name;
        private final List<String> groups;
        private final String requestedBy;
        private final Instant startedAt = Instant.now();
        private volatile String state = "STARTING";
        private volatile Instant finishedAt;
        private volatile long eventsDone;
        private volatile long position;
        private volatile long head;
        private volatile String error;

        Run(String name, List<String> groups, String requestedBy) {
            this.name = name;
            this.groups = groups;
            this.requestedBy = requestedBy;
        }

        boolean finished() {
            return finishedAt != null;
        }

        Progress progress() {
            Instant end = finishedAt == null ? Instant.now() : finishedAt;
            double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
            double rate = eventsDone / seconds;
            Long left = finished() ? Long.valueOf(0) : rate <= 0 ? null
                    : Long.valueOf(Math.round(Math.max(0, head - position) / rate));
            return new Progress(name, groups, state, requestedBy, startedAt, finishedAt, eventsDone, position, head,
                    Math.round(rate * 10) / 10.0, left, error);
        }

        void execute() {
            Map<String, EventHandlerInvoker> invokers = new LinkedHashMap<>();
            Map<String, TrackingEventProcessor> processors = new LinkedHashMap<>();
            for (String group : groups) {
                TrackingEventProcessor processor = processing.eventProcessor(group, TrackingEventProcessor.class)
                        .orElseThrow();
                processors.put(group, processor);
                invokers.put(group, ((AbstractEventProcessor) processor).eventHandlerInvoker());
            }
            boolean paused = false;
            String outcome = "FAILED";
            log.info("Rebuilding read models {} from the start of {} (requested by {})", groups, topic, requestedBy);
            try (Consumer<String, byte[]> consumer = replayConsumer();
                 RebuildWriter writer = new RebuildWriter(mongo, WRITE_BATCH)) {
                state = "REBUILDING";
                ReadModelCollections.rebuilding(() -> {
                    invokers.values().forEach(EventHandlerInvoker::performReset);
                    return null;
                });
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                head = headPosition(consumer, partitions);
                long lastHeadCheck = System.nanoTime();
                Map<TopicPartition, Long> at = new HashMap<>();
                MemoryReadModel buffer = new MemoryReadModel(writer::load);
                List<TrackingToken> target = null;
                long lastRead = System.nanoTime();
                while (true) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                    if (records.isEmpty() && System.nanoTime() - lastRead > STALL.toNanos()) {
                        throw new IllegalStateException("Nothing more to read for " + STALL.toSeconds() + " s at "
                                + at + ", which does not reach the live processors' position "
                                + (target != null ? target : liveTokens(processors)));
                    }
                    for (ConsumerRecord<String, byte[]> record : records) {
                        lastRead = System.nanoTime();
                        Optional<EventMessage<?>> message = converter.readKafkaMessage(record);
                        if (message.isPresent()) {
                            buffer.folding(() -> apply(invokers.values(), message.get()));
                            eventsDone++;
                        }
                        if (buffer.dirtyDocuments() >= flushEvery) {
                            writer.flush(buffer);
                        }
                        at.put(new TopicPartition(record.topic(), record.partition()), record.offset());
                        position++;
                    }
                    if (target == null && covers(at, liveTokens(processors))) {
                        state = "SWAPPING";
                        // all at once: the live read models stand still only as long as the slowest one takes
                        CompletableFuture.allOf(processors.values().stream()
                                .map(TrackingEventProcessor::shutdownAsync)
                                .toArray(CompletableFuture[]::new)).join();
                        paused = true;
                        target = storedTokens(processors.keySet());
                    }
                    if (target != null && covers(at, target)) {
                        break;
                    }
                    if (System.nanoTime() - lastHeadCheck > TimeUnit.SECONDS.toNanos(2)) {
                        head = Math.max(headPosition(consumer, partitions), position);
                        lastHeadCheck = System.nanoTime();
                    }
                }
                writer.finish(buffer);
                for (String group : groups) {
                    swapIn(invokers.get(group));
                }
                head = Math.max(head, position);
                outcome = "DONE";
                log.info("Rebuilt read models {} from {} events; swapped in", groups, eventsDone);
            } catch (Exception e) {
                outcome = "FAILED";
                error = e.getMessage();
                log.error("Rebuild of {} failed; the previous read models stay in place", groups, e);
                for (EventHandlerInvoker invoker : invokers.values()) {
                    collectionsOf(invoker).forEach(c -> mongo.dropCollection(ReadModelCollections.rebuildOf(c)));
                }
            } finally {
                if (paused) {
                    processors.values().forEach(TrackingEventProcessor::start);
                }
                finishedAt = Instant.now();
                state = outcome;
            }
        }

        private Void apply(Collection<EventHandlerInvoker> invokers, EventMessage<?> message) {
            return ReadModelCollections.rebuilding(() -> {
                for (EventHandlerInvoker invoker : invokers) {
                    try {
                        invoker.handle(message, Segment.ROOT_SEGMENT);
                    } catch (Exception e) {
                        throw new IllegalStateException("Event " + message.getIdentifier() + " could not be "
                                + "applied: " + e.getMessage(), e);
                    }
                }
                return null;
            });
        }

        /** The live processors' current positions; a processor that has read nothing yet is no constraint. */
        private List<TrackingToken> liveTokens(Map<String, TrackingEventProcessor> processors) {
            List<TrackingToken> live = new ArrayList<>();
            for (TrackingEventProcessor processor : processors.values()) {
                for (EventTrackerStatus status : processor.processingStatus().values()) {
                    if (status.getTrackingToken() != null) {
                        live.add(status.getTrackingToken());
                    }
                }
            }
            return live;
        }

        /** After the processors stopped: the positions their segments had stored. */
        private List<TrackingToken> storedTokens(Set<String> processorNames) {
            List<TrackingToken> stored = new ArrayList<>();
            for (String processor : processorNames) {
                for (int segment : tokens.fetchSegments(processor)) {
                    TrackingToken token = tokens.fetchToken(processor, segment);
                    tokens.releaseClaim(processor, segment);
                    if (token != null) {
                        stored.add(token);
                    }
                }
            }
            return stored;
        }

        /** True when every record a live token has passed has been read here too (or the token is empty). */
        private boolean covers(Map<TopicPartition, Long> at, List<TrackingToken> live) {
            for (TrackingToken token : live) {
                for (Map.Entry<TopicPartition, Long> position : KafkaTrackingToken.from(token).getPositions()
                        .entrySet()) {
                    if (at.getOrDefault(position.getKey(), -1L) < position.getValue()) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** Renames each rebuilt collection over the live one; a read model with no documents rebuilt is emptied. */
    private void swapIn(EventHandlerInvoker invoker) {
        for (String collection : collectionsOf(invoker)) {
            String rebuilt = ReadModelCollections.rebuildOf(collection);
            if (mongo.collectionExists(rebuilt)) {
                mongo.getCollection(rebuilt).renameCollection(
                        new MongoNamespace(mongo.getDb().getName(), collection),
                        new RenameCollectionOptions().dropTarget(true));
            } else {
                mongo.dropCollection(collection);
            }
            ReadModelCollections.swapped(mongo, collection);
        }
    }

    /** A consumer as the live processors' (their factory's settings, no group) that reads without waiting. */
    private Consumer<String, byte[]> replayConsumer() {
        if (!(consumers instanceof DefaultConsumerFactory<String, byte[]> defaults)) {
            log.warn("The consumer factory is a {}, not Axon's default: the rebuild reads with its settings, "
                    + "fetch.max.wait.ms included", consumers.getClass().getName());
            return consumers.createConsumer(null);
        }
        Map<String, Object> settings = new HashMap<>(defaults.configurationProperties());
        settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
        return new DefaultConsumerFactory<String, byte[]>(settings).createConsumer(null);
    }

    /** Every projection names its collection in a {@code COLLECTION} constant. */
    static Set<String> collectionsOf(EventHandlerInvoker invoker) {
        Set<String> collections = new LinkedHashSet<>();
        for (EventMessageHandler handler : ProcessorHandlers.handlers(invoker)) {
            try {
                collections.add((String) handler.getTargetType().getField("COLLECTION").get(null));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(handler.getTargetType() + " declares no COLLECTION constant", e);
            }
        }
        return collections;
    }

    private static long positionOf(KafkaTrackingToken token) {
        return token.getPositions().values().stream().mapToLong(offset -> offset + 1).sum();
    }

    /** The sum of the topic's end offsets: how many records there are to read. */
    private static long headPosition(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
}
