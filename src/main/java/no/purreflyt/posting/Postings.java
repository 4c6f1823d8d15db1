package no.purreflyt.posting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The postings Purreflyt causes in the creditor's books: each fee, interest amount, compensation, write-off, handover
 * and withdrawal becomes one balanced entry on the configured accounts, kept for the accounting system to fetch.
 */
@Service
public class Postings {

    private static final Logger log = LoggerFactory.getLogger(Postings.class);
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final JdbcClient jdbc;
    private final PostingProperties properties;
    private final Clock clock;

    Postings(JdbcClient jdbc, PostingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Posts the request in the caller's transaction, so a posting exists exactly when what caused it was committed.
     * <p>
     * A source key already posted posts nothing: the insert only happens where no row has the key, one statement that
     * never fails on a plain repeat and so never aborts the caller's PostgreSQL transaction. Two transactions posting
     * the same new key at the same moment are the one case left to the unique constraint: the second waits for the
     * first and fails, its caller's transaction rolls back, and its retry finds the key and posts nothing.
     *
     * @return whether a posting was written (false for a zero amount or a key already posted)
     * @throws IllegalArgumentException when a required field is missing, the amount is negative or has more than two
     *                                  decimals, or a text is longer than its column
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean post(PostingRequest request) {
        BigDecimal amount = validate(request);
        if (amount.signum() == 0) {
            // a waived fee or interest that rounds to nothing: the books need no line of 0.00
            return false;
        }
        PostingType.AccountPair accounts = request.type().accounts(properties.accounts(), request.atAgency());
        // the casts type the select list, which PostgreSQL would otherwise take as text (and a null as text, too)
        int inserted = jdbc.sql("""
                insert into posting (source_key, posting_date, type, debit_account, credit_account, amount, currency,
                                     vat_code, invoice_number, customer_external_id, case_id, text, created_at)
                select cast(:sourceKey as varchar(200)), cast(:date as date), cast(:type as varchar(24)),
                       cast(:debit as varchar(20)), cast(:credit as varchar(20)), cast(:amount as numeric(19,2)),
                       cast(:currency as varchar(3)), cast(:vatCode as varchar(16)), cast(:invoiceNumber as varchar(64)),
                       cast(:customer as varchar(64)), cast(:caseId as bigint), cast(:text as varchar(500)),
                       cast(:now as timestamp with time zone)
                where not exists (select 1 from posting where source_key = :sourceKey)""")
                .param("sourceKey", request.sourceKey())
                .param("date", request.date())
                .param("type", request.type().name())
                .param("debit", accounts.debit())
                .param("credit", accounts.credit())
                .param("amount", amount)
                .param("currency", request.currency())
                .param("vatCode", properties.vatCode())
                .param("invoiceNumber", request.invoiceNumber())
                .param("customer", request.customerExternalId())
                .param("caseId", request.caseId())
                .param("text", request.text())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            warnIfDifferent(request, amount, accounts);
            return false;
        }
        log.info("Posted {} {} {} (debit {}, credit {}) for {}", request.type(), amount, request.currency(),
                accounts.debit(), accounts.credit(), request.sourceKey());
        return true;
    }

    /** The postings dated from and to (both inclusive), in the order they were made on each day. */
    @Transactional(readOnly = true)
    public List<Posting> between(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return jdbc.sql("select * from posting where posting_date between :from and :to order by posting_date, id")
                .param("from", from)
                .param("to", to)
                .query(Postings::row)
                .list();
    }

    /** The postings of one invoice, oldest first. */
    @Transactional(readOnly = true)
    public List<Posting> ofInvoice(String invoiceNumber) {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        return jdbc.sql("select * from posting where invoice_number = :invoice order by posting_date, id")
                .param("invoice", invoiceNumber)
                .query(Postings::row)
                .list();
    }

