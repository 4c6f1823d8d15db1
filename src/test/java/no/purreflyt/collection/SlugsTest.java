package no.purreflyt.collection;

import static org.assertj.core.api.Assertions.assertThat;

import no.purreflyt.collection.CollectionProperties.Format;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void agencyNamesBecomeFileNameParts() {
        assertThat(Slugs.of("Demo Inkasso AS")).isEqualTo("demo-inkasso-as");
        assertThat(Slugs.of("Bjørnøy & Ærø Inkasso Å/S")).isEqualTo("bjornoy-aero-inkasso-a-s");
        assertThat(Slugs.of("Kronofogden Sverige AB")).isEqualTo("kronofogden-sverige-ab");
        assertThat(Slugs.of("***")).isEqualTo("agency");
    }

    @Test
    void batchFileNamesCarryTheAgencyAndTheZeroPaddedBatchId() {
        assertThat(BatchFiles.fileName("Demo Inkasso AS", 42, Format.JSON))
                .isEqualTo("purreflyt-demo-inkasso-as-batch-00000042.json");
        assertThat(BatchFiles.fileName("Demo Inkasso AS", 7, Format.CSV))
                .isEqualTo("purreflyt-demo-inkasso-as-batch-00000007.csv");
        assertThat(BatchFiles.formatOf("purreflyt-demo-inkasso-as-batch-00000007.csv")).isEqualTo(Format.CSV);
    }
}
