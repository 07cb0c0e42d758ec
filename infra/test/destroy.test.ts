// `npm run destroy` says whether the user pool was kept, from the same context the synth reads.
import { describe, expect, it } from 'vitest';
import { destroySummary, retainUserPoolFrom } from '../bin/destroy.ts';

describe('destroy output', () => {
  it('reads retainUserPool from -c / --context (last one wins), else the context files, default true', () => {
    expect(retainUserPoolFrom(['-c', 'domainPrefix=x'], {})).toBe(true);
    expect(retainUserPoolFrom(['-c', 'retainUserPool=false'], {})).toBe(false);
    expect(retainUserPoolFrom(['--context', 'retainUserPool=false', '-c', 'retainUserPool=true'], {})).toBe(true);
    expect(retainUserPoolFrom(['--context=retainUserPool=false'], {})).toBe(false);
    expect(retainUserPoolFrom([], { retainUserPool: false })).toBe(false);
    expect(retainUserPoolFrom(['-c', 'retainUserPool=no'], {})).toBe('no');
  });

  it('says the pool is kept, with deletion protection, and how to remove it; or that it is deleted', () => {
    const kept = destroySummary(true).join('\n');
    expect(kept).toMatch(/User pool: KEPT\. greenroom-staff, with every staff user/);
    expect(kept).toMatch(/deletion protection on/);
    expect(kept).toMatch(/delete-user-pool/);
    const gone = destroySummary(false).join('\n');
    expect(gone).toMatch(/User pool: DELETED with the stack \(retainUserPool=false\)/);
    for (const text of [kept, gone]) expect(text).toMatch(/Log groups: KEPT\. \/aws\/lambda\/Greenroom-CustomCDKBucketDeployment… .*\n.*CustomS3AutoDeleteObjects/);
  });
});
