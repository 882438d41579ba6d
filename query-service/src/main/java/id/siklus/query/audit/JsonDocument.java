package id.siklus.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree as the BSON document {@code Document.parse} makes of its text: objects as documents in field order,
 * arrays as lists, whole numbers as Integer when they fit and Long otherwise, other numbers as Double. Without writing
 * the tree out and scanning it back, which was about a tenth of a rebuild's fold thread in the benchmark's flight
 * recording (one audit journal entry per event). A tree this does not map exactly (a key that extended JSON reads as
 * a type, a whole number beyond a long, NaN or an infinity, binary data) is left to {@code Document.parse}: the caller
 * gets null.
 */
final class JsonDocument {

    private static final Object UNMAPPED = new Object();

    private JsonDocument() {
    }

    /** The document of a JSON object, or null when only {@code Document.parse} of its text gives the same. */
    static Document of(JsonNode object) {
        Object value = value(object);
        return value instanceof Document document ? document : null;
    }

    private static Object value(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Document document = new Document();
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (field.getKey().startsWith("$")) {
                        return UNMAPPED;
                    }
                    Object value = value(field.getValue());
                    if (value == UNMAPPED) {
                        return UNMAPPED;
                    }
                    document.put(field.getKey(), value);
                }
                return document;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    Object value = value(element);
                    if (value == UNMAPPED) {
                        return UNMAPPED;
                    }
                    list.add(value);
                }
                return list;
            }
            case STRING -> {
                return node.textValue();
            }
            case BOOLEAN -> {
                return node.booleanValue();
            }
            case NULL -> {
                return null;
            }
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    if (!node.canConvertToLong()) {
                        return UNMAPPED;
                    }
                    long whole = node.longValue();
                    return whole == (int) whole ? (Object) (int) whole : (Object) whole;
                }
                double fraction = node.doubleValue();
                // Jackson writes NaN and the infinities as strings, which Document.parse reads back as strings
                return Double.isFinite(fraction) ? fraction : UNMAPPED;
            }
            default -> {
                return UNMAPPED;
            }
        }
    }
}
