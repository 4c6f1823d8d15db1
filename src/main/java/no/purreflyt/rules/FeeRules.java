package no.purreflyt.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.CustomerType;

/**
 * Which notice may be sent on a date and with which fee: the 14-day rules, the maximum fees per claim
 * (inkassoforskriften § 1-3), the regimes, and the business debtor's compensation offset against the fees.
 * Amounts come from the dated tables; the day counts are the statute's.
 */
public final class FeeRules {

    /** inkassoforskriften § 1-2 and inkassoloven § 9: fees from day 14, deadlines of at least 14 days. */
    public static final int FEE_DAYS_AFTER_DUE = 14;
    private static final int MINIMUM_DEADLINE_DAYS = 14;

    private static final String SECTION_1_2 = "inkassoforskriften § 1-2";
    private static final String SECTION_1_3 = "inkassoforskriften § 1-3";
    private static final String SECTION_9 = "inkassoloven § 9";
    private static final String SECTION_10 = "inkassoloven § 10";
    private static final String NEW_ACT = "new inkassolov (LOV-2026-05-22-19)";
    private static final String SWEDISH_ACT = "lag 1981:739 § 2";

    private final RuleTables tables;
    private final Regimes regimes;

    public FeeRules(RuleTables tables, Regimes regimes) {
        this.tables = tables;
        this.regimes = regimes;
    }

    /**
     * The decision for a step of a plan that may or may not charge its fee. A purring (påminnelse) the plan sends
     * without a fee is a free reminder in law: any day after the due date, no deadline rule, not one of § 1-3's fees,
     * and lawful under every regime. Any other notice is decided as the law has it, and then sent without the fee where
     * the plan charges none.
     */
    public FeeDecision decide(FeeRequest request, boolean chargeFee) {
        if (!chargeFee && isPurring(request.kind())) {
            if (!request.sendDate().isAfter(request.dueDate())) {
                return FeeDecision.refused("due date", "A notice may be sent only after the due date "
                        + request.dueDate() + "; " + request.sendDate() + " is not after it", request.sendDate());
            }
            return FeeDecision.withoutFee(FeeDecision.PLAN_RULE, "The plan sends this " + request.kind().label()
                    + " without a fee; without one it may be sent any day after the due date, as a free reminder",
                    request.sendDate());
        }
        return decide(request).asPlanned(chargeFee);
    }

    static boolean isPurring(NoticeKind kind) {
        return kind == NoticeKind.PURRING || kind == NoticeKind.PAMINNELSE;
    }

    public FeeDecision decide(FeeRequest request) {
        Regime regime = regimes.on(request.country(), request.sendDate());
        LocalDate send = request.sendDate();
        if (!request.kind().existsUnder(regime)) {
            return FeeDecision.refused(regime.law(), "A " + request.kind().label() + " is not a notice under "
                    + regime.law() + " (" + send + ")", send);
        }
        if (!send.isAfter(request.dueDate())) {
            return FeeDecision.refused("due date", "A notice may be sent only after the due date " + request.dueDate()
                    + "; " + send + " is not after it", send);
        }
        return switch (regime) {
            case NORWAY, NORWAY_NEW_INKASSOLOV -> norwegian(request, regime);
            case SWEDEN -> swedish(request);
        };
    }

