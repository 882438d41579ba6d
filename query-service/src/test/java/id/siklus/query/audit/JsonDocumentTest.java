package id.siklus.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal's payload documents are what {@code Document.parse} of the payload's JSON text gives, type for type. */
class JsonDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static Document parsed(JsonNode node) throws Exception {
        return Document.parse(JSON.writeValueAsString(node));
    }

    /** Equal documents, and each value of the same Java type (Integer 5 and Long 5 are not equal, but be explicit). */
    private static void assertSame(JsonNode node) throws Exception {
        Document expected = parsed(node);
        Document actual = JsonDocument.of(node);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.toJson()).isEqualTo(expected.toJson());
    }

    @Test
    void aPayloadAsDocumentParseReadsIt() throws Exception {
        JsonNode payload = JSON.readTree("""
                {"kelurahanCode":"3171010001","householdId":"h-1","members":4,"amount":3000000000,
                 "small":-2147483648,"large":2147483648,"negative":-9223372036854775808,"ratio":0.25,"whole":1.0,
                 "exp":1.5E300,"poor":true,"note":null,"text":"Jl. Mawar \\"3\\" \\u00e9 \\ud83d\\ude00",
                 "memberIds":["a","b",null,1],"address":{"rw":3,"rt":[1,[2,{}]],"empty":[]},"heldOn":"2026-11-28"}""");
        assertSame(payload);
        assertThat(JsonDocument.of(payload).get("amount")).isEqualTo(3_000_000_000L);
        assertThat(JsonDocument.of(payload).get("members")).isEqualTo(4);
    }

    @Test
    void randomTreesMapAsTheirText() throws Exception {
        Random random = new Random(20261129);
        for (int i = 0; i < 500; i++) {
            assertSame(randomObject(random, 0));
        }
    }

    @Test
    void whatOnlyTheParserMayReadIsLeftToIt() throws Exception {
        assertThat(JsonDocument.of(JSON.readTree("{\"at\":{\"$date\":1}}"))).isNull();
        ObjectNode huge = NODES.objectNode().put("n", new BigInteger("92233720368547758080"));
        assertThat(JsonDocument.of(huge)).isNull();
        assertThat(JsonDocument.of(NODES.objectNode().put("bytes", new byte[] {1, 2}))).isNull();
        assertThat(JsonDocument.of(NODES.arrayNode())).isNull();
        // Jackson writes NaN as a string, so the journal stores the string
        assertThat(parsed(NODES.objectNode().put("d", Double.NaN)).get("d")).isEqualTo("NaN");
        assertThat(JsonDocument.of(NODES.objectNode().put("d", Double.NaN))).isNull();
        assertThat(JsonDocument.of(NODES.objectNode().put("d", Double.NEGATIVE_INFINITY))).isNull();
        // a decimal is a double, as in its text
        assertSame(NODES.objectNode().put("d", new BigDecimal("12.50")));
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            String key = "f" + i + (random.nextBoolean() ? "Id" : "");
            switch (random.nextInt(depth < 3 ? 9 : 7)) {
                case 0 -> object.put(key, random.nextInt());
                case 1 -> object.put(key, random.nextLong() >> random.nextInt(64));
                case 2 -> object.put(key, random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
                case 3 -> object.put(key, random.nextBoolean());
                case 4 -> object.putNull(key);
                case 5 -> object.put(key, "s" + random.nextInt(1000) + (random.nextBoolean() ? "\n\"\\é" : ""));
                case 6 -> object.put(key, (long) random.nextInt(1000));
                case 7 -> object.set(key, randomObject(random, depth + 1));
                default -> {
                    ArrayNode array = object.putArray(key);
                    for (int j = random.nextInt(4); j > 0; j--) {
                        if (random.nextBoolean()) {
                            array.add(randomObject(random, depth + 1));
                        } else {
                            array.add(random.nextLong());
                        }
                    }
                }
            }
        }
        return object;
    }
}
