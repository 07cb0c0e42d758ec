import { parseConfig, type ConfigResult } from './schema';

/** Fetches /config.json and validates it; a missing or unreadable file is reported like a bad field. */
export async function loadConfig(url = '/config.json'): Promise<ConfigResult> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-store' });
  } catch {
    return { ok: false, issues: [{ path: url, message: 'could not be fetched; is the web server running?' }] };
  }
  if (!res.ok) return { ok: false, issues: [{ path: url, message: `returned HTTP ${res.status}` }] };
  let raw: unknown;
  try {
    raw = await res.json();
  } catch {
    return { ok: false, issues: [{ path: url, message: 'is not valid JSON' }] };
  }
  return parseConfig(raw);
}
