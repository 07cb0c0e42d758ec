import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionBadge, RecordingBadge, ReplicationRoleBadge, ReplicationStateBadge } from './StateBadge';

function badge(node: React.ReactNode): { text: string; tone: string } {
  const { container } = render(<>{node}</>);
  const el = container.firstElementChild as HTMLElement;
  const tone = [...el.classList].find((c) => c.startsWith('badge-')) ?? el.className;
  cleanup();
  return { text: (el.textContent ?? '').replace(/^[●▲✕○◆]\s*/, ''), tone };
}

describe('state badges', () => {
  afterEach(cleanup);

  it('a replication state reads the same in the state badge and the role badge', () => {
    expect(badge(<ReplicationStateBadge state="ACTIVE" />)).toEqual({ text: 'Active', tone: 'badge-ok' });
    expect(badge(<ReplicationRoleBadge type="REPLICA" state="ACTIVE" />)).toEqual({ text: 'Replica, Active', tone: 'badge-ok' });
    expect(badge(<ReplicationStateBadge state="STOPPED" />)).toEqual({ text: 'Stopped', tone: 'badge-neutral' });
    expect(badge(<ReplicationRoleBadge type="SOURCE" state="STOPPED" />)).toEqual({ text: 'Source, Stopped', tone: 'badge-neutral' });
  });

  it('a missing replication state is Unknown, with the same tone, in both', () => {
    expect(badge(<ReplicationStateBadge />)).toEqual({ text: 'Unknown', tone: 'badge-warn' });
    expect(badge(<ReplicationRoleBadge type="SOURCE" />)).toEqual({ text: 'Source, Unknown', tone: 'badge-warn' });
    expect(badge(<ReplicationRoleBadge type="NONE" />).text).toBe('None');
  });

  it('connection and recording states', () => {
    expect(badge(<ConnectionBadge state="CONNECTED" />)).toEqual({ text: 'Connected', tone: 'badge-ok' });
    expect(badge(<ConnectionBadge state="DISCONNECTED" />)).toEqual({ text: 'Disconnected', tone: 'badge-neutral' });
    expect(badge(<ConnectionBadge />)).toEqual({ text: 'Unknown', tone: 'badge-warn' });
    expect(badge(<RecordingBadge state="ACTIVE" />)).toEqual({ text: 'Recording', tone: 'badge-ok' });
    expect(badge(<RecordingBadge state="FAILED" />)).toEqual({ text: 'Failed', tone: 'badge-bad' });
    expect(badge(<RecordingBadge state="DISABLED" />).text).toBe('Off');
  });

  it('a replica whose replication stopped reads "Replication stopped", never "Disconnected"', () => {
    const stopped = { replicationType: 'REPLICA', replicationState: 'STOPPED' };
    expect(badge(<ConnectionBadge state="DISCONNECTED" replication={stopped} />)).toEqual({ text: 'Replication stopped', tone: 'badge-neutral' });
    // Whatever IVS says of the connection: the replication is what ended it.
    expect(badge(<ConnectionBadge replication={stopped} />).text).toBe('Replication stopped');
    // An active replica, a source whose replications stopped, and a plain participant keep their connection words.
    expect(badge(<ConnectionBadge state="CONNECTED" replication={{ replicationType: 'REPLICA', replicationState: 'ACTIVE' }} />).text).toBe('Connected');
    expect(badge(<ConnectionBadge state="DISCONNECTED" replication={{ replicationType: 'SOURCE', replicationState: 'STOPPED' }} />).text).toBe('Disconnected');
    expect(badge(<ConnectionBadge state="DISCONNECTED" replication={{ replicationType: 'NONE' }} />).text).toBe('Disconnected');
  });

  it('a state IVS adds later is still said in words, never as the raw enum value', () => {
    expect(badge(<ReplicationStateBadge state="PAUSED_BY_IVS" />).text).toBe('Paused by ivs');
    expect(badge(<ReplicationRoleBadge type="REPLICA" state="PAUSED_BY_IVS" />).text).toBe('Replica, Paused by ivs');
    expect(badge(<RecordingBadge state="RECONNECTING" />).text).toBe('Reconnecting');
  });
});
