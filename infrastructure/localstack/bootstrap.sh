#!/usr/bin/env bash
# Creates the Bank Integration History resources on a running LocalStack with the plain AWS CLI, using only
# services of LocalStack's free edition: the table, the files bucket (versioned, with ObjectCreated
# notifications to Ingest on inbound/, uploads/, outbound/), the dead-letter queue, both Lambda functions
# from the shaded jar, Ingest's async retry/on-failure configuration, and a verified SES sender.
# The HTTP API itself is not created (API Gateway v2 is not in the free edition): invoke the Api function
# with the events/*.json requests instead. See README.md. Re-running it updates what exists.
#
# NOT exercised by the project's CI (no Docker there). Written against LocalStack 4.4 and the AWS CLI.
#
#   mvn -B -DskipTests package
#   docker compose -f infrastructure/localstack/docker-compose.yml up -d
#   infrastructure/localstack/bootstrap.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

ENDPOINT=${LOCALSTACK_ENDPOINT:-http://localhost:4566}
# Endpoint the functions use from inside their LocalStack-managed containers (LocalStack's DNS resolves
# this name to itself there; on the host it resolves to 127.0.0.1, so presigned URLs work from both).
FUNCTION_ENDPOINT=${FUNCTION_ENDPOINT_URL:-http://localhost.localstack.cloud:4566}
# LocalStack 4.4 does not know java17.al2023; java17 (or java21) runs the same jar.
RUNTIME=${LAMBDA_RUNTIME:-java17}
SES_FROM=${SES_FROM_ADDRESS:-no-reply@bank-history.local}

# LocalStack's fixed test identity: this script never talks to real AWS, whatever your profile says.
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
unset AWS_SESSION_TOKEN AWS_PROFILE
REGION=${AWS_DEFAULT_REGION:-us-east-1}
ACCOUNT=000000000000

TABLE=bank-history-local
BUCKET=bank-history-files-local
DEPLOY_BUCKET=bank-history-deploy-local
QUEUE=bank-history-ingest-dlq
INGEST=bank-history-ingest
API=bank-history-api
JAR=functions/history/target/history-service-0.1.0-SNAPSHOT-lambda.jar
JAR_KEY=history-service-lambda.jar

awsl() { aws --endpoint-url "$ENDPOINT" --region "$REGION" "$@"; }

[ -f "$JAR" ] || { echo "Missing $JAR: run 'mvn -B -DskipTests package' first." >&2; exit 1; }
awsl sts get-caller-identity >/dev/null 2>&1 \
  || { echo "LocalStack does not answer on $ENDPOINT (docker compose ... up -d?)." >&2; exit 1; }

make_bucket() {
  if ! awsl s3api head-bucket --bucket "$1" >/dev/null 2>&1; then
    if [ "$REGION" = us-east-1 ]; then
      awsl s3api create-bucket --bucket "$1" >/dev/null
    else
      awsl s3api create-bucket --bucket "$1" \
        --create-bucket-configuration "LocationConstraint=$REGION" >/dev/null
    fi
  fi
}

echo "Table $TABLE"
if ! awsl dynamodb describe-table --table-name "$TABLE" >/dev/null 2>&1; then
  awsl dynamodb create-table --table-name "$TABLE" --billing-mode PAY_PER_REQUEST \
    --attribute-definitions AttributeName=PK,AttributeType=S AttributeName=SK,AttributeType=S \
    --key-schema AttributeName=PK,KeyType=HASH AttributeName=SK,KeyType=RANGE >/dev/null
  awsl dynamodb wait table-exists --table-name "$TABLE"
  awsl dynamodb update-time-to-live --table-name "$TABLE" \
    --time-to-live-specification Enabled=true,AttributeName=expiresAt >/dev/null
fi

echo "Buckets $BUCKET, $DEPLOY_BUCKET"
make_bucket "$BUCKET"
awsl s3api put-bucket-versioning --bucket "$BUCKET" --versioning-configuration Status=Enabled
make_bucket "$DEPLOY_BUCKET"
awsl s3 cp --only-show-errors "$JAR" "s3://$DEPLOY_BUCKET/$JAR_KEY"

echo "Dead-letter queue $QUEUE"
QUEUE_URL=$(awsl sqs create-queue --queue-name "$QUEUE" \
  --attributes MessageRetentionPeriod=1209600 --query QueueUrl --output text)
QUEUE_ARN=$(awsl sqs get-queue-attributes --queue-url "$QUEUE_URL" \
  --attribute-names QueueArn --query Attributes.QueueArn --output text)

# Same variables as template.yaml's Globals, plus the endpoint override the code honours
# (AWS_ENDPOINT_URL; path-style S3 whenever an endpoint is set).
environment_json() {
  local extra=${1:-}
  printf '{"Variables":{"TABLE_NAME":"%s","FILES_BUCKET":"%s","AWS_ENDPOINT_URL":"%s","MAX_FILE_BYTES":"536870912","PRESIGN_TTL_SECONDS":"300","RECORD_RETENTION_DAYS":"0","SES_FROM_ADDRESS":"%s","SES_CONFIGURATION_SET":"","WEB_BASE_URL":"","ALLOWED_ORIGINS":""%s}}' \
    "$TABLE" "$BUCKET" "$FUNCTION_ENDPOINT" "$SES_FROM" "$extra"
}

deploy_function() {
  local name=$1 handler=$2 memory=$3 timeout=$4 env=$5
  echo "Function $name ($RUNTIME)"
  if awsl lambda get-function --function-name "$name" >/dev/null 2>&1; then
    awsl lambda update-function-code --function-name "$name" \
      --s3-bucket "$DEPLOY_BUCKET" --s3-key "$JAR_KEY" >/dev/null
    awsl lambda wait function-updated-v2 --function-name "$name"
    awsl lambda update-function-configuration --function-name "$name" --runtime "$RUNTIME" \
      --handler "$handler" --memory-size "$memory" --timeout "$timeout" --environment "$env" >/dev/null
    awsl lambda wait function-updated-v2 --function-name "$name"
  else
    awsl lambda create-function --function-name "$name" --runtime "$RUNTIME" --handler "$handler" \
      --memory-size "$memory" --timeout "$timeout" \
      --role "arn:aws:iam::$ACCOUNT:role/bank-history-local" \
      --code "S3Bucket=$DEPLOY_BUCKET,S3Key=$JAR_KEY" --environment "$env" >/dev/null
    awsl lambda wait function-active-v2 --function-name "$name"
  fi
}

deploy_function "$INGEST" br.bankhistory.history.handler.IngestHandler::handleRequest 1024 300 \
  "$(environment_json)"
deploy_function "$API" br.bankhistory.history.handler.ApiHandler::handleRequest 1024 29 \
  "$(environment_json ',"JAVA_TOOL_OPTIONS":"-XX:+TieredCompilation -XX:TieredStopAtLevel=1"')"

echo "Ingest: 2 retries, 1 h maximum age, failures to $QUEUE"
awsl lambda put-function-event-invoke-config --function-name "$INGEST" \
  --maximum-retry-attempts 2 --maximum-event-age-in-seconds 3600 \
  --destination-config "{\"OnFailure\":{\"Destination\":\"$QUEUE_ARN\"}}" >/dev/null

echo "Notifications: $BUCKET inbound/, uploads/, outbound/ -> $INGEST"
awsl lambda add-permission --function-name "$INGEST" --statement-id files-bucket-notifications \
  --action lambda:InvokeFunction --principal s3.amazonaws.com \
  --source-arn "arn:aws:s3:::$BUCKET" --source-account "$ACCOUNT" >/dev/null 2>&1 || true
INGEST_ARN=$(awsl lambda get-function --function-name "$INGEST" \
  --query Configuration.FunctionArn --output text)
notification() {
  printf '{"Id":"ingest-%s","LambdaFunctionArn":"%s","Events":["s3:ObjectCreated:*"],"Filter":{"Key":{"FilterRules":[{"Name":"prefix","Value":"%s/"}]}}}' \
    "$1" "$INGEST_ARN" "$1"
}
awsl s3api put-bucket-notification-configuration --bucket "$BUCKET" --notification-configuration \
  "{\"LambdaFunctionConfigurations\":[$(notification inbound),$(notification uploads),$(notification outbound)]}"

echo "SES sender $SES_FROM"
awsl ses verify-email-identity --email-address "$SES_FROM" >/dev/null

cat <<EOF

Ready on $ENDPOINT. Try:
  aws --endpoint-url $ENDPOINT s3 cp infrastructure/local/src/main/resources/demo/acme/caixa.ret \\
      s3://$BUCKET/inbound/acme/caixa.ret
  aws --endpoint-url $ENDPOINT dynamodb scan --table-name $TABLE --max-items 5   # a look, not a code path
  aws --endpoint-url $ENDPOINT lambda invoke --function-name $API \\
      --payload fileb://events/api-list-integrations.json /dev/stdout
  aws --endpoint-url $ENDPOINT sqs receive-message --queue-url $QUEUE_URL        # failed events, if any
  curl -s $ENDPOINT/_aws/ses                                                      # emails sent
EOF
