// The keyless signing identity's defaults, which the command's option help names: free of the rest of
// release (argv builders, signing), so the CLI starts without it.
/** The OIDC issuer of GitHub Actions' tokens: keyless signatures from a workflow carry it. */
export const GITHUB_OIDC_ISSUER = "https://token.actions.githubusercontent.com";
/** Keyless default: a workflow on github.com (tighten with --sign-identity-regexp). */
export const DEFAULT_IDENTITY_REGEXP = "^https://github\\.com/";
