#!/usr/bin/env bash
# Re-drives the Ingest dead-letter queue ON AWS with the AWS CLI: for each message (an on-failure destination
# record), invoke the Ingest alias asynchronously (InvocationType Event, as S3 does) with its requestPayload,
# and delete the message only when Lambda accepted the event (HTTP 202). A message whose invocation was
# refused stays in the queue (visible again at the end of the run). Ingest is idempotent: replaying an event
# whose file was recorded in the meantime changes nothing. If the function fails again, the event comes back
# to the queue after Lambda's retries.
#
# NOT RUN AGAINST AWS from this repository (no AWS account here). What was run: this script with the AWS CLI
# against ElasticMQ (the SQS emulator) and a stand-in HTTP server for Lambda's Invoke API
# (ReplayDlqAwsScriptTest). The Java command br.bankhistory.local.ReplayDeadLetters --queue-url ... --function
# ... does the same with the AWS SDK.
#
# usage:  infrastructure/local/replay-dlq-aws.sh QUEUE_URL FUNCTION [extra AWS CLI options, e.g. --region sa-east-1]
#   QUEUE_URL  the stack's IngestDeadLetterQueue URL (aws cloudformation describe-stacks ... Outputs)
#   FUNCTION   the Ingest alias: bank-history-prod-ingest:live, or IngestFunctionAliasArn
# needs: AWS CLI (v1 or v2) with credentials allowed sqs:ReceiveMessage, sqs:DeleteMessage,
#        sqs:ChangeMessageVisibility on the queue and lambda:InvokeFunction on the alias; jq.
# Other endpoints (LocalStack, emulators): --endpoint-url URL as an extra option applies to both services;
# REPLAY_SQS_ENDPOINT_URL / REPLAY_LAMBDA_ENDPOINT_URL set one each.
# Exit status: 0 every message replayed, 1 some left in the queue, 2 usage.
set -euo pipefail

if [[ $# -lt 2 ]]; then
 sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
queue_url=$1
function_name=$2
shift 2
for tool in aws jq; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 2; }
done

sqs_opts=() lambda_opts=()
[[ -n "${REPLAY_SQS_ENDPOINT_URL:-}" ]] && sqs_opts=(--endpoint-url "$REPLAY_SQS_ENDPOINT_URL")
[[ -n "${REPLAY_LAMBDA_ENDPOINT_URL:-}" ]] && lambda_opts=(--endpoint-url "$REPLAY_LAMBDA_ENDPOINT_URL")
sqs() { aws "${sqs_opts[@]+"${sqs_opts[@]}"}" sqs "$@"; }
lambda() { aws "${lambda_opts[@]+"${lambda_opts[@]}"}" lambda "$@"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A seen=()
failed_receipts=()
replayed=0
failed=0

while :; do
  batch=$(sqs receive-message --queue-url "$queue_url" --max-number-of-messages 10 \
    --visibility-timeout 300 --wait-time-seconds 2 --output json "$@")
  [[ -n "$batch" ]] || batch='{}' # the CLI prints nothing when the queue is empty
  count=$(jq '(.Messages // []) | length' <<<"$batch")
  fresh=0
  for ((i = 0; i < count; i++)); do
    id=$(jq -r ".Messages[$i].MessageId" <<<"$batch")
    receipt=$(jq -r ".Messages[$i].ReceiptHandle" <<<"$batch")
    [[ -n "${seen[$id]:-}" ]] && continue
    seen[$id]=1
    fresh=$((fresh + 1))
    # the original S3 event: requestPayload of a destination record, or the body itself if it is a bare event
    if ! jq -ce 'if has("requestPayload") then .requestPayload else . end | select(.Records | type == "array")' \
        <<<"$(jq -r ".Messages[$i].Body" <<<"$batch")" >"$work/payload.json" 2>/dev/null; then
      echo "{\"messageId\":\"$id\",\"replayed\":false,\"result\":\"not an on-failure record or S3 event\"}"
      failed=$((failed + 1)); failed_receipts+=("$receipt"); continue
    fi
    objects=$(jq -c '[.Records[] | "s3://\(.s3.bucket.name)/\(.s3.object.key)"]' "$work/payload.json")
    if status=$(lambda invoke --function-name "$function_name" --invocation-type Event \
          --payload "fileb://$work/payload.json" --output json "$@" "$work/response.json" \
        | jq -r '.StatusCode') && [[ "$status" == "202" ]]; then
      sqs delete-message --queue-url "$queue_url" --receipt-handle "$receipt" "$@"
      echo "{\"messageId\":\"$id\",\"objects\":$objects,\"replayed\":true,\"result\":\"queued (202)\"}"
      replayed=$((replayed + 1))
    else
      echo "{\"messageId\":\"$id\",\"objects\":$objects,\"replayed\":false,\"result\":\"invoke failed (${status:-no answer})\"}"
      failed=$((failed + 1)); failed_receipts+=("$receipt")
    fi
  done
  [[ $fresh -eq 0 ]] && break
done

for receipt in "${failed_receipts[@]+"${failed_receipts[@]}"}"; do
  sqs change-message-visibility --queue-url "$queue_url" --receipt-handle "$receipt" \
    --visibility-timeout 0 "$@" || true
done
echo "{\"queueUrl\":\"$queue_url\",\"replayed\":$replayed,\"failed\":$failed}"
[[ $failed -eq 0 ]]
