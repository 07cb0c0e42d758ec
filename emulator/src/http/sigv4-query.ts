// Decodes a raw query string into the map @smithy/signature-v4 signs from (repeated keys become arrays, as
// UntagResource's `tagKeys=a&tagKeys=b` needs). The signer re-encodes and sorts; this only decodes.

export function parseRawQuery(rawQuery: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null);
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    const prior = query[key];
    if (prior === undefined) query[key] = value;
    else if (Array.isArray(prior)) prior.push(value);
    else query[key] = [prior, value];
  }
  return query;
}

/**
 * RFC 3986 decoding: `+` stays a plus (SigV4 clients encode a space as %20). AWS is silent on malformed
 * escapes for IVS; we keep the text as sent, so the signature simply fails to match instead of the server throwing.
 */
function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
