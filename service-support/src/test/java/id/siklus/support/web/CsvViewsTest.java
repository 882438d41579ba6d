package id.siklus.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CsvViewsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aViewWithATableBecomesItsRowsWithNestedValuesAsJson() {
        var view = Map.of("kelurahanCode", "35.71.03.1001",
                "years", List.of(Map.of("year", 2010, "pagu", 200000000L), Map.of("year", 2011, "pagu", 150000000L)));

        List<com.fasterxml.jackson.databind.JsonNode> rows = CsvViews.rows(json.valueToTree(view));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get("pagu").asLong()).isEqualTo(150000000L);
    }

    @Test
    void aViewWithoutATableIsOneRow() {
        assertThat(CsvViews.rows(json.valueToTree(Map.of("code", "x", "households", 4)))).hasSize(1);
    }

    @Test
    void cellsAreQuotedWhereCsvNeedsItAndFormulasAreDefused() {
        assertThat(CsvViews.cell("Jl. Mawar, RT 3")).isEqualTo("\"Jl. Mawar, RT 3\"");
        assertThat(CsvViews.cell("kata \"kutip\"")).isEqualTo("\"kata \"\"kutip\"\"\"");
        assertThat(CsvViews.cell("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK");
        assertThat(CsvViews.cell("-5")).isEqualTo("-5");
        assertThat(CsvViews.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void sharesKeepTheirTwoDecimalsInACell() throws Exception {
        var output = new org.springframework.mock.http.MockHttpOutputMessage();
        new CsvViews(json).write(Map.of("povertyRatePercent", new java.math.BigDecimal("100.00"),
                "par30Percent", new java.math.BigDecimal("64.29")), CsvViews.TEXT_CSV, output);

        assertThat(output.getBodyAsString()).contains("100.00").contains("64.29").doesNotContain("E+");
    }
}
