package br.bankhistory.history.adapter.sqs;

import br.bankhistory.history.port.FollowUps;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.function.Supplier;

/**
 * {@link FollowUps} on an SQS queue. One message per request, {@code {"tenant":..., "recordId":..., "why":...}};
 * the client is built at the first message ({@code AwsClients} builds it once; most Api requests never send one:
 * no cost at init).
 */
public final class SqsFollowUps implements FollowUps {

    private final Supplier<SqsClient> clients;
    private final String queueUrl;

    public SqsFollowUps(Supplier<SqsClient> clients, String queueUrl) {
        this.clients = clients;
        this.queueUrl = queueUrl;
    }

    @Override
    public void processRecord(String tenant, String recordId, String why) {
        String body = "{\"tenant\":\"" + json(tenant) + "\",\"recordId\":\"" + json(recordId) + "\",\"why\":\""
                + json(why) + "\"}";
        clients.get().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
