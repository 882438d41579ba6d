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

    TimeTravel(MongoTemplate mongo, ObjectMapper json, EventProcessingConfiguration processing,
               MeterRegistry meters) {
        this.mongo = mongo;
        this.json = json;
        this.processing = processing;
        this.foldTimer = Timer.builder("siklus.time-travel.fold")
                .description("Time to fold a kelurahan's journal into a view of the past")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    /**
     * Folds the events of one kelurahan that pass {@code when} through the given projections (processing group
     * names).
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
            MemoryReadModel model = new MemoryReadModel();
            model.folding(() -> {
                for (Document entry : journal(kelurahanCode, when, types)) {
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
            return model;
        });
    }

    private List<Document> journal(String kelurahanCode, PointInTime when, Set<String> types) {
        Criteria criteria = Criteria.where("kelurahanCode").is(kelurahanCode).and("payloadType").in(types);
        if (when.knownAt() != null) {
            criteria = criteria.and("recordedAt").lte(Date.from(when.knownAt()));
        }
        Query query = new Query(criteria).with(Sort.by("sequence"));
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
