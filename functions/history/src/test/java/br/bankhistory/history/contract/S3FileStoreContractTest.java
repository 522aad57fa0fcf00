package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.s3.S3FileStore;
import br.bankhistory.history.config.AwsClients;
import br.bankhistory.history.port.FileStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link FileStoreContract} on s3proxy. */
class S3FileStoreContractTest extends FileStoreContract {

    private static EmulatorStorage storage;

    @BeforeAll
    static void startEmulators() {
        storage = EmulatorStorage.start();
    }

    @AfterAll
    static void stopEmulators() {
        storage.close();
    }

    @Override
    FileStore newStore() {
        return store(storage.fresh());
    }

    @Override
    FileStore sameStorage() {
        return store(storage.same());
    }

    private static FileStore store(Services services) {
        return new S3FileStore(services.s3(), new AwsClients(services.config())::s3Presigner,
                services.config().bucketName());
    }
}
