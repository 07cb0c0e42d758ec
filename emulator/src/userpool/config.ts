// The emulator's one user pool and its app client, as docs/decisions/001-staff-sign-in.md fixes them. Every id and
// URL the app is configured with comes from here.

export type AppClient = {
  clientId: string;
  /** Exact redirect URIs the authorize and token endpoints accept (no wildcards, as Cognito). */
  callbackUrls: string[];
  /** Exact logout_uri values /logout accepts. */
  signOutUrls: string[];
  /** Scopes the client may ask for; an authorize request without `scope` gets all of them, as Cognito does. */
  scopes: string[];
};

export type UserPoolConfig = {
  region: string;
  userPoolId: string;
  clients: AppClient[];
};

export const DEFAULT_USER_POOL_ID = 'us-east-1_Greenroom1';
export const DEFAULT_CLIENT_ID = 'greenroomlocalappclient001';

export function defaultUserPoolConfig(region = 'us-east-1'): UserPoolConfig {
  return {
    region,
    userPoolId: region === 'us-east-1' ? DEFAULT_USER_POOL_ID : `${region}_Greenroom1`,
    clients: [
      {
        clientId: DEFAULT_CLIENT_ID,
        // 4173: the test suite's vite preview; 4174: the rate-limit soak's own preview, which runs beside the other
        // test layers (scripts/test-all.ts); 5173: vite's dev server (npm start).
        callbackUrls: ['http://127.0.0.1:4173/auth/callback', 'http://127.0.0.1:4174/auth/callback', 'http://127.0.0.1:5173/auth/callback', 'http://localhost:5173/auth/callback'],
        signOutUrls: ['http://127.0.0.1:4173/', 'http://127.0.0.1:4174/', 'http://127.0.0.1:5173/', 'http://localhost:5173/'],
        scopes: ['openid', 'email', 'profile'],
      },
    ],
  };
}

/** The `iss` of every token, in AWS's ("ORIGINAL") form, so that it matches the Logins key as on AWS. */
export const issuerOf = (c: Pick<UserPoolConfig, 'region' | 'userPoolId'>) => `https://${providerNameOf(c)}`;
/** The provider name: the key of the ID token in an identity pool's Logins map. */
export const providerNameOf = (c: Pick<UserPoolConfig, 'region' | 'userPoolId'>) => `cognito-idp.${c.region}.amazonaws.com/${c.userPoolId}`;

/** Lifetimes: Cognito's defaults (ID and access token 1 h, refresh token 30 days, code 5 min, login session 1 h). */
export const ID_TOKEN_TTL_S = 60 * 60;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const CODE_TTL_MS = 5 * 60 * 1000;
export const SESSION_TTL_MS = 60 * 60 * 1000;
