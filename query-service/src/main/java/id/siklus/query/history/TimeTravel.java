package id.siklus.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.siklus.query.audit.AuditJournalProjection;
import id.siklus.query.platform.MemoryReadModel;
import id.siklus.query.platform.ProcessorHandlers;
import id.siklus.query.platform.ReadModelCollections;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Views of the past. The audit journal holds every event of a kelurahan with its effective date and recording time;
 * a view as of a day, or as known at an instant, is the live projections' own handlers run over the events that pass
 * the filter, into a {@link MemoryReadModel} instead of MongoDB. The present and the past are therefore computed by
 * the same code, and nothing is stored per point in time.
 */
@Component
public class TimeTravel {

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final EventProcessingConfiguration processing;
    private final Timer foldTimer;
    private final Map<String, Class<?>> payloadTypes = new ConcurrentHashMap<>();
    /** Per processing group, the payload types its handlers take: found by reflection once, not per request. */
    private final Map<String, Set<String>> typesByGroup = new ConcurrentHashMap<>();
    /** At most this many folds are kept, whatever their size. */
    private static final int KEPT_FOLDS = 1024;
    /** How long the journal's swap count, read once, is taken as current (all folds of a city summary share it). */
    private static final long SWAPS_READ_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
    /**
     * Recent folds by kelurahan, projections and point in time, least recently used first; guarded by itself. Kept
     * while their journal entries together are at most {@link #keptEntries}: a fold's size follows the entries folded
     * into it. (64 folds by count were fewer than one city's summary of the past and its kelurahan's own views of the
     * same day: under the benchmark's load each evicted the other's and every request folded again.)
     */
    private final Map<String, Folded> folds = new LinkedHashMap<>(64, 0.75f, true);
    /** The journal entries behind the kept folds; guarded by {@link #folds}. */
    private long foldedEntries;
    private final long keptEntries;
    /** The journal's swap count and when it was read ({@link System#nanoTime}). */
    private volatile long[] swapsRead = {-1, 0};
    private final io.micrometer.core.instrument.Counter foldsReused;
    private final io.micrometer.core.instrument.Counter foldsExtended;
    private final io.micrometer.core.instrument.Counter foldsRemade;
    /** The journal's swap count the kept folds were last made again for; -1 before the first check. */
    private final java.util.concurrent.atomic.AtomicLong remadeFor = new java.util.concurrent.atomic.AtomicLong(-1);
    private final java.util.concurrent.atomic.AtomicBoolean swapCheckFailing =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** One thread: kept views are made again one after the other, beside the requests. */
    private final java.util.concurrent.ExecutorService remaker = java.util.concurrent.Executors.newSingleThreadExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "time-travel-remake");
                thread.setDaemon(true);
                return thread;
            });
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TimeTravel.class);

    TimeTravel(MongoTemplate mongo, ObjectMapper json, EventProcessingConfiguration processing,
               MeterRegistry meters,
               @org.springframework.beans.factory.annotation.Value("${siklus.time-travel.kept-entries:500000}")
               long keptEntries) {
        this.keptEntries = keptEntries;
        this.mongo = mongo;
        this.json = json;
        this.processing = processing;
        this.foldTimer = Timer.builder("siklus.time-travel.fold")
                .description("Time to fold a kelurahan's journal into a view of the past")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
        this.foldsExtended = io.micrometer.core.instrument.Counter.builder("siklus.time-travel.folds.extended")
                .description("Views of the past folded by extending a kept fold with the entries added after it")
                .register(meters);
        this.foldsRemade = io.micrometer.core.instrument.Counter.builder("siklus.time-travel.folds.remade")
                .description("Kept views of the past made again in the background after a replay swapped the journal")
                .register(meters);
        this.foldsReused = io.micrometer.core.instrument.Counter.builder("siklus.time-travel.folds.reused")
                .description("Views of the past answered from a kept fold, the same journal entries passing")
                .register(meters);
    }

    /**
     * Folds the events of one kelurahan that pass {@code when} through the given projections (processing group
     * names). A fold is kept (while the kept folds hold at most {@code siklus.time-travel.kept-entries} journal
     * entries together, least recently used out) with the kelurahan's journal head when it was made: the highest
     * sequence it considered. A kelurahan's entries reach the journal in sequence order, never behind one already
     * there (its events share one partition, and an unreadable one holds those after it until released, ADR 0008), so
     * what is new since a fold is exactly the entries after its head: one small read, by the journal's
     * {@code (kelurahanCode, sequence)} index. None: the fold is given again. Some (a kelurahan at work adds entries
     * all day), none of them passing the filter (today's events never pass a filter of the past): given again, with
     * the new head. Some passing (a late entry of that past): a copy of the fold is extended by those alone, in
     * sequence order, as a fold from the start would have taken them. The one thing the head cannot see is a journal
     * rebuilt by a replay (the same head, possibly entries the old one lacked): kept folds are made again after a
     * swap of the journal ({@link ReadModelCollections#SWAPS}). A kept model is frozen: views read it, nothing writes to
     * it.
     */
    public MemoryReadModel fold(String kelurahanCode, PointInTime when, String... processingGroups) {
        return foldTimer.record(() -> {
            Map<String, EventHandlerInvoker> invokers = invokers(processingGroups);
            Set<String> types = types(invokers);
            String key = key(kelurahanCode, when, processingGroups);
            long swaps = journalSwaps();
            Folded cached;
            synchronized (folds) {
                cached = folds.get(key);
            }
            if (cached != null && cached.swaps() == swaps) {
                List<Document> added = added(kelurahanCode, cached.head());
                if (added.isEmpty()) {
                    foldsReused.increment();
                    return cached.model();
                }
                long head = added.stream().mapToLong(TimeTravel::sequence).max().orElseThrow();
                List<Document> later = journal(kelurahanCode, when, types, cached.head(), head);
                if (later.isEmpty()) {
                    // entries were added (today's work), none of them passes the filter: the same entries pass
                    keep(key, new Folded(cached.entries(), head, swaps, cached.model(), cached.view()));
                    foldsReused.increment();
                    return cached.model();
                }
                MemoryReadModel model = fold(cached.model().thawedCopy(), kelurahanCode, later, when, invokers);
                keep(key, new Folded(cached.entries() + later.size(), head, swaps, model, cached.view()));
                foldsExtended.increment();
                return model;
            }
            // the first fold of this view, or the journal was rebuilt since: from the start, up to the head read first
            long head = head(kelurahanCode);
            List<Document> entries = journal(kelurahanCode, when, types, null, head);
            MemoryReadModel model = fold(new MemoryReadModel(), kelurahanCode, entries, when, invokers);
            keep(key, new Folded(entries.size(), head, swaps, model,
                    new View(kelurahanCode, when, processingGroups.clone())));
            return model;
        });
    }

    /** How many times a replay has swapped in a rebuilt journal: read at most once a second. */
    private long journalSwaps() {
        long[] read = swapsRead;
        long now = System.nanoTime();
        if (read[0] >= 0 && now - read[1] < SWAPS_READ_NANOS) {
            return read[0];
        }
        long swaps = ReadModelCollections.swaps(mongo, AuditJournalProjection.COLLECTION);
        swapsRead = new long[] {swaps, now};
        return swaps;
    }

    private static long sequence(Document entry) {
        return ((Number) entry.get("sequence")).longValue();
    }

    /** Runs the journal entries (in sequence order) through the handlers into {@code model}, then freezes it. */
    private MemoryReadModel fold(MemoryReadModel model, String kelurahanCode, List<Document> entries,
                                 PointInTime when, Map<String, EventHandlerInvoker> invokers) {
        model.folding(() -> {
            for (Document entry : entries) {
                if (!effectiveBy(entry, when.asOf())) {
                    continue;
                }
                GenericDomainEventMessage<?> message = message(entry);
                for (EventHandlerInvoker invoker : invokers.values()) {
                    try {
                        invoker.handle(message, Segment.ROOT_SEGMENT);
                    } catch (Exception e) {
                        throw new IllegalStateException("Could not fold event " + entry.get("_id") + " of "
                                + kelurahanCode + " into a view of the past", e);
                    }
                }
            }
            return null;
        });
        model.freeze();
        return model;
    }

    private Map<String, EventHandlerInvoker> invokers(String... processingGroups) {
        Map<String, EventHandlerInvoker> invokers = new LinkedHashMap<>();
        for (String group : processingGroups) {
            invokers.put(group, ProcessorHandlers.invoker(processing, group));
        }
        return invokers;
    }

    private Set<String> types(Map<String, EventHandlerInvoker> invokers) {
        Set<String> types = new LinkedHashSet<>();
        invokers.forEach((group, invoker) ->
                types.addAll(typesByGroup.computeIfAbsent(group, g -> handledTypes(invoker))));
        return types;
    }

    private static String key(String kelurahanCode, PointInTime when, String... processingGroups) {
        return kelurahanCode + "|" + String.join(",", processingGroups) + "|" + when.asOf() + "|" + when.knownAt();
    }


    /**
     * @param entries how many journal entries were folded into the model
     * @param head    the highest sequence in the kelurahan's journal the fold has considered: every entry up to it
     *                that passes the filter is in the model, none after it; -1 when the journal had none
     * @param swaps   the journal's swap count when the fold was made
     * @param view    what was folded: to make it again after a swap
     */
    private record Folded(long entries, long head, long swaps, MemoryReadModel model, View view) {
    }

    private record View(String kelurahanCode, PointInTime when, String[] processingGroups) {
    }

    /**
     * After a replay has swapped in a rebuilt journal, the kept views of the past are made again in the background,
     * least recently used first (so their order of use stays), instead of at the first request for each: a city's
     * summary of the past folds every kelurahan of the city, and under load its first computation after a swap kept
     * its monitors waiting seconds (benchmark run 9). A view asked for meanwhile is folded by the request as before.
     */
    @org.springframework.scheduling.annotation.Scheduled(
            fixedDelayString = "${siklus.time-travel.swap-check-interval:PT2S}")
    void remakeAfterASwap() {
        long swaps;
        try {
            swaps = ReadModelCollections.swaps(mongo, AuditJournalProjection.COLLECTION);
        } catch (RuntimeException e) {
            // MongoDB unreachable: the health check says so; a request's fold reads the count itself
            if (swapCheckFailing.compareAndSet(false, true)) {
                log.warn("Cannot read the journal's swap count (tried again every few seconds): {}", e.toString());
            }
            return;
        }
        swapCheckFailing.set(false);
        swapsRead = new long[] {swaps, System.nanoTime()};
        long before = remadeFor.getAndSet(swaps);
        if (before < 0 || before == swaps) {
            return; // the first check, or no swap since the last
        }
        List<Map.Entry<String, Folded>> stale = new java.util.ArrayList<>();
        synchronized (folds) {
            folds.entrySet().stream().filter(e -> e.getValue().swaps() != swaps)
                    .forEach(e -> stale.add(Map.entry(e.getKey(), e.getValue())));
        }
        try {
            remaker.execute(() -> remake(stale, swaps));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    private void remake(List<Map.Entry<String, Folded>> stale, long swaps) {
        for (Map.Entry<String, Folded> kept : stale) {
            synchronized (folds) {
                if (!folds.containsKey(kept.getKey())) {
                    continue; // let go meanwhile
                }
            }
            View view = kept.getValue().view();
            try {
                if (journalSwaps() != swaps) {
                    return; // swapped again: the next check starts over
                }
                fold(view.kelurahanCode(), view.when(), view.processingGroups());
                foldsRemade.increment();
            } catch (RuntimeException e) {
                // the view's next request folds it
                log.warn("Could not make the view of the past {} again after a swap: {}", kept.getKey(),
                        e.toString());
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stopRemaking() {
        remaker.shutdownNow();
    }

    /** Keeps a fold, and lets the least recently used go while the kept ones are too many or too large. */
    private void keep(String key, Folded fold) {
        synchronized (folds) {
            Folded replaced = folds.put(key, fold);
            foldedEntries += fold.entries() - (replaced == null ? 0 : replaced.entries());
            java.util.Iterator<Map.Entry<String, Folded>> eldest = folds.entrySet().iterator();
            while ((folds.size() > KEPT_FOLDS || foldedEntries > keptEntries) && eldest.hasNext()) {
                Map.Entry<String, Folded> next = eldest.next();
                if (next.getKey().equals(key)) {
                    continue; // the one just kept stays, however large
                }
                foldedEntries -= next.getValue().entries();
                eldest.remove();
            }
        }
    }

    /**
     * The highest sequence in the kelurahan's journal, -1 when it has none. A kelurahan's entries reach the journal in
     * sequence order, never behind one already there (its events share one partition, and an unreadable one holds
     * those after it until released, ADR 0008), so an unchanged head means no entry was added.
     */
    private long head(String kelurahanCode) {
        Query query = new Query(Criteria.where("kelurahanCode").is(kelurahanCode))
                .with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1);
        query.fields().include("sequence");
        Document last = mongo.findOne(query, Document.class, AuditJournalProjection.COLLECTION);
        return last == null ? -1 : ((Number) last.get("sequence")).longValue();
    }

    /** The sequences of the entries added to the kelurahan's journal after sequence {@code after}, of any type. */
    private List<Document> added(String kelurahanCode, long after) {
        Query query = new Query(Criteria.where("kelurahanCode").is(kelurahanCode).and("sequence").gt(after));
        query.fields().include("sequence");
        return mongo.find(query, Document.class, AuditJournalProjection.COLLECTION);
    }

    /**
     * The journal entries of a kelurahan that pass {@code when} and concern the given event types, in full and in
     * sequence order: those after sequence {@code after} (all when null) up to {@code upTo}.
     */
    private List<Document> journal(String kelurahanCode, PointInTime when, Set<String> types, Long after,
                                   long upTo) {
        // both fields at the top of the query, where the (kelurahanCode, sequence) index finds them
        Criteria criteria = Criteria.where("kelurahanCode").is(kelurahanCode);
        Criteria sequence = criteria.and("sequence").lte(upTo);
        if (after != null) {
            sequence.gt(after);
        }
        criteria = sequence.and("payloadType").in(types);
        if (when.knownAt() != null) {
            criteria = criteria.and("recordedAt").lte(Date.from(when.knownAt()));
        }
        if (when.asOf() != null) {
            // ISO days compare as strings; an event without an effective date counts as of any day
            criteria = criteria.orOperator(Criteria.where("effectiveDate").lte(when.asOf().toString()),
                    Criteria.where("effectiveDate").is(null));
        }
        Query query = new Query(criteria).with(Sort.by("sequence", "_id"));
        query.fields().include("kelurahanCode", "sequence", "payloadType", "type", "payload", "effectiveDate",
                "recordedAt");
        return mongo.find(query, Document.class, AuditJournalProjection.COLLECTION);
    }

    /**
     * An event counts as of a day when its effective date is not after it. An event without an effective date (the
     * kelurahan's registration in Siklus) is a fact about the record rather than the program's calendar: it counts as
     * of any day; {@code knownAt} still applies to it.
     */
    private static boolean effectiveBy(Document entry, LocalDate asOf) {
        String effective = entry.getString("effectiveDate");
        return asOf == null || effective == null || !LocalDate.parse(effective).isAfter(asOf);
    }

    private GenericDomainEventMessage<?> message(Document entry) {
        Class<?> type = payloadType(entry.getString("payloadType"));
        Object payload = json.convertValue(entry.get("payload", Document.class), type);
        Instant recordedAt = entry.getDate("recordedAt").toInstant();
        return new GenericDomainEventMessage<>(entry.getString("type"), entry.getString("kelurahanCode"),
                ((Number) entry.get("sequence")).longValue(), payload, MetaData.emptyInstance(),
                entry.getString("_id"), recordedAt);
    }

    private Class<?> payloadType(String name) {
        return payloadTypes.computeIfAbsent(name, n -> {
            try {
                return Class.forName(n, false, TimeTravel.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("The journal holds an event type this service does not know: " + n,
                        e);
            }
        });
    }

    /** The payload types the handlers behind an invoker declare, by the first parameter of their event handlers. */
    private static Set<String> handledTypes(EventHandlerInvoker invoker) {
        Set<String> types = new LinkedHashSet<>();
        for (EventMessageHandler handler : ProcessorHandlers.handlers(invoker)) {
            for (Class<?> c = handler.getTargetType(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(EventHandler.class) && method.getParameterCount() > 0
                            && method.getParameterTypes()[0] != Object.class) {
                        types.add(method.getParameterTypes()[0].getName());
                    }
                }
            }
        }
        return types;
    }
}