    private FeeDecision norwegian(FeeRequest request, Regime regime) {
        LocalDate send = request.sendDate();
        LocalDate due = request.dueDate();
        LocalDate feeFrom = due.plusDays(FEE_DAYS_AFTER_DUE);
        long day = ChronoUnit.DAYS.between(due, send);
        return switch (request.kind()) {
            case REMINDER -> FeeDecision.withoutFee("betalingspåminnelse",
                    "A free reminder may be sent any day after the due date", send);
            case PURRING -> {
                if (regime == Regime.NORWAY_NEW_INKASSOLOV) {
                    yield FeeDecision.refused(NEW_ACT, "From " + regimes.newInkassolovFrom()
                            + " the creditor's own fee-bearing letters are gebyrbelagte kravbrev, whose amounts no "
                            + "regulation has set yet; send a free reminder instead (" + send + ")", send);
                }
                if (send.isBefore(feeFrom)) {
                    yield FeeDecision.refused(SECTION_1_2, "A purring with a fee may be sent at the earliest 14 days "
                            + "after the due date " + due + ", that is on " + feeFrom + "; " + send + " is day " + day,
                            send);
                }
                Optional<FeeDecision> deadline = deadlineTooShort(request, SECTION_1_3);
                if (deadline.isPresent()) {
                    yield deadline.get();
                }
                yield feeLimit(request).map(reason -> FeeDecision.refused(SECTION_1_3, reason, send))
                        .orElseGet(() -> charge(request, tables.feeFractions().at(due).purring()));
            }
            case INKASSOVARSEL -> {
                if (regime == Regime.NORWAY_NEW_INKASSOLOV) {
                    yield FeeDecision.refused(NEW_ACT, "From " + regimes.newInkassolovFrom() + " only licensed "
                            + "collection agencies may send an inkassovarsel; hand the claim over instead (" + send
                            + ")", send);
                }
                Optional<FeeDecision> deadline = deadlineTooShort(request, SECTION_9);
                if (deadline.isPresent()) {
                    yield deadline.get();
                }
                if (send.isBefore(feeFrom)) {
                    yield FeeDecision.withoutFee(SECTION_1_2, "An inkassovarsel sent before " + feeFrom
                            + " (14 days after the due date " + due + ") carries no fee; " + send + " is day " + day,
                            send);
                }
                yield feeLimit(request).map(reason -> FeeDecision.withoutFee(SECTION_1_3, reason + "; the "
                                + "inkassovarsel may be sent without a fee", send))
                        .orElseGet(() -> charge(request, tables.feeFractions().at(due).inkassovarsel()));
            }
            case BETALINGSOPPFORDRING -> {
                if (regime == Regime.NORWAY_NEW_INKASSOLOV) {
                    yield FeeDecision.refused(NEW_ACT, "From " + regimes.newInkassolovFrom() + " only licensed "
                            + "collection agencies may send a betalingsoppfordring (" + send + ")", send);
                }
                Optional<SentNotice> warning = request.history().stream()
                        .filter(n -> n.kind() == NoticeKind.INKASSOVARSEL && n.deadline() != null
                                && send.isAfter(n.deadline()))
                        .findFirst();
                if (warning.isEmpty()) {
                    yield FeeDecision.refused(SECTION_10, "A betalingsoppfordring may be sent only after the deadline "
                            + "of an inkassovarsel has passed; no inkassovarsel's deadline has passed on " + send, send);
                }
                if (request.history().stream().anyMatch(n -> n.kind() == NoticeKind.BETALINGSOPPFORDRING)) {
                    yield FeeDecision.refused(SECTION_1_3, "One betalingsoppfordring per claim; this claim already "
                            + "has one", send);
                }
                yield charge(request, tables.feeFractions().at(due).betalingsoppfordring());
            }
            case INTEREST_INVOICE -> FeeDecision.withoutFee("forsinkelsesrenteloven", "An interest invoice (rentenota) "
                    + "claims the interest left unpaid, never a fee", send);
            case PAMINNELSE, INKASSOKRAV -> throw new IllegalStateException("not a Norwegian notice");
        };
    }

    private FeeDecision charge(FeeRequest request, Fraction fraction) {
        Dated<Inkassosats> sats = tables.inkassosats().rowAt(request.sendDate());
        BigDecimal fee = sats.value().fee(fraction);
        return FeeDecision.withFee(fee, SECTION_1_2, fraction + " of the inkassosats " + sats.value().sats()
                + " in force on " + request.sendDate() + " (fraction for a claim due " + request.dueDate() + "; R from "
                + sats.source() + ", " + sats.confidence().mark() + ")", request.sendDate());
    }

    private static Optional<FeeDecision> deadlineTooShort(FeeRequest request, String rule) {
        LocalDate earliest = request.sendDate().plusDays(MINIMUM_DEADLINE_DAYS);
        if (request.deadline() == null || request.deadline().isBefore(earliest)) {
            return Optional.of(FeeDecision.refused(rule, "A " + request.kind().label() + " sent on "
                    + request.sendDate() + " must give a deadline of at least 14 days, on " + earliest + " or later; "
                    + (request.deadline() == null ? "it gives none" : "it gives " + request.deadline()),
                    request.sendDate()));
        }
        return Optional.empty();
    }

