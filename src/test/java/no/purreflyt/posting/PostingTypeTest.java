package no.purreflyt.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every posting type, with the claim at home and at the agency, against accounts that all differ. */
class PostingTypeTest {

    // distinct numbers, unlike the defaults (fee and compensation income share 3900), so a swapped account shows
    private static final PostingProperties.Accounts ACCOUNTS = new PostingProperties.Accounts(
            "1500", "1550", "1580", "3900", "3910", "8050", "7830");

    @ParameterizedTest(name = "{0} atAgency={1}: debit {2}, credit {3}")
    @CsvSource({
            "FEE,                false, 1500, 3900",
            "FEE,                true,  1500, 3900",
            "COMPENSATION,       false, 1500, 3910",
            "COMPENSATION,       true,  1500, 3910",
            "INTEREST,           false, 1500, 8050",
            "INTEREST,           true,  1550, 8050",
            "WRITE_OFF,          false, 7830, 1500",
            "WRITE_OFF,          true,  7830, 1550",
            "HANDOVER,           false, 1550, 1500",
            "HANDOVER,           true,  1550, 1500",
            "WITHDRAWAL,         false, 1500, 1550",
            "WITHDRAWAL,         true,  1500, 1550",
            "COLLECTION_PAYMENT, false, 1500, 1550",
            "COLLECTION_PAYMENT, true,  1500, 1550",
            "AGENCY_COLLECTED,   false, 1580, 1500",
            "AGENCY_COLLECTED,   true,  1580, 1550",
    })
    void eachTypeDebitsAndCreditsItsAccounts(PostingType type, boolean atAgency, String debit, String credit) {
        assertThat(type.accounts(ACCOUNTS, atAgency)).isEqualTo(new PostingType.AccountPair(debit, credit));
    }

    @Test
    void onlyInterestWriteOffAndAgencyCollectionsDependOnWhetherTheAgencyHoldsTheClaim() {
        Set<PostingType> depending = EnumSet.noneOf(PostingType.class);
        for (PostingType type : PostingType.values()) {
            if (!type.accounts(ACCOUNTS, false).equals(type.accounts(ACCOUNTS, true))) {
                depending.add(type);
            }
        }
        assertThat(depending).containsExactlyInAnyOrder(PostingType.INTEREST, PostingType.WRITE_OFF,
                PostingType.AGENCY_COLLECTED);
    }

    @Test
    void theTableAboveCoversEveryType() {
        // eight types × two atAgency values = the 16 rows of eachTypeDebitsAndCreditsItsAccounts; a new type fails here
        // until it has its rows there
        assertThat(PostingType.values()).hasSize(8);
    }
}
