package id.siklus.query.platform;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * An update's values as MongoTemplate would store them, for the common case where mapping changes nothing but an
 * {@link Instant} into a {@link Date}: strings, whole numbers, doubles, booleans, dates, instants, and documents and
 * lists of those. Folds in memory (rebuilds, views of the past) map every update they apply; Spring's
 * {@code UpdateMapper} walks each field through its conversion service and was about a third of a rebuild's fold
 * thread in the benchmark's flight recording, most of it on the audit journal's nested payloads.
 * <p>
 * Anything else (a record that MongoTemplate stores with its type hint, an enum, a {@code LocalDate}, a key the mapper
 * might rename) is not handled here: {@link #of} answers null and the caller maps with Spring. Documents and lists are
 * copied, as the mapper copies them, so a fold never changes a caller's value in place.
 */
final class PlainUpdate {

    private static final Object NOT_PLAIN = new Object();

    private PlainUpdate() {
    }

    /** The mapped update, or null when a value needs Spring's mapping. */
    static Document of(Document update) {
        Document mapped = new Document();
        for (Map.Entry<String, Object> operation : update.entrySet()) {
            if (!operation.getKey().startsWith("$") || !(operation.getValue() instanceof Document fields)) {
                return null;
            }
            Document values = new Document();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (!plainKey(field.getKey())) {
                    return null;
                }
                Object value = value(field.getValue());
                if (value == NOT_PLAIN) {
                    return null;
                }
                values.put(field.getKey(), value);
            }
            mapped.put(operation.getKey(), values);
        }
        return mapped;
    }

    private static Object value(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof Date date) {
            return new Date(date.getTime());
        }
        if (value instanceof Document document) {
            Document copy = new Document();
            for (Map.Entry<String, Object> entry : document.entrySet()) {
                // nested keys are stored as they are; '.' or '$' in one is something only the mapper may judge
                if (!plainKey(entry.getKey()) || entry.getKey().indexOf('.') >= 0) {
                    return NOT_PLAIN;
                }
                Object mapped = value(entry.getValue());
                if (mapped == NOT_PLAIN) {
                    return NOT_PLAIN;
                }
                copy.put(entry.getKey(), mapped);
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                Object mapped = value(element);
                if (mapped == NOT_PLAIN) {
                    return NOT_PLAIN;
                }
                copy.add(mapped);
            }
            return copy;
        }
        return NOT_PLAIN;
    }

    /** The mapper treats {@code id} and {@code _id} as the identifier (it may turn a hex string into an ObjectId). */
    private static boolean plainKey(String key) {
        return !key.isEmpty() && !key.startsWith("$") && !key.equals("_id") && !key.equals("id")
                && !key.startsWith("_id.") && !key.startsWith("id.");
    }
}
