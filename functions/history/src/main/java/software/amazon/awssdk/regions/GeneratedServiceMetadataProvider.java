package software.amazon.awssdk.regions;

import software.amazon.awssdk.regions.servicemetadata.DynamodbServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.EmailServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.EventsServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.S3ServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.SqsServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.StreamsDynamodbServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.TransferServiceMetadata;

/**
 * Takes the place of the SDK's class of the same name (the shaded jar leaves the SDK's out; see
 * functions/history/pom.xml), which builds the metadata of every AWS service, over 300 classes, the first time any
 * client is built, for the one service that client asks for. This one builds only the metadata asked for, of the
 * services these functions call; any other service gets none, and the SDK then uses its generic metadata (the
 * region's partition pattern). Why: docs/benchmarks.md, "Endpoints and service metadata".
 */
public final class GeneratedServiceMetadataProvider implements ServiceMetadataProvider {

    @Override
    public ServiceMetadata serviceMetadata(String endpointPrefix) {
        return switch (endpointPrefix) {
            case "dynamodb" -> new DynamodbServiceMetadata();
            case "streams.dynamodb" -> new StreamsDynamodbServiceMetadata();
            case "s3" -> new S3ServiceMetadata();
            case "sqs" -> new SqsServiceMetadata();
            case "events" -> new EventsServiceMetadata();
            case "email" -> new EmailServiceMetadata();
            case "transfer" -> new TransferServiceMetadata();
            default -> null;
        };
    }
}
