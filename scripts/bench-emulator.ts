// `npm run bench:emulator`: throughput and latency of the emulator through the real SDK over loopback HTTP.
// Prints, from one run: GetParticipant requests/s with p50/p99, the time of one ListParticipants page (100
// participants) in a 25,000-participant session against a 100-participant session and their ratio (bar: at
// most 1.5), and a full walk of the 25,000 participants in 250 pages (bar: under 2 s).
import { GetParticipantCommand, IVSRealTimeClient, ListParticipantsCommand } from '@aws-sdk/client-ivs-realtime';
import { STATIC_ACCESS_KEY_ID, STATIC_SECRET_ACCESS_KEY } from '../emulator/src/auth/credentials.ts';
import { seedCrowd } from '../emulator/src/scenarios/large.ts';
import { createEmulator } from '../emulator/src/server.ts';

const region = 'us-east-1';
const ms = (n: number) => `${n.toFixed(2)} ms`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// This bench measures the server's own capacity (thousands of requests a second), so AWS's rate limits, which
// would answer all but 5 a second with ThrottlingException, are off here and only here; bench-app runs with them on.
const em = createEmulator({ sessionIdleMs: 3_600_000, quotas: false });
const url = await em.listen(0);
const client = new IVSRealTimeClient({ region, endpoint: url, credentials: { accessKeyId: STATIC_ACCESS_KEY_ID, secretAccessKey: STATIC_SECRET_ACCESS_KEY }, maxAttempts: 1 });

let t0 = performance.now();
const seed = async (name: string, n: number) => {
  const crowd = await seedCrowd(em, region, name, n);
  return { stageArn: crowd.stageArn, sessionId: crowd.sessionId };
};
const big = await seed('bench-25k', 25_000);
const small = await seed('bench-100', 100);
console.log(`seeded 25,100 participants in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// Warm up connections and the JIT.
for (let i = 0; i < 200; i++) await client.send(new ListParticipantsCommand({ ...small, maxResults: 100 }));

// GetParticipant: 4 concurrent callers, 3,000 requests.
const first = await client.send(new ListParticipantsCommand({ ...big, maxResults: 100 }));
const ids = (first.participants ?? []).map((p) => p.participantId ?? '');
const latencies: number[] = [];
let next = 0;
const N = 3000;
t0 = performance.now();
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (next < N) {
      const i = next++;
      const s = performance.now();
      await client.send(new GetParticipantCommand({ ...big, participantId: ids[i % ids.length] }));
      latencies.push(performance.now() - s);
    }
  }),
);
const elapsed = (performance.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
console.log(`GetParticipant: ${(N / elapsed).toFixed(0)} requests/s (4 concurrent), p50 ${ms(pct(latencies, 50))}, p99 ${ms(pct(latencies, 99))}`);

// One page of 100 at the same position, many times, in each session.
async function pageTime(key: { stageArn: string; sessionId: string }, rounds: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const s = performance.now();
    await client.send(new ListParticipantsCommand({ ...key, maxResults: 100 }));
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return pct(times, 50);
}
const smallPage = await pageTime(small, 300);
const bigPage = await pageTime(big, 300);
console.log(`ListParticipants page (100): ${ms(bigPage)} on 25,000 vs ${ms(smallPage)} on 100 participants; ratio ${(bigPage / smallPage).toFixed(2)} (bar ≤ 1.5)`);

// A full walk of the 25,000 participants.
t0 = performance.now();
let token: string | undefined;
let pages = 0;
let seen = 0;
do {
  const out = await client.send(new ListParticipantsCommand({ ...big, maxResults: 100, nextToken: token }));
  seen += out.participants?.length ?? 0;
  token = out.nextToken;
  pages++;
} while (token);
const walk = (performance.now() - t0) / 1000;
console.log(`full walk: ${seen} participants in ${pages} pages, ${walk.toFixed(2)} s (bar < 2 s)`);

client.destroy();
await em.close();
const ok = bigPage / smallPage <= 1.5 && walk < 2 && seen === 25_000;
console.log(ok ? 'bench:emulator: all bars met' : 'bench:emulator: a bar was missed');
process.exit(ok ? 0 : 1);
