import { describe, expect, it } from 'vitest';
import { cliCommand, cliInputJson, cliJsonCommand, kebab, shellQuote, shellWords } from './cli';

const HOSTILE = [`it's`, `$(rm -rf ~)`, '`id`', 'a b\tc', 'line1\nline2', `"double"`, `back\\slash`, '', '--endpoint-url=http://evil', `'`, `;|&<>*?!#~`];

describe('CLI commands', () => {
  it('shellQuote leaves plain ids bare and single-quotes anything a shell would interpret', () => {
    expect(shellQuote('arn:aws:ivs:us-east-1:123456789012:stage/abcdEFGH1234')).toBe('arn:aws:ivs:us-east-1:123456789012:stage/abcdEFGH1234');
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe(`''`);
    expect(shellQuote('$(id)')).toBe(`'$(id)'`);
  });

  it('shellQuote round-trips hostile strings through a POSIX word split', () => {
    for (const s of HOSTILE) expect(shellWords(`echo ${shellQuote(s)}`)).toEqual(['echo', s]);
  });

  it('builds the start-participant-replication command with region, ids, window and attributes', () => {
    const call = {
      operation: 'StartParticipantReplication',
      region: 'us-east-1',
      input: { sourceStageArn: 'arn:aws:ivs:us-east-1:123456789012:stage/src', destinationStageArn: 'arn:aws:ivs:us-east-1:123456789012:stage/dst', participantId: 'p-1', reconnectWindowSeconds: 30, attributes: { role: `host's "mic"` }, nextToken: undefined },
    };
    const line = cliCommand(call);
    expect(line).toBe(
      `aws ivs-realtime start-participant-replication --region us-east-1 --source-stage-arn arn:aws:ivs:us-east-1:123456789012:stage/src --destination-stage-arn arn:aws:ivs:us-east-1:123456789012:stage/dst --participant-id p-1 --reconnect-window-seconds 30 --attributes '{"role":"host'\\''s \\"mic\\""}'`,
    );
    const words = shellWords(line);
    expect(JSON.parse(words[words.length - 1] as string)).toEqual({ role: `host's "mic"` });
    expect(JSON.parse(cliInputJson(call))).toEqual({ ...call.input, nextToken: undefined });
    const jsonWords = shellWords(cliJsonCommand(call));
    expect(jsonWords.slice(0, 6)).toEqual(['aws', 'ivs-realtime', 'start-participant-replication', '--region', 'us-east-1', '--cli-input-json']);
    expect(JSON.parse(jsonWords[6] as string)).toEqual(JSON.parse(cliInputJson(call)));
  });

  it('a hostile user id stays one argument and can never be read as another option', () => {
    for (const userId of HOSTILE) {
      const words = shellWords(cliCommand({ operation: 'ListParticipants', region: 'us-west-2', input: { filterByUserId: userId } }));
      const joined = words.slice(5).join('\u0000');
      expect(joined === `--filter-by-user-id\u0000${userId}` || joined === `--filter-by-user-id=${userId}`).toBe(true);
      if (userId.startsWith('-')) expect(words[5]).toBe(`--filter-by-user-id=${userId}`);
    }
  });

  it('names operations and members the way the CLI does, with booleans as flags and lists as words', () => {
    expect(kebab('ListParticipantEvents')).toBe('list-participant-events');
    expect(cliCommand({ operation: 'ListParticipants', region: 'us-east-1', input: { filterByPublished: true, stageArn: 'a' } })).toBe(
      'aws ivs-realtime list-participants --region us-east-1 --filter-by-published --stage-arn a',
    );
    expect(cliCommand({ operation: 'CreateParticipantToken', region: 'us-east-1', input: { capabilities: ['PUBLISH', 'SUBSCRIBE'] } })).toBe(
      'aws ivs-realtime create-participant-token --region us-east-1 --capabilities PUBLISH SUBSCRIBE',
    );
  });

  it('names a configured endpoint with --endpoint-url so the copied command runs against it, and adds no flag without one', () => {
    const input = { sourceStageArn: 'arn:aws:ivs:us-east-1:123456789012:stage/src', destinationStageArn: 'arn:aws:ivs:us-east-1:123456789012:stage/dst', participantId: 'p-1' };
    const emulator = { operation: 'StopParticipantReplication', region: 'us-east-1', input, endpoint: 'http://127.0.0.1:4599' };
    expect(cliCommand(emulator)).toBe(
      'aws ivs-realtime stop-participant-replication --region us-east-1 --endpoint-url http://127.0.0.1:4599 --source-stage-arn arn:aws:ivs:us-east-1:123456789012:stage/src --destination-stage-arn arn:aws:ivs:us-east-1:123456789012:stage/dst --participant-id p-1',
    );
    expect(shellWords(cliJsonCommand(emulator)).slice(3, 7)).toEqual(['--region', 'us-east-1', '--endpoint-url', 'http://127.0.0.1:4599']);
    // An endpoint a shell would read differently (here `&` and a space) stays one word.
    const odd = `https://proxy.example.com/ivs?a=1&b=two words`;
    expect(shellWords(cliCommand({ ...emulator, endpoint: odd })).slice(5, 7)).toEqual(['--endpoint-url', odd]);
    // AWS's own endpoint: the CLI finds it from --region.
    for (const call of [{ ...emulator, endpoint: undefined }, { ...emulator, endpoint: '' }]) {
      expect(cliCommand(call)).not.toContain('--endpoint-url');
      expect(cliJsonCommand(call)).not.toContain('--endpoint-url');
    }
    // The JSON input holds API members only; the endpoint is not one.
    expect(JSON.parse(cliInputJson(emulator))).toEqual(input);
  });
});
