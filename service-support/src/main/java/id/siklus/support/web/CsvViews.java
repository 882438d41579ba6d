package id.siklus.support.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Any JSON view as a table, for {@code Accept: text/csv}: a list becomes its rows; an object becomes the rows of its
 * first list of objects (the view's table), or one row. Columns are the rows' fields in order; nested values are
 * written as JSON. Cells that a spreadsheet would take for a formula are prefixed with an apostrophe.
 */
public class CsvViews extends AbstractGenericHttpMessageConverter<Object> {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ObjectMapper json;

    public CsvViews(ObjectMapper json) {
        super(TEXT_CSV, new MediaType("text", "csv"));
        // exact decimals: a share of 100.00 stays "100.00" in a cell, not the normalised "1E+2"
        this.json = json.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    }

    @Override
    public boolean canRead(@NonNull Type type, Class<?> contextClass, MediaType mediaType) {
        return false;
    }

    @Override
    protected boolean supports(@NonNull Class<?> clazz) {
        return !String.class.equals(clazz);
    }

    @Override
    protected void writeInternal(@NonNull Object view, Type type, @NonNull HttpOutputMessage output)
            throws IOException {
        List<JsonNode> rows = rows(json.valueToTree(view));
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> row.fieldNames().forEachRemaining(columns::add));
        Writer out = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        out.write(String.join(",", columns.stream().map(CsvViews::cell).toList()));
        out.write('\n');
        for (JsonNode row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                JsonNode value = row.get(column);
                cells.add(value == null || value.isNull() ? ""
                        : cell(value.isValueNode() ? value.asText() : value.toString()));
            }
            out.write(String.join(",", cells));
            out.write('\n');
        }
        out.flush();
    }

    static List<JsonNode> rows(JsonNode view) {
        List<JsonNode> rows = new ArrayList<>();
        if (view.isArray()) {
            view.forEach(rows::add);
            return rows;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = view.fields(); fields.hasNext(); ) {
            JsonNode field = fields.next().getValue();
            if (field.isArray() && !field.isEmpty() && field.get(0).isObject()) {
                field.forEach(rows::add);
                return rows;
            }
        }
        rows.add(view);
        return rows;
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value)
                ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static boolean isNumber(String value) {
        return value.matches("^-?\\d+(\\.\\d+)?$");
    }

    @Override
    protected Object readInternal(@NonNull Class<?> clazz, @NonNull HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is written, never read", input);
    }

    @Override
    public Object read(@NonNull Type type, Class<?> contextClass, @NonNull HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is written, never read", input);
    }
}