    /**
     * Debits minus credits of our postings on the account for the invoice: what Purreflyt moved on that account. The
     * invoice itself, booked by the accounting system, is not among them.
     */
    @Transactional(readOnly = true)
    public BigDecimal balance(String account, String invoiceNumber) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        // both cases are evaluated per row, so a posting that debits and credits the same account nets to zero
        BigDecimal balance = jdbc.sql("""
                select sum(case when debit_account = :account then amount else 0 end)
                     - sum(case when credit_account = :account then amount else 0 end)
                from posting
                where invoice_number = :invoice and (debit_account = :account or credit_account = :account)""")
                .param("account", account)
                .param("invoice", invoiceNumber)
                .query(BigDecimal.class)
                .optional()
                .orElse(null);
        return (balance == null ? BigDecimal.ZERO : balance).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The amount at two decimals, after refusing what the table would refuse less clearly (or silently round). */
    private static BigDecimal validate(PostingRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("A posting request is required");
        }
        require(request.type() != null, "A posting needs a type");
        require(request.sourceKey() != null && !request.sourceKey().isBlank(),
                "A posting needs a source key that names what caused it, such as notice:17:fee");
        require(request.date() != null, "Posting " + request.sourceKey() + " needs a posting date");
        require(request.amount() != null, "Posting " + request.sourceKey() + " needs an amount");
        require(request.currency() != null && CURRENCY.matcher(request.currency()).matches(),
                "Posting " + request.sourceKey() + " needs a currency of three capital letters (ISO 4217), not "
                        + request.currency());
        require(request.amount().signum() >= 0, "Posting " + request.sourceKey() + " has a negative amount "
                + request.amount().toPlainString() + "; a reversal is a posting of the opposite type");
        require(request.sourceKey().length() <= 200, "The source key " + request.sourceKey() + " is longer than 200");
        require(length(request.invoiceNumber()) <= 64, "Posting " + request.sourceKey() + " has an invoice number longer than 64");
        require(length(request.customerExternalId()) <= 64,
                "Posting " + request.sourceKey() + " has a customer id longer than 64");
        require(length(request.text()) <= 500, "Posting " + request.sourceKey() + " has a text longer than 500");
        try {
            return request.amount().setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException moreThanTwoDecimals) {
            // numeric(19,2) would round it without a word; the caller rounds money by the rule that applies
            throw new IllegalArgumentException("Posting " + request.sourceKey() + " has an amount with more than two "
                    + "decimals: " + request.amount().toPlainString(), moreThanTwoDecimals);
        }
    }

    /** A repeat that says something else is a bug in the caller (a key used twice), not a retry: say so in the log. */
    private void warnIfDifferent(PostingRequest request, BigDecimal amount, PostingType.AccountPair accounts) {
        jdbc.sql("select * from posting where source_key = :sourceKey")
                .param("sourceKey", request.sourceKey())
                .query(Postings::row)
                .optional()
                .filter(existing -> existing.type() != request.type() || existing.amount().compareTo(amount) != 0
                        || !existing.date().equals(request.date()) || !existing.currency().equals(request.currency())
                        || !existing.debitAccount().equals(accounts.debit())
                        || !existing.creditAccount().equals(accounts.credit()))
                .ifPresent(existing -> log.warn("Source key {} was posted before as {} {} {} on {} (debit {}, credit {}); "
                                + "the new request for {} {} {} on {} posted nothing", request.sourceKey(),
                        existing.type(), existing.amount(), existing.currency(), existing.date(),
                        existing.debitAccount(), existing.creditAccount(), request.type(), amount, request.currency(),
                        request.date()));
    }

    private static Posting row(ResultSet rs, int rowNum) throws SQLException {
        long caseId = rs.getLong("case_id");
        Long caseIdOrNull = rs.wasNull() ? null : caseId;
        return new Posting(rs.getLong("id"), rs.getString("source_key"), rs.getObject("posting_date", LocalDate.class),
                PostingType.valueOf(rs.getString("type")), rs.getString("debit_account"), rs.getString("credit_account"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("vat_code"),
                rs.getString("invoice_number"), rs.getString("customer_external_id"), caseIdOrNull, rs.getString("text"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static void require(boolean condition, String sentence) {
        if (!condition) {
            throw new IllegalArgumentException(sentence);
        }
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    /** What the collection agency's account holds of the invoice's claim (receivable at the agency). */
    @Transactional(readOnly = true)
    public BigDecimal atAgency(String invoiceNumber) {
        return balance(properties.accounts().receivableAtAgency(), invoiceNumber);
    }

    /** A text cut to what a posting keeps (500 characters), for texts that quote what a person wrote. */
    public static String fitText(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

}
