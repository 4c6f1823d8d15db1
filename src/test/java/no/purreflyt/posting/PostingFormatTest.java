package no.purreflyt.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether GET /api/postings answers CSV or JSON, from format= and the Accept header. */
class PostingFormatTest {

    @ParameterizedTest(name = "format={0} Accept={1} → csv {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null | null                                 | false",
            "null | '*/*'                                | false",
            "null | application/json                     | false",
            "null | text/csv                             | true",
            "null | 'text/csv;charset=UTF-8'             | true",
            "null | 'application/json, text/csv'         | false",
            "null | 'application/json;q=0.5, text/csv'   | true",
            "null | 'text/csv;q=0, */*'                  | false",
            "null | not a media type                     | false",
            "csv  | application/json                     | true",
            "json | text/csv                             | false",
    })
    void csvWhenAskedForByNameOrRankedAboveJson(String format, String accept, boolean csv) {
        assertThat(PostingController.wantsCsv(format, accept)).isEqualTo(csv);
    }
}
