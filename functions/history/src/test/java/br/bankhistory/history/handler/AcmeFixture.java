package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Instructions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.List;
import java.util.Map;

/**
 * The emulators for one test class (DynamoDB Local, s3proxy, ElasticMQ) and, before each test, a fresh table
 * and bucket with tenant acme's user Ana and an admin: the setup the handler tests share. A test class
 * registers one as a static {@code @RegisterExtension} field.
 */
final class AcmeFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private static final String FINANCE = "{\"recipients\":[\"financeiro@acme.com.br\"]}";

    private final boolean emails;
    private final boolean caixaRemessa;
    private HistoryEnvironment environment;
    private Services services;
    private Api ana;
    private Api admin;
    private String remessa;

    private AcmeFixture(boolean emails, boolean caixaRemessa) {
        this.emails = emails;
        this.caixaRemessa = caixaRemessa;
    }

    /** Without the SES emulator: nobody is emailed. */
    static AcmeFixture withoutEmails() {
        return new AcmeFixture(false, false);
    }

    /** With the SES emulator: each test starts with an empty inbox and financeiro@acme.com.br as acme's recipient. */
    static AcmeFixture emailingFinance() {
        return new AcmeFixture(true, false);
    }

    /** As {@link #emailingFinance()}, and each test starts with {@link #recordCaixaRemessa()} recorded. */
    static AcmeFixture emailingFinanceAfterCaixaRemessa() {
        return new AcmeFixture(true, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        environment = emails ? HistoryEnvironment.startWithSes() : HistoryEnvironment.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        environment.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emails) {
            environment.emulators().sesInbox().clear();
        }
        services = environment.freshServices();
        ana = Api.user(services, "acme", "ana", "Ana Souza");
        admin = Api.admin(services, "acme");
        if (emails) {
            admin.call("api-put-notification-settings.json", Events.body(FINANCE));
        }
        remessa = caixaRemessa ? recordCaixaRemessa() : null;
    }

    HistoryEnvironment environment() {
        return environment;
    }

    /** This test's services, on its own table and bucket. */
    Services services() {
        return services;
    }

    /** Ana Souza, a user of acme. */
    Api ana() {
        return ana;
    }

    /** An admin of acme. */
    Api admin() {
        return admin;
    }

    /** The id of the Caixa remessa recorded before this test ({@link #emailingFinanceAfterCaixaRemessa()}). */
    String caixaRemessa() {
        return remessa;
    }

    /**
     * Caixa's cobrança remessa {@code brcobranca/remessa-caixa-cnab240.rem}, recorded as acme's: it registers
     * nosso número 14000000000000123, which the retorno tests make {@code caixa.ret}'s first title. Its id.
     */
    String recordCaixaRemessa() {
        return Api.ingest(services, "outbound/acme/remessa-caixa.rem", "brcobranca/remessa-caixa-cnab240.rem",
                Map.of(), "2026-11-20T12:00:00.000Z");
    }

    /** The objects under {@code outbound/}: the remessas written so far. */
    List<S3Object> outbound() {
        return Instructions.outbound(services);
    }
}
