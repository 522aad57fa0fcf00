package br.bankhistory.local;

import br.bankhistory.history.adapter.folder.FolderBankChannel;
import java.util.List;

/** What the local stack prints once it is up: its addresses, folders and queues, and a first request to try. */
final class LocalStackBanner {

  private LocalStackBanner() {}

  static String of(LocalStack stack, DropFolder dropFolder) {
    String token = stack.mintToken(LocalIdentity.demoAdmin());
    return String.join(System.lineSeparator(), List.of(
        "",
        "Local stack is running (Ctrl-C stops it). Local-only identity: tokens signed here are never accepted by AWS.",
        "  History page : " + stack.baseUri(),
        "  API (list)   : " + stack.apiUri(),
        "  Token        : " + stack.tokenUri() + "?tenant=acme&user=ana&name=Ana%20Souza&role=admin&format=text",
        "  SES inbox    : " + stack.sesInboxUri() + "   (emails as JSON: " + stack.sesStoreUri() + ")",
        "  Drop folder  : " + stack.dropRoot() + "/{tenant}/   (tenants: " + String.join(", ", DemoData.tenants()) + ")",
        "  Bank outbox  : " + stack.bankOutboxRoot() + "/{tenant}/{bank}/   (remessas delivered to the bank; a file "
            + FolderBankChannel.REFUSE + " there makes the bank refuse them)",
        "  Demo files   : " + stack.seededFiles(),
        "  Dead letters : " + stack.deadLetterQueueUrl() + "   (ElasticMQ: Ingest events that failed every retry)",
        "  Replay them  : " + ReplayEndpoint.command(stack.baseUri()),
        "  Schedule     : curl -s -X POST " + stack.baseUri().resolve(ScheduleEndpoint.RUN_PATH.substring(1))
            + "   (the scheduled remessas of the pending instructions, now; the stack's clock runs each"
            + " account's at its time, PUT /settings/schedule)",
        "  Events       : curl -s " + stack.eventsUri() + "   (what the outbox published for the ERP, in order)",
        "",
        "  Try (token for acme / Ana Souza / admin, valid " + TokenEndpoint.DEFAULT_TTL.toHours() + " h):",
        "  curl -s -H 'Authorization: Bearer " + token + "' '" + stack.apiUri() + "?limit=20'",
        "  cp some-retorno.ret '" + dropFolder.tenantFolder("acme") + "/'",
        ""));
  }
}
