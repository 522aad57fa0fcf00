package br.bankhistory.history.domain;

import br.bankhistory.cnab.PaymentDetails;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What identifies a title across files, and an event a retorno reports about it (docs/remessa-lifecycle.md,
 * "Reconciliation"). A title is known by its keys: a boleto by its nosso número ({@link OurNumbers#key});
 * a payment by the company's number for it ({@code P:} + seu número). An event is the bank, the key, the
 * occurrence code, the occurrence date and the amounts: two retornos reporting the same one report it twice.
 */
public final class TitleEvents {

    private static final String YOUR_NUMBER = "S:";

    private TitleEvents() {
    }

    /** Whether the file's items are payments (keyed by seu número) rather than boletos (by nosso número). */
    public static boolean payments(FileKind kind) {
        return kind == FileKind.REMESSA_PAGAMENTO || kind == FileKind.RETORNO_PAGAMENTO;
    }

    /** The key an item is indexed under (empty when it has none). */
    public static String key(FileKind kind, StoredItem item) {
        return payments(kind) ? paymentKey(item.yourNumber()) : OurNumbers.key(item.ourNumber());
    }

    public static String paymentKey(String yourNumber) {
        String number = yourNumber == null ? "" : yourNumber.strip().toUpperCase(Locale.ROOT);
        return number.isEmpty() ? "" : "P:" + number;
    }

    /**
     * A boleto's second key, the company's own number for it (seu número, "número do documento"): banks that
     * number the titles themselves return a nosso número the remessa did not carry, and echo this one. Weaker
     * than the nosso número (an ERP may reuse it), so a match on it also needs the due date and the amount to
     * agree ({@link #titleCheck}). Empty when the title has none.
     */
    public static String yourNumberKey(String yourNumber) {
        String number = OurNumbers.key(yourNumber);
        return number.isEmpty() ? "" : YOUR_NUMBER + number;
    }

    public static boolean isYourNumberKey(String key) {
        return key.startsWith(YOUR_NUMBER);
    }

    /** What a boleto matched by seu número must agree on with the title sent: due date and amount; 0 if neither. */
    public static long titleCheck(StoredItem item) {
        if (item.dueDate() == null || item.amountCents() == 0) {
            return 0;
        }
        return hash(item.dueDate() + "|" + item.amountCents());
    }

    /** The entries a remessa's item is indexed under, each with what a match on it must agree on. */
    public static List<KeyAndCheck> remessaKeys(FileKind kind, StoredItem item) {
        List<KeyAndCheck> keys = new ArrayList<>(2);
        String key = key(kind, item);
        if (!key.isEmpty()) {
            keys.add(new KeyAndCheck(key, paymentCheck(kind, item)));
        }
        String second = payments(kind) ? "" : yourNumberKey(item.yourNumber());
        long check = second.isEmpty() ? 0 : titleCheck(item);
        if (check != 0) {
            keys.add(new KeyAndCheck(second, check));
        }
        return keys;
    }

    /**
     * The keys under which the remessa that sent a retorno's item may have it, most exact first, each with what a
     * match on it must agree on: for a boleto the nosso número and its variants ({@link OurNumbers#candidates}),
     * then its seu número; for a payment the company's number.
     */
    public static List<KeyAndCheck> candidates(FileKind kind, StoredItem item, String agreement) {
        if (payments(kind)) {
            String key = paymentKey(item.yourNumber());
            return key.isEmpty() ? List.of() : List.of(new KeyAndCheck(key, paymentCheck(kind, item)));
        }
        List<KeyAndCheck> keys = new ArrayList<>();
        OurNumbers.candidates(item.ourNumber(), agreement).forEach(k -> keys.add(new KeyAndCheck(k, 0)));
        String second = yourNumberKey(item.yourNumber());
        long check = second.isEmpty() ? 0 : titleCheck(item);
        if (check != 0) {
            keys.add(new KeyAndCheck(second, check));
        }
        return keys;
    }

    /** An index key and the check a match on it is held to (0: none). */
    public record KeyAndCheck(String key, long check) {
    }

    /**
     * What a payment's answer must agree on with the payment sent: the date and the amount the company asked for
     * (A 94-101 and 120-134, J 145-152 and 153-167, echoed by the bank), as a non-zero hash; 0 for a boleto or
     * a payment that carries neither.
     */
    public static long paymentCheck(FileKind kind, StoredItem item) {
        PaymentDetails payment = payments(kind) ? item.payment() : null;
        if (payment == null || (payment.scheduledDate() == null && payment.scheduledCents() == 0)) {
            return 0;
        }
        return hash(payment.scheduledDate() + "|" + payment.scheduledCents());
    }

    /** The event a retorno's item reports, as a non-zero 64-bit hash. */
    public static long eventHash(String bankCode, String key, StoredItem item) {
        return hash(bankCode + "|" + key + "|" + item.occurrenceCode() + "|" + item.occurrenceDate() + "|"
                + item.amountCents() + "|" + item.paidCents());
    }

    private static long hash(String text) {
        byte[] digest = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
        long hash = 0;
        for (int i = 0; i < 8; i++) {
            hash = (hash << 8) | (digest[i] & 0xFF);
        }
        return hash == 0 ? 1 : hash;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
