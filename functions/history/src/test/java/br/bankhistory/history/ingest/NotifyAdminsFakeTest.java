package br.bankhistory.history.ingest;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.fake.FakeFileStore;
import br.bankhistory.history.fake.FakeItemStore;
import br.bankhistory.history.fake.FakeNotificationLog;
import br.bankhistory.history.fake.FakeRecordStore;
import br.bankhistory.history.fake.FakeSettingsStore;
import br.bankhistory.history.fake.SettableClock;
import br.bankhistory.history.log.Metrics;
import br.bankhistory.history.notify.AdminEmail;
import br.bankhistory.history.notify.AdminEmailComposer;
import br.bankhistory.history.notify.EmailSendException;
import br.bankhistory.history.notify.EmailSender;
import br.bankhistory.history.port.NotificationLog.Entry;
import br.bankhistory.history.port.NotificationLog.State;
import br.bankhistory.history.statement.PrepareStatement;
import br.bankhistory.history.statement.StatementRenderer;
import br.bankhistory.history.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static br.bankhistory.history.fake.SampleRecords.created;
import static br.bankhistory.history.fake.SampleRecords.retorno;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link NotifyAdmins} on the in-memory ports (each held to its adapter's contract) with an email sender that
 * records what it was given: the admin email of a record goes out once, however many deliveries race for it,
 * and a send that failed or may have gone out is handled as the claim flow says.
 */
class NotifyAdminsFakeTest {

    private static final String ID = "20260302120000123-0000000000aa";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);

    private final FakeNotificationLog log = new FakeNotificationLog();
    private final FakeRecordStore records = new FakeRecordStore();
    private final FakeSettingsStore settings = new FakeSettingsStore();
    private final FakeItemStore items = new FakeItemStore();
    private final FakeFileStore files = new FakeFileStore();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T12:01:00Z"));
    private final ByteArrayOutputStream metricLines = new ByteArrayOutputStream();
    private final Sender sender = new Sender();
    private IntegrationRecord record;

    /** Takes every message it is given; fails the way it is told to, once. */
    private static final class Sender implements EmailSender {
        final List<AdminEmail> sent = new CopyOnWriteArrayList<>();
        final AtomicReference<EmailSendException.Outcome> failNext = new AtomicReference<>();

        @Override
        public Prepared prepare(AdminEmail email) {
            return new Prepared(email, new byte[0]);
        }

        @Override
        public String send(Prepared prepared) {
            EmailSendException.Outcome failure = failNext.getAndSet(null);
            if (failure != null) {
                throw new EmailSendException("SES indisponível", failure, null);
            }
            sent.add(prepared.email());
            return "ses-" + sent.size();
        }
    }

    @BeforeEach
    void anAutomaticRetornoWithItsStatement() {
        record = retorno("t1", ID, "CAIXA.RET", RecordStatus.PROCESSED);
        records.saveNew(record, created(RecordStatus.PROCESSED), "etag-1");
        files.put(record.objectKey(), "02RETORNO".getBytes(StandardCharsets.US_ASCII), Map.of());
        // rendered before: the statement's PDF is the statement tests' concern
        files.put(PrepareStatement.keyOf(record, records.statusHistory("t1", ID)), new byte[] {'%', 'P', 'D', 'F'},
                Map.of());
        settings.saveNotificationRecipients("t1", List.of("ana@example.com", "financeiro@example.com"), "u-ana");
    }

    private NotifyAdmins notifier() {
        return new NotifyAdmins(log, records, settings, items, files,
                new PrepareStatement(records, items, files, new StatementRenderer()),
                new AdminEmailComposer("https://historico.example.com"), sender,
                new Metrics(new PrintStream(metricLines, true, StandardCharsets.UTF_8), clock), clock, SEND_TIMEOUT);
    }

    @Test
    void the_admins_get_one_email_and_the_log_keeps_its_message_id() {
        notifier().notify(record);
        notifier().notify(record);

        assertThat(sender.sent).hasSize(1);
        assertThat(sender.sent.get(0).recipients())
                .containsExactlyInAnyOrder("ana@example.com", "financeiro@example.com");
        assertThat(log.find("t1", ID)).contains(new Entry(State.SENT, "ses-1", 2, clock.instant()));
    }

    @Test
    void of_many_deliveries_of_one_record_at_once_exactly_one_sends_its_email() throws Exception {
        int contenders = 12;
        List<NotifyAdmins> sandboxes = IntStream.range(0, contenders).mapToObj(i -> notifier()).toList();

        Race.together(contenders, i -> {
            sandboxes.get(i).notify(record);
            return i;
        });

        assertThat(sender.sent).hasSize(1);
        assertThat(log.find("t1", ID).orElseThrow().state()).isEqualTo(State.SENT);
    }

    @Test
    void a_send_that_failed_is_released_and_sent_by_the_next_delivery() {
        sender.failNext.set(EmailSendException.Outcome.NOT_SENT);
        assertThatThrownBy(() -> notifier().notify(record)).isInstanceOf(EmailSendException.class);
        assertThat(log.find("t1", ID).orElseThrow().state()).isEqualTo(State.PENDING);

        notifier().notify(record);
        assertThat(sender.sent).hasSize(1);
        assertThat(log.find("t1", ID).orElseThrow().state()).isEqualTo(State.SENT);
    }

    @Test
    void a_send_that_may_have_gone_out_is_never_sent_again_and_the_record_says_so() {
        sender.failNext.set(EmailSendException.Outcome.UNKNOWN);
        notifier().notify(record);
        clock.advance(Duration.ofHours(1));
        notifier().notify(record);

        assertThat(sender.sent).isEmpty();
        assertThat(log.find("t1", ID).orElseThrow().state()).isEqualTo(State.UNCERTAIN);
        assertThat(records.find("t1", ID).orElseThrow().findings()).extracting(f -> f.code())
                .containsOnlyOnce("EMAIL_UNCERTAIN");
    }

    @Test
    void a_sender_that_died_holding_the_claim_is_taken_over_once_its_lease_ran_out() {
        log.claim("t1", ID, clock.instant(), clock.instant().plus(SEND_TIMEOUT).plus(NotifyAdmins.MARGIN));
        notifier().notify(record);
        assertThat(sender.sent).isEmpty();

        clock.advance(SEND_TIMEOUT.plus(NotifyAdmins.MARGIN).plusMillis(1));
        notifier().notify(record);
        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void without_recipients_nobody_is_emailed_and_the_record_says_so_once() {
        settings.saveNotificationRecipients("t1", List.of(), "u-ana");
        notifier().notify(record);
        notifier().notify(record);

        assertThat(sender.sent).isEmpty();
        assertThat(log.find("t1", ID).orElseThrow().state()).isEqualTo(State.NO_RECIPIENTS);
        assertThat(records.find("t1", ID).orElseThrow().findings()).extracting(f -> f.code())
                .containsOnlyOnce("NO_ADMIN_RECIPIENTS");
        assertThat(metricLines.toString(StandardCharsets.UTF_8)).contains("EmailsWithoutRecipients");
    }
}
