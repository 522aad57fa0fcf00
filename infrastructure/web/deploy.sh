#!/usr/bin/env bash
# Uploads web/ to the site bucket of infrastructure/web/template.yaml, with a config.js that points the page
# at the service's API and the Cognito hosted UI, then invalidates CloudFront's copy of config.js.
#
#   infrastructure/web/deploy.sh <web-stack-name> <service-stack-name> [<cognito-login-url> <cognito-logout-url>]
#
# Without the two URLs, the service stack's SignInUrl and SignOutUrl outputs are used (present when that stack
# created the user pool and knows WebBaseUrl); a pool of your own needs them given (docs/deploy.md).
# Needs the AWS CLI with credentials. Not run by the project's CI (no AWS there).
set -euo pipefail
web_stack=$1 service_stack=$2
root=$(cd "$(dirname "$0")/../.." && pwd)

output() { aws cloudformation describe-stacks --stack-name "$1" \
  --query "Stacks[0].Outputs[?OutputKey=='$2'].OutputValue" --output text; }
login_url=${3:-$(output "$service_stack" SignInUrl)}
logout_url=${4:-$(output "$service_stack" SignOutUrl)}
if [ -z "$login_url" ] || [ "$login_url" = None ] || [ -z "$logout_url" ] || [ "$logout_url" = None ]; then
  echo "No sign-in URLs: give them as arguments, or deploy $service_stack with WebBaseUrl set (docs/deploy.md)." >&2
  exit 2
fi
bucket=$(output "$web_stack" SiteBucketName)
distribution=$(output "$web_stack" DistributionId)
api_url=$(output "$service_stack" ApiUrl)

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$root/web/." "$staging/"
cat > "$staging/config.js" <<CONFIG
// Written by infrastructure/web/deploy.sh for stack ${service_stack}.
export const apiBaseUrl = '${api_url%/}';
export const localTokenUrl = '';
export const loginUrl = '${login_url}';
export const logoutUrl = '${logout_url}';
export const pageSize = 50;
CONFIG

aws s3 sync "$staging" "s3://$bucket/" --delete --exclude config.js --exclude README.md
aws s3 cp "$staging/config.js" "s3://$bucket/config.js" --cache-control "max-age=60" \
  --content-type "text/javascript; charset=utf-8"
aws cloudfront create-invalidation --distribution-id "$distribution" --paths /config.js /index.html >/dev/null
echo "Page: https://$(aws cloudfront get-distribution --id "$distribution" --query Distribution.DomainName --output text)"
