package no.purreflyt.plan;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order of invoice numbers as people read them: runs of digits compare as numbers, the rest as text, so 999 comes
 * before 1000 and INV-2026-9 before INV-2026-10.
 */
final class InvoiceNumbers {

    private static final Pattern PART = Pattern.compile("\\d+|\\D+");

    static final Comparator<String> ORDER = InvoiceNumbers::compare;

    private InvoiceNumbers() {
    }

    static boolean atOrAfter(String number, String start) {
        return start == null || compare(number, start) >= 0;
    }

    static int compare(String a, String b) {
        Matcher left = PART.matcher(a);
        Matcher right = PART.matcher(b);
        while (true) {
            boolean moreLeft = left.find();
            boolean moreRight = right.find();
            if (!moreLeft || !moreRight) {
                return Boolean.compare(moreLeft, moreRight);
            }
            String l = left.group();
            String r = right.group();
            boolean digits = Character.isDigit(l.charAt(0)) && Character.isDigit(r.charAt(0));
            int order = digits ? new BigInteger(l).compareTo(new BigInteger(r)) : l.compareTo(r);
            if (order != 0) {
                return order;
            }
        }
    }
}
