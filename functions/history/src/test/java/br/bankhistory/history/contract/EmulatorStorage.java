package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.HistoryEnvironment;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The emulator side of a contract test: one emulator stack per test class, a new table and bucket for each
 * store, and further wirings over that same storage (another Lambda sandbox, with its own clients).
 */
final class EmulatorStorage implements AutoCloseable {

    private final HistoryEnvironment environment;
    private Services current;

    private EmulatorStorage(HistoryEnvironment environment) {
        this.environment = environment;
    }

    static EmulatorStorage start() {
        return new EmulatorStorage(HistoryEnvironment.start());
    }

    /** A wiring over a new, empty table and bucket. */
    Services fresh() {
        current = environment.freshServices();
        return current;
    }

    /** Another wiring over the storage of the last {@link #fresh()}. */
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
