package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.HistoryEnvironment;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB side of a contract test: one emulator stack per test class, a new table for each store, and
 * further wirings over that same table (another Lambda sandbox, with its own clients).
 */
final class DynamoStorage implements AutoCloseable {

    private final HistoryEnvironment environment;
    private Services current;

    private DynamoStorage(HistoryEnvironment environment) {
        this.environment = environment;
    }

    static DynamoStorage start() {
        return new DynamoStorage(HistoryEnvironment.start());
    }

    /** A wiring over a new, empty table. */
    Services fresh() {
        current = environment.freshServices();
        return current;
    }

    /** Another wiring over the table of the last {@link #fresh()}. */
    Services same() {
        return environment.sameStorage(current);
    }

    static DynamoDbEnhancedClient enhanced(Services services) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(services.dynamoDb()).build();
    }

    static DynamoDbClient client(Services services) {
        return services.dynamoDb();
    }

    static String table(Services services) {
        return services.config().tableName();
    }

    @Override
    public void close() {
        environment.close();
    }
}
