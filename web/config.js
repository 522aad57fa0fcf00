// Runtime configuration of the history page. Plain data, no logic: the AWS deploy overwrites this file
// with the deployed values; locally the page is served by the local stack next to the API.

/** Base URL of the HTTP API, without a trailing slash (API Gateway URL when deployed). */
export const apiBaseUrl = '/api';

/**
 * Local identity endpoint of the local stack. The page probes it at start: if it answers with a token,
 * the identity bar offers tenant/user/role. Set to '' when deployed to skip the probe.
 */
export const localTokenUrl = '/local/token';

/**
 * Cognito hosted UI login URL (implicit flow, response_type=token, redirect_uri back to this page),
 * used when there is no local identity. The page reads `#id_token=...` from the URL fragment on return.
 */
export const loginUrl = '';

/** Optional Cognito hosted UI logout URL (…/logout?client_id=…&logout_uri=…). */
export const logoutUrl = '';

/** Page size of the list. */
export const pageSize = 50;
