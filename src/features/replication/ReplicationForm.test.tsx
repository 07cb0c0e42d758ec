import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AwsLayer } from '../../aws/awsLayer';
import { renderWithProviders } from '../../test/renderWithProviders';
import { ReplicationForm } from './ReplicationForm';

describe('ReplicationForm', () => {
  it('blocks an invalid submit with messages on the fields and sends no StartParticipantReplication', async () => {
    const send = vi.fn((_region: string, command: { constructor: { name: string } }) =>
      command.constructor.name === 'ListStagesCommand' ? Promise.resolve({ stages: [] }) : Promise.reject(new Error('unexpected')),
    );
    const aws = { regions: ['us-east-1'], send } as unknown as AwsLayer;
    renderWithProviders(<ReplicationForm region="us-east-1" search={new URLSearchParams()} />, aws);
    fireEvent.change(screen.getByLabelText('Reconnect window (seconds)'), { target: { value: '301' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start replication' }));
    expect(await screen.findByText('Enter whole seconds from 0 to 300.')).toBeTruthy();
    expect(screen.getByText('Choose the source stage, or paste its ARN.')).toBeTruthy();
    expect(screen.getByLabelText('Reconnect window (seconds)').getAttribute('aria-invalid')).toBe('true');
    const names = send.mock.calls.map((c) => c[1].constructor.name);
    expect(names).not.toContain('StartParticipantReplicationCommand');
  });
});
