package no.purreflyt.posting;

/**
 * What a posting records, and the one place that says which accounts it debits and credits. INTEREST, WRITE_OFF and
 * AGENCY_COLLECTED depend on whether the claim sits with the collection agency; the other agency types name their
 * accounts themselves, and fees and compensation arise before a handover.
 */
public enum PostingType {

    /** A notice's fee, when the notice is sent: the debtor owes it on top of the invoice. */
    FEE {
        @Override
        public AccountPair accounts(PostingProperties.Accounts a, boolean atAgency) {
            return new AccountPair(a.receivable(), a.feeIncome());
        }
    },
    /** A business debtor's § 3a compensation beyond the fees already charged. */
    COMPENSATION {
        @Override
        public AccountPair accounts(PostingProperties.Accounts a, boolean atAgency) {
            return new AccountPair(a.receivable(), a.compensationIncome());
        }
    },
    /** Forsinkelsesrente charged; owed to the agency's account when the agency collected it. */
    INTEREST {
        @Override
        public AccountPair accounts(PostingProperties.Accounts a, boolean atAgency) {
            return new AccountPair(atAgency ? a.receivableAtAgency() : a.receivable(), a.interestIncome());
        }
    },
    /** What the creditor gives up, taken from the account the claim sits on. */
    WRITE_OFF {
        @Override
        public AccountPair accounts(PostingProperties.Accounts a, boolean atAgency) {
            return new AccountPair(a.losses(), atAgency ? a.receivableAtAgency() : a.receivable());
        }
    },
    /** The claim moves to the collection agency. */
    HANDOVER {
        @Override
        public AccountPair accounts(PostingProperties.Accounts a, boolean atAgency) {
            return new AccountPair(a.receivableAtAgency(), a.receivable());
        }
    },
    /** The claim comes back from the agency. */
    WITHDRAWAL {
        @Override
        public AccountPair accounts(PostingProperties.Accounts a, boolean atAgency) {
            return new AccountPair(a.receivable(), a.receivableAtAgency());
        }
    },
    /**
     * The debtor paid the creditor directly while the agency holds the claim. The accounting system books that payment
     * against the receivable, so this moves the amount back from the agency's account to the receivable.
     */
    COLLECTION_PAYMENT {
        @Override
        public AccountPair accounts(PostingProperties.Accounts a, boolean atAgency) {
            return new AccountPair(a.receivable(), a.receivableAtAgency());
        }
    },
    /**
     * The agency collected this for the creditor and owes it until it settles; taken off the agency's account, or off
     * the receivable when the collection had already ended (the debtor paid the agency late).
     */
    AGENCY_COLLECTED {
        @Override
        public AccountPair accounts(PostingProperties.Accounts a, boolean atAgency) {
            return new AccountPair(a.agencySettlement(), atAgency ? a.receivableAtAgency() : a.receivable());
        }
    };

    /** The account debited and the account credited by one posting. */
    public record AccountPair(String debit, String credit) {
    }

    /**
     * The accounts this type debits and credits.
     *
     * @param atAgency whether the claim sits with the collection agency; read by INTEREST, WRITE_OFF and AGENCY_COLLECTED
     */
    public abstract AccountPair accounts(PostingProperties.Accounts accounts, boolean atAgency);
}
