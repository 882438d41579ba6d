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
    /** At most this many folds are kept, whatever their size. */
    private static final int KEPT_FOLDS = 1024;
    /**
     * How long a kept fold is trusted on an unchanged journal head alone; after that the passing entries are read
     * again. It bounds what the head cannot see: a journal rebuilt by a replay (ADR 0011) holds the same head but may
     * hold entries the previous one lacked (records parked then, readable now).
     */
    private static final long RECHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
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
    private final io.micrometer.core.instrument.Counter foldsReused;
    private final io.micrometer.core.instrument.Counter foldsExtended;

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
        this.foldsReused = io.micrometer.core.instrument.Counter.builder("siklus.time-travel.folds.reused")
                .description("Views of the past answered from a kept fold, the same journal entries passing")
                .register(meters);
    }

    /**
     * Folds the events of one kelurahan that pass {@code when} through the given projections (processing group
     * names). A fold is kept (while the kept folds hold at most {@code siklus.time-travel.kept-entries} journal
     * entries together, least recently used out) and given again while exactly
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
            Map<String, EventHandlerInvoker> invokers = invokers(processingGroups);
            Set<String> types = types(invokers);
            String key = key(kelurahanCode, when, processingGroups);
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
                keep(key, new Folded(cached.signature(), head, cached.checkedAt(), cached.model()));
                foldsReused.increment();
                return cached.model();
            }
            List<Document> passing = journal(kelurahanCode, when, types, false, null);
            String signature = signature(passing);
            if (cached != null && cached.signature().equals(signature)) {
                keep(key, new Folded(signature, head, now, cached.model()));
                foldsReused.increment();
                return cached.model();
            }
            int kept = cached == null ? 0 : (int) Math.min(cached.entries(), Integer.MAX_VALUE);
            if (kept > 0 && kept <= passing.size()
                    && signature(passing.subList(0, kept)).equals(cached.signature())) {
                // the kept fold's entries come first and later entries of that past were added after them (a
                // kelurahan's entries reach the journal in sequence order): a copy of it is extended by those alone,
                // read in full; the handlers see the same events in the same order as in a fold from the start
                List<Document> later = after(journal(kelurahanCode, when, types, true,
                        sequence(passing.get(kept - 1)) - 1), passing.subList(0, kept));
                MemoryReadModel model = fold(cached.model().thawedCopy(), kelurahanCode, later, when, invokers);
                List<Document> folded = new java.util.ArrayList<>(passing.subList(0, kept));
                folded.addAll(later);
                keep(key, new Folded(signature(folded), head, now, model));
                foldsExtended.increment();
                return model;
            }
            // kept with the signature of the entries folded (more may have arrived since the ids were read)
            List<Document> entries = journal(kelurahanCode, when, types, true, null);
            MemoryReadModel model = fold(new MemoryReadModel(), kelurahanCode, entries, when, invokers);
            keep(key, new Folded(signature(entries), head, now, model));
            return model;
        });
    }

    /** The entries not among {@code folded} (read from the sequence of its last one on: ties are told by id). */
    private static List<Document> after(List<Document> entries, List<Document> folded) {
        Set<Object> foldedIds = new java.util.HashSet<>();
        long last = sequence(folded.get(folded.size() - 1));
        for (int i = folded.size() - 1; i >= 0 && sequence(folded.get(i)) == last; i--) {
            foldedIds.add(folded.get(i).get("_id"));
        }
        return entries.stream().filter(entry -> !foldedIds.contains(entry.get("_id"))).toList();
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
        /** How many journal entries were folded: the signature starts with their number. */
        long entries() {
            return Long.parseLong(signature.substring(0, signature.indexOf(':')));
        }
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
