package id.siklus.query.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Views of the present that read many documents of a kelurahan (every loan with its repayments, every KSM) are kept
 * and given again while none of the documents they read has changed. Whether one has is told by each read model's
 * <em>version</em> for the kelurahan: the highest {@link IdempotentUpsert#SOURCE_SEQUENCE} among its documents. Every
 * projection write sets that field to the sequence of the event it applies, and a kelurahan's events reach a
 * processor in sequence order (ADR 0002, 0008), so any write to any of its documents raises the version; one small
 * read per read model replaces reading them all. A view also depends on its day (days late, PAR), which is part of
 * the key.
 * <p>
 * What a version cannot see: a read model swapped in by a replay (ADR 0011) that holds the same highest sequence but
 * other documents (records parked before, readable now). A kept view is therefore given again for at most 30 s
 * before it is computed anew.
 */
@Component
public class KeptViews {

    private static final int KEPT = 256;
    private static final long TRUST_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final MongoTemplate mongo;
    private final Counter reused;
    private final Counter computed;
    /** Guarded by itself. */
    private final Map<String, Kept> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > KEPT;
        }
    };

    KeptViews(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.reused = Counter.builder("siklus.views.kept").tag("outcome", "reused")
                .description("Views of the present given again because none of their read models changed")
                .register(meters);
        this.computed = Counter.builder("siklus.views.kept").tag("outcome", "computed")
                .description("Views of the present computed because a read model they read changed")
                .register(meters);
    }

    /** A read model a view reads: its collection, and whether a kelurahan's document is the one with its code as id. */
    public record Source(String collection, boolean byId) {

        /** A collection of many documents per kelurahan, each with its {@code kelurahanCode}. */
        public static Source of(String collection) {
            return new Source(collection, false);
        }

        /** A collection of one document per kelurahan, its code as {@code _id}. */
        public static Source one(String collection) {
            return new Source(collection, true);
        }
    }

    /**
     * The view {@code name} of one kelurahan on {@code day}, computed by {@code compute} from the given read models,
     * or given again if none of them has changed for that kelurahan since.
     */
    public <T> T get(String name, String kelurahanCode, LocalDate day, List<Source> sources, Supplier<T> compute) {
        String key = name + "|" + kelurahanCode + "|" + day;
        List<Long> versions = new ArrayList<>(sources.size());
        for (Source source : sources) {
            versions.add(version(source, kelurahanCode));
        }
        long now = System.nanoTime();
        Kept before;
        synchronized (kept) {
            before = kept.get(key);
        }
        if (before != null && before.versions().equals(versions) && now - before.computedAt() < TRUST_NANOS) {
            reused.increment();
            @SuppressWarnings("unchecked")
            T view = (T) before.view();
            return view;
        }
        computed.increment();
        T view = compute.get();
        synchronized (kept) {
            kept.put(key, new Kept(versions, now, view));
        }
        return view;
    }

    /** The highest source sequence among a kelurahan's documents of a read model; -1 when it has none. */
    long version(Source source, String kelurahanCode) {
        Query query = source.byId() ? new Query(Criteria.where("_id").is(kelurahanCode))
                : new Query(Criteria.where("kelurahanCode").is(kelurahanCode))
                .with(Sort.by(Sort.Direction.DESC, IdempotentUpsert.SOURCE_SEQUENCE)).limit(1);
        query.fields().include(IdempotentUpsert.SOURCE_SEQUENCE);
        Document last = mongo.findOne(query, Document.class, source.collection());
        Number sequence = last == null ? null : last.get(IdempotentUpsert.SOURCE_SEQUENCE, Number.class);
        return sequence == null ? -1 : sequence.longValue();
    }

    /** @param computedAt {@link System#nanoTime()} when the versions were read, before the view was computed */
    private record Kept(List<Long> versions, long computedAt, Object view) {
    }
}
