package id.siklus.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.siklus.query.audit.AuditJournalProjection;
import id.siklus.query.platform.MemoryReadModel;
import id.siklus.query.platform.ProcessorHandlers;
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
    private static final int CACHED_FOLDS = 64;
    /**
     * How long a kept fold is trusted on an unchanged journal head alone; after that the passing entries are read
     * again. It bounds what the head cannot see: a journal rebuilt by a replay (ADR 0011) holds the same head but may
     * hold entries the previous one lacked (records parked then, readable now).
     */
    private static final long RECHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    /** Recent folds by kelurahan, projections and point in time; guarded by itself. */
    private final Map<String, Folded> folds = new LinkedHashMap<>(CACHED_FOLDS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Folded> eldest) {
            return size() > CACHED_FOLDS;
        }
    };
    private final io.micrometer.core.instrument.Counter foldsReused;

    TimeTravel(MongoTemplate mongo, ObjectMapper json, EventProcessingConfiguration processing,
               MeterRegistry meters) {
        this.mongo = mongo;
        this.json = json;
        this.processing = processing;
        this.foldTimer = Timer.builder("siklus.time-travel.fold")
                .description("Time to fold a kelurahan's journal into a view of the past")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
        this.foldsReused = io.micrometer.core.instrument.Counter.builder("siklus.time-travel.folds.reused")
                .description("Views of the past answered from a kept fold, the same journal entries passing")
                .register(meters);
    }

    /**
     * Folds the events of one kelurahan that pass {@code when} through the given projections (processing group
     * names). A fold is kept (at most {@value #CACHED_FOLDS}, least recently used out) and given again while exactly
     * the same journal entries pass the filter: the entries' ids and sequences are read first (small documents), and
     * the full entries only when they differ. While the kelurahan's journal has not grown (its highest sequence, one
     * small read) even that read is spared, and when it has grown only the entries after the fold's head are read
     * (a kelurahan at work adds entries all day; today's do not pass a filter of the past), for at most
     * {@link #RECHECK_NANOS} after the last full read. New events of today do not pass a filter of a past day or instant, so a
     * view of the past stays cached while the kelurahan keeps working; a late entry of that past changes the set and
     * the view is folded again. A cached model is frozen: views read it, nothing writes to it.
     */
    public MemoryReadModel fold(String kelurahanCode, PointInTime when, String... processingGroups) {
        return foldTimer.record(() -> {
            Map<String, EventHandlerInvoker> invokers = new LinkedHashMap<>();
            Set<String> types = new LinkedHashSet<>();
            for (String group : processingGroups) {
                EventHandlerInvoker invoker = ProcessorHandlers.invoker(processing, group);
                invokers.put(group, invoker);
                types.addAll(typesByGroup.computeIfAbsent(group, g -> handledTypes(invoker)));
            }
            String key = kelurahanCode + "|" + String.join(",", processingGroups) + "|" + when.asOf() + "|"
                    + when.knownAt();
            long head = head(kelurahanCode);
            long now = System.nanoTime();
            Folded cached;
            synchronized (folds) {
                cached = folds.get(key);
            }
            boolean trusted = cached != null && now - cached.checkedAt() < RECHECK_NANOS;
            if (trusted && cached.head() == head) {
                // nothing was added to the kelurahan's journal since the fold was made or checked
                foldsReused.increment();
                return cached.model();
            }
            if (trusted && cached.head() < head
                    && journal(kelurahanCode, when, types, false, cached.head()).isEmpty()) {
                // entries were added (today's work), none of them passes the filter: the same entries pass
                synchronized (folds) {
                    folds.put(key, new Folded(cached.signature(), head, cached.checkedAt(), cached.model()));
                }
                foldsReused.increment();
                return cached.model();
            }
            String signature = signature(journal(kelurahanCode, when, types, false, null));
            if (cached != null && cached.signature().equals(signature)) {
                synchronized (folds) {
                    folds.put(key, new Folded(signature, head, now, cached.model()));
                }
                foldsReused.increment();
                return cached.model();
            }
            MemoryReadModel model = new MemoryReadModel();
            model.folding(() -> {
                for (Document entry : journal(kelurahanCode, when, types, true, null)) {
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
            synchronized (folds) {
                folds.put(key, new Folded(signature, head, now, model));
            }
            return model;
        });
    }

    /** The entries that pass, by id and sequence in fold order: equal signatures fold to equal models. */
    private static String signature(List<Document> entries) {
        StringBuilder ids = new StringBuilder(entries.size() * 40);
        for (Document entry : entries) {
            ids.append(entry.get("_id")).append('@').append(entry.get("sequence")).append(';');
        }
        return entries.size() + ":" + java.util.UUID.nameUUIDFromBytes(
                ids.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * @param head    the highest sequence in the kelurahan's journal when the fold was made or last checked
     * @param checkedAt when the entries passing the filter were last read and found unchanged ({@link System#nanoTime})
     */
    private record Folded(String signature, long head, long checkedAt, MemoryReadModel model) {
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

    /**
     * The journal entries of a kelurahan that pass {@code when} and concern the given event types, in sequence order:
     * in full, or only their ids and sequences; all of them, or only those after sequence {@code after}.
     */
    private List<Document> journal(String kelurahanCode, PointInTime when, Set<String> types, boolean full,
                                   Long after) {
        Criteria criteria = Criteria.where("kelurahanCode").is(kelurahanCode).and("payloadType").in(types);
        if (after != null) {
            criteria = criteria.and("sequence").gt(after);
        }
        if (when.knownAt() != null) {
            criteria = criteria.and("recordedAt").lte(Date.from(when.knownAt()));
        }
        if (when.asOf() != null) {
            // ISO days compare as strings; an event without an effective date counts as of any day
            criteria = criteria.orOperator(Criteria.where("effectiveDate").lte(when.asOf().toString()),
                    Criteria.where("effectiveDate").is(null));
        }
        Query query = new Query(criteria).with(Sort.by("sequence", "_id"));
        if (full) {
            query.fields().include("kelurahanCode", "sequence", "payloadType", "type", "payload", "effectiveDate",
                    "recordedAt");
        } else {
            query.fields().include("sequence");
        }
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
