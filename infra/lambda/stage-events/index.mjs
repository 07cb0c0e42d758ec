// @ts-check
// EventBridge → AppSync Events: forwards each IVS event, unchanged, to the stage's channel `/ivs/stage/<stageId>`.
// Plain JavaScript with no dependencies, so the deployed asset is this one file and nothing is bundled at synth
// time. SigV4 is done with node:crypto because the only signer the runtime ships (inside its AWS SDK) is not a
// supported import, and publishing needs one signed POST.
import { createHash, createHmac } from 'node:crypto';

/** AppSync Events accepts at most 5 events per publish, each a string holding JSON. */
export const MAX_EVENTS_PER_PUBLISH = 5;

// A channel segment: 1–50 of [A-Za-z0-9-], not starting or ending with '-'. IVS stage ids qualify; ARNs do not.
const SEGMENT = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?$/;
const STAGE_ARN = /^arn:aws[a-z-]*:ivs:[a-z0-9-]+:\d{12}:stage\/([^/]+)$/;

/**
 * The stage an IVS event is about. Stage Update and Participant Recording State Change name the stage ARN in
 * `resources`; Composition State Change names the composition there and the stage in `detail.stage_arn`
 * (that field name is from third-party copies of AWS's examples, not confirmed in AWS's docs).
 * @param {any} event
 * @returns {string} the stage ARN
 */
export function stageArnOf(event) {
  const fromDetail = event?.detail?.stage_arn;
  if (typeof fromDetail === 'string' && STAGE_ARN.test(fromDetail)) return fromDetail;
  const resources = Array.isArray(event?.resources) ? event.resources : [];
  const arn = resources.find((/** @type {unknown} */ r) => typeof r === 'string' && STAGE_ARN.test(r));
  if (!arn) {
    throw new Error(`IVS event ${String(event?.id)} (${String(event?.['detail-type'])}) names no stage ARN in detail.stage_arn or resources ${JSON.stringify(resources)}`);
  }
  return arn;
}

/**
 * The channel an event goes to.
 * @param {any} event
 */
export function channelOf(event) {
  const arn = stageArnOf(event);
  const stageId = /** @type {RegExpExecArray} */ (STAGE_ARN.exec(arn))[1];
  if (!SEGMENT.test(stageId)) throw new Error(`Stage id "${stageId}" of ${arn} is not a valid AppSync Events channel segment`);
  return `/ivs/stage/${stageId}`;
}

/** @param {string | Buffer} data */
const sha256Hex = (data) => createHash('sha256').update(data).digest('hex');
/** @param {string | Buffer} key @param {string} data */
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();

/**
 * @typedef {{ accessKeyId: string, secretAccessKey: string, sessionToken?: string }} Credentials
 */

/**
 * Signature Version 4 of one POST with a JSON body (service `appsync`). Signs content-type, host, x-amz-date and,
 * with temporary credentials, x-amz-security-token.
 * @param {{ url: URL, body: string, region: string, credentials: Credentials, now?: Date }} r
 * @returns {Record<string, string>} the headers to send
 */
export function signPost({ url, body, region, credentials, now = new Date() }) {
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  /** @type {Record<string, string>} */
  const headers = { 'content-type': 'application/json', host: url.host, 'x-amz-date': amzDate };
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const canonical = ['POST', url.pathname, '', ...names.map((n) => `${n}:${headers[n]}`), '', signedHeaders, sha256Hex(body)].join('\n');
  const scope = `${day}/${region}/appsync/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), 'appsync'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}` };
}

/**
 * Publishes events to one channel over HTTP (POST <endpoint>/event). Throws on anything but a full success, so
 * Lambda's asynchronous retries get another go.
 * @param {{ endpoint: string, region: string, credentials: Credentials, channel: string, events: unknown[] }} p
 */
export async function publish({ endpoint, region, credentials, channel, events }) {
  if (events.length === 0 || events.length > MAX_EVENTS_PER_PUBLISH) {
    throw new Error(`A publish carries 1 to ${MAX_EVENTS_PER_PUBLISH} events, not ${events.length}`);
  }
  const url = new URL('/event', endpoint);
  const body = JSON.stringify({ channel, events: events.map((e) => JSON.stringify(e)) });
  const res = await fetch(url, { method: 'POST', headers: signPost({ url, body, region, credentials }), body });
  const text = await res.text();
  if (!res.ok) throw new Error(`AppSync Events publish to ${channel} failed: HTTP ${res.status} ${text.slice(0, 500)}`);
  /** @type {{ failed?: unknown[], successful?: unknown[] }} */
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`AppSync Events publish to ${channel} answered HTTP ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  if (Array.isArray(parsed.failed) && parsed.failed.length > 0) {
    throw new Error(`AppSync Events refused ${parsed.failed.length} of ${events.length} events on ${channel}: ${JSON.stringify(parsed.failed).slice(0, 500)}`);
  }
  return parsed;
}

/** @param {string} name */
function env(name) {
  const v = process.env[name];
  if (!v) throw new Error(`Environment variable ${name} is not set`);
  return v;
}

/**
 * The Lambda entry point: one EventBridge event per invocation.
 * @param {any} event
 */
export async function handler(event) {
  const channel = channelOf(event);
  const sessionToken = process.env.AWS_SESSION_TOKEN;
  await publish({
    endpoint: env('EVENTS_HTTP_ENDPOINT'),
    region: env('AWS_REGION'),
    credentials: { accessKeyId: env('AWS_ACCESS_KEY_ID'), secretAccessKey: env('AWS_SECRET_ACCESS_KEY'), ...(sessionToken ? { sessionToken } : {}) },
    channel,
    events: [event],
  });
  console.log(JSON.stringify({ published: event.id, detailType: event['detail-type'], channel }));
}
