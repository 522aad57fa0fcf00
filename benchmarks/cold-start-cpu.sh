#!/bin/bash
# CPU time (user + sys) of a cold handler process, for a machine too loaded for wall-clock figures
# (docs/benchmarks.md, "Endpoints and service metadata"). Each round runs ColdStartProbe once per jar and
# handler (do-nothing, Api GET /integrations, Ingest S3 put), jars alternating, every AWS endpoint a closed
# local port: init, then a first request that fails at its first AWS call after six attempts. The first round
# is discarded (the failing first request makes Ingest exit 1; its time still counts); prints the median per
# jar and handler and the ratios to do-nothing.
# usage: benchmarks/cold-start-cpu.sh ROUNDS JAR...   (after the harness's build: benchmarks/target/*)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=$1; shift
serializer=$(cat "$root/benchmarks/target/serializer.classpath")
declare -A cpu
for round in $(seq 0 "$rounds"); do for jar in "$@"; do for h in Noop Api Ingest; do
  case $h in
    Noop) class=br.bankhistory.bench.NoopHandler; event=APIGatewayV2HTTPEvent; file=api-list-integrations.json;;
    Api) class=br.bankhistory.history.handler.ApiHandler; event=APIGatewayV2HTTPEvent; file=api-list-integrations.json;;
    Ingest) class=br.bankhistory.history.handler.IngestHandler; event=S3Event; file=s3-put-inbound.json;;
  esac
  times=$(mktemp)
  env TABLE_NAME=t FILES_BUCKET=bank-history-files-local AWS_REGION=us-east-1 \
      AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:1 AWS_ENDPOINT_URL_S3=http://127.0.0.1:1 \
      AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=y \
      /usr/bin/time -o "$times" -f "%U %S" java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Xmx768m \
      -cp "$jar:$serializer:$root/benchmarks/target/classes" br.bankhistory.bench.ColdStartProbe "$class" \
      "com.amazonaws.services.lambda.runtime.events.$event" "$root/events/$file" > /dev/null 2>&1 || true
  if [ "$round" -gt 0 ]; then cpu[$jar.$h]+="$(tail -1 "$times" | awk '{printf "%d", ($1 + $2) * 1000}') "; fi
  rm -f "$times"
done; done; done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
for jar in "$@"; do
  noop=$(echo "${cpu[$jar.Noop]}" | median); api=$(echo "${cpu[$jar.Api]}" | median)
  ingest=$(echo "${cpu[$jar.Ingest]}" | median)
  echo "$jar: do-nothing $noop ms, Api $api ms ($(echo "scale=2; $api / $noop" | bc)x), Ingest $ingest ms ($(echo "scale=2; $ingest / $noop" | bc)x)"
done
