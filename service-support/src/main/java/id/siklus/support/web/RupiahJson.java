package id.siklus.support.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import id.siklus.api.money.Rupiah;

import java.io.IOException;

/**
 * Rupiah in JSON is a plain integer, in requests, responses and event payloads alike. Anything else — a decimal, an
 * exponent, a string, a negative number, more than 10^13 — is refused, never rounded.
 */
public final class RupiahJson extends SimpleModule {

    public RupiahJson() {
        super("rupiah");
        addSerializer(Rupiah.class, new JsonSerializer<>() {
            @Override
            public void serialize(Rupiah value, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeNumber(value.amount());
            }
        });
        addDeserializer(Rupiah.class, new JsonDeserializer<>() {
            @Override
            public Rupiah deserialize(JsonParser json, DeserializationContext context) throws IOException {
                if (json.currentToken() != JsonToken.VALUE_NUMBER_INT
                        || json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return (Rupiah) context.handleUnexpectedToken(Rupiah.class, json);
                }
                long amount = json.getLongValue();
                if (amount < 0 || amount > Rupiah.MAX) {
                    return (Rupiah) context.handleWeirdNumberValue(Rupiah.class, amount,
                            "a rupiah amount lies between 0 and " + Rupiah.MAX);
                }
                return Rupiah.of(amount);
            }
        });
    }
}