    /**
     * § 1-3: two purringer, or one purring and one inkassovarsel, before a betalingsoppfordring; and the second
     * fee only after the debtor missed a deadline of at least 14 days set in the first. Empty when allowed.
     */
    private static Optional<String> feeLimit(FeeRequest request) {
        List<SentNotice> charged = request.history().stream()
                .filter(n -> n.charged() && (n.kind() == NoticeKind.PURRING || n.kind() == NoticeKind.INKASSOVARSEL))
                .sorted(Comparator.comparing(SentNotice::sentOn)).toList();
        long purringer = charged.stream().filter(n -> n.kind() == NoticeKind.PURRING).count()
                + (request.kind() == NoticeKind.PURRING ? 1 : 0);
        long warnings = charged.stream().filter(n -> n.kind() == NoticeKind.INKASSOVARSEL).count()
                + (request.kind() == NoticeKind.INKASSOVARSEL ? 1 : 0);
        if (purringer + warnings > 2 || warnings > 1) {
            return Optional.of("At most two fees before a betalingsoppfordring (two purringer, or one purring and "
                    + "one inkassovarsel); this claim already carries " + charged.stream()
                    .map(n -> "a " + n.kind().label() + " fee of " + n.sentOn()).collect(Collectors.joining(" and ")));
        }
        if (!charged.isEmpty()) {
            SentNotice previous = charged.get(charged.size() - 1);
            if (previous.deadline() == null || previous.deadline().isBefore(previous.sentOn().plusDays(MINIMUM_DEADLINE_DAYS))) {
                return Optional.of("The second fee requires that the debtor missed a deadline of at least 14 days set "
                        + "in the first; the " + previous.kind().label() + " of " + previous.sentOn() + " gave "
                        + (previous.deadline() == null ? "no deadline" : "the deadline " + previous.deadline()));
            }
            if (!request.sendDate().isAfter(previous.deadline())) {
                return Optional.of("The second fee may be charged only after the deadline " + previous.deadline()
                        + " of the " + previous.kind().label() + " of " + previous.sentOn() + " has passed; "
                        + request.sendDate() + " is not after it");
            }
        }
        return Optional.empty();
    }

    private FeeDecision swedish(FeeRequest request) {
        LocalDate send = request.sendDate();
        SwedishFees fees = tables.swedishFees().at(send);
        return switch (request.kind()) {
            case REMINDER -> FeeDecision.withoutFee("betalningspåminnelse",
                    "A free reminder may be sent any day after the due date", send);
            case PAMINNELSE -> {
                if (!request.feeAgreed()) {
                    yield FeeDecision.withoutFee(SWEDISH_ACT, "A påminnelseavgift may be charged only if it was agreed "
                            + "when the debt arose; none was agreed", send);
                }
                if (alreadyCharged(request, NoticeKind.PAMINNELSE)) {
                    yield FeeDecision.withoutFee(SWEDISH_ACT, "One påminnelseavgift per claim (Purreflyt's "
                            + "conservative reading); this claim already carries one", send);
                }
                yield FeeDecision.withFee(fees.paminnelseavgift(), SWEDISH_ACT, "Påminnelseavgift in force on " + send,
                        send);
            }
            case INKASSOKRAV -> alreadyCharged(request, NoticeKind.INKASSOKRAV)
                    ? FeeDecision.withoutFee(SWEDISH_ACT, "One inkassokrav fee per claim; this claim already carries "
                            + "one", send)
                    : FeeDecision.withFee(fees.inkassokrav(), SWEDISH_ACT, "Inkassokrav fee in force on " + send, send);
            case INTEREST_INVOICE -> FeeDecision.withoutFee("räntelagen", "An interest invoice (räntefaktura) claims "
                    + "the interest left unpaid, never a fee", send);
            default -> throw new IllegalStateException("not a Swedish notice");
        };
    }

    private static boolean alreadyCharged(FeeRequest request, NoticeKind kind) {
        return request.history().stream().anyMatch(n -> n.kind() == kind && n.charged());
    }

    /**
     * The business debtor's fixed compensation (§ 3a; Swedish förseningsersättning), as far as it is not covered by
     * the fees already charged: the creditor gets the larger of the two, never both. Consumers owe none.
     */
    public CompensationDecision compensation(Country country, CustomerType debtorType, LocalDate dueDate,
            BigDecimal feesCharged) {
        if (debtorType != CustomerType.BUSINESS) {
            return CompensationDecision.none("Consumers owe no standard compensation");
        }
        Dated<BigDecimal> row = switch (country) {
            case NO -> tables.norwegianCompensation().rowAt(dueDate);
            case SE -> tables.swedishFees().rowAt(dueDate).map(SwedishFees::forseningsersattning);
        };
        String rule = country == Country.NO ? "forsinkelsesrenteloven § 3a" : "förseningsersättning, lag 1981:739 § 4";
        BigDecimal charged = row.value().subtract(feesCharged).max(BigDecimal.ZERO).setScale(2);
        return new CompensationDecision(row.value(), charged, rule, "Compensation " + row.value() + " for a claim due "
                + dueDate + ", less fees " + feesCharged.setScale(2) + " already charged: the larger of the two, never "
                + "both", row.source(), row.confidence());
    }

    /** The compensation in force and what remains of it after the fees it is offset against. */
    public record CompensationDecision(BigDecimal full, BigDecimal charged, String rule, String reason,
            String source, Confidence confidence) {

        static CompensationDecision none(String reason) {
            return new CompensationDecision(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                    "forsinkelsesrenteloven § 3a", reason, null, null);
        }
    }
}
