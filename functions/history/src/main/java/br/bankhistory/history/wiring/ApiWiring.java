package br.bankhistory.history.wiring;

import br.bankhistory.cnab.bank.BankCatalog;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.history.command.AccountSettings;
import br.bankhistory.history.command.ApprovalSettings;
import br.bankhistory.history.command.CancelRemittance;
import br.bankhistory.history.command.CarriedInstructions;
import br.bankhistory.history.command.CreateUpload;
import br.bankhistory.history.command.DecideApproval;
import br.bankhistory.history.command.RequestDelivery;
import br.bankhistory.history.command.GenerateRemittance;
import br.bankhistory.history.command.NotificationSettings;
import br.bankhistory.history.command.PendingInstructions;
import br.bankhistory.history.command.ReleaseHeldFile;
import br.bankhistory.history.command.ReprocessRecord;
import br.bankhistory.history.command.ScheduleSettings;
import br.bankhistory.history.config.Lazy;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.idempotency.IdempotentRequests;
import br.bankhistory.history.query.DownloadOriginal;
import br.bankhistory.history.query.ListApprovals;
import br.bankhistory.history.query.FindItems;
import br.bankhistory.history.query.GetIntegration;
import br.bankhistory.history.query.ListBanks;
import br.bankhistory.history.query.ListInstructions;
import br.bankhistory.history.query.ListIntegrations;
import br.bankhistory.history.query.ListItems;
import br.bankhistory.history.query.StatementLink;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Api function's wiring: the use cases of its routes, each built at the first request of a route that needs
 * it (a {@code GET /integrations} builds the record store and the DynamoDB client, not S3's). No email is sent
 * from this function, so neither the SES client nor Jakarta Mail is ever built or loaded here.
 */
public final class ApiWiring {

    private final Components parts;
    private final Lazy<ListIntegrations> listIntegrations;
    private final Lazy<GetIntegration> getIntegration;
    private final Lazy<ListItems> listItems;
    private final Lazy<FindItems> findItems;
    private final Lazy<ListBanks> listBanks;
    private final Lazy<DownloadOriginal> downloadOriginal;
    private final Lazy<StatementLink> statementLink;
    private final Lazy<CancelRemittance> cancelRemittance;
    private final Lazy<CreateUpload> createUpload;
    private final Lazy<NotificationSettings> notificationSettings;
    private final Lazy<AccountSettings> accountSettings;
    private final Lazy<ReprocessRecord> reprocessRecord;
    private final Lazy<ApprovalSettings> approvalSettings;
    private final Lazy<ScheduleSettings> scheduleSettings;
    private final Lazy<DecideApproval> decideApproval;
    private final Lazy<RequestDelivery> requestDelivery;
    private final Lazy<ListApprovals> listApprovals;
    private final Lazy<ReleaseHeldFile> releaseHeldFile;
    private final Lazy<PendingInstructions> pendingInstructions;
    private final Lazy<ListInstructions> listInstructions;
    private final Lazy<IdempotentRequests> idempotentRequests;

    public ApiWiring(Components parts) {
        this.parts = parts;
        ServiceConfig config = parts.config();
        Clock clock = parts.clock();
        listIntegrations = Lazy.of(() -> new ListIntegrations(parts.records()));
        getIntegration = Lazy.of(() -> new GetIntegration(parts.records(), parts.settings()));
        listItems = Lazy.of(() -> new ListItems(parts.records(), parts.items(), parts.credits()));
        findItems = Lazy.of(() -> new FindItems(parts.records(), parts.items(), parts.titleIndex()));
        listBanks = Lazy.of(() -> new ListBanks(BankCatalog.standard()));
        downloadOriginal = Lazy.of(() -> new DownloadOriginal(parts.records(), parts.files(), config.presignTtl()));
        statementLink = Lazy.of(() -> new StatementLink(parts.records(), parts.statements(), parts.files(),
                config.presignTtl()));
        cancelRemittance = Lazy.of(() -> new CancelRemittance(parts.records(), parts.items(),
                new CarriedInstructions(parts.instructions(), clock), clock));
        createUpload = Lazy.of(() -> new CreateUpload(parts.files(), config.maxFileBytes(), config.presignTtl(), clock,
                Components.ids(16)));
        notificationSettings = Lazy.of(() -> new NotificationSettings(parts.settings()));
        accountSettings = Lazy.of(() -> new AccountSettings(parts.settings(), parts.sequenceNumbers()));
        approvalSettings = Lazy.of(() -> new ApprovalSettings(parts.settings()));
        scheduleSettings = Lazy.of(() -> new ScheduleSettings(parts.settings()));
        decideApproval = Lazy.of(() -> new DecideApproval(parts.records(), parts.settings(),
                new CarriedInstructions(parts.instructions(), clock), clock));
        requestDelivery = Lazy.of(() -> new RequestDelivery(parts.records(), clock));
        listApprovals = Lazy.of(() -> new ListApprovals(parts.records(), parts.settings()));
        reprocessRecord = Lazy.of(() -> new ReprocessRecord(parts.records(), parts.items(), parts.titleIndex(),
                parts.leases(), parts.followUps(), parts.ingestFile(), clock));
        releaseHeldFile = Lazy.of(() -> new ReleaseHeldFile(parts.records(), parts.items(), parts.followUps(), clock));
        pendingInstructions = Lazy.of(() -> new PendingInstructions(parts.instructions(), LayoutCatalog.standard(),
                clock, Components.ids(12)));
        listInstructions = Lazy.of(() -> new ListInstructions(parts.instructions(), parts.records()));
        idempotentRequests = Lazy.of(() -> new IdempotentRequests(parts.idempotency(), clock));
    }

    public static ApiWiring create(ServiceConfig config) {
        return new ApiWiring(new Components(config, Clock.systemUTC()));
    }

    public static ApiWiring fromEnvironment() {
        return create(ServiceConfig.fromEnvironment(System.getenv()));
    }

    /**
     * Builds every route's use case now: before a SnapStart snapshot, so that no request after a restore
     * builds anything (it opens no connection).
     */
    public void buildAll() {
        List.<Supplier<?>>of(listIntegrations, getIntegration, listItems, findItems, listBanks, downloadOriginal, statementLink,
                cancelRemittance, createUpload, notificationSettings, accountSettings, reprocessRecord,
                approvalSettings, scheduleSettings, decideApproval, requestDelivery, listApprovals,
                releaseHeldFile, pendingInstructions, listInstructions, idempotentRequests, this::generateRemittance)
                .forEach(Supplier::get);
        parts.clients().s3Presigner(); // the file store asks for it at the first presigned URL only
        parts.json(); // databind, built at the first request body: before the snapshot, not after a restore
    }

    public ServiceConfig config() {
        return parts.config();
    }

    public ObjectMapper json() {
        return parts.json();
    }

    public ListIntegrations listIntegrations() {
        return listIntegrations.get();
    }

    public GetIntegration getIntegration() {
        return getIntegration.get();
    }

    public ListItems listItems() {
        return listItems.get();
    }

    public FindItems findItems() {
        return findItems.get();
    }

    public ListBanks listBanks() {
        return listBanks.get();
    }

    public DownloadOriginal downloadOriginal() {
        return downloadOriginal.get();
    }

    public StatementLink statementLink() {
        return statementLink.get();
    }

    public CancelRemittance cancelRemittance() {
        return cancelRemittance.get();
    }

    public CreateUpload createUpload() {
        return createUpload.get();
    }

    public GenerateRemittance generateRemittance() {
        return parts.generateRemittance();
    }

    public NotificationSettings notificationSettings() {
        return notificationSettings.get();
    }

    public AccountSettings accountSettings() {
        return accountSettings.get();
    }

    public ReprocessRecord reprocessRecord() {
        return reprocessRecord.get();
    }

    public ApprovalSettings approvalSettings() {
        return approvalSettings.get();
    }

    public ScheduleSettings scheduleSettings() {
        return scheduleSettings.get();
    }

    public DecideApproval decideApproval() {
        return decideApproval.get();
    }

    public RequestDelivery requestDelivery() {
        return requestDelivery.get();
    }

    public ListApprovals listApprovals() {
        return listApprovals.get();
    }

    public ReleaseHeldFile releaseHeldFile() {
        return releaseHeldFile.get();
    }

    public PendingInstructions pendingInstructions() {
        return pendingInstructions.get();
    }

    public ListInstructions listInstructions() {
        return listInstructions.get();
    }

    public IdempotentRequests idempotentRequests() {
        return idempotentRequests.get();
    }
}
