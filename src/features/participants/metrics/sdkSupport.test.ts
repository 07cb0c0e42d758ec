import { describe, expect, it } from 'vitest';
import { compareVersions, sdkSupport } from './sdkSupport';

describe('which clients can report CloudWatch metrics', () => {
  it('compares versions by their numbers', () => {
    expect(compareVersions('1.5.2', '1.5.10')).toBeLessThan(0);
    expect(compareVersions('1.12.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.5.2-rc.1', '1.5.2')).toBe(0);
    expect(compareVersions('latest', '1.0.0')).toBeUndefined();
  });

  it('says a Web SDK before 1.5.0 or a mobile SDK before 1.12.0 cannot report, and 1.5.0–1.5.1 may not', () => {
    expect(sdkSupport({ browserName: 'Chrome', sdkVersion: '1.4.0' })).toEqual({ kind: 'too-old', platform: 'Web', version: '1.4.0', minimum: '1.5.0' });
    expect(sdkSupport({ browserName: 'Firefox', sdkVersion: '1.5.1' })).toEqual({ kind: 'maybe', platform: 'Web', version: '1.5.1', minimum: '1.5.2', documented: '1.5.0' });
    expect(sdkSupport({ browserName: 'Safari', sdkVersion: '1.24.0' })).toEqual({ kind: 'reports' });
    expect(sdkSupport({ osName: 'Android', sdkVersion: '1.11.0' })).toMatchObject({ kind: 'too-old', platform: 'Android', minimum: '1.12.0' });
    expect(sdkSupport({ osName: 'iOS', sdkVersion: '1.12.0' })).toEqual({ kind: 'reports' });
  });

  it('counts encoders without an SDK as reporting, and does not judge what it cannot tell', () => {
    expect(sdkSupport({ protocol: 'RTMPS', sdkVersion: '0.1' })).toEqual({ kind: 'reports' });
    expect(sdkSupport({ sdkVersion: '1.0.0' })).toEqual({ kind: 'unknown' });
    expect(sdkSupport({ browserName: 'Chrome' })).toEqual({ kind: 'unknown' });
  });
});
