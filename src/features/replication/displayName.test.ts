import { describe, expect, it } from 'vitest';
import { displayNameOf } from './queries';

describe('display name from attributes', () => {
  it('takes displayName first, then display_name, then name; blank values do not count', () => {
    expect(displayNameOf({ role: 'host', displayName: 'Maya Okafor', name: 'maya' })).toBe('Maya Okafor');
    expect(displayNameOf({ display_name: ' Leo Brandt ', name: 'leo' })).toBe('Leo Brandt');
    expect(displayNameOf({ displayName: '   ', name: 'Gus Guest' })).toBe('Gus Guest');
    expect(displayNameOf({ role: 'guest' })).toBeUndefined();
    expect(displayNameOf({})).toBeUndefined();
  });
});
